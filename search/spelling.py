"""“Did you mean”: the query spelt with the words the index knows.

The vocabulary is every word of the live pages' titles and of the taxonomy labels in a
language, kept in the shared cache until content changes (one query to build it). A word of
the query that the vocabulary lacks is replaced by the closest word it has (difflib's
ratio, at least ``CUTOFF``, among words of a similar length; the more frequent wins a tie).
"""

import difflib
from collections import Counter

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from cms.core.api.caching import content_version

from .analysis import compound_head, fold, words
from .kinds import taxonomy_labels
from .stopwords import CZECH, ENGLISH

CUTOFF = 0.75
MIN_WORD_LENGTH = 4  # shorter words have too many neighbours to guess from
# Each unknown word is compared with thousands of known ones: a query of many made-up
# words must not cost seconds of CPU, so only the first few are corrected.
MAX_CORRECTED_WORDS = 4
CACHE_SECONDS = 24 * 3600
STOPWORDS = {"cs": CZECH, "en": ENGLISH}


def _labels(language):
    with translation.override(language):
        return [label for _kind, _slug, label in taxonomy_labels()]


def _build(language):
    titles = Page.objects.live().filter(locale__language_code=language).values_list("title", flat=True)
    counts = Counter(word for text in [*titles, *_labels(language)] for word in words(text))
    # The head of a compound is a word too (Kybergrooming → grooming).
    for word, count in list(counts.items()):
        if head := compound_head(word, language):
            counts[head] += count
    vocabulary = {}
    for word, count in counts.most_common():
        entry = vocabulary.setdefault(fold(word), [word, 0])
        entry[1] += count
    return vocabulary


def vocabulary(language):
    """``{folded word: [word as written most often, count]}`` of ``language``."""
    key = f"search:vocabulary:{language}:{content_version()}"
    found = cache.get(key)
    if found is None:
        found = _build(language)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _closest(folded, known):
    similar = [word for word in known if abs(len(word) - len(folded)) <= 2]
    matches = difflib.get_close_matches(folded, similar, n=5, cutoff=CUTOFF)
    if not matches:
        return None
    best = difflib.SequenceMatcher(None, folded, matches[0]).ratio()
    tied = [word for word in matches if difflib.SequenceMatcher(None, folded, word).ratio() == best]
    return max(tied, key=lambda word: known[word][1])


def correct(text, language):
    """``text`` with its unknown words replaced by the closest known ones, or ``""`` when
    there is nothing to correct."""
    known = vocabulary(language)
    stopwords = STOPWORDS.get(language, CZECH)
    corrected, changed, tried = [], False, 0
    for word in words(text):
        folded = fold(word)
        if folded in known or folded in stopwords or len(folded) < MIN_WORD_LENGTH or tried >= MAX_CORRECTED_WORDS:
            corrected.append(word)
            continue
        tried += 1
        closest = _closest(folded, known)
        if closest is None:
            corrected.append(word)
            continue
        corrected.append(known[closest][0])
        changed = True
    return " ".join(corrected) if changed else ""


def closeness(text, label):
    """How near ``label`` is to ``text`` (0 to 1): the best match between their words."""
    pairs = [(a, b) for a in map(fold, words(text)) for b in map(fold, words(label))]
    return max((difflib.SequenceMatcher(None, a, b).ratio() for a, b in pairs), default=0.0)
