"""Background work runs in a real worker process (django-tasks-db), not in the request."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from reports.hotline.feedback import queue_feedback
from reports.models import CaseEvent, FeedbackEmail, HotlineReport, OutgoingState

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_sends_what_a_change_queued(make_report, settings):
    if connection.vendor == "sqlite":
        pytest.skip("the test database is SQLite in memory: a second process cannot open it")
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report = make_report(reporter_email="reporter@example.org", consent=True, wants_feedback=True, language="en")
    HotlineReport.objects.filter(pk=report.pk).update(status="in-assessment")
    report.refresh_from_db()
    queue_feedback(report)  # in autocommit: the task row is written at once
    message = FeedbackEmail.objects.get(report=report)
    assert message.state == OutgoingState.QUEUED and DBTaskResult.objects.count() == 1

    database = connection.settings_dict
    address = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "TEST_TASKS_BACKEND": "database",
        "DATABASE_URL": f"postgres://{database['USER']}@{address}/{database['NAME']}",
    }
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr
    message.refresh_from_db()
    assert message.state == OutgoingState.SENT
    assert CaseEvent.objects.filter(report=report, kind="feedback").exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
