"""``make audit`` reads pip-audit's JSON: findings fail, accepted ones and a database that
cannot be reached are said plainly."""

import json
import subprocess

import pytest

from cms.core import dependency_audit


@pytest.fixture
def pip_audit_says(monkeypatch):
    def answer(dependencies, stderr=""):
        stdout = json.dumps({"dependencies": dependencies}) if dependencies is not None else "not json"
        result = subprocess.CompletedProcess([], 0, stdout=stdout, stderr=stderr)
        monkeypatch.setattr(dependency_audit.subprocess, "run", lambda *args, **kwargs: result)

    return answer


def test_a_finding_fails_and_is_named(pip_audit_says, capsys):
    pip_audit_says(
        [
            {"name": "django", "version": "5.2", "vulns": [{"id": "PYSEC-1", "aliases": ["CVE-1"]}]},
            {"name": "wagtail", "version": "7.0", "vulns": []},
            {"name": "ours", "version": "0.1", "skip_reason": "not on PyPI"},
        ]
    )
    assert dependency_audit.main() == 1
    assert capsys.readouterr().out.splitlines() == [
        "django 5.2: PYSEC-1",
        "Audited 2 packages (1 not found in the database): 1 findings.",
    ]


def test_an_accepted_finding_passes_by_its_id_or_an_alias(pip_audit_says, monkeypatch, capsys):
    monkeypatch.setattr(dependency_audit, "ACCEPTED", {"CVE-1": "not reachable in our use"})
    pip_audit_says([{"name": "django", "version": "5.2", "vulns": [{"id": "PYSEC-1", "aliases": ["CVE-1"]}]}])
    assert dependency_audit.main() == 0
    assert capsys.readouterr().out.strip() == "Audited 1 packages (0 not found in the database): 0 findings."


@pytest.mark.parametrize(("required", "code"), [("", 0), ("1", 1)])
def test_no_database_is_said_loudly_and_fails_when_required(pip_audit_says, monkeypatch, capsys, required, code):
    monkeypatch.setenv("AUDIT_REQUIRED", required)
    pip_audit_says(None, stderr="Connection refused")
    assert dependency_audit.main() == code
    captured = capsys.readouterr()
    assert captured.out.startswith("AUDIT NOT DONE: no vulnerability database could be reached, so none of the 0")
    assert "Connection refused" in captured.err
