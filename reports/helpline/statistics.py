"""Helpline statistics for the centre and for Insafe's quarterly report: counts by code and
the time to the first reply, never a message, a nickname or an address.

Contacts count by the day they arrived; a contact with two categories counts once in each.
The first-reply time runs from arrival to the counsellor's first reply (for logged phone,
e-mail and in-person contacts it is zero: they were answered as they happened).
"""

from django.db.models import Avg, Count

from ..figures import counts, durations
from ..models import ChatConversation, ChatState, ContactCategory, HelplineContact, Referral


def compute(period):
    start, end = period.bounds
    contacts = HelplineContact.objects.filter(received_at__gte=start, received_at__lt=end)
    categories = ContactCategory.objects.filter(contact__in=contacts)
    subcategories = categories.exclude(subcategory=None).values_list("subcategory__slug").annotate(n=Count("pk"))
    referrals = Referral.objects.filter(contact__in=contacts)
    replied = contacts.exclude(first_reply_at=None).values_list("received_at", "first_reply_at")
    return {
        "period": {"from": period.first_day.isoformat(), "to": period.last_day.isoformat(), "label": period.label},
        "contacts": {
            "total": contacts.count(),
            "urgent": contacts.filter(urgent=True).count(),
            "by_channel": counts(contacts, "channel"),
            "by_age_band": counts(contacts, "age_band"),
            "by_gender": counts(contacts, "gender"),
            "by_role": counts(contacts, "role"),
            "by_platform": counts(contacts, "platform"),
            "by_status": counts(contacts, "status"),
            "by_outcome": counts(contacts.exclude(outcome=""), "outcome"),
        },
        "categories": {
            "by_category": counts(categories, "category"),
            "by_subcategory": dict(sorted(subcategories.order_by())),
            "uncategorised": contacts.filter(categories=None).count(),
        },
        "referrals": {
            "total": referrals.count(),
            "by_service": counts(referrals, "service__kind"),
        },
        "times": {"to_first_reply": durations(replied)},
        "chats": chat_figures(start, end),
    }


def chat_figures(start, end):
    """Live chats started in the period: answered, left in the queue, blocked, the wait for
    a counsellor and the visitors' survey (chats that were answered are also contacts,
    channel ``chat``, in the figures above)."""
    chats = ChatConversation.objects.filter(queued_at__gte=start, queued_at__lt=end)
    answered = chats.exclude(accepted_at=None)
    survey = chats.exclude(survey_rating=None).aggregate(average=Avg("survey_rating"), answers=Count("pk"))
    return {
        "started": chats.count(),
        "answered": answered.count(),
        "left_in_queue": chats.filter(state=ChatState.ABANDONED).count(),
        "blocked": chats.exclude(blocked_at=None).count(),
        "wait_minutes": _minutes(durations(answered.values_list("queued_at", "accepted_at"))),
        "survey_answers": survey["answers"],
        "survey_average": round(survey["average"], 2) if survey["average"] is not None else None,
    }


def _minutes(figures):
    """``durations``' hours as minutes (a chat's wait is counted in minutes)."""
    return {
        key.replace("hours", "minutes"): value if value is None or key == "count" else round(value * 60, 1)
        for key, value in figures.items()
    }
