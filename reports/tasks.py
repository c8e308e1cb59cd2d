"""Background tasks of the reports app (django-tasks)."""

from django_tasks import task

from .helpline import retention as helpline_retention
from .hotline.retention import apply_retention


@task()
def apply_retention_task():
    """The retention job, for a scheduler that enqueues tasks instead of running commands."""
    result = apply_retention()
    helpline = helpline_retention.apply_retention()
    return {
        "reports": result.reports,
        "addresses": result.addresses,
        "receipts": result.receipts,
        "helpline_contacts": helpline.contacts,
        "helpline_messages": helpline.messages,
        "helpline_cases": helpline.cases,
        "helpline_receipts": helpline.receipts,
        "helpline_chats": helpline.chats,
        "helpline_chat_messages": helpline.chat_messages,
    }
