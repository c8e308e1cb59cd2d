"""The editors' synonym sets as the query plan uses them: read when a query is made (one
query), so a change applies to the next search without reindexing."""

from .models import SynonymSet
from .query_plan import phrase_terms


def sets_for(language):
    """``[[(phrase, [terms of each word]), …], …]``: the synonym sets of ``language``."""
    sets = []
    for synonym_set in SynonymSet.objects.filter(language=language).only("terms", "language"):
        members = [(member, phrase_terms(member, language)) for member in synonym_set.members()]
        members = [(member, terms) for member, terms in members if terms]
        if len(members) > 1:
            sets.append(members)
    return sets
