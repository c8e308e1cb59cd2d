"""The helpline intake contract: field names, values and the reason for every refusal."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cms.core.api.fields import NO_NUL, ConsentField, PatternField, TextField, some_text_field

from ..models import AgeBand, AnswerBy, ContactStatus, Gender, HelplineCategory, Platform, Role
from ..models.helpline import MAX_MESSAGE_LENGTH, MAX_NICKNAME_LENGTH
from .serializers import LANGUAGES

MAX_CATEGORIES = 5
REFERENCE_PATTERN = r"^\s*[Pp][Oo]-[0-9]{4}-[0-9]{6}\s*$"


def text_field(**kwargs):
    return some_text_field(MAX_MESSAGE_LENGTH, **kwargs)


def consent_field(**kwargs):
    return ConsentField(refusal=_("We can answer only with your consent to keep what you wrote."), **kwargs)


class HelplineContactSerializer(serializers.Serializer):
    nickname = TextField(
        max_length=MAX_NICKNAME_LENGTH, required=False, allow_blank=True, help_text="Optional; never a real name."
    )
    age_band = serializers.ChoiceField(choices=AgeBand.choices, required=False, default=AgeBand.UNKNOWN)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False, default=Gender.UNKNOWN)
    role = serializers.ChoiceField(choices=Role.choices, required=False, default=Role.OTHER)
    platform = serializers.ChoiceField(choices=Platform.choices, required=False, default=Platform.UNKNOWN)
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=HelplineCategory.choices),
        required=False,
        max_length=MAX_CATEGORIES,
        help_text="Insafe reasons for contact (codes), at most 5.",
    )
    message = text_field()
    answer_by = serializers.ChoiceField(choices=AnswerBy.choices, required=False, default=AnswerBy.STATUS_PAGE)
    email = serializers.EmailField(
        required=False, allow_blank=True, max_length=254, help_text="Required when answer_by is email; encrypted."
    )
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    consent = consent_field(help_text="Must be true: consent to keep what is written, to answer it.")
    # A field people never see; software that fills every field fills it too.
    homepage = TextField(required=False, allow_blank=True, write_only=True)

    def validate(self, data):
        if data.get("answer_by") == AnswerBy.EMAIL and not data.get("email"):
            raise serializers.ValidationError({"email": [_("Give an e-mail address to get the answer by e-mail.")]})
        return data


class ConversationSerializer(serializers.Serializer):
    reference = PatternField(
        REFERENCE_PATTERN,
        max_length=30,
        trim_whitespace=False,
        error_messages={"invalid": _("Give the reference number as PO-YYYY-NNNNNN.")},
        help_text="The reference, e.g. PO-2026-000123.",
    )
    token = PatternField(
        NO_NUL, max_length=100, trim_whitespace=False, help_text="The status token given with the reference."
    )


class AnswerSerializer(ConversationSerializer):
    text = text_field()


class MessageSerializer(serializers.Serializer):
    """A message the person sees: theirs, or a counsellor's reply (never a note)."""

    id = serializers.IntegerField()
    sender = serializers.ChoiceField(choices=["you", "counsellor"])
    text = serializers.CharField()
    sent_at = serializers.DateTimeField()


class OpenedConversationSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.ChoiceField(choices=ContactStatus.choices)
    messages = MessageSerializer(many=True)


class ChatStartSerializer(serializers.Serializer):
    """The pre-chat form: who is asking and about what, and consent."""

    nickname = PatternField(
        NO_NUL,
        max_length=MAX_NICKNAME_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Optional; never a real name. Shown to the counsellor.",
    )
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    role = serializers.ChoiceField(choices=Role.choices)
    topic = serializers.ChoiceField(choices=HelplineCategory.choices, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    consent = consent_field(help_text="Must be true: consent to keep the conversation for the helpline's records.")
    homepage = TextField(required=False, allow_blank=True, write_only=True)
