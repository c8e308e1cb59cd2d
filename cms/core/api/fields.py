"""Serializer fields whose schema says exactly what the API sends."""

from rest_framework import serializers


class OptionalURLField(serializers.URLField):
    """An address or ``null`` (never ``""``, which a strict client refuses as a URI)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class RequiredChoiceField(serializers.ChoiceField):
    """A choice that must be made: an empty value (a form's unchosen radio buttons send
    ``""``) is refused with the field's ``required`` message, not as ``"" is not a valid
    choice``."""

    def validate_empty_values(self, data):
        if data == "":
            self.fail("required")
        return super().validate_empty_values(data)
