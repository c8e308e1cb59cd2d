"""The public pages as teachers and parents use them: the library's keywords and age, a
search that finds nothing, the language switcher, downloads, topics as links, help."""

import re

import pytest

from resources.models import ResourcePage


def real(model, code):
    return model.objects.live().filter(locale__language_code=code, alias_of__isnull=True)


def card_titles(html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def test_the_library_lists_what_the_api_lists_and_no_untranslated_placeholders(client, demo):
    html = client.get("/en/resources/").content.decode()
    api = client.get("/api/v1/resources/", {"locale": "en", "page_size": 100}).json()
    assert re.search(r"(\d+) resources", html)[1] == str(api["count"])
    assert ResourcePage.objects.live().filter(locale__language_code="en", alias_of__isnull=False).exists()


def test_the_library_filters_by_keywords_and_age_like_the_api(client, demo):
    params = {"q": "kybersikana", "age": "10"}
    html = client.get("/cs/materialy/", params).content.decode()
    api = client.get("/api/v1/resources/", {**params, "locale": "cs", "page_size": 100}).json()
    assert card_titles(html) == [item["title"] for item in api["results"]][: len(card_titles(html))]
    assert sorted(card_titles(html)) == sorted(item["title"] for item in api["results"])
    assert 'value="kybersikana"' in html  # the keywords stay in the box
    assert 'name="age" min="0" max="99" inputmode="numeric" value="10"' in html


@pytest.mark.parametrize(
    ("params", "field"), [({"age": "ten"}, "age"), ({"q": "x" * 201}, "q"), ({"topic": "nope"}, "topic")]
)
def test_a_bad_library_filter_is_explained_beside_the_filters_not_a_500(client, demo, params, field):
    response = client.get("/cs/materialy/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="#filter-{field}">' in html
    assert "0 materiálů" in html


def test_a_search_that_finds_nothing_says_so_and_offers_ways_on(client, demo):
    response = client.get("/cs/search/", {"q": "kyberxyzq"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="kyberxyzq"' in html  # the query stays in the box
    assert "0 výsledků pro „kyberxyzq“" in html
    assert "Nic jsme nenašli pro „kyberxyzq“" in html
    suggestions = re.search(r'<ul class="suggestions">(.*?)</ul>', html, re.S)[1]
    assert "Kyberšikana: co to je a jak se jí bránit" in suggestions
    topics = re.search(r'<ul class="tags">(.*?)</ul>', html, re.S)[1]
    assert 'href="http://localhost/cs/materialy/?topic=cyberbullying">Kyberšikana</a>' in topics
    assert 'href="/cs/pomoc/"' in html


def test_the_language_switcher_goes_to_the_same_page_and_keeps_the_filters(client, demo):
    def english_link(path):
        html = client.get(path).content.decode()
        return re.search(r'<a href="([^"]+)" hreflang="en"', html)[1].replace("&amp;", "&")

    assert english_link("/cs/hotline/") == "/en/hotline/"
    assert english_link("/cs/pomoc/") == "/en/help/"
    assert english_link("/cs/materialy/?topic=grooming&age=10&page=2") == "/en/resources/?topic=grooming&age=10"
    assert english_link("/cs/search/?q=hesla") == "/en/search/?q=hesla"


def test_a_resource_page_offers_its_file_with_type_size_and_language_and_links_its_topics(client, demo):
    resource = real(ResourcePage, "cs").get(external_id="demo-001")
    html = client.get(resource.url).content.decode()
    assert f'href="{resource.document.url}" download' in html
    size = resource.document.get_file_size()
    assert size > 1000
    assert re.search(r"PDF · [\d,]+\sKB · Čeština", html)
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert main.count(resource.summary) == 1  # the page says its summary once
    for topic in resource.topics.all():
        assert f'href="/cs/materialy/?topic={topic.slug}">{topic.name}</a>' in html
    assert f'href="/print/{resource.pk}.pdf"' in html


def test_every_help_link_of_the_demo_reaches_a_page_of_the_site(client, demo):
    for path in ("/cs/", "/en/", "/cs/rodice/", "/en/parents/"):
        html = client.get(path).content.decode()
        assert "example.org" not in html
        assert 'href="/cs/pomoc/"' in html or 'href="/en/help/"' in html
        assert 'href="tel:116111"' in html and 'href="tel:158"' in html and 'href="tel:112"' in html


def test_an_english_section_lists_no_czech_placeholders_and_links_its_library(client, demo):
    from home.models import SectionPage, ToolkitPage

    section = real(SectionPage, "en").get(audience__slug="parents")
    html = client.get(section.url).content.decode()
    for placeholder in ToolkitPage.objects.live().filter(locale__language_code="en", alias_of__isnull=False):
        assert placeholder.url not in html
    for placeholder in ResourcePage.objects.live().filter(locale__language_code="en", alias_of__isnull=False):
        assert placeholder.url not in html
    assert 'href="/en/resources/?audience=parents"' in html
