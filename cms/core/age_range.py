"""An age range shared by toolkits and resources: ``0 ≤ age_min ≤ age_max ≤ 99``."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

AGE_LIMIT = 99


class AgeRangeMixin(models.Model):
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"),
        default=0,
        validators=[MaxValueValidator(AGE_LIMIT)],
        help_text=_("Youngest age the material suits, 0 to 99."),
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"),
        default=AGE_LIMIT,
        validators=[MaxValueValidator(AGE_LIMIT)],
        help_text=_("Oldest age the material suits, 0 to 99 (99 = no upper limit)."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("The maximum age must not be lower than the minimum age.")})

    @property
    def age_range_label(self):
        if self.age_min == 0 and self.age_max == AGE_LIMIT:
            return ""
        if self.age_max == AGE_LIMIT:
            return _("%(min)s+ years") % {"min": self.age_min}
        return _("%(min)s–%(max)s years") % {"min": self.age_min, "max": self.age_max}


def age_range_constraints(prefix):
    """Database checks mirroring ``AgeRangeMixin.clean`` (named per model)."""
    return [
        models.CheckConstraint(
            condition=models.Q(age_min__lte=models.F("age_max")) & models.Q(age_max__lte=AGE_LIMIT),
            name=f"{prefix}_age_range_valid",
        )
    ]
