"""The demo's Academy inbox: inquiries schools sent last quarter, some held (with their
participants, so the impact figures have a quarter to show), one declined, one still in
discussion. The contact details are placeholders at a reserved domain."""

import datetime

from django.utils import timezone

from home.models import WorkshopInquiry, WorkshopPage
from resources.models import Audience

from .academy import INQUIRIES


def previous_quarter_start(today):
    """The first day of the quarter before ``today``'s."""
    this_quarter = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_day_before = this_quarter - datetime.timedelta(days=1)
    return datetime.date(last_day_before.year, 3 * ((last_day_before.month - 1) // 3) + 1, 1)


def load_inquiries():
    """Create the demo inquiries once (a second run changes nothing)."""
    if WorkshopInquiry.objects.exists():
        return 0
    zone = timezone.get_current_timezone()
    start = previous_quarter_start(timezone.localdate())
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for number, (organisation, region, wanted, size, status, participants, workshop, language) in enumerate(
        INQUIRIES, start=1
    ):
        received = datetime.datetime.combine(start + datetime.timedelta(days=7 * number), datetime.time(10), zone)
        held_at = received + datetime.timedelta(days=21, hours=-2)
        scheduled = status in ("held", "closed")
        inquiry = WorkshopInquiry.objects.create(
            reference=f"AK-{received.year}-{900000 + number:06d}",
            received_at=received,
            status_changed_at=received + datetime.timedelta(days=25),
            language=language,
            channel="web",
            organisation=organisation,
            region=region,
            contact_name="Ukázková kontaktní osoba" if language == "cs" else "Sample contact",
            email=f"skola{number}@example.invalid",
            group_size=size,
            workshop=WorkshopPage.objects.filter(slug=workshop).first(),
            status=status,
            scheduled_start=held_at if scheduled else None,
            scheduled_end=held_at + datetime.timedelta(minutes=90) if scheduled else None,
            venue=organisation if scheduled else "",
            participants=participants,
        )
        inquiry.audiences.set([audiences[slug] for slug in wanted.split(",")])
    return len(INQUIRIES)
