"""The helpline intake contract: field names, values and the reason for every refusal."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import AgeBand, AnswerBy, ContactStatus, Gender, HelplineCategory, Platform, Role
from ..models.helpline import MAX_MESSAGE_LENGTH, MAX_NICKNAME_LENGTH
from .serializers import LANGUAGES

MAX_CATEGORIES = 5


class HelplineContactSerializer(serializers.Serializer):
    nickname = serializers.CharField(
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
    message = serializers.CharField(max_length=MAX_MESSAGE_LENGTH, trim_whitespace=True)
    answer_by = serializers.ChoiceField(choices=AnswerBy.choices, required=False, default=AnswerBy.STATUS_PAGE)
    email = serializers.EmailField(
        required=False, allow_blank=True, max_length=254, help_text="Required when answer_by is email; encrypted."
    )
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    consent = serializers.BooleanField(help_text="Must be true: consent to keep what is written, to answer it.")
    # A field people never see; software that fills every field fills it too.
    homepage = serializers.CharField(required=False, allow_blank=True, write_only=True)

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError(_("We can answer only with your consent to keep what you wrote."))
        return value

    def validate(self, data):
        if data.get("answer_by") == AnswerBy.EMAIL and not data.get("email"):
            raise serializers.ValidationError({"email": [_("Give an e-mail address to get the answer by e-mail.")]})
        return data


class ConversationSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=30, help_text="The reference, e.g. PO-2026-000123.")
    token = serializers.CharField(max_length=100, help_text="The status token given with the reference.")


class AnswerSerializer(ConversationSerializer):
    text = serializers.CharField(max_length=MAX_MESSAGE_LENGTH, trim_whitespace=True)


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
