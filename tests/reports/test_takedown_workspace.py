"""An analyst takes an assessed address through trace, forward, notice and monitoring to
removal in the admin; the partner hotline directory is kept there too."""

import json

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.hotline import takedown_actions, workflow
from reports.models import AuditEntry, Forward, Notice, PartnerHotline, ReportedUrl, Takedown

from .conftest import ASSESSMENT, case_url, post_action, shown_messages
from .local_network import Site, http_server


def record_of(report):
    return ReportedUrl.objects.get(report_links__report=report)


def test_from_assessed_to_removed_in_the_admin(hosting, as_user, analyst, assessed, django_capture_on_commit_callbacks):
    site = Site({"/x.jpg": (200, {}, b"")})
    with http_server(site) as port:
        report = assessed(f"http://content.example:{port}/x.jpg")
        client = as_user(analyst)
        page = client.get(case_url(report)).content.decode()
        assert "Not traced yet." in page or "Zatím nevystopováno." in page

        with django_capture_on_commit_callbacks(execute=True):
            response = post_action(client, report, "trace", reported_url=record_of(report).pk)
        assert response.status_code == 200
        page = response.content.decode()
        assert "127.0.0.1" in page and "AS64501" in page
        assert record_of(report).hosting_country == "CZ"
        assert "Policie ČR" in page  # hosted at home: the police, and a notice to the host

        response = post_action(
            client, report, "forward", reported_url=record_of(report).pk, recipient="police", recipient_name=""
        )
        forward = Forward.objects.get()
        assert (forward.recipient_name, forward.forwarded_by) == ("Policie ČR", analyst)
        response = post_action(client, report, "forward-reference", forward=forward.pk, their_reference="KRPA-1/2026")
        forward.refresh_from_db()
        assert forward.their_reference == "KRPA-1/2026"
        download = client.get(f"/admin/hotline/forwards/{forward.pk}/record.json")
        assert json.loads(download.content)["recipient"]["their_reference"] == "KRPA-1/2026"
        assert AuditEntry.objects.filter(action="export", object_id=str(report.pk)).exists()

        # No abuse contact yet: the notice is refused with the reason, nothing queued.
        response = post_action(client, report, "notice", reported_urls=[record_of(report).pk])
        assert not Notice.objects.exists()
        assert shown_messages(response) == [
            _("No abuse contact is known for %(count)s of the addresses: trace them or enter the contact.")
            % {"count": 1}
        ]
        post_action(client, report, "contact", reported_url=record_of(report).pk, abuse_contact="abuse@hosting.example")
        with django_capture_on_commit_callbacks(execute=True):
            post_action(client, report, "notice", reported_urls=[record_of(report).pk])
        assert Notice.objects.get().state == Notice.State.SENT
        assert mail.outbox[-1].to == ["abuse@hosting.example"]
        assert record_of(report).takedown == Takedown.MONITORING

        post_action(client, report, "check", reported_url=record_of(report).pk)
        assert record_of(report).checks.get().outcome == "online"
        site.routes.clear()
        response = post_action(client, report, "check", reported_url=record_of(report).pk)
    record = record_of(report)
    assert record.takedown == Takedown.REMOVED and record.removed_at
    assert timezone.localtime(record.removed_at).strftime("%Y-%m-%d %H:%M") in response.content.decode()


def test_the_notice_form_lists_addresses_defanged(hosting, as_user, analyst, assessed):
    report = assessed("https://evil.example/a.jpg")
    page = as_user(analyst).get(case_url(report)).content.decode()
    assert "hxxps://evil[.]example/a.jpg" in page
    assert ">https://evil.example" not in page


def test_a_forward_to_a_partner_hotline_needs_the_hotline(as_user, analyst, assessed):
    report = assessed("https://evil.example/a.jpg")
    response = post_action(
        as_user(analyst), report, "forward", reported_url=record_of(report).pk, recipient="partner-hotline"
    )
    assert response.status_code == 200
    assert not Forward.objects.exists()


def test_missing_location_files_are_named_in_the_case(settings, as_user, analyst, assessed, tmp_path):
    settings.HOTLINE_GEOIP_COUNTRY_DB = str(tmp_path / "GeoLite2-Country.mmdb")
    report = assessed("https://evil.example/a.jpg")
    page = as_user(analyst).get(case_url(report)).content.decode()
    assert str(tmp_path / "GeoLite2-Country.mmdb") in page and "HOTLINE_GEOIP_COUNTRY_DB" in page


def test_analysts_keep_the_partner_hotline_directory_and_editors_cannot(as_user, analyst, editor):
    client = as_user(analyst)
    listing = client.get("/admin/partner_hotlines/")
    assert listing.status_code == 200 and "Internet Watch Foundation" in listing.content.decode()
    response = client.post(
        "/admin/partner_hotlines/new/",
        {
            "country": "MT",
            "organisation": "Example hotline Malta",
            "contact": "reports@mt.example",
            "inhope_member": "on",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert PartnerHotline.objects.get(country="MT").contact == "reports@mt.example"
    client = Client()  # a session of its own: the analyst's "created" message stays there
    client.force_login(editor)
    assert client.get("/admin/partner_hotlines/").status_code in (302, 403)
    assert "/admin/partner_hotlines/" not in client.get("/admin/").content.decode()


def test_takedown_actions_refuse_what_does_not_apply_and_say_why(as_user, analyst, assessed, make_report):
    report = assessed("https://hosted-in-germany.example/a.jpg", category="other-illegal")
    client = as_user(analyst)
    record = record_of(report)
    response = post_action(client, report, "check", reported_url=record.pk)
    assert shown_messages(response) == [_("Only addresses a notice went out for are checked.")]
    response = post_action(client, report, "notice", reported_urls=[record.pk], explanation="  ")
    assert shown_messages(response) == [
        _("For other illegal content, explain why it is illegal and name the legal provision.")
    ]
    mixed = make_report("https://illegal.example/1", "https://not-assessed.example/2")
    first, second = ReportedUrl.objects.filter(report_links__report=mixed).order_by("pk")
    mixed.refresh_from_db()
    workflow.assess(mixed, first, analyst, mixed.version, ASSESSMENT)
    # The form offers only the illegal addresses; the action checks again (defence in depth).
    data = {"version": mixed.version, "reported_urls": [first.pk, second.pk], "explanation": ""}
    with pytest.raises(takedown_actions.NotAllowed) as refusal:
        takedown_actions._notice(mixed, data, analyst)
    assert str(refusal.value) == _("Notices go only for addresses of this case assessed as illegal.")
    ReportedUrl.objects.filter(pk=record.pk).update(url="")
    response = post_action(client, report, "trace", reported_url=record.pk)
    assert shown_messages(response) == [_("The address was removed by retention.")]
    assert not Notice.objects.exists()
