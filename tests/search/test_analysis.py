"""Czech and English text to search terms: inflection, diacritics, unknown words, case."""

import pytest

from search.analysis import analyse, fold, query_terms, terms
from search.highlight import highlight


def meets(query, text, language="cs"):
    return bool(set(query_terms(query, language)) & set(terms(text, language)))


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("šikanou", "Šikana ve škole"),
        ("sikana", "Jak řešit šikanu"),
        ("šikaně", "obětí šikany"),
        ("sikanou", "Šikana ve škole"),  # unknown to the lemmatiser: the stem meets
        ("dětem", "Děti a internet"),
        ("obrazovkou", "Rodinná dohoda o obrazovkách"),
        ("nebezpečné kontakty", "Nebezpečných kontaktů přibývá"),
        ("skola", "Krizový plán školy"),
        ("KYBERŠIKANA", "kyberšikanou"),
        ("hesla", "Tajné heslo"),
        ("podvody", "Plakát o podvodných SMS"),  # noun → adjective derived from it
        ("podvod", "Varování před podvodníky"),  # noun → agent
        ("nenávist", "Nenávistné projevy"),
        ("skola", "Školní řád"),
    ],
)
def test_czech_forms_meet(query, text):
    assert meets(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("bezpečný", "nebezpečné"),  # the negation stays a different word
        ("hod", "hodný"),  # too short a root is not kept
        ("online", "Tajné heslo"),
    ],
)
def test_czech_forms_that_must_not_meet(query, text):
    assert not meets(query, text)


def test_negation_is_kept():
    assert "nebezpecny" in terms("nebezpečné", "cs")
    assert "bezpecny" not in terms("nebezpečné", "cs")


def test_stop_words_are_dropped_with_or_without_diacritics():
    assert terms("a že je to na síti", "cs") == terms("síti", "cs")
    assert terms("proč", "cs") == [] and terms("proc", "cs") == []
    assert terms("the and of", "en") == []


@pytest.mark.parametrize(
    ("query", "text"),
    [("bullied", "Stop bullying"), ("passwords", "A strong password"), ("Scams", "Spotting a scam")],
)
def test_english_stems_meet(query, text):
    assert meets(query, text, "en")


def test_fold_and_analyse():
    assert fold("Kyberšikaně ŽLUŤOUČKÝ") == "kybersikane zlutoucky"
    assert analyse("", "cs") == ""
    assert analyse("e-mail", "cs") == analyse("e mail", "cs")
    assert all(term.isascii() for term in terms("Příliš žluťoučký kůň úpěl ďábelské ódy", "cs"))


def test_unknown_language_is_analysed_as_czech():
    assert terms("šikaně", "de") == terms("šikaně", "cs")


def test_highlight_marks_inflected_matches_and_escapes():
    snippet = highlight("Obětí <b>šikany</b> může být kdokoli.", query_terms("sikana", "cs"), "cs")
    assert snippet == "Obětí &lt;b&gt;<mark>šikany</mark>&lt;/b&gt; může být kdokoli."
    assert highlight("", ["x"], "cs") == ""
