"""Canned responses: ready answers supervisors keep per language; a counsellor starts a
reply from one (the reply form opens with its text) and adapts it."""

from ..models import CannedResponse


def canned_choices(language):
    """The active responses, those in the contact's language first."""
    responses = CannedResponse.objects.filter(active=True)
    return sorted(responses, key=lambda response: (response.language != language, response.title))


def canned_text(pk):
    if not pk or not str(pk).isdigit():
        return ""
    response = CannedResponse.objects.filter(pk=pk, active=True).only("text").first()
    return response.text if response else ""
