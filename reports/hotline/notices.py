"""Notice-and-takedown e-mails to hosting providers (EU Digital Services Act, Art. 16).

A notice states what Art. 16(2) expects: why the content is illegal, with the legal
provision; the exact addresses; who sends it; a statement of good faith. The addresses of
one abuse contact go out together in one notice, in Czech to Czech and Slovak hosts and in
English to everyone else. Sending is a background task and every send is recorded.
"""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from cms.core.outgoing import describe_failure, next_attempt_at

from ..models import CaseEvent, Category, Notice, ReferenceSequence, ReportedUrlLink, Takedown
from .history import record_for_open_cases

# Hosts in these countries get the Czech notice; everyone else the English one.
CZECH_SPEAKING_COUNTRIES = {"CZ", "SK"}
MAX_SEND_ATTEMPTS = 5

LEGAL_GROUNDS = {
    Category.CSAM: gettext_lazy(
        "The content depicts the sexual abuse of children (child pornography): an offence under Section 192 "
        "of the Czech Criminal Code (Act No. 40/2009 Coll.) and Article 5 of Directive 2011/93/EU."
    ),
    Category.RACISM_XENOPHOBIA: gettext_lazy(
        "The content publicly incites hatred or violence against a group of people defined by race, "
        "ethnicity, nationality or religion: an offence under Sections 355 and 356 of the Czech Criminal "
        "Code (Act No. 40/2009 Coll.) and Council Framework Decision 2008/913/JHA."
    ),
    Category.OTHER_ILLEGAL: gettext_lazy("The content is illegal under Czech law, as explained below."),
}


class NoAbuseContact(Exception):
    def __init__(self, reported_urls):
        self.reported_urls = reported_urls
        super().__init__(
            _("No abuse contact is known for %(count)s of the addresses: trace them or enter the contact.")
            % {"count": len(reported_urls)}
        )


def notice_language(country):
    return "cs" if country in CZECH_SPEAKING_COUNTRIES else "en"


def queue_notices(reported_urls, user=None, explanation="", reminder_of=None):
    """One notice per abuse contact for ``reported_urls``, sent after the transaction commits."""
    reported_urls = list(reported_urls)
    without_contact = [record for record in reported_urls if not record.abuse_contact]
    if without_contact:
        raise NoAbuseContact(without_contact)
    by_contact = defaultdict(list)
    for record in reported_urls:
        by_contact[(record.abuse_contact.lower(), notice_language(record.hosting_country))].append(record)
    notices = []
    with transaction.atomic():
        for (recipient, language), records in sorted(by_contact.items()):
            notice = Notice.objects.create(
                reference=ReferenceSequence.next_reference("NT", timezone.now()),
                recipient=recipient,
                language=language,
                explanation=explanation,
                reminder_of=reminder_of,
                created_by=user,
            )
            notice.reported_urls.set(records)
            notices.append(notice)
        for notice in notices:
            transaction.on_commit(lambda pk=notice.pk: send_notice.enqueue(pk))
    return notices


def _categories(reported_urls):
    """Each address's report category (the first report names it; later ones joined it)."""
    links = ReportedUrlLink.objects.filter(reported_url__in=reported_urls).order_by("-created_at", "-pk")
    first = dict(links.values_list("reported_url_id", "report__category"))  # the earliest link wins
    return {record.pk: first.get(record.pk, Category.OTHER_ILLEGAL) for record in reported_urls}


def render_notice(notice):
    """The notice's subject and plain-text body, in its language."""
    records = list(notice.reported_urls.exclude(url="").order_by("pk"))
    categories = _categories(records)
    with translation.override(notice.language):
        grounds = []
        for category, label in Category.choices:
            addresses = [record.url for record in records if categories[record.pk] == category]
            if addresses:
                grounds.append({"label": label, "text": str(LEGAL_GROUNDS[category]), "addresses": addresses})
        context = {
            "notice": notice,
            "original": notice.reminder_of,
            "grounds": grounds,
            "organisation": settings.HOTLINE_ORGANISATION,
            "sender_email": settings.HOTLINE_FROM_EMAIL,
            "resend_hours": settings.HOTLINE_NOTICE_RESEND_HOURS,
        }
        if notice.reminder_of:
            subject = _("Reminder: illegal content still online (%(reference)s)") % {"reference": notice.reference}
        else:
            subject = _("Notice of illegal content (%(reference)s)") % {"reference": notice.reference}
        body = render_to_string("reports/notices/notice.txt", context)
    return subject, body


@task()
def send_notice(notice_id):
    notice = Notice.objects.filter(pk=notice_id).exclude(state=Notice.State.SENT).first()
    if notice is None:
        return None
    subject, body = render_notice(notice)
    attempts = notice.attempts + 1
    Notice.objects.filter(pk=notice.pk).update(attempts=attempts)
    try:
        send_mail(subject, body, settings.HOTLINE_FROM_EMAIL, [notice.recipient])
    except OSError as error:  # SMTP and socket failures: recorded, retried with backoff
        retry_at = None if attempts >= MAX_SEND_ATTEMPTS else next_attempt_at(attempts)
        Notice.objects.filter(pk=notice.pk).update(
            state=Notice.State.FAILED, error=describe_failure(error), next_attempt_at=retry_at
        )
        return Notice.State.FAILED
    _mark_sent(notice, timezone.now())
    return Notice.State.SENT


@transaction.atomic
def _mark_sent(notice, when):
    Notice.objects.filter(pk=notice.pk).update(state=Notice.State.SENT, sent_at=when, error="")
    records = notice.reported_urls.all()
    records.filter(first_notice_at__isnull=True).update(first_notice_at=when)
    records.update(last_notice_at=when)
    records.exclude(takedown=Takedown.REMOVED).update(takedown=Takedown.MONITORING)
    for record in records:
        record_for_open_cases(
            record, CaseEvent.Kind.NOTICE, f"notice {notice.reference}", notice=notice.reference, to=notice.recipient
        )


def retry_failed_notices(now=None):
    """Send again the notices whose sending failed and whose next attempt is due (5 min,
    10, 20… after each failure), ``MAX_SEND_ATTEMPTS`` times at most."""
    failed = Notice.objects.filter(
        state=Notice.State.FAILED, attempts__lt=MAX_SEND_ATTEMPTS, next_attempt_at__lte=now or timezone.now()
    )
    return [send_notice.enqueue(pk) for pk in failed.values_list("pk", flat=True)]


def send_reminders(records):
    """Addresses still online after the resend interval: one reminder per abuse contact,
    naming the first notice those addresses were in."""
    by_contact = defaultdict(list)
    for record in records:
        if record.abuse_contact:
            by_contact[record.abuse_contact.lower()].append(record)
    reminders = []
    for group in by_contact.values():
        original = (
            Notice.objects.filter(reported_urls__in=group, reminder_of__isnull=True, state=Notice.State.SENT)
            .order_by("created_at", "pk")
            .first()
        )
        explanation = original.explanation if original else ""
        reminders += queue_notices(group, explanation=explanation, reminder_of=original)
    return reminders
