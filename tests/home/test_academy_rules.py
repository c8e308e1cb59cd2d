"""The Academy's rules one by one: which status an inquiry may reach and what each needs,
the event a scheduled workshop becomes (created, moved, left alone, kept published), a
registration's moves, and the public forms' refusals (quota, attempts, a closed campaign
or programme)."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from home.academy.calendar import inquiry_calendar
from home.academy.inbox import inquiry_errors, registration_errors, save_inquiry, schedule_event
from home.models import EventPage, ProgrammeRegistration, WorkshopInquiry
from home.models.academy_cases import InquiryStatus, RegistrationStatus
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.factories import EventIndexPageFactory, UserFactory
from tests.home.test_academy import INQUIRY, REGISTRATION, academy, form_data, post, programme  # noqa: F401

INQUIRIES = "/api/v1/academy/inquiries/"


@pytest.fixture
def inquiry(client, academy):  # noqa: F811
    post(client, INQUIRIES, INQUIRY)
    return WorkshopInquiry.objects.get()


@pytest.fixture
def lecturer(db):
    return UserFactory(username="lektor", first_name="Jan", last_name="Lektor", groups=["Academy"])


def scheduled(inquiry, lecturer, days=20, venue="ZŠ Kuncova"):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    inquiry.status = InquiryStatus.SCHEDULED
    inquiry.scheduled_start, inquiry.scheduled_end = start, start + datetime.timedelta(hours=2)
    inquiry.venue, inquiry.lecturer = venue, lecturer
    return inquiry


def test_a_new_inquiry_names_the_statuses_it_can_reach(inquiry):
    inquiry.status = InquiryStatus.HELD
    message = inquiry_errors(inquiry, InquiryStatus.NEW)["status"]  # the site speaks Czech by default
    assert message.startswith("Poptávka ve stavu „nový“") and "v jednání" in message and "proběhla" not in message
    inquiry.status = InquiryStatus.NEW
    assert "žádného" in inquiry_errors(inquiry, InquiryStatus.CLOSED)["status"]


def test_a_workshop_must_end_after_it_starts_and_a_held_one_counts_its_participants(inquiry, lecturer):
    scheduled(inquiry, lecturer)
    inquiry.scheduled_end = inquiry.scheduled_start
    assert set(inquiry_errors(inquiry, InquiryStatus.IN_DISCUSSION)) == {"scheduled_end"}
    inquiry.scheduled_end = None
    assert "scheduled_end" in inquiry_errors(inquiry, InquiryStatus.IN_DISCUSSION)
    scheduled(inquiry, lecturer)
    inquiry.status = InquiryStatus.HELD
    assert set(inquiry_errors(inquiry, InquiryStatus.SCHEDULED)) == {"participants"}
    inquiry.participants = 24
    assert inquiry_errors(inquiry, InquiryStatus.SCHEDULED) == {}


def test_a_site_without_an_events_page_keeps_the_date_on_the_inquiry(inquiry, lecturer):
    with TestCase.captureOnCommitCallbacks(execute=True):
        save_inquiry(scheduled(inquiry, lecturer), InquiryStatus.NEW)
    inquiry.refresh_from_db()
    assert inquiry.status == "scheduled" and inquiry.event is None and inquiry.scheduled_start
    assert mail.outbox[-1].subject.startswith("Workshop naplánován")  # the school still hears of it


def test_the_event_moves_with_the_date_stays_put_otherwise_and_stays_published(inquiry, lecturer, home):
    EventIndexPageFactory(parent=home, slug="akce")
    with TestCase.captureOnCommitCallbacks(execute=True):
        save_inquiry(scheduled(inquiry, lecturer), InquiryStatus.NEW)
    event = inquiry.event
    assert event.title.startswith("Workshop Akademie – ZŠ Kuncova")  # no workshop chosen: the generic name
    event.save_revision().publish()  # staff published it
    inquiry = WorkshopInquiry.objects.get()  # as the inbox loads it
    told = len(mail.outbox)

    revisions = event.revisions.count()
    assert schedule_event(inquiry) == event and event.revisions.count() == revisions  # nothing to move

    with TestCase.captureOnCommitCallbacks(execute=True):
        save_inquiry(scheduled(inquiry, lecturer, days=30, venue="Tělocvična"), InquiryStatus.SCHEDULED)
    event = EventPage.objects.get()
    assert (event.place, event.start, event.live) == ("Tělocvična", inquiry.scheduled_start, True)
    assert not event.has_unpublished_changes  # the published event shows the new date
    assert len(mail.outbox) == told + 1  # the school is told the new date

    with TestCase.captureOnCommitCallbacks(execute=True):
        save_inquiry(inquiry, InquiryStatus.SCHEDULED)  # saved again unchanged: no e-mail
    assert len(mail.outbox) == told + 1


def test_there_is_no_calendar_file_before_a_date_and_no_location_without_a_venue(inquiry, lecturer):
    assert inquiry_calendar(inquiry) is None
    ics = inquiry_calendar(scheduled(inquiry, lecturer, venue=""))
    assert b"DTSTART" in ics and b"LOCATION" not in ics


def test_a_registration_moves_only_where_its_rules_allow(client, programme):  # noqa: F811
    for seats in (2, 1, 2):
        post(client, f"/api/v1/academy/programmes/{programme.pk}/registrations/", {**REGISTRATION, "seats": seats})
    first, second, waiting = ProgrammeRegistration.objects.order_by("pk")
    assert waiting.status == RegistrationStatus.WAITING
    assert registration_errors(first, first.status) == {}
    first.status = RegistrationStatus.WAITING
    assert "zrušíte" in registration_errors(first, RegistrationStatus.CONFIRMED)["status"]
    second.status = RegistrationStatus.CONFIRMED
    assert "znovu" in registration_errors(second, RegistrationStatus.CANCELLED)["status"]
    waiting.status = RegistrationStatus.CONFIRMED
    assert "0" in registration_errors(waiting, RegistrationStatus.WAITING)["status"]
    waiting.seats = 0
    assert registration_errors(waiting, RegistrationStatus.WAITING) == {}


def test_the_inquiry_form_says_when_the_quota_is_used_up(client, academy, settings):  # noqa: F811
    settings.ACADEMY_RATE_LIMIT = "1/hour"
    settings.ACADEMY_ATTEMPT_RATE_LIMIT = "2/hour"
    assert client.post("/cs/akademie/poptavka/", form_data()).status_code == 201
    assert client.post("/cs/akademie/poptavka/", form_data()).status_code == 429  # the quota
    refused = client.post("/cs/akademie/poptavka/", form_data())  # the attempts, before any check
    assert refused.status_code == 429 and "Retry-After" in refused
    assert WorkshopInquiry.objects.count() == 1


def test_the_registration_form_refuses_over_the_limits(client, programme, settings):  # noqa: F811
    settings.ACADEMY_RATE_LIMIT = "1/hour"
    settings.ACADEMY_ATTEMPT_RATE_LIMIT = "2/hour"
    url = f"/cs/akademie/registrace/{programme.pk}/"
    assert client.get(url).status_code == 200
    statuses = [client.post(url, {**REGISTRATION, "consent": "on"}).status_code for _ in range(3)]
    assert statuses == [201, 429, 429] and ProgrammeRegistration.objects.count() == 1


def test_an_unknown_workshop_or_programme_in_the_form_is_ignored_not_a_500(client, academy):  # noqa: F811
    page = client.get("/cs/akademie/poptavka/?workshop=abc&programme=999999")
    assert page.status_code == 200
