"""Search of past contacts for counsellors (every search is audited by the view).

Codes, dates, references and cases are filtered by the database. Words are compared with
what the person wrote and the nickname, which are encrypted: they are decrypted and
compared in Python (case and diacritics folded, so ``sikana`` finds ``šikana``), within
the newest ``SEARCH_WINDOW`` contacts the other criteria leave; narrow by dates or codes
to reach older ones.
"""

import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch

from ..models import ContactMessage, HelplineContact

SEARCH_WINDOW = 2000
MAX_RESULTS = 200


@dataclass
class Found:
    contacts: list
    searched: int  # contacts whose texts were compared (0: no words given)
    window_full: bool  # the words were looked for in the newest SEARCH_WINDOW only


def folded(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _filtered(criteria):
    contacts = HelplineContact.objects.select_related("case", "assigned_to").order_by("-received_at", "-pk")
    if criteria.get("reference"):
        contacts = contacts.filter(reference__iexact=criteria["reference"].strip())
    if criteria.get("case"):
        contacts = contacts.filter(case__reference__iexact=criteria["case"].strip())
    for field in ("age_band", "role", "channel"):
        if criteria.get(field):
            contacts = contacts.filter(**{field: criteria[field]})
    if criteria.get("category"):
        contacts = contacts.filter(categories__category=criteria["category"]).distinct()
    if criteria.get("received_from"):
        contacts = contacts.filter(received_at__date__gte=criteria["received_from"])
    if criteria.get("received_to"):
        contacts = contacts.filter(received_at__date__lte=criteria["received_to"])
    return contacts


def search(criteria):
    contacts = _filtered(criteria)
    words = folded(criteria.get("text") or "").split()
    if not words:
        return Found(list(contacts[:MAX_RESULTS]), 0, False)
    texts = Prefetch("messages", queryset=ContactMessage.objects.only("contact_id", "text"), to_attr="texts")
    window = list(contacts.prefetch_related(texts)[:SEARCH_WINDOW])
    matching = []
    for contact in window:
        haystack = folded(" ".join([contact.nickname, *(message.text for message in contact.texts)]))
        if all(word in haystack for word in words):
            matching.append(contact)
    return Found(matching[:MAX_RESULTS], len(window), len(window) == SEARCH_WINDOW)
