"""A page that runs over days (a programme, a campaign): its first and last day, checked
in the form and by the database, shown with each date said once; and the original of a
page that every translation shares (seats, activities) with it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DateRangeMixin(models.Model):
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The last day cannot be before the first day.")})

    @property
    def dates_label(self):
        """``1. února 2027`` or ``1. února 2027 – 28. února 2027`` in the active language."""
        if self.start == self.end:
            return date_format(self.start, "DATE_FORMAT")
        return f"{date_format(self.start, 'DATE_FORMAT')} – {date_format(self.end, 'DATE_FORMAT')}"

    def original_translation(self):
        """The page all its translations share records with: the first one created."""
        return type(self).objects.filter(translation_key=self.translation_key).order_by("pk").first() or self


def date_range_constraint(name):
    """The database's check mirroring ``DateRangeMixin.clean``."""
    return models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name=name)
