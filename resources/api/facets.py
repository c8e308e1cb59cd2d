"""Counts per audience, topic and type over the current result set (three queries)."""

from django.db.models import Count


def facet_counts(queryset, taxonomy):
    base = queryset.model.objects.filter(pk__in=queryset.order_by().values("pk"))
    counts = {
        "audience": dict(base.values_list("audiences__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "topic": dict(base.values_list("topics__slug").annotate(n=Count("pk", distinct=True)).order_by()),
        "type": dict(base.values_list("resource_type__slug").annotate(n=Count("pk")).order_by()),
    }
    return {
        param: [{"slug": slug, "name": term.name, "count": counts[param].get(slug, 0)} for slug, term in terms.items()]
        for param, terms in taxonomy.items()
    }
