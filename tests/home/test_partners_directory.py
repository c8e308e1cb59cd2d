"""The public partners directory: the admin where editors keep it, ``/api/v1/partners/`` in
both languages, the page on the site, and an API partner's link to its entry."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from cms.partners.models import Partner
from home.models import PartnerOrganisation
from tests.api.conftest import empty_api_cache  # noqa: F401  (a clean API cache per test)
from tests.factories import UserFactory

URL = "/api/v1/partners/"


def partners(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def editor_client(db):
    editor = UserFactory(username="directory-editor", groups=["Editors"])
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    return client


def test_the_directory_lists_the_demo_partners_by_kind_in_both_languages(client, demo):
    czech, english = partners(client, locale="cs"), partners(client, locale="en")
    assert czech["count"] == english["count"] == PartnerOrganisation.objects.count() == 8
    assert [item["id"] for item in czech["results"]] == [item["id"] for item in english["results"]]
    police = czech["results"][0]
    assert (
        police["name"] == "Policie České republiky" and english["results"][0]["name"] == "Police of the Czech Republic"
    )
    assert police["kind"] == {"slug": "government", "name": "státní instituce"}
    assert english["results"][0]["kind"] == {"slug": "government", "name": "government agency"}
    assert police["website"] == "https://www.policie.cz/"
    kinds = [item["kind"]["slug"] for item in czech["results"]]
    assert kinds == sorted(kinds, key=["government", "isp", "industry", "user-organisation", "education", "ngo"].index)
    logo = police["logo"]
    assert logo["alt"] == "Policie České republiky" and logo["renditions"][0]["url"].startswith("http://localhost/")


def test_kind_narrows_the_list_and_an_unknown_kind_or_parameter_is_a_400_naming_it(client, demo):
    found = partners(client, kind="isp,ngo")
    assert {item["kind"]["slug"] for item in found["results"]} == {"isp", "ngo"} and found["count"] == 3
    for params, field in (({"kind": "bank"}, "kind"), ({"knd": "isp"}, "knd"), ({"locale": "de"}, "locale")):
        response = client.get(URL, params)
        assert response.status_code == 400 and field in response.json()["error"]["fields"]


def test_an_unlisted_partner_is_neither_in_the_api_nor_on_the_page_and_an_edit_shows_at_once(client, demo):
    before = partners(client)
    dtest = PartnerOrganisation.objects.get(slug="dtest")
    dtest.listed = False
    dtest.save()
    after = partners(client)
    assert after["count"] == before["count"] - 1 and "dtest" not in {item["slug"] for item in after["results"]}
    assert "dTest" not in client.get("/cs/partneri/").content.decode()
    dtest.listed, dtest.name_en = True, "dTest, the consumer organisation"
    dtest.save()
    assert "dTest, the consumer organisation" in {item["name"] for item in partners(client, locale="en")["results"]}


def test_the_list_runs_a_constant_number_of_queries(client, demo):
    def queries(**params):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            partners(client, **params)
        return len(captured)

    queries()  # the first answer makes the logos' renditions
    assert queries(kind="isp") == queries()


def test_the_directory_page_groups_partners_with_their_links_in_both_languages(client, demo):
    czech = client.get("/cs/partneri/").content.decode()
    english = client.get("/en/partners/").content.decode()
    assert '<a href="https://www.linkabezpeci.cz/" rel="noopener">Linka bezpečí</a>' in czech
    assert "Státní instituce" in czech and "Spolupracujeme na" in czech
    assert "Government agency" in english and "Police of the Czech Republic" in english
    headings = ['">Government agency</h2>', '">Internet service provider</h2>', '">NGO</h2>']
    assert [english.index(heading) for heading in headings] == sorted(english.index(heading) for heading in headings)


def test_an_editor_adds_a_partner_in_the_admin(editor_client, demo):
    response = editor_client.post(
        "/admin/snippets/home/partnerorganisation/add/",
        {
            "name_cs": "Národní úřad pro kybernetickou a informační bezpečnost",
            "name_en": "National Cyber and Information Security Agency",
            "kind": "government",
            "slug": "nukib",
            "description_cs": "",
            "description_en": "",
            "cooperation_cs": "",
            "cooperation_en": "",
            "website": "https://nukib.gov.cz/",
            "listed": "on",
            "sort_order": "5",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    names = {item["name"] for item in partners(editor_client, locale="en")["results"]}
    assert "National Cyber and Information Security Agency" in names


def test_a_partner_without_an_english_name_is_refused_naming_the_field(editor_client, demo):
    response = editor_client.post(
        "/admin/snippets/home/partnerorganisation/add/",
        {"name_cs": "Jen česky", "name_en": "", "kind": "ngo", "slug": "jen-cesky", "sort_order": "0"},
    )
    assert response.status_code == 200 and "name_en" in response.context["form"].errors
    assert not PartnerOrganisation.objects.filter(slug="jen-cesky").exists()


def test_people_outside_the_editors_cannot_change_the_directory(client, demo):
    client.force_login(UserFactory(username="no-group"))
    assert client.get("/admin/snippets/home/partnerorganisation/").status_code in (302, 403)


def test_an_api_partner_links_to_its_directory_entry(demo):
    entry = PartnerOrganisation.objects.get(slug="o2-czech-republic")
    partner = Partner.objects.create(name="O2 school portal", directory_entry=entry)
    assert list(entry.api_partners.all()) == [partner]
    entry.delete()
    partner.refresh_from_db()
    assert partner.directory_entry is None  # the API partner stays, without the link
