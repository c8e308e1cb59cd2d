"""``/api/v1/youth/contributions/``: young people send a contribution (POST), and anyone
reads the approved ones in a language (GET). Nothing unapproved is ever in a GET."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.generics import GenericAPIView

from cms.core.api.caching import CachedGetMixin, cached_get
from cms.core.api.errors import InvalidParameter
from cms.core.api.fields import PatternField, TextField, some_text_field
from cms.core.api.intake import ApiIntake, file_submission, intake_headers, stored_response
from cms.core.api.locale import requested_language, requested_locale
from cms.core.api.pages import LOCALE_PARAMETERS, PAGINATION_PARAMETERS
from cms.core.api.pagination import ApiPagination
from cms.core.api.parsers import DepthLimitedJSONParser
from cms.core.filtering import unknown_value
from cms.core.scopes import Scope
from resources.models import Topic

from ..models.youth import MAX_TEXT_LENGTH, AgeBand, ContributionKind, ContributionStatus, approved_contributions
from . import intake
from .throttling import YouthAttemptThrottle, count_contribution

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class YouthContributionSerializer(serializers.Serializer):
    """What a young person sends: no e-mail, no name."""

    nickname = PatternField(
        r"^[^\u0000]*$",
        max_length=40,
        required=False,
        allow_blank=True,
        help_text="Optional, shown with the contribution; never a real name.",
    )
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    kind = serializers.ChoiceField(choices=ContributionKind.choices, help_text="opinion, idea or story")
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False, allow_null=True, help_text="A topic slug."
    )
    text = some_text_field(MAX_TEXT_LENGTH)
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    # A field people never see; software that fills every field fills it too.
    homepage = TextField(required=False, allow_blank=True, write_only=True)


class YouthLabel(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PublishedYouthContributionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    nickname = serializers.CharField(source="shown_name")
    age_band = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField()
    topic = serializers.SerializerMethodField()
    text = serializers.CharField(source="published_text")
    published_at = serializers.DateTimeField(source="moderated_at")

    def get_age_band(self, contribution) -> YouthLabel:
        return {"slug": contribution.age_band, "name": str(AgeBand(contribution.age_band).label)}

    def get_kind(self, contribution) -> YouthLabel:
        return {"slug": contribution.kind, "name": str(ContributionKind(contribution.kind).label)}

    @extend_schema_field(YouthLabel(allow_null=True))
    def get_topic(self, contribution):
        topic = contribution.topic
        return {"slug": topic.slug, "name": topic.name} if topic else None


RECEIPT = inline_serializer(
    "YouthContributionReceipt",
    {
        "reference": serializers.CharField(help_text="ML-YYYY-nnnnnn"),
        "status": serializers.ChoiceField(choices=ContributionStatus.choices),
        "message": serializers.CharField(),
    },
)


YOUTH_INTAKE = ApiIntake(
    YouthContributionSerializer,
    intake.submit,
    gettext_lazy("This API key may not send youth contributions: it needs the youth:submit scope."),
)


def _receipt(outcome):
    if outcome.decoy is not None:
        reference, status = outcome.decoy["reference"], outcome.decoy["status"]
    else:
        reference, status = outcome.receipt.record.reference, outcome.receipt.record.status
    message = _("Thank you. A moderator reads every contribution before it appears on the panel's pages.")
    return {"reference": reference, "status": status, "message": message}


class ContributionListView(CachedGetMixin, GenericAPIView):
    pagination_class = ApiPagination
    serializer_class = PublishedYouthContributionSerializer
    parser_classes = [DepthLimitedJSONParser]

    def get_throttles(self):
        return [YouthAttemptThrottle()] if self.request.method == "POST" else super().get_throttles()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "POST":  # a receipt is private; the approved list is public content
            response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        operation_id="youth_contributions_list",
        parameters=[
            *LOCALE_PARAMETERS[:1],
            OpenApiParameter("kind", str, enum=list(ContributionKind.values)),
            OpenApiParameter("topic", str, description="A topic slug."),
            *PAGINATION_PARAMETERS,
        ],
        responses=PublishedYouthContributionSerializer(many=True),
    )
    @cached_get
    def get(self, request):
        locale = requested_locale(request)
        contributions = approved_contributions(locale.language_code)
        kind = request.query_params.get("kind")
        if kind is not None:
            if kind not in ContributionKind.values:
                raise InvalidParameter({"kind": [unknown_value(kind, ContributionKind.values)]})
            contributions = contributions.filter(kind=kind)
        topic = request.query_params.get("topic")
        if topic is not None:
            slugs = list(Topic.objects.values_list("slug", flat=True))
            if topic not in slugs:
                raise InvalidParameter({"topic": [unknown_value(topic, slugs)]})
            contributions = contributions.filter(topic__slug=topic)
        with translation.override(locale.language_code):
            page = self.paginate_queryset(contributions)
            return self.get_paginated_response(PublishedYouthContributionSerializer(page, many=True).data)

    @extend_schema(
        operation_id="youth_contribution_create",
        request=YouthContributionSerializer,
        parameters=intake_headers(Scope.YOUTH_SUBMIT),
        responses={
            201: RECEIPT,
            400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
            401: OpenApiResponse(description="The API key sent is unknown, revoked or expired."),
            403: OpenApiResponse(description="The API key has no youth:submit scope."),
            422: OpenApiResponse(description="The Idempotency-Key was used before for a different contribution."),
            429: OpenApiResponse(description="Too many contributions or attempts; Retry-After says when to try again."),
        },
    )
    def post(self, request):
        quota = lambda: count_contribution(request)  # noqa: E731 - one line, read where it is used
        outcome = file_submission(request, YOUTH_INTAKE, "api", quota, {"language": requested_language(request)})
        return stored_response(outcome, body=_receipt(outcome))
