"""Demo contacts for the counsellors' workspace (``manage.py load_helpline_demo``): a few
invented requests for help in Czech and English, at different stages, so a counsellor
trying the demo has a queue to work. Loaded only into a helpline with no contacts yet."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import HelplineContact
from . import workflow
from .intake import receive_contact

# (hours ago, fields, a counsellor's reply or None)
CONTACTS = [
    (
        30,
        {
            "nickname": "Liška",
            "age_band": "12-15",
            "gender": "female",
            "role": "child",
            "platform": "social-network",
            "categories": ["cyberbullying"],
            "message": "Ve třídní skupině o mně spolužáci píšou ošklivé věci a sdílejí moji fotku. "
            "Nevím, jestli to mám říct mámě.",
            "language": "cs",
        },
        "Ahoj Liško, děkujeme, že jsi nám napsala. To, co se děje, není tvoje vina. Udělej si snímky obrazovky "
        "jako důkaz a zkus to říct mámě nebo třídní učitelce. Chceš, abychom spolu probrali, jak začít?",
    ),
    (
        3,
        {
            "age_band": "16-18",
            "gender": "male",
            "role": "child",
            "platform": "messaging",
            "categories": ["sextortion"],
            "message": "Poslal jsem fotku holce, se kterou jsem si psal, a teď chce peníze, jinak ji pošle "
            "všem mým kamarádům.",
            "language": "cs",
        },
        None,
    ),
    (
        20,
        {
            "age_band": "adult",
            "gender": "female",
            "role": "parent",
            "platform": "gaming",
            "categories": ["excessive-use", "gaming"],
            "message": "My son (11) plays online games until late at night and gets angry when we stop him. "
            "How do we set limits without a fight?",
            "language": "en",
        },
        None,
    ),
    (
        8,
        {
            "age_band": "adult",
            "role": "teacher",
            "platform": "video-sharing",
            "categories": ["fake-news", "media-literacy"],
            "message": "Žáci v 8. třídě sdílejí video, které je podvržené. Máte materiály k hodině o deepfakech?",
            "language": "cs",
        },
        None,
    ),
]


@transaction.atomic
def load():
    """The demo contacts; 0 when the helpline already has contacts."""
    if HelplineContact.objects.exists():
        return 0
    counsellor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    now = timezone.now()
    for hours_ago, fields, reply in CONTACTS:
        contact = receive_contact({"consent": True, **fields}, "web").record
        received = now - datetime.timedelta(hours=hours_ago)
        HelplineContact.objects.filter(pk=contact.pk).update(received_at=received)
        contact.messages.update(created_at=received)
        if reply and counsellor:
            contact.refresh_from_db()
            workflow.reply(contact, counsellor, contact.version, reply)
    return len(CONTACTS)
