"""The analysts' workspace in the admin: who gets in, what a case shows, what analysts do."""

import pytest
from django.core import mail

from reports.models import AuditEntry, CaseEvent, HotlineReport, ReportedUrl

from .conftest import case_url, post_action, shown_messages


@pytest.mark.parametrize("url", ["/admin/hotline/", "/admin/audit-log/"])
def test_an_editor_gets_403_and_no_menu_item(as_user, editor, make_report, url):
    client = as_user(editor)
    assert client.get(url).status_code == 403
    assert client.get(case_url(make_report())).status_code == 403
    home = client.get("/admin/").content.decode()
    assert "/admin/hotline/" not in home and "/admin/audit-log/" not in home


def test_an_analyst_sees_the_queue_with_counts_and_filters(as_user, analyst, make_report):
    first, second = make_report(), make_report("https://other.example/", category="racism-xenophobia")
    client = as_user(analyst)
    assert "/admin/hotline/" in client.get("/admin/").content.decode()
    page = client.get("/admin/hotline/").content.decode()
    assert first.reference in page and second.reference in page
    assert "<strong>2</strong>" in page  # two received
    filtered = client.get("/admin/hotline/", {"category": "racism-xenophobia"}).content.decode()
    assert second.reference in filtered and first.reference not in filtered
    unfiltered = client.get("/admin/hotline/", {"category": "nope"})  # a bad filter is ignored, not a 500
    assert unfiltered.status_code == 200
    assert first.reference in unfiltered.content.decode() and second.reference in unfiltered.content.decode()


def test_a_case_shows_addresses_defanged_never_as_links_and_is_audited(as_user, analyst, make_report):
    report = make_report("https://evil.example/path/image.jpg")
    response = as_user(analyst).get(case_url(report))
    page = response.content.decode()
    assert "hxxps://evil[.]example/path/image.jpg" in page
    assert 'href="https://evil.example' not in page and "<img" not in page.split("hotline-case")[1]
    assert 'data-copy-text="https://evil.example/path/image.jpg"' in page
    assert "img-src 'self'" in response["Content-Security-Policy"] and response["Referrer-Policy"] == "same-origin"
    entry = AuditEntry.objects.get(action="view")
    assert (entry.username, entry.action, entry.object_type, entry.object_id) == (
        "analyst",
        "view",
        "hotlinereport",
        str(report.pk),
    )


def test_an_analyst_takes_a_report_from_the_queue_to_a_closed_assessed_case(as_user, analyst, make_report):
    report = make_report()
    address = report.urls.get()
    client = as_user(analyst)

    post_action(client, report, "assign")
    report.refresh_from_db()
    assert report.assigned_to == analyst and report.status == "in-assessment"

    post_action(
        client,
        report,
        "assess",
        reported_url=address.pk,
        classification="baseline-illegal",
        content_type="image",
        site_type="image-host",
        victim_age_group="pre-pubescent",
        victim_gender="female",
    )
    address.refresh_from_db()
    assert (address.classification, address.state, address.assessed_by) == ("baseline-illegal", "assessed", analyst)

    post_action(client, report, "note", text="Hosted abroad; forwarded by phone.")
    post_action(client, report, "close", reason="assessed")
    report.refresh_from_db()
    address.refresh_from_db()
    assert report.status == "closed" and report.closed_at and address.state == "closed"
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "assessed", "note", "closed"]
    changes = AuditEntry.objects.filter(action="change", object_id=str(report.pk)).count()
    assert changes == 4
    assert "Hosted abroad" in client.get(case_url(report)).content.decode()


def test_a_closed_address_is_reported_again_as_a_new_record(as_user, analyst, make_report):
    first = make_report()
    post_action(as_user(analyst), first, "close", reason="not-found")
    second = make_report()
    assert ReportedUrl.objects.count() == 2 and second.urls.get() != first.urls.get()


def test_a_second_analyst_cannot_overwrite_an_edit_they_have_not_seen(
    client, analyst, second_analyst, make_report, django_user_model
):
    report = make_report()
    seen_version = report.version
    client.force_login(analyst)
    client.post(case_url(report), {"action": "note", "version": seen_version, "text": "First."})
    client.force_login(second_analyst)
    response = client.post(
        case_url(report), {"action": "close", "version": seen_version, "reason": "not-illegal"}, follow=True
    )
    assert shown_messages(response) == [
        "Někdo jiný mezitím případ změnil. Prohlédněte si jeho aktuální stav a zkuste to znovu."
    ]
    report.refresh_from_db()
    assert report.status == "received" and report.close_reason == ""
    assert not report.events.filter(kind="closed").exists()


def test_bad_action_input_is_refused_without_a_500(as_user, analyst, make_report):
    report = make_report()
    client = as_user(analyst)
    response = post_action(client, report, "assess", reported_url=report.urls.get().pk, classification="x")
    assert response.status_code == 200
    assert shown_messages(response) == [
        'Formulář obsahuje chyby: Zařazení: Vyberte platnou možnost, "x" není k dispozici.; '
        "Typ obsahu: Toto pole je povinné.; Typ webu: Toto pole je povinné."
    ]
    response = post_action(client, report, "explode")
    assert response.status_code == 200 and shown_messages(response) == ["Neznámá akce."]
    other = make_report("https://elsewhere.example/")
    response = post_action(
        client, report, "assess", reported_url=other.urls.get().pk, classification="not-illegal",
        content_type="text", site_type="forum",
    )  # fmt: skip
    assert response.status_code == 404
    assert not ReportedUrl.objects.exclude(classification="").exists()


def test_the_reporter_who_asked_gets_feedback_without_case_details(
    as_user, analyst, make_report, django_capture_on_commit_callbacks
):
    report = make_report(reporter_email="reporter@example.org", consent=True, wants_feedback=True, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        post_action(as_user(analyst), report, "assign")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reporter@example.org"] and report.reference in message.subject
    assert "in assessment" in message.body
    assert "example.com" not in message.body and "Seen on a forum" not in message.body
    assert CaseEvent.objects.filter(report=report, kind="feedback").exists()


def test_no_feedback_without_the_request(as_user, analyst, make_report, django_capture_on_commit_callbacks):
    report = make_report(reporter_email="reporter@example.org", consent=True)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(as_user(analyst), report, "assign")
    assert mail.outbox == []


def test_administrators_browse_and_filter_the_audit_log_analysts_cannot(as_user, analyst, administrator, make_report):
    report = make_report()
    as_user(analyst).get(case_url(report))
    assert as_user(analyst).get("/admin/audit-log/").status_code == 403
    client = as_user(administrator)
    page = client.get("/admin/audit-log/", {"username": "analyst", "action": "view"}).content.decode()
    assert f"hotlinereport {report.pk}" in page
    assert f"hotlinereport {report.pk}" not in client.get("/admin/audit-log/", {"action": "change"}).content.decode()


def test_audit_entries_and_case_events_cannot_be_changed_or_deleted(analyst, make_report):
    from reports.models import AppendOnlyError, audit

    report = make_report()
    entry = audit(analyst, "view", report)
    event = report.events.get()
    for record in (entry, event):
        record.summary = "rewritten"
        with pytest.raises(AppendOnlyError):
            record.save()
        with pytest.raises(AppendOnlyError):
            record.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(summary="rewritten")
    with pytest.raises(AppendOnlyError):
        CaseEvent.objects.all().delete()
    assert HotlineReport.objects.count() == 1


def test_the_history_gives_the_closing_reason_in_words(as_user, analyst, make_report):
    report = make_report()
    client = as_user(analyst)
    post_action(client, report, "close", reason="not-illegal", note="Satire.")
    page = client.get(case_url(report)).content.decode()
    assert "není nezákonné: Satire." in page or "not illegal: Satire." in page
    assert ": not-illegal" not in page
