"""The demo's campaigns: Safer Internet Day 2027 with a social card and a poster to share,
the toolkits and resources it points to, and schools' activities (three approved, one
waiting for a moderator), in Czech and English."""

import datetime

from django.utils import timezone

from home.models import CampaignActivity
from home.models.campaigns import ActivityStatus
from resources.models import Audience

INDEX = {
    "cs": {"title": "Kampaně", "slug": "kampane", "intro": "<p>Osvětové kampaně centra a jak se do nich zapojit.</p>"},
    "en": {
        "title": "Campaigns",
        "slug": "campaigns",
        "intro": "<p>The centre's awareness campaigns and how to take part.</p>",
    },
}

SAFER_INTERNET_DAY = (
    "den-bezpecnejsiho-internetu-2027",
    datetime.date(2027, 2, 1),
    datetime.date(2027, 2, 28),
    {
        "title": "Den bezpečnějšího internetu 2027",
        "key_message": "Společně pro lepší internet: mluvme s dětmi o tom, co na internetu zažívají.",
        "lead": "Každý únor se školy, knihovny a rodiny po celé Evropě zapojují do Dne bezpečnějšího internetu. "
        "Uspořádejte u sebe besedu, hodinu nebo soutěž a zaregistrujte ji: ukážeme ji na mapě aktivit.",
    },
    {
        "title": "Safer Internet Day 2027",
        "slug": "safer-internet-day-2027",
        "key_message": "Together for a better internet: let us talk with children about what they live online.",
        "lead": "Every February schools, libraries and families across Europe take part in Safer Internet Day. "
        "Hold a talk, a lesson or a competition and register it: we show it with the other activities.",
    },
)

# campaign day, organisation, title, city, region, audience, reach, language; the last waits for a moderator
ACTIVITIES = [
    (9, "ZŠ Kuncova, Praha 5", "Projektový den: kyberšikana a přátelství online", "Praha", "praha", "children", 240,
     "cs"),
    (10, "Městská knihovna Tábor", "Beseda pro rodiče: hry a čas u obrazovky", "Tábor", "jihocesky", "parents", 35,
     "cs"),
    (11, "Gymnázium Brno, třída Kapitána Jaroše", "Student hackathon: fact-checking bot", "Brno", "jihomoravsky",
     "young-people", 60, "en"),
    (12, "ZŠ Nový Jičín", "Soutěž o nejlepší plakát o bezpečném hesle", "Nový Jičín", "moravskoslezsky",
     "children", 120, "cs"),
]  # fmt: skip


def load_activities(campaign):
    """Create the demo activities once (a second run changes nothing)."""
    if CampaignActivity.objects.filter(campaign=campaign).exists():
        return 0
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    now = timezone.now()
    for number, (day, organisation, title, city, region, audience, reach, language) in enumerate(ACTIVITIES, start=1):
        waiting = number == len(ACTIVITIES)
        CampaignActivity.objects.create(
            reference=f"KA-{now.year}-{900000 + number:06d}",
            received_at=now - datetime.timedelta(days=20 - number),
            language=language,
            channel="web",
            campaign=campaign,
            organisation=organisation,
            title=title,
            city=city,
            region=region,
            date=campaign.start.replace(day=day),
            audience=audiences[audience],
            reach=reach,
            email=f"skola{number}@example.invalid" if waiting else "",
            status=ActivityStatus.PENDING if waiting else ActivityStatus.APPROVED,
            moderated_at=None if waiting else now - datetime.timedelta(days=10 - number),
        )
    return len(ACTIVITIES)
