"""Background tasks of the reports app (django-tasks)."""

from django_tasks import task

from .hotline.retention import apply_retention


@task()
def apply_retention_task():
    """The retention job, for a scheduler that enqueues tasks instead of running commands."""
    result = apply_retention()
    return {"reports": result.reports, "addresses": result.addresses, "receipts": result.receipts}
