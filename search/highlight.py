"""A short snippet of a text around the words that matched, with them in ``<mark>``.

Words are compared by their analysed terms, so ``sikanou`` marks ``šikaně`` in the text.
The snippet is HTML-escaped; only the ``<mark>`` tags are markup.
"""

from django.utils.html import escape

from .analysis import WORD, terms

SNIPPET_WORDS = 30


def highlight(text, query_terms, language, size=SNIPPET_WORDS):
    """A snippet of ``text`` (plain) with matching words marked, or "" when ``text`` is empty."""
    wanted = set(query_terms)
    spans = [match.span() for match in WORD.finditer(text or "")]
    if not spans:
        return ""
    matched = [bool(wanted.intersection(terms(text[start:end], language))) for start, end in spans]
    first = matched.index(True) if any(matched) else 0
    begin = max(0, min(first - size // 3, len(spans) - size))
    window = range(begin, min(len(spans), begin + size))
    parts = ["…"] if begin > 0 else []
    cursor = spans[window[0]][0]
    for position in window:
        start, end = spans[position]
        parts.append(escape(text[cursor:start]))
        word = escape(text[start:end])
        parts.append(f"<mark>{word}</mark>" if matched[position] else word)
        cursor = end
    last = window[-1]
    if last < len(spans) - 1:
        parts.append(escape(text[cursor : spans[last + 1][0]]).rstrip() + "…")
    else:
        parts.append(escape(text[cursor:]))
    return "".join(parts).strip()
