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

.PHONY: screenshots
.PHONY: help install install-dev demo serve test test-postgres coverage mutation mutation-survivors fault scale-out audit lint format messages check-messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	@echo "Installing the runtime dependencies (pip, quiet)..."
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.runtime $@

install: $(VENV)/.runtime ## Create .venv and install the runtime dependencies

install-dev: $(VENV)/.dev ## Install the runtime and development dependencies

demo: ## Set up the bilingual demo site and serve it on http://$(HOST):$(PORT) (PORT=8080 make demo for another port)
	@echo "[1/5] Installing the dependencies into $(VENV) (a few minutes the first time)..."
	@$(MAKE) --no-print-directory install
	@echo "[2/5] Preparing the database (migrations, cache table, local encryption key)..."
	@$(MANAGE) local_encryption_key
	@$(MANAGE) migrate --no-input --verbosity 0
	@$(MANAGE) createcachetable
	@echo "[3/5] Loading the demo site in Czech and English (pictures and PDF worksheets are made now)..."
	@$(MANAGE) load_demo --site-url http://$(HOST):$(PORT)
	@$(MANAGE) load_helpline_demo
	@echo "[4/5] Indexing the demo for search (the task worker runs what loading queued)..."
	@$(MANAGE) db_worker --batch --no-startup-delay --verbosity 0
	@echo "[5/5] The administrator:"
	@$(MANAGE) create_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving on http://$(HOST):$(PORT)/ (Czech at /cs/, English at /en/; the helpline chat at /cs/pomoc/chat/ and /admin/helpline/chat/); the task worker logs to worker.log. Stop with Ctrl+C."
	@# DEBUG off: the demo shows the site's own error pages, as a visitor would see them.
	@DEBUG=$${DEBUG:-0} $(MAKE) --no-print-directory serve

# The background worker (sends e-mail, traces addresses, delivers webhooks, updates the search
# index) runs beside the server, writes to worker.log and stops with the server. The server is
# the ASGI one (uvicorn): pages and the helpline chat's WebSockets on the same port, with the
# development settings; no access log and no connection log (they would hold visitors' addresses).
serve: install ## Serve the site (HTTP and the chat's WebSockets) and run the task worker (log: worker.log)
	@$(MANAGE) db_worker --interval 1 >>worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-cms.settings.dev} WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) \
		$(BIN)/uvicorn cms.asgi:application --host $(HOST) --port $(PORT) --ws-max-size 65536 --no-access-log --log-level warning

test: install-dev ## Run the test suite (SQLite; set DATABASE_URL for PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-dev ## Run the test suite on the local PostgreSQL
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/sic} $(BIN)/pytest $(PYTEST_ARGS)

# Branch and line coverage of the whole suite (run by CI on PostgreSQL, with the browser
# and fuzz suites), failing below the floors this project has reached (docs/testing.md).
COVERAGE_BRANCH_FLOOR := 92
COVERAGE_LINE_FLOOR := 96
coverage: install-dev ## Run the suite with branch coverage; fails below the floors (set DATABASE_URL for PostgreSQL)
	rm -f .coverage coverage.json
	$(BIN)/pytest --cov --cov-report=term --cov-report=json:coverage.json $(PYTEST_ARGS)
	$(BIN)/python -m tests.coverage_floor coverage.json --branches $(COVERAGE_BRANCH_FLOOR) --lines $(COVERAGE_LINE_FLOOR)

# Mutation testing (mutmut) of the sensitive modules listed in pyproject.toml: each mutant
# runs against the tests that reach it, on copies of a migrated SQLite file and of one with
# the demo loaded (tests/database_template.py). About an hour on 2 cores; results stay in
# mutants/, and a second run retests only what changed. docs/testing.md.
MUTATION_DB := $(CURDIR)/mutants-db
ON_MUTATION_DB = DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=sqlite:///$(MUTATION_DB)/$(1).sqlite3
FROM_MUTATION_DB := SIC_TEST_DB_TEMPLATE=$(MUTATION_DB)/schema.sqlite3 SIC_TEST_DEMO_TEMPLATE=$(MUTATION_DB)/demo.sqlite3
MUTMUT := $(BIN)/mutmut run --max-children $${MUTATION_JOBS:-2}
mutation: install-dev ## Mutation testing of the sensitive modules; fails below 90% killed
	rm -rf $(MUTATION_DB) && mkdir -p $(MUTATION_DB)
	$(call ON_MUTATION_DB,schema) $(MANAGE) migrate --no-input -v0
	$(call ON_MUTATION_DB,schema) $(MANAGE) createcachetable
	cp $(MUTATION_DB)/schema.sqlite3 $(MUTATION_DB)/demo.sqlite3
	$(call ON_MUTATION_DB,demo) $(MANAGE) load_demo >/dev/null
	$(FROM_MUTATION_DB) $(MUTMUT) >mutants-run.log 2>&1 || (tail -n 40 mutants-run.log; exit 1)
	$(BIN)/python -m tests.mutation_report --minimum 90
	$(FROM_MUTATION_DB) $(BIN)/python -m tests.review_mutants

# After improving the tests: run the mutants not yet killed again (mutmut keeps the others'
# results), on the databases the last `make mutation` built.
mutation-survivors: install-dev ## Retest the mutants `make mutation` left alive
	$(FROM_MUTATION_DB) $(MUTMUT) $$($(BIN)/python -m tests.mutation_report --survivors) \
		>mutants-run.log 2>&1 || (tail -n 40 mutants-run.log; exit 1)
	$(BIN)/python -m tests.mutation_report --minimum 90

fault: install-dev ## Restart PostgreSQL and stop Redis under load (gunicorn, production settings); needs both running
	FAULT_TESTS=1 DATABASE_URL=$${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/sic} $(BIN)/pytest -m fault tests/fault -p no:cacheprovider -s $(PYTEST_ARGS)

scale-out: install-dev ## Three app servers behind haproxy on PostgreSQL + Redis: throughput, a publish seen by all, rate limits, a server killed (needs haproxy)
	@command -v haproxy >/dev/null || { echo "haproxy is needed: apt-get install haproxy"; exit 1; }
	$(BIN)/python benchmarks/scale_out.py

audit: install-dev ## Look up known vulnerabilities of the pinned requirements (pip-audit; accepted ones in docs/security.md)
	$(BIN)/python -m cms.core.dependency_audit

lint: install-dev ## Check formatting, lint (ruff, complexity ≤ 10) and the import layers (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=$(CURDIR) $(BIN)/lint-imports --no-cache

format: install-dev ## Format and fix with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install-dev ## Update and compile the cs/en gettext catalogues
	$(MANAGE) makemessages --locale cs --locale en --ignore '.venv/*' --ignore 'tests/*' --ignore 'benchmarks/*' --ignore 'mutants/*' --no-obsolete
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'mutants/*'

check-messages: install-dev ## Fail if the cs catalogue misses a translation or does not compile
	$(BIN)/python -m cms.core.check_catalogue locale/cs/LC_MESSAGES/django.po

screenshots: install-dev ## Screenshots of the key pages at desktop and phone widths into docs/screenshots/ (needs chromium)
	$(BIN)/python -m tests.screenshots

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
