"""Staff sign-in: lockout after wrong passwords, and a second factor (real TOTP codes)."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from reports.models import AuditEntry
from tests.reports.conftest import _user

PASSWORD = "pass"  # tests/reports/conftest.py's users


@pytest.fixture(autouse=True)
def sign_in_checks(settings):
    settings.AXES_ENABLED = True
    settings.TWO_FACTOR_REQUIRED = True
    # django-otp makes a device wait 1, 2, 4… s after each wrong code; the tests that send a
    # wrong code and then the right one at once turn that off (one test below keeps it).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor", "Editors")


def sign_in(client, username, password=PASSWORD, address="192.0.2.10", language="en"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def prefer_english(user):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_five_wrong_passwords_lock_the_user_even_with_the_right_one_after(client, analyst):
    answers = [sign_in(client, "analyst", "wrong").status_code for _ in range(5)]
    assert answers[:4] == [200, 200, 200, 200]  # the form again, with its error
    assert answers[4] == 429  # the fifth wrong password is the one that locks
    locked = sign_in(client, "analyst")
    assert locked.status_code == 429 and locked["Retry-After"] == "900"
    assert "Too many wrong passwords" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="sign-in", object_id="analyst", summary="locked out").exists()


def test_the_lockout_speaks_czech(client, analyst):
    for _ in range(5):
        sign_in(client, "analyst", "wrong", language="cs")
    assert "Příliš mnoho chybných hesel" in sign_in(client, "analyst", language="cs").content.decode()


def test_one_client_trying_many_user_names_is_locked_out(client, analyst):
    for number in range(5):
        sign_in(client, f"guess{number}", "wrong", address="198.51.100.9")
    assert sign_in(client, "analyst", address="198.51.100.9").status_code == 429
    # Another client may still sign in as the analyst: the user name itself is not locked.
    assert sign_in(client, "analyst", address="203.0.113.5").status_code == 302


def test_an_analyst_sets_up_a_second_factor_with_a_real_code(client, analyst):
    assert sign_in(client, "analyst").status_code == 302
    dashboard = client.get("/admin/hotline/")
    assert dashboard.status_code == 302 and dashboard["Location"].startswith("/admin/two-factor/setup/")
    page = client.get(dashboard["Location"])
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=analyst, confirmed=False)
    prefer_english(analyst)  # the admin is Czech unless its user chooses otherwise
    wrong = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 200 and "This code is not right" in wrong.content.decode()
    done = client.post("/admin/two-factor/setup/", {"code": code_for(device), "next": "/admin/hotline/"})
    assert done.status_code == 200 and done.content.decode().count("<code>") == 10
    assert client.get("/admin/hotline/").status_code == 200
    assert AuditEntry.objects.filter(action="sign-in", object_id="analyst", summary="enrolled").exists()


@pytest.fixture
def enrolled(analyst):
    device = TOTPDevice.objects.create(user=analyst, name="authenticator", confirmed=True)
    recovery = analyst.staticdevice_set.create(name="recovery", confirmed=True)
    StaticToken.objects.create(device=recovery, token="recover1")
    return device


def test_an_enrolled_analyst_needs_a_code_after_the_password(client, analyst, enrolled):
    sign_in(client, "analyst")
    step = client.get("/admin/hotline/")
    assert step["Location"].startswith("/admin/two-factor/verify/")
    assert client.post("/admin/two-factor/verify/", {"code": "123456"}).status_code == 200
    assert client.get("/admin/hotline/").status_code == 302
    signed_in = client.post("/admin/two-factor/verify/", {"code": code_for(enrolled), "next": "/admin/hotline/"})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/hotline/"
    assert client.get("/admin/hotline/").status_code == 200


def test_a_recovery_code_works_once(client, analyst, enrolled):
    sign_in(client, "analyst")
    assert client.post("/admin/two-factor/verify/", {"code": "recover1"}).status_code == 302
    client.logout()
    sign_in(client, "analyst")
    assert client.post("/admin/two-factor/verify/", {"code": "recover1"}).status_code == 200


def test_a_password_alone_reads_no_case_data_through_the_api(client, analyst, enrolled):
    analyst.groups.add(Group.objects.get(name="Administrators"))
    sign_in(client, "analyst")
    assert client.get("/api/v1/reports/hotline/stats/").status_code == 403
    client.post("/admin/two-factor/verify/", {"code": code_for(enrolled)})
    assert client.get("/api/v1/reports/hotline/stats/").status_code == 200


def test_the_next_address_cannot_lead_off_the_site(client, analyst, enrolled):
    sign_in(client, "analyst")
    answer = client.post("/admin/two-factor/verify/", {"code": code_for(enrolled), "next": "https://evil.example/"})
    assert answer["Location"] == "/admin/"


def test_editors_may_sign_in_without_a_second_factor(client, editor):
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200


def test_a_right_code_right_after_a_wrong_one_waits(client, analyst, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    sign_in(client, "analyst")
    client.post("/admin/two-factor/verify/", {"code": "000000"})
    assert client.post("/admin/two-factor/verify/", {"code": code_for(enrolled)}).status_code == 200


def test_a_lost_second_factor_is_reset_by_command(client, analyst, enrolled):
    import io

    from django.core.management import call_command

    call_command("reset_two_factor", "analyst", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=analyst).exists()
    assert not analyst.staticdevice_set.exists()
    assert AuditEntry.objects.filter(action="sign-in", object_id="analyst", summary="second factor reset").exists()
    sign_in(client, "analyst")
    assert client.get("/admin/hotline/")["Location"].startswith("/admin/two-factor/setup/")


@pytest.mark.parametrize("path", ["/admin/two-factor/setup/", "/admin/two-factor/verify/"])
def test_the_two_factor_screens_send_a_stranger_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == "/admin/login/"


def test_recovery_codes_are_renewed_only_after_the_second_step(client, analyst, enrolled):
    from django.contrib.messages import get_messages

    sign_in(client, "analyst")
    refused = client.post("/admin/two-factor/recovery-codes/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/two-factor/verify/"
    prefer_english(analyst)  # the admin is Czech unless its user chooses otherwise
    used = client.post("/admin/two-factor/verify/", {"code": "recover 1"})
    assert used.status_code == 302
    assert [str(message) for message in get_messages(used.wsgi_request)] == [
        "You used a recovery code; each works once. Renew them when you can."
    ]
    renewed = client.post("/admin/two-factor/recovery-codes/")
    assert renewed.status_code == 200 and len(renewed.context["codes"]) == 10
    assert not StaticToken.objects.filter(token="recover1").exists()
