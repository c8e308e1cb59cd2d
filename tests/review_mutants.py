"""The mutants a review found surviving the whole suite (issue 13), each applied alone and
run against the test that now states its rule. Every one must be killed.

Usage: python -m tests.review_mutants (``make mutation`` runs it after mutmut). The race
between two retries needs PostgreSQL (``TEST_DATABASE_URL``, default the local one).
"""

import os
import subprocess
import sys

from tests.servers import PROJECT

POSTGRES = os.environ.get("TEST_DATABASE_URL", "postgres://root@127.0.0.1:5432/sic")

# (file, original text, mutated text, the test that states the rule, needs PostgreSQL)
MUTANTS = [
    (
        "reports/hotline/retention.py",
        "closed_at__lt=now - timedelta(days=days)",
        "closed_at__lt=now - timedelta(hours=days)",
        "tests/reports/test_retention_and_keys.py::test_retention_starts_on_the_exact_day",
        False,
    ),
    (
        "reports/hotline/retention.py",
        "closed_at__lt=now - timedelta(days=days)",
        "closed_at__lt=now - timedelta(days=days / 2)",
        "tests/reports/test_retention_and_keys.py::test_retention_starts_on_the_exact_day",
        False,
    ),
    (
        "reports/hotline/retention.py",
        'redact(details={"reason": event.details.get("reason", "")})',
        "redact(details=event.details)",
        "tests/reports/test_retention_and_keys.py::test_retention_blanks_the_note_given_when_a_case_was_closed",
        False,
    ),
    (
        "cms/core/submission.py",
        "        if earlier := _earlier(intake, key):\n            return earlier\n",
        "",
        "tests/reports/test_intake.py::test_a_replay_is_answered_from_the_receipt_without_writing_a_report",
        False,
    ),
    (
        "cms/core/submission.py",
        "        if key and (earlier := _earlier(intake, key)):\n            return earlier\n",
        "",
        "tests/security/test_concurrency.py::test_two_retries_racing_past_the_first_look_up_file_one_report",
        True,
    ),
    (
        "cms/partners/webhooks.py",
        "elif attempts >= settings.WEBHOOK_MAX_ATTEMPTS:",
        "elif attempts > settings.WEBHOOK_MAX_ATTEMPTS:",
        "tests/partners/test_webhooks_and_reports.py::test_the_last_allowed_attempt_is_made_and_none_after_it",
        False,
    ),
    (
        "reports/hotline/monitor.py",
        "GONE_STATUSES = {404, 410, 451}",
        "GONE_STATUSES = {404, 410}",
        "tests/reports/test_monitor_checks.py::test_each_status_means_what_the_monitor_records",
        False,
    ),
    (
        "cms/core/limits.py",
        'address = BaseThrottle().get_ident(request) or ""',
        'address = ""',
        "tests/security/test_rate_limits.py::test_every_limit_counts_each_client_on_its_own",
        False,
    ),
    (
        "cms/core/throttling.py",
        'return f"client:{limits.client_digest(request)}", getattr(settings, self.setting)',
        'return "client", getattr(settings, self.setting)',
        "tests/security/test_rate_limits.py::test_every_limit_counts_each_client_on_its_own",
        False,
    ),
]


def run(test, postgres):
    env = dict(os.environ)
    if postgres:  # the SQLite templates of make mutation do not apply
        env = {key: value for key, value in env.items() if not key.startswith("SIC_TEST_")}
        env["DATABASE_URL"] = POSTGRES
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", test]
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True).returncode  # noqa: S603


def main():
    survivors = 0
    for path, original, mutated, test, postgres in MUTANTS:
        source = PROJECT / path
        text = source.read_text()
        if original not in text:
            print(f"MISSING  {path}: the code changed; update this mutant")
            survivors += 1
            continue
        source.write_text(text.replace(original, mutated, 1))
        try:
            code = run(test, postgres)
        finally:
            source.write_text(text)
        killed = code == 1  # a failed test; 0 is a pass and 5 means nothing ran (a skip)
        survivors += not killed
        print(f"{'killed  ' if killed else f'SURVIVED ({code})'} {path}: {mutated.strip() or 'look-up removed'}")
        print(f"         by {test}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
