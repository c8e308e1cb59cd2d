"""The demo's youth panel: its page, a participation activity, and contributions young
people sent, approved by a moderator (two waiting, never shown), in Czech and English."""

import datetime

from django.utils import timezone

from home.models import YouthContribution
from home.models.youth import ContributionStatus
from resources.models import Topic

YOUTH_PANEL = {
    "cs": {
        "title": "Mládežnický panel",
        "slug": "mladez",
        "lead": "Jste mladí a máte co říct k internetu? Panel sbírá vaše názory, nápady a příběhy a předává je "
        "dospělým, kteří o internetu rozhodují.",
        "intro": "<p>Scházíme se jednou za měsíc online i naživo a spolupracujeme na kampaních, jako je Den "
        "bezpečnějšího internetu. Napsat nám můžete kdykoli formulářem níže: jméno ani e-mail nepotřebujete.</p>",
    },
    "en": {
        "title": "Youth panel",
        "slug": "youth",
        "lead": "Young and with something to say about the internet? The panel gathers your opinions, ideas and "
        "stories and takes them to the adults who make decisions about it.",
        "intro": "<p>We meet once a month, online and in person, and work on campaigns such as Safer Internet "
        "Day. You can write to us any time with the form below: no name or e-mail needed.</p>",
    },
}

PARTICIPATION = (
    "setkani-mladeznickeho-panelu",
    {
        "title": "Setkání mládežnického panelu: umělá inteligence ve škole",
        "lead": "Diskuse pro 13–26leté: kdy AI pomáhá s učením a kdy je to podvádění? Vaše závěry pošleme "
        "ministerstvu školství.",
        "place": "Praha, Národní technická knihovna, a online",
    },
    {
        "title": "Youth panel meeting: AI at school",
        "slug": "youth-panel-meeting-ai-at-school",
        "lead": "A discussion for 13 to 26 year olds: when does AI help with learning and when is it cheating? "
        "We will send your conclusions to the Ministry of Education.",
        "place": "Prague, National Technical Library, and online",
    },
)

# language, nickname, age band, kind, topic, text; the last two of each language wait for a moderator
CONTRIBUTIONS = [
    (
        "cs",
        "Žirafa",
        "13-14",
        "idea",
        "cyberbullying",
        "Ve škole by měla být schránka, kam se dá anonymně napsat, že se někomu děje šikana. Do chatu se bojíme.",
    ),
    (
        "cs",
        "",
        "15-17",
        "opinion",
        "screen-time",
        "Dospělí nám vyčítají mobily, ale sami u večeře koukají do telefonu. Pravidla by měla platit pro všechny.",
    ),
    (
        "cs",
        "Kuba",
        "15-17",
        "story",
        "online-scams",
        "Kamarádovi přišla zpráva, že vyhrál iPhone. Málem zadal číslo karty. Pomohlo, že jsme o tom mluvili ve škole.",
    ),
    (
        "cs",
        "Lenka",
        "18-26",
        "idea",
        "misinformation",
        "Hodina týdně o tom, jak ověřit zprávu, by pomohla víc než zákaz TikToku.",
    ),
    ("cs", "anon", "13-14", "opinion", "gaming", "Čeká na moderátora: tento text se nikde nezobrazí."),
    (
        "en",
        "Fox",
        "15-17",
        "idea",
        "privacy",
        "Apps should show in one sentence what they do with our photos, before we tap 'I agree'.",
    ),
    (
        "en",
        "",
        "13-14",
        "story",
        "cyberbullying",
        "Someone made a fake account with my name. Reporting it together with friends got it removed in a day.",
    ),
    (
        "en",
        "Sam",
        "18-26",
        "opinion",
        "social-networks",
        "Teach us how the feed is chosen. Once you know, you scroll differently.",
    ),
    ("en", "anon", "15-17", "idea", "gaming", "Waiting for a moderator: this text is never shown."),
]


def load_contributions():
    """Create the demo contributions once (a second run changes nothing)."""
    if YouthContribution.objects.exists():
        return 0
    now = timezone.now()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for number, (language, nickname, age_band, kind, topic, text) in enumerate(CONTRIBUTIONS, start=1):
        waiting = text.startswith(("Čeká na", "Waiting for"))
        received = now - datetime.timedelta(days=30 - number)
        YouthContribution.objects.create(
            reference=f"ML-{received.year}-{900000 + number:06d}",
            received_at=received,
            language=language,
            channel="web",
            nickname=nickname,
            age_band=age_band,
            kind=kind,
            topic=topics.get(topic),
            text=text,
            published_text=text,
            status=ContributionStatus.PENDING if waiting else ContributionStatus.APPROVED,
            moderated_at=None if waiting else received + datetime.timedelta(hours=5),
        )
    return len(CONTRIBUTIONS)
