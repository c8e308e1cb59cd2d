"""A moderator's decision on something the public sent to be shown (a youth contribution,
a campaign activity), wherever it is taken: who and when, and the API's cached answers
change at once when what is public changes, but not for a new submission waiting (anyone
may send one, so it must not empty the cache)."""

from django.utils import timezone

from .api.caching import bump_content_version

PUBLIC = "approved"  # the status every moderated model publishes under


def moderate(record, user):
    """Save ``record`` as ``user`` decided it; stale public answers are dropped."""
    was_public = type(record).objects.filter(pk=record.pk, status=PUBLIC).exists()
    record.moderated_at = timezone.now()
    record.moderated_by = user
    record.save()
    if was_public or record.status == PUBLIC:
        bump_content_version()
    return record


def public_record_deleted(sender, instance, **kwargs):
    """A ``post_delete`` receiver: a deleted public record leaves the public answers at once."""
    if instance.status == PUBLIC:
        bump_content_version()
