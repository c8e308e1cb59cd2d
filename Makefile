# Safer Internet CMS: `make demo` to try it, `make test` to check it. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-dev demo serve test test-postgres fault audit lint format messages check-messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.runtime $@

install: $(VENV)/.runtime ## Create .venv and install the runtime dependencies

install-dev: $(VENV)/.dev ## Install the runtime and development dependencies

demo: install ## Set up the bilingual demo site and serve it on http://127.0.0.1:8000
	$(MANAGE) local_encryption_key
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable
	$(MANAGE) load_demo --site-url http://$(HOST):$(PORT)
	@echo "Indexing the demo for search (the task worker runs what loading queued)…"
	@$(MANAGE) db_worker --batch --no-startup-delay --verbosity 0
	$(MANAGE) create_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving on http://$(HOST):$(PORT)/ (Czech at /cs/, English at /en/); the task worker logs to worker.log. Stop with Ctrl+C."
	@$(MAKE) --no-print-directory serve

# The background worker (sends e-mail, traces addresses, delivers webhooks, updates the search
# index) runs beside the server, writes to worker.log and stops with the server.
serve: install ## Serve the site and run the task worker (log: worker.log), without reloading the demo
	@$(MANAGE) db_worker --interval 1 >>worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

test: install-dev ## Run the test suite (SQLite; set DATABASE_URL for PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-dev ## Run the test suite on the local PostgreSQL
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/sic} $(BIN)/pytest $(PYTEST_ARGS)

fault: install-dev ## Restart PostgreSQL and stop Redis under load (gunicorn, production settings); needs both running
	FAULT_TESTS=1 DATABASE_URL=$${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/sic} $(BIN)/pytest -m fault tests/fault -p no:cacheprovider -s $(PYTEST_ARGS)

audit: install-dev ## Look up known vulnerabilities of the pinned requirements (pip-audit; accepted ones in docs/security.md)
	$(BIN)/python -m cms.dependency_audit

lint: install-dev ## Check formatting and lint with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Format and fix with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install-dev ## Update and compile the cs/en gettext catalogues
	$(MANAGE) makemessages --locale cs --locale en --ignore '.venv/*' --ignore 'tests/*' --ignore 'benchmarks/*' --no-obsolete
	$(MANAGE) compilemessages --ignore '.venv/*'

check-messages: install-dev ## Fail if the cs catalogue misses a translation or does not compile
	$(BIN)/python -m cms.check_catalogue locale/cs/LC_MESSAGES/django.po

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
