"""Text to search terms, the same way at index time and at query time.

Czech is highly inflected and people type it without diacritics, so a word is reduced
to forms that every spelling of it shares:

- its lemma from simplemma (``šikaně``, ``šikanou`` → ``šikana``; ``dětem`` → ``dítě``),
  keeping a negation the lemmatiser strips (``nebezpečných`` stays ``nebezpečný``); a
  word typed without diacritics that the lemmatiser does not know is looked up among the
  dictionary's forms with their diacritics folded (``reklame`` is ``reklamě`` →
  ``reklama``);
- a light stem from the Snowball Czech stemmer (``šikanou`` → ``šikan``), which is what
  meets a word neither lookup knows (``sikanou`` → ``sikan``);
- for a lemma with an adjective or agent suffix, the stem of the noun it is
  derived from (``podvodné``, ``podvodník`` → ``podvod``; ``nenávistné`` → ``nenávist``;
  ``školní`` → ``škol``), so ``podvody`` finds a page about ``podvodné SMS``;

both folded to ASCII. Stop words are dropped. English gets the Snowball English stemmer.
A term list is a plain space-separated string, so any full-text engine can index it
with its simplest tokeniser.

Compound words (``kyberšikana``, ``cyberbullying``) are built from a short list of
prefixes, ``COMPOUND_PREFIXES``. A compound's terms are the prefix joined to each term of
its head word (``videohrách`` → ``video`` + ``hra``, ``hrach`` → ``videohra``,
``videohrach``), and a prefix written apart or hyphenated (``kyber-šikana``,
``cyber bullying``) also gives the terms of the joined word, so a query for the compound
finds it. At query time a word also looks for its compounds (``hry`` → ``videohra``,
``šikana`` → ``kybersikana``), which the engines rank below the word itself
(``search.query_plan``). To extend the list, add the prefix (folded, lower case) and
reindex (``manage.py search_index rebuild``): the index-time joins need it.
"""

import re
import unicodedata
from functools import lru_cache

import simplemma
import snowballstemmer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from . import stopwords

# Letters and digits; an apostrophe or hyphen inside a word splits it (e-mail → e, mail).
WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORD_LENGTH = 40  # longer "words" are URLs, hashes or noise: not worth indexing
LANGUAGES = ("cs", "en")

_czech_stemmer = snowballstemmer.stemmer("czech")
_english_stemmer = snowballstemmer.stemmer("english")


def _strip_marks(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Latin letters with diacritics → their base letters, for str.translate (ten times faster
# than decomposing every character, and folding runs on every word indexed or searched).
_LATIN_FOLDS = {code: _strip_marks(chr(code)) for code in range(0xC0, 0x250) if _strip_marks(chr(code)) != chr(code)}


def fold(text):
    """Lower-case without diacritics: ``Kyberšikaně`` → ``kybersikane``."""
    folded = text.lower().translate(_LATIN_FOLDS)
    return folded if folded.isascii() else _strip_marks(folded)


def words(text):
    return [word for word in WORD.findall(text.lower()) if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=1)
def _czech_lemmas_by_folded_form():
    """``{folded form: "lemma [lemma…]"}`` for the dictionary's forms that have diacritics.

    Forms without diacritics are known to simplemma as they are. Built once per process
    from simplemma's own dictionary (a few seconds, some tens of MB).
    """
    table = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("cs").items():
        key = fold(form)
        if key != form.lower():
            folded_lemma = fold(lemma)
            known = table.get(key)
            if known is None:
                table[key] = folded_lemma
            elif folded_lemma not in known.split():
                table[key] = f"{known} {folded_lemma}"
    return table


def _czech_lemmas(word, folded):
    if simplemma.is_known(word, lang="cs"):
        return [fold(simplemma.lemmatize(word, lang="cs"))]
    found = _czech_lemmas_by_folded_form().get(folded)
    return found.split() if found else [folded]


# Lemma endings of adjectives (-ovní, -ný, -ní) and agents (-ník) derived from a noun, folded;
# longest first. A root shorter than 4 letters is not kept (``hodný`` is not ``hod``).
_DERIVATION_SUFFIXES = ("ovni", "nik", "ny", "ni")
_MIN_ROOT_LENGTH = 4


def derivation_root(lemma):
    """The folded noun stem that the folded ``lemma`` is derived from, or ``""``."""
    for suffix in _DERIVATION_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= _MIN_ROOT_LENGTH:
            return lemma[: -len(suffix)]
    return ""


@lru_cache(maxsize=200_000)
def czech_word_terms(word):
    """The folded lemmas, light stem and derivation root of one lower-case Czech word."""
    folded = fold(word)
    if folded in stopwords.CZECH:
        return ()
    terms = set()
    for lemma in _czech_lemmas(word, folded):
        if folded.startswith("ne") and not lemma.startswith("ne"):
            lemma = "ne" + lemma  # simplemma maps "nebezpečný" to "bezpečný": keep the meaning
        terms.update((lemma, derivation_root(lemma)))
    terms.add(fold(_czech_stemmer.stemWord(word)))
    terms.discard("")
    return tuple(sorted(terms))


@lru_cache(maxsize=200_000)
def english_word_terms(word):
    folded = fold(word)
    if folded in stopwords.ENGLISH:
        return ()
    return (_english_stemmer.stemWord(folded),)


# Prefixes that make compounds with a word that also stands alone, folded. Czech writes
# them joined (kyberšikana, videohra, sebepoškozování), sometimes hyphenated (e-mail,
# kyber-šikana); English joined or apart (cyberbullying, cyber bullying).
COMPOUND_PREFIXES = {
    "cs": ("kyber", "e", "online", "video", "mikro", "sebe", "foto", "internet", "anti", "auto", "tele", "multi"),
    "en": ("cyber", "e", "online", "video", "micro", "self", "photo", "web", "anti", "auto", "tele", "multi"),
}
_MIN_HEAD_LENGTH = 3  # "e" + "u" is no compound


def compound_prefixes(language):
    return COMPOUND_PREFIXES.get(language, COMPOUND_PREFIXES["cs"])


def joined_word(first, second, language):
    """``first + second`` when ``first`` is a compound prefix written apart, else ``""``."""
    if fold(first) in compound_prefixes(language) and len(second) >= _MIN_HEAD_LENGTH:
        return first + second
    return ""


def compound_head(word, language):
    """The word a compound is built on (``kyberšikana`` → ``šikana``), or ``""``."""
    folded = fold(word)
    for prefix in compound_prefixes(language):
        if folded.startswith(prefix) and len(folded) - len(prefix) >= _MIN_HEAD_LENGTH + 1:
            return word[len(prefix) :]
    return ""


_SIMPLE_WORD_TERMS = {"cs": czech_word_terms, "en": english_word_terms}


def _with_compound_terms(language):
    simple = _SIMPLE_WORD_TERMS[language]

    @lru_cache(maxsize=200_000)
    def word_terms(word):
        """The word's terms; for a compound, also its prefix joined to its head's terms."""
        own = simple(word)
        head = compound_head(word, language)
        if not head or not own:
            return own
        prefix = fold(word[: len(word) - len(head)])
        return tuple(sorted(set(own) | {prefix + term for term in simple(head)}))

    return word_terms


WORD_TERMS = {"cs": _with_compound_terms("cs"), "en": _with_compound_terms("en")}


def terms(text, language):
    """Search terms of ``text`` in ``language`` ("cs" or "en"), in order, repeats kept.

    Repeats are kept because the engines rank by term frequency. An unknown language is
    analysed as Czech, the site's default. A compound prefix written apart adds the terms
    of the joined word after the two words' own.
    """
    word_terms = WORD_TERMS.get(language, WORD_TERMS["cs"])
    result = []
    text_words = words(text or "")
    for position, word in enumerate(text_words):
        result.extend(word_terms(word))
        if position and (joined := joined_word(text_words[position - 1], word, language)):
            result.extend(word_terms(joined))
    return result


def analyse(text, language):
    """``terms`` as one space-separated string, what the engines index and match."""
    return " ".join(terms(text, language))


def query_terms(text, language):
    """The distinct terms of a query, in the order they first appear."""
    return list(dict.fromkeys(terms(text, language)))


def query_word_terms(text, language):
    """The terms of each word of a query, stop words left out: ``[[terms of word 1], …]``."""
    word_terms = WORD_TERMS.get(language, WORD_TERMS["cs"])
    groups = [list(word_terms(word)) for word in dict.fromkeys(words(text or ""))]
    return [group for group in groups if group]
