"""Search, part 2: compound words, editors' synonyms, titles first, "did you mean" and
editors' picks, on the demo (both engines' database backends: SQLite and PostgreSQL)."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from resources.models import ResourcePage
from search.analysis import compound_head, terms
from search.models import SynonymSet
from search.query_plan import plan

from .test_api import search, titles


def ids(data):
    return [item["id"] for item in data["results"]]


def resource(external_id, language="cs"):
    suffix = "" if language == "cs" else f"-{language}"
    return ResourcePage.objects.get(external_id=external_id + suffix, locale__language_code=language)


def expansions(data, kind):
    return [item for item in data["meta"]["expansions"] if item["kind"] == kind]


# Analysis -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("videohrách", "cs", {"videohra"}),  # prefix + the head word's lemma
        ("kyber-šikana", "cs", {"kybersikana"}),  # hyphenated: the joined word too
        ("e-maily", "cs", {"email"}),
        ("cyber bullying", "en", {"cyberbulli"}),  # written apart
        ("cyberbullying", "en", {"cyberbulli"}),
    ],
)
def test_compounds_are_analysed_with_their_prefix_joined(text, language, expected):
    assert expected <= set(terms(text, language))


def test_a_word_that_only_starts_like_a_prefix_is_no_compound():
    assert compound_head("autor", "cs") == "" and compound_head("automobil", "cs") == "mobil"
    assert not any(t.startswith("auto") and t != "autor" for t in terms("autor", "cs"))


def test_the_query_plan_widens_a_word_with_its_compounds_and_joins_a_prefix_written_apart():
    widened = plan("šikana", "cs")
    assert widened.units[0].literal.matches({"sikana"}) and not widened.units[0].literal.matches({"kybersikana"})
    assert widened.widened().matches({"kybersikana"})
    apart = plan("kyber šikana", "cs")
    assert len(apart.units) == 1 and apart.literal().matches({"kybersikana"})
    assert apart.literal().matches({"kyber", "sikana"}) and not apart.literal().matches({"sikana"})


# Compounds on the demo -------------------------------------------------------------


@pytest.mark.parametrize("query", ["šikana", "sikana", "šikaně", "šikanou"])
def test_the_head_word_finds_the_compounds_on_the_demo(client, demo, query):
    """The demo says only "kyberšikana": the head word finds it (README's promise)."""
    data = search(client, q=query)
    assert resource("demo-001").pk in ids(data)
    compound = expansions(data, "compound")
    assert compound and compound[0]["word"] == query and "kyber…" in compound[0]["terms"]


def test_grooming_finds_kybergrooming_and_bullying_finds_cyberbullying(client, demo):
    assert resource("demo-005").pk in ids(search(client, q="grooming"))
    english = search(client, q="bullying", locale="en")
    assert resource("demo-001", "en").pk in ids(english)


def test_an_exact_word_ranks_above_its_compounds(client, demo):
    plain = resource("demo-002")
    plain.title = "Když je vaše dítě obětí šikany"
    plain.save_revision().publish()
    ranked = ids(search(client, q="šikana"))
    assert ranked[0] == plain.pk and resource("demo-001").pk in ranked[1:]


# Titles first --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "external_id", "language"),
    [
        ("Nebuď divák", "demo-003", "cs"),
        ("Ověř si to", "demo-041", "cs"),
        ("Tajné heslo", "demo-011", "cs"),
        ("Words that hurt", "demo-010", "en"),
    ],
)
def test_a_title_that_is_the_query_comes_first(client, demo, query, external_id, language):
    assert ids(search(client, q=query, locale=language))[0] == resource(external_id, language).pk


def test_the_exact_title_beats_a_longer_title_holding_the_same_words(client, demo):
    longer = resource("demo-015")
    longer.title = "Můj první profil na sociální síti"
    longer.save_revision().publish()
    ranked = ids(search(client, q="První profil na sociální síti"))
    assert ranked[:2] == [resource("demo-027").pk, longer.pk]


# Synonyms --------------------------------------------------------------------------------


def test_the_demo_s_synonyms_widen_a_loan_word_and_say_so(client, demo):
    data = search(client, q="sextorze")
    assert {resource("demo-008").pk, resource("demo-009").pk} <= set(ids(data))
    assert expansions(data, "synonym") == [
        {"kind": "synonym", "word": "sextorze", "terms": ["sextortion", "vydírání intimními fotkami"]}
    ]


def test_a_phrase_of_a_set_in_the_query_widens_to_the_others(client, demo):
    data = search(client, "/api/v1/search/", q="posílání intimních fotek")
    assert "sexting" in expansions(data, "synonym")[0]["terms"]
    assert "Sexting bez mýtů" in titles(data)


def test_an_editor_adds_a_synonym_and_the_next_search_uses_it(client, demo, editor_client):
    before = search(client, q="xyzzy")
    assert before["count"] == 0 and not before["meta"]["corrected"]
    response = editor_client.post(
        "/admin/snippets/sic_search/synonymset/add/",
        {"language": "cs", "terms": "xyzzy\nheslo", "note": "Jak tomu říkají děti"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    after = search(client, q="xyzzy")  # the cached empty answer is not served
    assert after["count"] > 0 and expansions(after, "synonym")[0]["terms"] == ["heslo"]
    SynonymSet.objects.filter(terms__startswith="xyzzy").delete()
    assert search(client, q="xyzzy")["count"] == 0


@pytest.mark.parametrize(
    ("terms", "message"),
    [("hoax", "at least two"), ("hoax\na", "has no words the search looks for"), ("", "")],
)
def test_a_synonym_set_needs_two_searchable_members(editor_client, demo, terms, message):
    before = SynonymSet.objects.count()
    response = editor_client.post("/admin/snippets/sic_search/synonymset/add/", {"language": "cs", "terms": terms})
    assert response.status_code == 200 and SynonymSet.objects.count() == before
    if message:
        assert message in response.content.decode().replace("&#x27;", "'")


# Did you mean ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant", "language"), [("groomnig", "grooming", "cs"), ("kybersikanna", "kyberšikana", "cs")]
)
def test_a_misspelt_query_answers_for_the_site_s_own_spelling(client, demo, typed, meant, language):
    data = search(client, q=typed, locale=language)
    assert data["meta"]["did_you_mean"].lower() == meant and data["meta"]["corrected"] is True
    assert data["count"] > 0


def test_nonsense_gets_no_correction_and_nothing(client, demo):
    data = search(client, "/api/v1/search/", q="xqzwv")
    assert data["count"] == 0 and data["meta"]["did_you_mean"] == "" and data["meta"]["corrected"] is False


def test_suggest_offers_the_spelling_when_nothing_completes(client, demo):
    data = search(client, "/api/v1/search/suggest/", q="dezinformce")
    assert data["results"] == [] and data["meta"]["did_you_mean"].lower().startswith("dezinformac")
    pages = search(client, "/api/v1/search/suggest/", q="kyber")["results"]
    assert {item.get("page_kind") for item in pages if item["kind"] == "page"} >= {"resource"}


def test_the_search_page_says_what_it_searched_instead(client, demo):
    page = client.get("/cs/search/", {"q": "groomnig"}).content.decode()
    assert "výsledky pro nejbližší slova" in page and "Kybergrooming" in page
    page = client.get("/en/search/", {"q": "xqzwv"}).content.decode()
    assert "Nothing found for" in page and "Did you mean" not in page


# Editors' picks ----------------------------------------------------------------------------


def test_an_editors_pick_comes_first_in_its_language_only(client, demo):
    pinned = resource("demo-036")  # "Pravidla naší třídy online": not about passwords
    query = Query.objects.create(query_string="Hesla")
    SearchPromotion.objects.create(query=query, page=pinned, sort_order=0)
    assert ids(search(client, q="hesla"))[0] == pinned.pk
    assert ids(search(client, "/api/v1/search/", q="HESLA"))[0] == pinned.pk
    english = ids(search(client, q="hesla", locale="en"))
    assert resource("demo-036", "en").pk not in english[:1]


def test_an_editor_may_pin_a_page_in_the_admin(editor_client, demo):
    page = resource("demo-036")
    response = editor_client.post(
        "/admin/searchpicks/add/",
        {
            "query_string": "pravidla",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(page.pk),
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-description": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:300]
    assert SearchPromotion.objects.get(query__query_string="pravidla").page_id == page.pk


def test_only_the_first_few_unknown_words_are_spelt_anew(demo, monkeypatch):
    from search import spelling

    compared = []
    original = spelling._closest
    monkeypatch.setattr(spelling, "_closest", lambda folded, known: compared.append(folded) or original(folded, known))
    spelling.correct(" ".join(f"slovo{n}xq" for n in range(30)), "cs")
    assert len(compared) == spelling.MAX_CORRECTED_WORDS
