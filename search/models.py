"""What editors keep for search (synonym sets) and what search keeps for editors (counts
of what people looked for, without anything about who looked)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .query_plan import phrase_terms

MEMBER_SEPARATORS = re.compile(r"[\n,;]")
MAX_QUERY_LENGTH = 200


class SynonymSet(models.Model):
    """Words and phrases that mean the same to the centre's readers (``hoax``, ``poplašná
    zpráva``): a search for any of them also finds the others, ranked below the literal
    words. Applied when a query is made, so a change needs no reindex."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    terms = models.TextField(
        _("words and phrases"),
        help_text=_(
            "One word or phrase per line (or separated by commas). Any form of a word will do: "
            "the search finds its other forms and spellings without diacritics."
        ),
    )
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("Why these belong together (optional)."))

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["language", "terms"]

    def __str__(self):
        return " = ".join(self.members())

    def members(self):
        """The words and phrases, as the editor wrote them, without repeats."""
        found = [" ".join(member.split()) for member in MEMBER_SEPARATORS.split(self.terms or "")]
        return list(dict.fromkeys(member for member in found if member))

    def clean(self):
        members = self.members()
        empty = [member for member in members if not phrase_terms(member, self.language)]
        if empty:
            raise ValidationError(
                {"terms": _("“%(member)s” has no words the search looks for.") % {"member": empty[0]}}
            )
        if len(members) < 2:
            raise ValidationError({"terms": _("Give at least two words or phrases that mean the same.")})


class SearchQueryCount(models.Model):
    """How many times a day a query was searched in a language, with given filters, and
    whether it found anything. No IP address, session, user or user agent: a count."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    filters = models.CharField(_("filters"), max_length=200, blank=True)
    found = models.BooleanField(_("found something"))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search count")
        verbose_name_plural = _("search counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query", "filters", "found"], name="sic_search_count_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "day"], name="sic_search_count_day")]

    def __str__(self):
        return f"{self.day} {self.language} {self.query!r} × {self.count}"
