"""The person's side of a contact, without an account: the reference and the status token
open the conversation (the counsellors' replies, never their notes), and the person can
write back until the contact is closed."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ContactEvent, ContactMessage, ContactStatus, HelplineContact


class ConversationClosed(Exception):
    def __init__(self):
        super().__init__(_("This conversation is closed. If you need help again, write to us anew."))


def find(reference, token):
    """The contact ``token`` opens, or None when the reference or the token is wrong (the
    two cannot be told apart)."""
    reference = (reference or "").strip().upper()
    if not reference or not isinstance(token, str):
        return None
    contact = HelplineContact.objects.filter(reference=reference).first()
    if contact is None or not contact.token_matches(token):
        return None
    return contact


def visible_messages(contact):
    """What the person sees: their own messages and the counsellors' replies."""
    return contact.messages.exclude(kind=ContactMessage.Kind.NOTE).order_by("created_at", "pk")


@transaction.atomic
def answer(contact, text):
    """The person writes back: the contact returns to the counsellors' queue."""
    contact = HelplineContact.objects.select_for_update().get(pk=contact.pk)
    if contact.status == ContactStatus.CLOSED:
        raise ConversationClosed
    now = timezone.now()
    message = ContactMessage.objects.create(
        contact=contact, kind=ContactMessage.Kind.FROM_PERSON, text=text, created_at=now
    )
    status = ContactStatus.OPEN if contact.status == ContactStatus.WAITING else contact.status
    HelplineContact.objects.filter(pk=contact.pk).update(status=status, version=F("version") + 1)
    ContactEvent.objects.create(contact=contact, kind=ContactEvent.Kind.ANSWERED, created_at=now)
    return message
