"""The built-in site's search page: ``/cs/search/?q=`` and ``/en/search/?q=``."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode

from . import service
from .analysis import query_terms
from .kinds import hit_snippet, searchable_kinds, specific_pages, visible_kinds

RESULTS_PER_PAGE = 10


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
        models = [model for model, _label in searchable_kinds().values()]
        hits = service.search(text, [language], models)
        kind_of_hit = visible_kinds(hits.ids)
        paginator = Paginator([pk for pk in hits.ids if pk in kind_of_hit], RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        pages = specific_pages(list(page_obj))
        terms = query_terms(text, language)
        labels = {kind: label for kind, (_model, label) in searchable_kinds().items()}
        results = [
            {
                "page": pages[pk],
                "kind": labels[kind_of_hit[pk]],
                "snippet": hit_snippet(pages[pk], kind_of_hit[pk], hits, terms),
            }
            for pk in page_obj
        ]
        context.update(
            query=text,
            page_obj=page_obj,
            results=results,
            engine=hits.engine,
            pagination_query=urlencode({"q": text}),
        )
    return render(request, "search/search.html", context)
