"""Retention: closed contacts keep their statistics, not the people in them.

A contact closed more than ``HELPLINE_RETENTION_DAYS`` ago is anonymised: its nickname,
e-mail address, messages and notes are blanked (the rows stay, empty, so counts and times
hold), its status token stops working, and a case whose contacts are all anonymised loses
its summary. Channel, age band, gender, role, platform, categories, urgency, referrals,
outcome and times stay. Idempotency receipts are deleted after a day.

A chat is anonymised on the same schedule, counted from its end (or its start, for one
that never ended): its messages are deleted, its nickname and survey comment blanked, and
its token opens nothing; its times, codes and survey rating stay for the statistics.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    AuditEntry,
    ChatConversation,
    ChatMessage,
    ContactEvent,
    ContactMessage,
    ContactStatus,
    HelplineCase,
    HelplineContact,
    HelplineReceipt,
    audit,
)


@dataclass
class RetentionResult:
    contacts: int = 0
    messages: int = 0
    cases: int = 0
    receipts: int = 0
    chats: int = 0
    chat_messages: int = 0


def due_contacts(now=None, days=None):
    now = now or timezone.now()
    days = settings.HELPLINE_RETENTION_DAYS if days is None else days
    return HelplineContact.objects.filter(
        status=ContactStatus.CLOSED, closed_at__lt=now - timedelta(days=days), anonymised_at__isnull=True
    )


def apply_retention(now=None, days=None):
    now = now or timezone.now()
    result = RetentionResult()
    for contact in due_contacts(now, days).iterator():
        with transaction.atomic():
            result.messages += _anonymise(contact, now)
            result.contacts += 1
    fully_anonymised = HelplineCase.objects.filter(anonymised_at__isnull=True).exclude(
        contacts__anonymised_at__isnull=True
    )
    for case in fully_anonymised.filter(contacts__isnull=False).distinct():
        HelplineCase.objects.filter(pk=case.pk).update(summary="", anonymised_at=now)
        audit(None, AuditEntry.Action.ANONYMISE, case, "retention")
        result.cases += 1
    result.receipts = HelplineReceipt.delete_expired(now)
    _anonymise_chats(now, settings.HELPLINE_RETENTION_DAYS if days is None else days, result)
    return result


def due_chats(now, days):
    cutoff = now - timedelta(days=days)
    ended_long_ago = Q(ended_at__lt=cutoff) | Q(ended_at__isnull=True, queued_at__lt=cutoff)
    return ChatConversation.objects.filter(ended_long_ago, anonymised_at__isnull=True)


def _anonymise_chats(now, days, result):
    for chat in due_chats(now, days).only("pk").iterator():
        with transaction.atomic():
            deleted, _kinds = ChatMessage.objects.filter(conversation=chat).delete()
            ChatConversation.objects.filter(pk=chat.pk).update(nickname="", survey_comment="", anonymised_at=now)
            audit(None, AuditEntry.Action.ANONYMISE, chat, "retention")
            result.chats += 1
            result.chat_messages += deleted


def _anonymise(contact, now):
    HelplineContact.objects.filter(pk=contact.pk).update(
        nickname="", email="", answer_by="none", status_token_hash="", anonymised_at=now
    )
    messages = ContactMessage.objects.filter(contact=contact).exclude(text="").update(text="")
    ContactEvent.objects.create(contact=contact, kind=ContactEvent.Kind.ANONYMISED, created_at=now)
    audit(None, AuditEntry.Action.ANONYMISE, contact, "retention")
    return messages
