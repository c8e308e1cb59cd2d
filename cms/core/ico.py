"""The Czech company ID (IČO): eight digits, the last a check digit of the first seven.

Shorter numbers from the old register are written with leading zeros, and people type
spaces into them; both are accepted and the eight digits are kept.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def check_digit(first_seven):
    remainder = sum(int(digit) * weight for digit, weight in zip(first_seven, WEIGHTS, strict=True)) % 11
    return (11 - remainder) % 10


def normalise_ico(value):
    """The eight digits of ``value``; ValidationError when it is not a valid IČO."""
    digits = re.sub(r"\s", "", value or "")
    if not re.fullmatch(r"\d{1,8}", digits, flags=re.ASCII):
        raise ValidationError(_("An IČO has eight digits."), code="invalid")
    digits = digits.zfill(8)
    if int(digits[7]) != check_digit(digits[:7]):
        raise ValidationError(_("This IČO's check digit does not match; check the number."), code="checksum")
    return digits
