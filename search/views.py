"""The built-in site's search page: ``/cs/search/?q=`` and ``/en/search/?q=``."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from wagtail.models import Page

from . import service
from .analysis import query_terms
from .highlight import highlight
from .kinds import SUMMARY_FIELDS, kind_of, searchable_kinds, specific_pages

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
        visible = set(
            Page.objects.live().public().filter(pk__in=hits.ids, alias_of__isnull=True).values_list("pk", flat=True)
        )
        paginator = Paginator([pk for pk in hits.ids if pk in visible], RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        pages = specific_pages(list(page_obj))
        terms = query_terms(text, language)
        labels = {kind: label for kind, (_model, label) in searchable_kinds().items()}
        results = []
        for pk in page_obj:
            page = pages[pk]
            kind = kind_of(type(page))
            snippet = hits.highlights.get(pk) or highlight(getattr(page, SUMMARY_FIELDS[kind], ""), terms, language)
            results.append({"page": page, "kind": labels[kind], "snippet": snippet})
        context.update(
            query=text,
            page_obj=page_obj,
            results=results,
            engine=hits.engine,
            pagination_query=urlencode({"q": text}),
        )
    return render(request, "search/search.html", context)
