"""The ``meta`` of an answer that searched: which engine, what the query was widened with,
and the spelling the index suggests."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

EXPANSION = inline_serializer(
    "SearchExpansion",
    {
        "kind": serializers.ChoiceField(choices=["synonym", "compound"]),
        "word": serializers.CharField(help_text="The query's words that were widened."),
        "terms": serializers.ListField(
            child=serializers.CharField(),
            help_text="Synonyms: the set's other words and phrases. Compounds: the prefixes (kyber…).",
        ),
    },
    many=True,
)
SEARCH_META = {
    "engine": serializers.ChoiceField(choices=["database", "elasticsearch"]),
    "expansions": EXPANSION,
    "did_you_mean": serializers.CharField(
        help_text="The query spelt with the site's own words, when nothing matched as typed (else empty)."
    ),
    "corrected": serializers.BooleanField(help_text="The results are those of `did_you_mean`."),
}


def search_meta(hits):
    """What the API says about how it searched: the engine, the expansions, the spelling."""
    return {
        "engine": hits.engine,
        "expansions": hits.expansions,
        "did_you_mean": hits.did_you_mean,
        "corrected": hits.corrected,
    }
