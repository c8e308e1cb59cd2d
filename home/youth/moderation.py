"""A moderator's decision on a youth contribution, wherever it is taken."""

from django.utils import timezone

from cms.core.api.caching import bump_content_version

from ..models.youth import ContributionStatus


def moderate(contribution, user):
    """Save ``contribution`` as ``user`` decided it (status, text to publish, reason).

    The panel's public answers change only when what is public changes: a contribution
    approved, withdrawn from approval or edited while approved. A new one waiting does
    not empty the API's cache (anyone may send one)."""
    was_public = type(contribution).objects.filter(pk=contribution.pk, status=ContributionStatus.APPROVED).exists()
    contribution.moderated_at = timezone.now()
    contribution.moderated_by = user
    contribution.save()
    if was_public or contribution.status == ContributionStatus.APPROVED:
        bump_content_version()
    return contribution


def contribution_deleted(sender, instance, **kwargs):
    """A deleted contribution that was public leaves the panel's pages at once."""
    if instance.status == ContributionStatus.APPROVED:
        bump_content_version()
