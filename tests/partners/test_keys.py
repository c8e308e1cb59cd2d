"""Partners and their keys from the command line: created once, kept hashed, scoped,
revoked at once."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from cms.partners.models import Partner, PartnerKey

KEY = re.compile(r"API key \(shown only now, store it safely\): (\S+)")


def run(*args):
    out = io.StringIO()
    call_command("partner", *args, stdout=out)
    return out.getvalue()


def test_partner_add_prints_a_key_once_and_keeps_only_a_hash(db):
    output = run("add", "Gymnázium Příklad", "--origin", "https://gympl.example", "--kind", "school")
    key = KEY.search(output).group(1)
    partner = Partner.objects.get(name="Gymnázium Příklad")
    assert partner.origin_list == ["https://gympl.example"] and partner.kind == "school"
    record = partner.keys.get()
    assert record.scopes == ["content:read"]
    assert key.startswith(record.prefix + ".")
    secret = key.split(".", 1)[1]
    stored = [str(value) for value in PartnerKey.objects.values_list(flat=False).get()]
    assert not any(secret in value for value in stored)  # only the prefix and a hash are kept
    assert record.hashed_key.startswith("sha512$$")
    listing = run("list")
    assert record.prefix in listing and secret not in listing


def test_scopes_are_checked(db):
    output = run("add", "Platforma", "--scope", "reports:submit", "--scope", "content:read")
    assert "Scopes: content:read, reports:submit" in output
    with pytest.raises(CommandError):
        call_command("partner", "add", "Jiná", "--scope", "admin:all", stderr=io.StringIO())


def test_a_bad_origin_or_a_second_partner_of_the_same_name_is_refused(db):
    with pytest.raises(CommandError, match="origins"):
        run("add", "Škola", "--origin", "javascript:alert(1)")
    with pytest.raises(CommandError, match="origins"):
        run("add", "Škola", "--origin", "https://skola.example/some/path")
    run("add", "Škola", "--origin", "https://skola.example")
    with pytest.raises(CommandError, match="exists already"):
        run("add", "Škola")
    assert Partner.objects.filter(name="Škola").count() == 1


def test_a_revoked_key_is_refused_at_once(client, db):
    key = KEY.search(run("add", "Škola")).group(1)
    headers = {"Authorization": f"Api-Key {key}"}
    assert client.get("/api/v1/taxonomy/topics/", headers=headers).status_code == 200
    assert "Revoked 1 key(s)" in run("revoke", "Škola")
    response = client.get("/api/v1/taxonomy/topics/", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"
    assert response["WWW-Authenticate"] == "Api-Key"


def test_one_key_is_revoked_by_its_prefix_and_the_other_stays(client, db):
    first = KEY.search(run("add", "Škola")).group(1)
    second = KEY.search(run("key", "Škola")).group(1)
    run("revoke", first.split(".")[0])
    assert client.get("/api/v1/taxonomy/topics/", headers={"Authorization": f"Api-Key {first}"}).status_code == 401
    assert client.get("/api/v1/taxonomy/topics/", headers={"Authorization": f"Api-Key {second}"}).status_code == 200


@pytest.mark.parametrize("key", ["nonsense", "abc.def", ""])
def test_an_unknown_key_is_401_not_anonymous(client, db, key):
    response = client.get("/api/v1/taxonomy/topics/", headers={"Authorization": f"Api-Key {key}"})
    assert response.status_code == 401


def test_an_inactive_partners_key_is_refused(client, partner, issue):
    _record, key = issue()
    Partner.objects.filter(pk=partner.pk).update(active=False)
    assert client.get("/api/v1/taxonomy/topics/", headers={"Authorization": f"Api-Key {key}"}).status_code == 401


def test_unknown_partner_for_a_key_or_revoke_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No partner named"):
        run("key", "Nikdo")
    with pytest.raises(CommandError, match="No partner or key prefix"):
        run("revoke", "Nikdo")


def test_issuing_a_key_with_an_unknown_scope_names_it_and_stores_nothing(partner):
    from cms.partners.keys import issue_key

    with pytest.raises(
        ValueError,
        match=r"^Unknown scope: admin:all \(known: content:read, reports:submit, helpline:submit, youth:submit, "
        r"campaigns:submit, academy:submit\)$",
    ):
        issue_key(partner, ["content:read", "admin:all"])
    assert not partner.keys.exists()


def test_duplicate_scopes_are_kept_once_and_sorted(partner):
    from cms.partners.keys import issue_key

    record, _key = issue_key(partner, ["reports:submit", "content:read", "reports:submit"])
    assert record.scopes == ["content:read", "reports:submit"] and record.name == partner.name


@pytest.mark.parametrize(
    ("header", "sent"),
    [
        ("Api-Key abc.def", "abc.def"),
        ("api-key   abc.def  ", "abc.def"),
        ("Bearer abc.def", "abc.def"),
        ("Token abc.def", "abc.def"),
        ("Basic dXNlcjpwYXNz", None),  # a staging proxy's password, not an API key
        ("", None),
    ],
)
def test_the_key_is_read_from_the_authorization_header(rf, header, sent):
    from cms.partners.keys import sent_key

    assert sent_key(rf.get("/", HTTP_AUTHORIZATION=header)) == sent


def test_an_expired_key_is_refused_and_use_is_dated_once_a_day(client, partner, issue):
    import datetime

    from django.utils import timezone

    record, key = issue()
    headers = {"Authorization": f"Api-Key {key}"}
    assert client.get("/api/v1/taxonomy/topics/", headers=headers).status_code == 200
    record.refresh_from_db()
    assert record.last_used_on == timezone.localdate()
    PartnerKey.objects.filter(pk=record.pk).update(expiry_date=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get("/api/v1/taxonomy/topics/", headers=headers).status_code == 401
