"""Analysis speed: search terms per second for Czech and English text.

Run: ``.venv/bin/python benchmarks/search_terms.py``

Analyses the evaluation set's titles and summaries many times over, first with the
per-word cache cold (every word analysed once, as when indexing new text), then warm
(as when re-indexing text whose words have been seen), and prints words and terms per
second for each language.
"""

import json
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from search import analysis  # noqa: E402


def texts_by_language():
    texts = {"cs": [], "en": []}
    for line in (PROJECT / "benchmarks" / "search_eval" / "resources.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        texts[row["locale"]].append(f"{row['title']} {row['summary']}")
    return texts


def measure(texts, language, rounds):
    words = terms = 0
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            words += len(analysis.words(text))
            terms += len(analysis.terms(text, language))
    elapsed = time.perf_counter() - started
    return words / elapsed, terms / elapsed


def main():
    analysis.terms("načtení slovníku", "cs")  # load simplemma's Czech dictionary outside the timing
    texts = texts_by_language()
    print("| language | cache | words/s | terms/s |\n| --- | --- | ---: | ---: |")
    for language, rounds in (("cs", 200), ("en", 200)):
        analysis.czech_word_terms.cache_clear()
        analysis.english_word_terms.cache_clear()
        cold_words, cold_terms = measure(texts[language], language, 1)
        warm_words, warm_terms = measure(texts[language], language, rounds)
        print(f"| {language} | cold | {cold_words:,.0f} | {cold_terms:,.0f} |")
        print(f"| {language} | warm | {warm_words:,.0f} | {warm_terms:,.0f} |")


if __name__ == "__main__":
    main()
