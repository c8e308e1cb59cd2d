"""Records that the application only ever adds: no update, no delete, not even in bulk."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(PermissionDenied):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.verbose_name} entries cannot be deleted.")

    def redact(self, **fields):
        """The one change allowed, for the retention job only: blank personal data."""
        return super().update(**fields)


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.verbose_name} entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.verbose_name} entries cannot be deleted.")


def user_reference(verbose_name):
    """Who did something, on an append-only record: the user row may be deleted later,
    and the record (which also keeps the name as text) must neither change nor go."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )


class HistoryEvent(AppendOnlyModel):
    """One step in a case's history (a hotline report's, a helpline contact's): who, when,
    and details that are codes and counts, never personal data."""

    actor = user_reference(_("who"))
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
