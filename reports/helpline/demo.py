"""Demo contacts for the counsellors' workspace (``manage.py load_helpline_demo``): a few
invented requests for help in Czech and English, at different stages, so a counsellor
trying the demo has a queue to work, and two finished live chats (their transcripts on the
contact pages, their figures in the statistics). Loaded only into a helpline with no
contacts yet."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import ChatConversation, ChatMessage, CounsellorPresence, HelplineContact
from . import workflow
from .chat import assignment, conversations
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


# Finished live chats: (hours ago, pre-chat answers, [(who, text)], categories, outcome, rating)
CHATS = [
    (
        26,
        {"nickname": "Ema", "age_band": "12-15", "role": "child", "topic": "cyberbullying", "language": "cs"},
        [
            ("visitor", "Ahoj, můžu se na něco zeptat? Někdo založil falešný profil s mojí fotkou."),
            ("counsellor", "Ahoj Emo, jsem ráda, že jsi napsala. Víš, na které síti ten profil je?"),
            ("visitor", "Na Instagramu, píše z něj spolužákům ošklivé zprávy mým jménem."),
            (
                "counsellor",
                "Falešný profil se dá nahlásit přímo v aplikaci jako „Předstírá, že je někdo jiný“. "
                "Uložte si snímky obrazovky. Zvládneš to říct někomu dospělému, komu věříš?",
            ),
            ("visitor", "Asi tátovi. Děkuju."),
        ],
        ["cyberbullying", "online-reputation"],
        "advice",
        5,
    ),
    (
        5,
        {"nickname": "", "age_band": "adult", "role": "parent", "topic": "e-crime", "language": "en"},
        [
            ("visitor", "My daughter gave her bank card number to a 'free skins' site in a game. What now?"),
            (
                "counsellor",
                "Please call the bank's card line now and have the card blocked; then change her "
                "game account password. Did she give any other details?",
            ),
            ("visitor", "Only her e-mail address, I think."),
            (
                "counsellor",
                "Then watch for phishing e-mails for a while. You can also report the site to the "
                "police on 158 or online.",
            ),
        ],
        ["e-crime", "gaming"],
        "referred",
        4,
    ),
]


def load_chats(counsellor):
    """The demo's finished chats (contacts with channel ``chat`` and their transcripts)."""
    if counsellor is None or ChatConversation.objects.exists():
        return 0
    now = timezone.now()
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE, len(CHATS))
    for hours_ago, answers, lines, categories, outcome, rating in CHATS:
        conversation, _token = conversations.start(answers, answers["language"])
        assignment.take_next(counsellor)
        for number, (who, text) in enumerate(lines, start=1):
            if who == "visitor":
                conversations.post(conversation.pk, who, text, f"demo-{number}")
            else:
                assignment.reply(conversation.pk, counsellor, text, f"demo-{number}")
        assignment.close(conversation.pk, counsellor, categories, outcome)
        conversations.answer_survey(conversation.pk, rating)
        _backdate(conversation, now - datetime.timedelta(hours=hours_ago), len(lines))
    assignment.set_presence(counsellor, CounsellorPresence.Status.AWAY)
    return len(CHATS)


def _backdate(conversation, started, messages):
    """Spread the chat over a believable quarter of an hour, ``hours_ago`` in the past."""
    minute = datetime.timedelta(minutes=1)
    accepted, ended = started + 2 * minute, started + (3 + 3 * messages) * minute
    ChatConversation.objects.filter(pk=conversation.pk).update(queued_at=started, accepted_at=accepted, ended_at=ended)
    for message in ChatMessage.objects.filter(conversation=conversation):
        ChatMessage.objects.filter(pk=message.pk).update(created_at=accepted + 3 * message.seq * minute)
    contact = ChatConversation.objects.get(pk=conversation.pk).contact
    HelplineContact.objects.filter(pk=contact.pk).update(
        received_at=started, first_reply_at=accepted + 6 * minute, closed_at=ended, duration_minutes=3 * messages + 1
    )


@transaction.atomic
def load():
    """The demo contacts and chats; 0 when the helpline already has contacts."""
    if HelplineContact.objects.exists():
        return 0
    counsellor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    load_chats(counsellor)
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
