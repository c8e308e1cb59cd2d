"""The built-in site's search page: ``/cs/search/?q=`` and ``/en/search/?q=``."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode

from . import insights, service
from .kinds import searchable_kinds
from .spelling import closeness
from .suggestions import suggest_with_urls, term_links

RESULTS_PER_PAGE = 10
SUGGESTION_PREFIX = 5  # letters of the query's first word that suggestions must start with


def site_search(request):
    language = translation.get_language()
    context = {"query": "", "error": "", "page_obj": None, "results": [], "engine": None}
    raw = request.GET.get("q")
    if raw is not None:
        try:
            text = service.clean_query(raw)
        except service.QueryError as error:
            context.update(query=raw[: service.MAX_QUERY_LENGTH], error=str(error))
            return render(request, "search/search.html", context, status=400)
        found = service.find(text, [language])
        insights.record(language, text, None, bool(found.ids))
        page_obj = Paginator(found.ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        labels = {kind: label for kind, (_model, label) in searchable_kinds().items()}
        results = [
            {"page": page, "kind": labels[kind], "snippet": snippet}
            for page, kind, snippet in found.results(list(page_obj))
        ]
        context.update(
            query=text,
            page_obj=page_obj,
            results=results,
            engine=found.engine,
            pagination_query=urlencode({"q": text}),
            did_you_mean=found.hits.did_you_mean,
            corrected=found.hits.corrected,
            did_you_mean_query=urlencode({"q": found.hits.did_you_mean}),
        )
        if not found.ids:
            context.update(nothing_found(text, language))
    return render(request, "search/search.html", context)


def nothing_found(text, language):
    """What the page offers when nothing matches: titles and terms that start like the
    query's first word (a typo is usually at the end), and the library's topics, the
    nearest to the query first."""
    stem = text.split()[0][:SUGGESTION_PREFIX]
    _engine, suggestions = suggest_with_urls(stem, language, limit=6) if len(stem) >= 3 else (None, [])
    topics = sorted(term_links(language), key=lambda item: -closeness(text, item["text"]))
    return {"suggestions": [item for item in suggestions if item["url"]], "topics": topics}
