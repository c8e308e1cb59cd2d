"""The intake contract: field names, values and the reason for every refusal."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cms.core.api.fields import RequiredChoiceField, TextField

from ..hotline.reported_urls import InvalidUrl, normalise_url
from ..models import Category, OutOfRemitCategory, SourceType
from ..models.hotline import MAX_DESCRIPTION_LENGTH

MAX_URLS = 20
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class SourceDetailsSerializer(serializers.Serializer):
    service = TextField(
        max_length=100, required=False, allow_blank=True, help_text="The service or app, e.g. a network's name."
    )
    seen_at = serializers.DateTimeField(required=False, help_text="When the content was seen.")

    def to_internal_value(self, data):
        if isinstance(data, dict) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError(
                {name: [_("Unknown detail; allowed: service, seen_at.")] for name in unknown}
            )
        return super().to_internal_value(data)

    def validate_seen_at(self, value):
        if value > timezone.now():
            raise serializers.ValidationError(_("This time is in the future."))
        return value.isoformat()  # kept in a JSON field


class UrlListField(serializers.ListField):
    child = TextField(trim_whitespace=True, allow_blank=True, max_length=4096)

    def to_internal_value(self, data):
        # The count first: normalising ten thousand addresses only to refuse them cost seconds.
        if isinstance(data, list) and self.max_length is not None and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        addresses = super().to_internal_value(data)
        normalised, errors = {}, {}
        for index, address in enumerate(addresses):
            try:
                url, host = normalise_url(address)
            except InvalidUrl as error:
                errors[index] = [str(error)]
            else:
                normalised.setdefault(url, host)
        if errors:
            raise serializers.ValidationError(errors)
        return list(normalised.items())


class HotlineReportSerializer(serializers.Serializer):
    urls = UrlListField(
        min_length=1,
        max_length=MAX_URLS,
        error_messages={"min_length": _("Give at least one address, starting with http:// or https://.")},
        help_text="1 to 20 http(s) addresses where the content is. Never send the content itself.",
    )
    category = RequiredChoiceField(
        choices=[*Category.choices, *OutOfRemitCategory.choices],
        error_messages={"required": _("Choose what you saw.")},
    )
    source_type = RequiredChoiceField(
        choices=SourceType.choices, error_messages={"required": _("Choose where it was.")}
    )
    source_details = SourceDetailsSerializer(required=False)
    description = TextField(max_length=MAX_DESCRIPTION_LENGTH, required=False, allow_blank=True, trim_whitespace=True)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    reporter_email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    wants_feedback = serializers.BooleanField(required=False, default=False)
    consent = serializers.BooleanField(
        required=False, default=False, help_text="Required with reporter_email: consent to keep the address."
    )
    about_reporter = serializers.BooleanField(
        required=False, default=False, help_text="Intimate images: it is the reporter in the picture."
    )
    pass_to_helpline = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Out of remit (cyberbullying, sexting, other): consent to pass the description to the helpline.",
    )
    # A field people never see; software that fills every field fills it too.
    homepage = TextField(required=False, allow_blank=True, write_only=True)

    def validate(self, data):
        errors = {}
        worry = data.get("category") in OutOfRemitCategory.values
        if worry and data.get("pass_to_helpline") and not data.get("description"):
            errors["description"] = [_("Tell the helpline briefly what happened, so a counsellor can answer you.")]
        if data.get("reporter_email") and not data.get("consent"):
            errors["consent"] = [_("We can keep your e-mail address only with your consent.")]
        if data.get("wants_feedback") and not data.get("reporter_email"):
            errors["reporter_email"] = [_("Give an e-mail address to receive feedback.")]
        if errors:
            raise serializers.ValidationError(errors)
        return data
