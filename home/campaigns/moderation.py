"""A moderator's decision on a campaign activity: who and when, and the campaign's public
answers change at once when what is public changes (as for youth contributions)."""

from django.utils import timezone

from cms.core.api.caching import bump_content_version

from ..models.campaigns import ActivityStatus


def moderate(activity, user):
    was_public = type(activity).objects.filter(pk=activity.pk, status=ActivityStatus.APPROVED).exists()
    activity.moderated_at = timezone.now()
    activity.moderated_by = user
    activity.save()
    if was_public or activity.status == ActivityStatus.APPROVED:
        bump_content_version()
    return activity


def activity_deleted(sender, instance, **kwargs):
    if instance.status == ActivityStatus.APPROVED:
        bump_content_version()
