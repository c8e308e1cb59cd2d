"""The audit log: who viewed or changed which case record, and when.

Entries name the record by type and id and say what was done; they never copy personal
data (no e-mail addresses, no reported addresses, no descriptions).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel, user_reference


class AuditEntry(AppendOnlyModel):
    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CREATE = "create", _("created")
        CHANGE = "change", _("changed")
        EXPORT = "export", _("exported")
        ANONYMISE = "anonymise", _("anonymised")
        SIGN_IN = "sign-in", _("sign-in security")

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = user_reference(_("user"))
    username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("record type"), max_length=64, db_index=True)
    object_id = models.CharField(_("record"), max_length=64)
    summary = models.CharField(_("what"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]
        permissions = [("view_audit_log", _("Can browse the audit log"))]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type} {self.object_id}"


def audit(user, action, record, summary=""):
    """Write one entry for ``record`` (a model instance, or a ``(type, id)`` pair for what
    is not a row, such as a statistics export) done by ``user``."""
    object_type, object_id = record if isinstance(record, tuple) else (record._meta.model_name, record.pk)
    return AuditEntry.objects.create(
        user=user if user and user.is_authenticated else None,
        username=user.get_username() if user and user.is_authenticated else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:255],
    )
