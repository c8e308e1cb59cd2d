"""The Academy: a school asks for a workshop (API and the form on the site), gets a
confirmation e-mail in its language, staff work the inquiry through the inbox to a
scheduled event with its calendar file; schools register for a programme's seats, with a
waiting list when it is full; contact details go after the retention period."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.partners.keys import issue_key
from cms.partners.models import Partner
from home.academy import intake, retention
from home.academy.inbox import registration_errors, save_registration
from home.models import AcademyEmail, EventPage, ProgrammeRegistration, WorkshopInquiry
from home.models.academy_cases import InquiryStatus, RegistrationStatus
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.conftest import translate
from tests.factories import (
    AcademyPageFactory,
    EventIndexPageFactory,
    HomePageFactory,
    ProgrammePageFactory,
    UserFactory,
    WorkshopPageFactory,
    audience,
    topic,
)

INQUIRIES = "/api/v1/academy/inquiries/"
INQUIRY = {
    "organisation": "ZŠ Kuncova, Praha 5",
    "ico": "00007064",
    "region": "praha",
    "contact_name": "Jana Nováková",
    "email": "jana.novakova@zs-kuncova.cz",
    "phone": "+420 601 234 567",
    "audiences": ["children", "teachers"],
    "group_size": 28,
    "preferred_dates": "úterý v březnu",
    "topics": ["cyberbullying"],
    "message": "Máme ve třídě problém se skupinovým chatem.",
    "consent": True,
    "language": "cs",
}
REGISTRATION = {
    "organisation": "Gymnázium Brno",
    "contact_name": "Petr Svoboda",
    "email": "petr.svoboda@gymbrno.cz",
    "seats": 2,
    "consent": True,
    "language": "en",
}


@pytest.fixture
def academy(home, db):
    page = AcademyPageFactory(parent=home, slug="akademie")
    translate(page, title="Academy", slug="academy", lead="Workshops for schools.")
    return page


@pytest.fixture
def workshop(academy):
    page = WorkshopPageFactory(parent=academy, slug="kybersikana", title="Kyberšikana ve třídě")
    page.audiences.set([audience("children")])
    page.topics.set([topic("cyberbullying")])
    page.save_revision().publish()
    translate(page, title="Cyberbullying in the classroom", slug="cyberbullying", lead="About cyberbullying.")
    return page


@pytest.fixture
def programme(academy):
    page = ProgrammePageFactory(parent=academy, slug="brno", capacity=3)
    translate(page, title="Safe online (Brno)", slug="brno", lead="Two days.")
    return page


def post(client, url, data, **headers):
    # The e-mails go once the transaction commits: run those callbacks, as a commit would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data, content_type="application/json", headers=headers)


def registrations_url(programme):
    return f"/api/v1/academy/programmes/{programme.pk}/registrations/"


# The inquiry API -----------------------------------------------------------------------


def test_an_inquiry_is_stored_encrypted_and_confirmed_by_email_in_its_language(client, workshop):
    response = post(client, INQUIRIES, {**INQUIRY, "workshop": workshop.pk})
    assert response.status_code == 201 and response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["reference"].startswith("AK-") and body["status"] == "new"
    inquiry = WorkshopInquiry.objects.get()
    assert (inquiry.ico, inquiry.workshop, inquiry.channel) == ("00007064", workshop.page_ptr.specific, "api")
    assert sorted(inquiry.audiences.values_list("slug", flat=True)) == ["children", "teachers"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT email, contact_name FROM home_workshopinquiry")
        stored = cursor.fetchone()
    assert "novakova" not in stored[0] and "Jana" not in stored[1]  # encrypted at rest
    (message,) = mail.outbox  # the worker sent it (the immediate backend in tests)
    assert message.to == ["jana.novakova@zs-kuncova.cz"] and body["reference"] in message.subject
    assert "Poptávka přijata" in message.subject and "Kyberšikana ve třídě" in message.body
    assert AcademyEmail.objects.get().state == "sent"


def test_the_english_confirmation_is_in_english(client, workshop):
    post(client, INQUIRIES, {**INQUIRY, "language": "en"})
    (message,) = mail.outbox
    assert message.subject.startswith("Inquiry received") and "Dear Jana Nováková" in message.body


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": "  "}, "organisation"),
        ({"ico": "12345678"}, "ico"),
        ({"ico": "12a45678"}, "ico"),
        ({"region": "bavaria"}, "region"),
        ({"contact_name": None}, "contact_name"),
        ({"email": "not-an-address"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"audiences": []}, "audiences"),
        ({"audiences": ["aliens"]}, "audiences"),
        ({"group_size": 0}, "group_size"),
        ({"group_size": 501}, "group_size"),
        ({"topics": ["weather"]}, "topics"),
        ({"workshop": 999999}, "workshop"),
        ({"message": "a\u0000b"}, "message"),
        ({"ico": 27082440}, "ico"),  # the schema says a string of digits
        ({"phone": 777123456}, "phone"),
        ({"message": 42}, "message"),
        ({"consent": False}, "consent"),
        ({"consent": None}, "consent"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_stored(client, academy, change, field):
    data = {key: value for key, value in {**INQUIRY, **change}.items() if value is not None}
    response = post(client, INQUIRIES, data)
    assert response.status_code == 400 and field in response.json()["error"]["fields"], response.content
    assert not WorkshopInquiry.objects.exists() and not mail.outbox


def test_an_ico_with_spaces_or_missing_zeros_is_kept_as_eight_digits(client, academy):
    assert post(client, INQUIRIES, {**INQUIRY, "ico": "70 64"}).status_code == 201
    assert WorkshopInquiry.objects.get().ico == "00007064"


def test_the_honeypot_gets_a_receipt_and_nothing_is_stored(client, academy):
    response = post(client, INQUIRIES, {**INQUIRY, "homepage": "https://spam.invalid/"})
    assert response.status_code == 201 and response.json()["reference"].startswith("AK-")
    assert not WorkshopInquiry.objects.exists() and not mail.outbox


def test_an_idempotency_key_stores_once_and_refuses_another_body(client, academy):
    first = post(client, INQUIRIES, INQUIRY, **{"Idempotency-Key": "school-1"})
    again = post(client, INQUIRIES, INQUIRY, **{"Idempotency-Key": "school-1"})
    assert first.json()["reference"] == again.json()["reference"] and again["Idempotent-Replayed"] == "true"
    other = post(client, INQUIRIES, {**INQUIRY, "group_size": 3}, **{"Idempotency-Key": "school-1"})
    assert other.status_code == 422
    assert WorkshopInquiry.objects.count() == 1 and len(mail.outbox) == 1


def test_the_quota_counts_stored_inquiries(client, academy, settings):
    settings.ACADEMY_RATE_LIMIT = "2/hour"
    assert [post(client, INQUIRIES, INQUIRY).status_code for _ in range(3)] == [201, 201, 429]
    assert WorkshopInquiry.objects.count() == 2


def test_every_attempt_counts_against_the_looser_limit_invalid_ones_too(client, academy, settings):
    settings.ACADEMY_ATTEMPT_RATE_LIMIT = "2/hour"
    bad = {**INQUIRY, "region": "x"}
    assert [post(client, INQUIRIES, bad).status_code for _ in range(2)] + [
        post(client, INQUIRIES, INQUIRY).status_code
    ] == [400, 400, 429]
    assert not WorkshopInquiry.objects.exists()


def test_a_platform_needs_the_academy_scope(client, academy):
    partner = Partner.objects.create(name="School portal", kind="education", contact_email="", origins="")
    _, wrong = issue_key(partner, ["youth:submit"])
    refused = post(client, INQUIRIES, INQUIRY, Authorization=f"Api-Key {wrong}")
    assert refused.status_code == 403 and "academy:submit" in refused.json()["error"]["message"]
    _, right = issue_key(partner, ["academy:submit"])
    assert post(client, INQUIRIES, INQUIRY, Authorization=f"Api-Key {right}").status_code == 201
    assert WorkshopInquiry.objects.get().channel == "partner"


# The form on the site ------------------------------------------------------------------


def form_data(**change):
    data = {**INQUIRY, "consent": "on", **change}
    data.pop("language")
    return {key: value for key, value in data.items() if value is not None}


def test_the_workshop_page_shows_the_form_and_the_form_files_through_the_same_intake(client, workshop):
    page = client.get("/cs/akademie/kybersikana/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'action="/cs/akademie/poptavka/"' in html and f'name="workshop" value="{workshop.pk}"' in html
    response = client.post("/cs/akademie/poptavka/", form_data(workshop=workshop.pk))
    assert response.status_code == 201 and "AK-" in response.content.decode()
    assert not response.cookies  # no session, no CSRF cookie
    inquiry = WorkshopInquiry.objects.get()
    assert (inquiry.channel, inquiry.language, inquiry.workshop_id) == ("web", "cs", workshop.pk)


def test_the_form_shows_each_error_beside_its_field_and_in_the_summary(client, academy):
    response = client.post("/en/academy/inquiry/", form_data(ico="11111111", audiences=None, consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#field-ico"' in html and 'href="#field-audiences"' in html and 'href="#field-consent"' in html
    assert "check digit" in html and 'value="ZŠ Kuncova, Praha 5"' in html  # what was typed is kept
    assert not WorkshopInquiry.objects.exists()


def test_a_cross_site_post_is_refused(client, academy):
    response = client.post("/cs/akademie/poptavka/", form_data(), headers={"Origin": "https://evil.invalid"})
    assert response.status_code == 403 and not WorkshopInquiry.objects.exists()


def test_the_form_says_too_many_in_its_own_words(client, academy, settings):
    settings.ACADEMY_RATE_LIMIT = "1/hour"
    assert client.post("/cs/akademie/poptavka/", form_data()).status_code == 201
    refused = client.post("/cs/akademie/poptavka/", form_data())
    assert refused.status_code == 429 and refused["Retry-After"]


# The staff inbox -----------------------------------------------------------------------


@pytest.fixture
def lecturer(db):
    return UserFactory(username="lektorka", first_name="Eva", last_name="Lektorová", groups=["Academy"])


@pytest.fixture
def staff(lecturer):
    client = Client(HTTP_HOST="localhost")
    client.force_login(lecturer)
    return client


def edit(staff, inquiry, **fields):
    data = {
        "status": inquiry.status,
        "lecturer": inquiry.lecturer_id or "",
        "scheduled_start": "",
        "scheduled_end": "",
        "venue": inquiry.venue,
        "participants": "",
        "notes": inquiry.notes,
        "message_to_school": "",
        **fields,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):  # the e-mails go once it commits
        return staff.post(f"/admin/academy_inquiries/edit/{inquiry.pk}/", data)


def test_the_inbox_takes_an_inquiry_to_a_scheduled_event_and_a_calendar_file(client, staff, lecturer, workshop, home):
    EventIndexPageFactory(parent=home, slug="akce")
    post(client, INQUIRIES, {**INQUIRY, "workshop": workshop.pk})
    inquiry = WorkshopInquiry.objects.get()
    listing = staff.get("/admin/academy_inquiries/")
    assert listing.status_code == 200 and inquiry.reference in listing.content.decode()
    assert "Jana Nováková" in staff.get(f"/admin/academy_inquiries/edit/{inquiry.pk}/").content.decode()

    answer = "Dobrý den, hodil by se vám 12. března od 9 hodin?"
    assert edit(staff, inquiry, status="in-discussion", message_to_school=answer).status_code == 302
    inquiry.refresh_from_db()
    told = mail.outbox[-1]
    assert told.to == ["jana.novakova@zs-kuncova.cz"] and told.subject.startswith("Odpověď Akademie (AK-")
    assert answer in told.body and "Eva Lektorová" in told.body  # signed by the staff member
    assert inquiry.emails.get(kind="inquiry-answer").text == answer  # kept with the inquiry
    refused = edit(staff, inquiry, status="scheduled")  # no date, place or lecturer yet
    assert refused.status_code == 200
    assert {"scheduled_start", "scheduled_end", "venue", "lecturer"} <= set(refused.context["form"].errors)
    start = (timezone.localtime() + datetime.timedelta(days=20)).replace(hour=9, minute=0, second=0, microsecond=0)
    moved = edit(
        staff,
        inquiry,
        status="scheduled",
        lecturer=lecturer.pk,
        scheduled_start=start.strftime("%Y-%m-%d %H:%M"),
        scheduled_end=(start + datetime.timedelta(minutes=90)).strftime("%Y-%m-%d %H:%M"),
        venue="ZŠ Kuncova, Praha 5",
    )
    assert moved.status_code == 302, moved.context["form"].errors
    inquiry.refresh_from_db()
    event = inquiry.event
    assert inquiry.status == "scheduled" and event is not None and not event.live  # a draft staff may publish
    assert event.title == "Kyberšikana ve třídě – ZŠ Kuncova, Praha 5" and event.place == "ZŠ Kuncova, Praha 5"
    assert event.start == start and event.locale.language_code == "cs"
    assert list(event.audiences.values_list("slug", flat=True)) == ["children", "teachers"]
    calendar = staff.get(f"/admin/academy_inquiries/{inquiry.pk}/calendar.ics")
    assert calendar.status_code == 200 and calendar["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Kyber" in calendar.content and b"LOCATION:Z" in calendar.content
    scheduled = mail.outbox[-1]  # the school is told the date, with the calendar file
    assert scheduled.subject.startswith("Workshop naplánován") and "Eva Lektorová" in scheduled.body
    ((filename, ics, mimetype),) = scheduled.attachments
    assert filename == f"{inquiry.reference}.ics" and mimetype == "text/calendar" and "DTSTART" in str(ics)
    assert "Jana Nováková" in staff.get(f"/admin/academy_inquiries/edit/{inquiry.pk}/").content.decode()

    held = edit(staff, inquiry, status="held", lecturer=lecturer.pk, venue=inquiry.venue,
                scheduled_start=start.strftime("%Y-%m-%d %H:%M"),
                scheduled_end=(start + datetime.timedelta(minutes=90)).strftime("%Y-%m-%d %H:%M"))  # fmt: skip
    assert held.status_code == 200 and "participants" in held.context["form"].errors
    inquiry.refresh_from_db()
    assert inquiry.status == "scheduled" and EventPage.objects.count() == 1  # nothing half-written


def test_the_inbox_refuses_a_status_an_inquiry_cannot_reach(staff, client, academy):
    post(client, INQUIRIES, INQUIRY)
    inquiry = WorkshopInquiry.objects.get()
    response = edit(staff, inquiry, status="held")
    assert response.status_code == 200 and "status" in response.context["form"].errors
    assert edit(staff, inquiry, status="declined", notes="Mimo naši kapacitu.").status_code == 302
    inquiry.refresh_from_db()
    assert edit(staff, inquiry, status="new").status_code == 200  # finished is final
    assert WorkshopInquiry.objects.get().status == InquiryStatus.DECLINED


def test_editors_see_no_inquiries(client, db):
    client.force_login(UserFactory(username="editor-only", groups=["Editors"]))
    assert client.get("/admin/academy_inquiries/").status_code in (302, 403)
    assert client.get("/admin/academy_registrations/").status_code in (302, 403)


# Registrations -------------------------------------------------------------------------


def test_seats_are_confirmed_while_they_last_then_the_waiting_list_in_order(client, programme):
    statuses = [
        post(client, registrations_url(programme), {**REGISTRATION, "seats": seats}).json()["status"]
        for seats in (2, 2, 1)
    ]
    assert statuses == ["confirmed", "waiting", "waiting"]  # nobody jumps the queue
    kinds = list(AcademyEmail.objects.values_list("kind", flat=True))
    assert kinds == ["registration-confirmed", "registration-waiting", "registration-waiting"]
    assert "waiting list" in mail.outbox[1].body


def test_every_translation_shares_the_originals_seats(client, programme, en):
    english = programme.get_translation(en)
    assert post(client, registrations_url(english), {**REGISTRATION, "seats": 3}).json()["status"] == "confirmed"
    assert post(client, registrations_url(programme), {**REGISTRATION, "seats": 1}).json()["status"] == "waiting"
    assert set(ProgrammeRegistration.objects.values_list("programme_id", flat=True)) == {programme.pk}


def test_a_cancellation_hands_its_seats_to_the_waiting_list(client, programme):
    for seats in (3, 2, 1):
        post(client, registrations_url(programme), {**REGISTRATION, "seats": seats})
    first, second, third = ProgrammeRegistration.objects.order_by("pk")
    first.status = RegistrationStatus.CANCELLED
    save_registration(first, RegistrationStatus.CONFIRMED)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("confirmed", "confirmed")
    assert AcademyEmail.objects.filter(kind="registration-promoted").count() == 2
    third.status = RegistrationStatus.WAITING
    assert "status" in registration_errors(third, RegistrationStatus.CONFIRMED)


def test_staff_cancel_in_the_admin_and_cannot_overfill(client, programme, staff):
    for seats in (3, 1):
        post(client, registrations_url(programme), {**REGISTRATION, "seats": seats})
    confirmed, waiting = ProgrammeRegistration.objects.order_by("pk")
    over = staff.post(f"/admin/academy_registrations/edit/{waiting.pk}/", {"status": "confirmed"})
    assert over.status_code == 200 and "status" in over.context["form"].errors
    assert staff.post(f"/admin/academy_registrations/edit/{confirmed.pk}/", {"status": "cancelled"}).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


@pytest.mark.parametrize(
    ("change", "field"),
    [({"seats": 0}, "seats"), ({"seats": 61}, "seats"), ({"email": "x"}, "email"), ({"consent": False}, "consent")],
)
def test_a_bad_registration_is_a_400_naming_the_field(client, programme, change, field):
    response = post(client, registrations_url(programme), {**REGISTRATION, **change})
    assert response.status_code == 400 and field in response.json()["error"]["fields"]
    assert not ProgrammeRegistration.objects.exists()


def test_a_registration_is_answered_once_per_idempotency_key(client, programme):
    first = post(client, registrations_url(programme), REGISTRATION, **{"Idempotency-Key": "reg-1"})
    again = post(client, registrations_url(programme), REGISTRATION, **{"Idempotency-Key": "reg-1"})
    assert first.json()["reference"] == again.json()["reference"] and again["Idempotent-Replayed"] == "true"
    other = post(client, registrations_url(programme), {**REGISTRATION, "seats": 1}, **{"Idempotency-Key": "reg-1"})
    assert other.status_code == 422
    assert ProgrammeRegistration.objects.count() == 1 and AcademyEmail.objects.count() == 1


def test_the_registration_form_names_each_bad_field_and_stores_nothing(client, programme):
    response = client.post(f"/cs/akademie/registrace/{programme.pk}/", {**REGISTRATION, "seats": "0", "email": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#registration-seats"' in html and 'href="#registration-email"' in html  # its own ids
    assert 'value="Gymnázium Brno"' in html and not ProgrammeRegistration.objects.exists()


def test_a_closed_or_begun_programme_takes_no_registrations(client, programme):
    programme.registration_open = False
    programme.save_revision().publish()
    response = post(client, registrations_url(programme), REGISTRATION)
    assert response.status_code == 409 and response.json()["error"]["code"] == "registration_closed"
    form = client.post(f"/cs/akademie/registrace/{programme.pk}/", {**REGISTRATION, "consent": "on"})
    assert form.status_code == 409
    assert post(client, "/api/v1/academy/programmes/999999/registrations/", REGISTRATION).status_code == 404
    assert not ProgrammeRegistration.objects.exists()


def test_the_programme_page_registers_through_its_form(client, programme):
    page = client.get("/cs/akademie/brno/")
    assert page.status_code == 200 and "3 z 3" in page.content.decode()
    response = client.post(f"/cs/akademie/registrace/{programme.pk}/", {**REGISTRATION, "consent": "on"})
    assert response.status_code == 201 and "AP-" in response.content.decode()
    assert "1 z 3" in client.get("/cs/akademie/brno/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_schools_asking_at_once_for_the_last_seat_get_one_seat_and_one_waiting_place(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs real concurrent connections (PostgreSQL)")
    # Transactional tests run last, after others emptied the tables (migrations' rows too).
    czech, _created = Locale.objects.get_or_create(language_code="cs")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=czech))
    home = HomePageFactory(parent=root, slug="race-home", locale=czech)
    academy = AcademyPageFactory(parent=home, slug="akademie")
    programme = ProgrammePageFactory(parent=academy, slug="posledni-misto", capacity=1)
    both_counted, real_lock = threading.Barrier(2, timeout=20), intake.lock_seats

    def lock_when_both_are_here(page):
        both_counted.wait()  # both requests are past validation before either locks
        return real_lock(page)

    monkeypatch.setattr(intake, "lock_seats", lock_when_both_are_here)
    results = [None, None]

    def register(index):
        try:
            data = {**REGISTRATION, "seats": 1, "programme": programme.pk}
            results[index] = intake.submit_registration(data, "api").receipt.record.status
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == ["confirmed", "waiting"], results


# Lists, retention ----------------------------------------------------------------------


def test_the_catalogue_and_programmes_are_listed_in_each_language_in_constant_queries(client, workshop, programme):
    for code, title in (("cs", "Kyberšikana ve třídě"), ("en", "Cyberbullying in the classroom")):
        listed = client.get("/api/v1/academy/workshops/", {"locale": code}).json()
        assert [item["title"] for item in listed["results"]] == [title]
    programmes = client.get("/api/v1/academy/programmes/", {"locale": "en", "region": "jihomoravsky"}).json()
    item = programmes["results"][0]
    assert item["region"] == {"slug": "jihomoravsky", "name": "South Moravian Region"}
    assert item["accepts_registrations"] is True and item["price"] is None
    bad = client.get("/api/v1/academy/programmes/", {"region": "bavaria"})
    assert bad.status_code == 400 and "region" in bad.json()["error"]["fields"]
    for number in range(4):
        ProgrammePageFactory(parent=programme.get_parent(), slug=f"dalsi-{number}")

    def queries(size):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/academy/programmes/", {"page_size": size}).status_code == 200
        return len(captured)

    assert queries(1) == queries(5)


def test_retention_blanks_contact_details_and_keeps_the_figures(client, programme, academy):
    post(client, INQUIRIES, INQUIRY)
    post(client, registrations_url(programme), REGISTRATION)
    inquiry = WorkshopInquiry.objects.get()
    long_ago = timezone.now() - datetime.timedelta(days=800)
    WorkshopInquiry.objects.update(status=InquiryStatus.CLOSED, status_changed_at=long_ago)
    assert retention.apply_retention() == (1, 0, 0)  # the programme has not ended yet
    inquiry.refresh_from_db()
    assert (inquiry.email, inquiry.contact_name, inquiry.phone, inquiry.message) == ("", "", "", "")
    assert (inquiry.organisation, inquiry.group_size, inquiry.region) == ("ZŠ Kuncova, Praha 5", 28, "praha")
    programme.start = programme.end = timezone.localdate() - datetime.timedelta(days=800)
    programme.save()
    later = timezone.now() + datetime.timedelta(days=2)
    assert retention.apply_retention(now=later) == (0, 1, 0)
    assert ProgrammeRegistration.objects.get().email == ""


def test_a_programmes_registrations_are_due_by_the_centres_days_not_utcs(client, programme, settings):
    """Half past midnight in Prague is still the day before in UTC."""
    post(client, registrations_url(programme), REGISTRATION)
    first_day_due = programme.end + datetime.timedelta(days=settings.ACADEMY_RETENTION_DAYS + 1)
    just_after_midnight = datetime.datetime.combine(
        first_day_due, datetime.time(0, 30), tzinfo=timezone.get_current_timezone()
    ).astimezone(datetime.UTC)  # as timezone.now() gives it
    assert not retention.due_registrations(now=just_after_midnight - datetime.timedelta(hours=1)).exists()
    assert retention.due_registrations(now=just_after_midnight).count() == 1
