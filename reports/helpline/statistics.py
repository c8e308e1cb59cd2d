"""Helpline statistics for the centre and for Insafe's quarterly report: counts by code and
the time to the first reply, never a message, a nickname or an address.

Contacts count by the day they arrived; a contact with two categories counts once in each.
The first-reply time runs from arrival to the counsellor's first reply (for logged phone,
e-mail and in-person contacts it is zero: they were answered as they happened).
"""

from django.db.models import Count

from ..figures import counts, durations
from ..models import ContactCategory, HelplineContact, Referral


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
    }
