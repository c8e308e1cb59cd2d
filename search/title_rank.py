"""Titles first: a page whose title is the query, or holds it as a phrase, or holds every
unit of it, comes before a page that only mentions the words (one query for the titles)."""

from wagtail.models import Page

from .analysis import WORD_TERMS, terms, words

EXACT, PHRASE, ALL_UNITS, ELSEWHERE = range(4)
# Only the backend's best hits are sorted by title: both backends weight the title already,
# so a page whose title is the query is among them, and reading and analysing a thousand
# titles cost 26 ms of a 20,000-page search.
RERANKED = 300


def title_words(title, language):
    """The terms of each word of ``title`` that the search looks for (stop words left out)."""
    analyse = WORD_TERMS.get(language, WORD_TERMS["cs"])
    return [set(found) for word in words(title) if (found := analyse(word))]


def _holds_phrase(title, query):
    """Does the row of word-term sets ``title`` hold ``query``'s words in a row?"""
    width = len(query)
    return any(
        all(title[start + offset] & query[offset] for offset in range(width)) for start in range(len(title) - width + 1)
    )


def title_tier(title, plan, text):
    """EXACT: the title is the query's words (any form of them); PHRASE: it holds them in a
    row; ALL_UNITS: it holds every unit; ELSEWHERE: the words are elsewhere in the page."""
    query = plan.word_terms()
    found = title_words(title, plan.language)
    if query and _holds_phrase(found, query):
        same_length = len(words(title)) == len(words(text)) and len(found) == len(query)
        return EXACT if same_length else PHRASE
    if plan.literal_matches(set(terms(title, plan.language))):
        return ALL_UNITS
    return ELSEWHERE


def title_first(ids, plan):
    """``ids`` in title tiers, each tier in the order given."""
    if not ids:
        return ids
    text = plan.text or " ".join(unit.text for unit in plan.units)
    best, rest = ids[:RERANKED], ids[RERANKED:]
    titles = dict(Page.objects.filter(pk__in=best).values_list("pk", "title"))
    return sorted(best, key=lambda pk: title_tier(titles.get(pk, ""), plan, text)) + rest
