"""What a query asks for, in tiers the engines rank one below the other.

A query is a row of *units*: a word, or words that belong together (a compound prefix
written apart, ``kyber šikana``; a phrase of a synonym set, ``poplašná zpráva``). Each
unit matches literally (its words' analysed terms) or, one tier lower, through an
expansion: the compounds built on it (``šikana`` → ``kyberšikana``) and the other members
of a synonym set the editors keep (``hoax`` → ``poplašná zpráva``).

Expressions are trees of ``AnyOf`` and ``AllOf`` over analysed terms (plain strings); the
database engine turns them into Wagtail search queries and the Elasticsearch engine into
bool queries, so both engines rank by the same tiers:

1. the title is the query, or holds it as a phrase;
2. the title holds every unit;
3. the page holds every unit;
4. the page holds every unit, some only through a compound or a synonym;
5. the page holds some of the units (a fallback when the tiers above find few).
"""

from dataclasses import dataclass, field

from .analysis import WORD_TERMS, compound_prefixes, fold, joined_word, words


@dataclass(frozen=True)
class AnyOf:
    parts: tuple

    def matches(self, terms):
        return any(_matches(part, terms) for part in self.parts)


@dataclass(frozen=True)
class AllOf:
    parts: tuple

    def matches(self, terms):
        return all(_matches(part, terms) for part in self.parts)


def _matches(expression, terms):
    return expression in terms if isinstance(expression, str) else expression.matches(terms)


def any_of(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AnyOf(parts)


def all_of(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AllOf(parts)


def flat_terms(expression):
    """Every term of ``expression``, in order."""
    if isinstance(expression, str):
        return [expression]
    return [term for part in expression.parts for term in flat_terms(part)]


@dataclass
class Expansion:
    """What a unit was widened with, as the API's ``meta`` reports it."""

    kind: str  # "compound" or "synonym"
    word: str  # the query's words
    terms: list  # what they were widened to (prefixes for compounds, phrases for synonyms)

    def as_dict(self):
        return {"kind": self.kind, "word": self.word, "terms": self.terms}


@dataclass
class Unit:
    text: str  # the query's words this unit covers, as typed
    word_terms: list  # the terms of each of its words
    literal: object  # expression
    expansions: list = field(default_factory=list)  # [(Expansion, expression)]

    @property
    def widened(self):
        return any_of([self.literal, *(expression for _expansion, expression in self.expansions)])

    @property
    def by_synonym(self):
        synonyms = [expression for expansion, expression in self.expansions if expansion.kind == "synonym"]
        return any_of([self.literal, *synonyms])


@dataclass
class QueryPlan:
    language: str
    units: list
    text: str = ""  # the query as typed

    def __bool__(self):
        return bool(self.units)

    def literal(self):
        return all_of([unit.literal for unit in self.units])

    def literal_matches(self, terms):
        """Does a text whose terms are ``terms`` hold every unit literally?"""
        return bool(self.units) and all(_matches(unit.literal, terms) for unit in self.units)

    def widened(self):
        """Every unit, literally or through an expansion; None when nothing was expanded."""
        if not any(unit.expansions for unit in self.units):
            return None
        return all_of([unit.widened for unit in self.units])

    def any_unit(self):
        """Some of the units, literally or by a synonym (compounds would make this tier,
        a fallback, a scan of every page that shares a common word's compounds)."""
        return any_of([term for unit in self.units for term in flat_terms(unit.by_synonym)])

    def expansions(self):
        return [expansion.as_dict() for unit in self.units for expansion, _expression in unit.expansions]

    def word_terms(self):
        return [terms for unit in self.units for terms in unit.word_terms]


def _word_terms(language):
    return WORD_TERMS.get(language, WORD_TERMS["cs"])


def _literal_units(text, language):
    """One unit per word; a compound prefix written apart joins the word after it."""
    analyse = _word_terms(language)
    typed = list(dict.fromkeys(words(text or "")))
    units, position = [], 0
    while position < len(typed):
        word = typed[position]
        following = typed[position + 1] if position + 1 < len(typed) else ""
        joined = joined_word(word, following, language) if following else ""
        if joined and analyse(following):
            apart = all_of([any_of(analyse(word)), any_of(analyse(following))])
            literal = any_of([any_of(analyse(joined)), apart])
            units.append(Unit(f"{word} {following}", [set(analyse(word)), set(analyse(following))], literal))
            position += 2
            continue
        if analyse(word):
            units.append(Unit(word, [set(analyse(word))], any_of(analyse(word))))
        position += 1
    return units


def _add_compounds(unit, language):
    """``šikana`` also finds ``kyberšikana`` (and ``cyberbullying`` for ``bullying``)."""
    if len(unit.word_terms) != 1:
        return
    own = unit.word_terms[0]
    prefixes = [prefix for prefix in compound_prefixes(language) if not any(t.startswith(prefix) for t in own)]
    if not prefixes:
        return
    forms = [prefix + term for prefix in prefixes for term in sorted(own)]
    unit.expansions.append((Expansion("compound", unit.text, [f"{prefix}…" for prefix in prefixes]), any_of(forms)))


def _member_matches(member_terms, units, start):
    """Does the synonym phrase (terms per word) match the query's words from ``start``?"""
    query_words = [terms for unit in units[start:] for terms in unit.word_terms]
    if len(query_words) < len(member_terms):
        return False
    return all(member & query for member, query in zip(member_terms, query_words, strict=False))


def _span(units, start, word_count):
    """How many units from ``start`` cover exactly ``word_count`` words (0 if none do)."""
    covered = 0
    for count, unit in enumerate(units[start:], 1):
        covered += len(unit.word_terms)
        if covered == word_count:
            return count
        if covered > word_count:
            return 0
    return 0


def _phrase_expression(member_terms):
    return all_of([any_of(sorted(terms)) for terms in member_terms])


def _apply_synonyms(units, synonym_sets):
    """Merge the units a synonym phrase covers and widen them with the set's other members.

    ``synonym_sets`` is ``[[(phrase, [terms per word]), …], …]`` in the query's language.
    """
    position = 0
    while position < len(units):
        for members in synonym_sets:
            found = next(
                (
                    (phrase, terms)
                    for phrase, terms in members
                    if _member_matches(terms, units, position) and _span(units, position, len(terms))
                ),
                None,
            )
            if found is None:
                continue
            count = _span(units, position, len(found[1]))
            covered = units[position : position + count]
            merged = (
                covered[0]
                if count == 1
                else Unit(
                    " ".join(unit.text for unit in covered),
                    [terms for unit in covered for terms in unit.word_terms],
                    all_of([unit.literal for unit in covered]),
                )
            )
            others = [(phrase, terms) for phrase, terms in members if phrase != found[0]]
            if others:
                expression = any_of([_phrase_expression(terms) for _phrase, terms in others])
                merged.expansions.append(
                    (Expansion("synonym", merged.text, [phrase for phrase, _terms in others]), expression)
                )
            units[position : position + count] = [merged]
            break
        position += 1


def plan(text, language, synonym_sets=()):
    """The QueryPlan of ``text`` in ``language``, widened by ``synonym_sets`` (see
    ``search.synonyms.sets_for``)."""
    units = _literal_units(text, language)
    _apply_synonyms(units, synonym_sets)
    for unit in units:
        _add_compounds(unit, language)
    return QueryPlan(language, units, text)


def phrase_terms(phrase, language):
    """A phrase as a synonym set stores it: the terms of each of its words."""
    analyse = _word_terms(language)
    return [set(analyse(word)) for word in words(phrase) if analyse(word)]


def folded_words(text):
    return [fold(word) for word in words(text or "")]
