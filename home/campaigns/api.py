"""``/api/v1/campaigns/{id}/activities/``: schools and organisations register their activity
for a campaign (POST), and anyone reads the approved ones with their totals (GET)."""

from functools import partial

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.generics import GenericAPIView

from cms.core.api.caching import CachedGetMixin, cached_get
from cms.core.api.fields import NO_NUL, ConsentField, PatternField, TextField, some_text_field
from cms.core.api.intake import ApiIntake, file_submission, intake_headers, receipt_of, stored_response
from cms.core.api.locale import requested_language
from cms.core.api.pages import PAGINATION_PARAMETERS
from cms.core.api.pagination import ApiPagination
from cms.core.api.parsers import DepthLimitedJSONParser
from cms.core.scopes import Scope
from resources.api.serializers import TermSerializer
from resources.models import Audience

from ..models.academy import Region
from ..models.campaigns import MAX_REACH, ActivityStatus, CampaignPage, approved_activities
from . import intake
from .throttling import CampaignAttemptThrottle, count_activity

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class ActivitySerializer(serializers.Serializer):
    """What a school or organisation registers; everything but the e-mail is shown once approved."""

    organisation = some_text_field(200, help_text="The school or organisation, shown with the activity.")
    title = some_text_field(200, help_text="What you do, in a few words.")
    description = PatternField(NO_NUL, max_length=1000, required=False, allow_blank=True)
    city = some_text_field(100)
    region = serializers.ChoiceField(choices=Region.choices)
    date = serializers.DateField(help_text="Within the campaign's dates.")
    audience = serializers.SlugRelatedField(slug_field="slug", queryset=Audience.objects.all())
    reach = serializers.IntegerField(min_value=1, max_value=MAX_REACH, help_text="People you expect to reach.")
    email = serializers.EmailField(max_length=254, help_text="For the moderators' questions only; encrypted.")
    language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    consent = ConsentField(
        refusal=gettext_lazy("We can list the activity only with your consent to keep these details."),
        help_text="Must be true: consent to keep the details and show the activity once approved.",
    )
    homepage = TextField(required=False, allow_blank=True, write_only=True)

    def validate_date(self, value):
        campaign = self.context.get("campaign")
        if campaign is not None and not campaign.start <= value <= campaign.end:
            raise serializers.ValidationError(
                _("Choose a day the campaign runs: %(dates)s.") % {"dates": campaign.dates_label}
            )
        return value


class ChoiceLabel(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PublishedActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    organisation = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    city = serializers.CharField()
    region = serializers.SerializerMethodField()
    date = serializers.DateField()
    audience = TermSerializer()
    reach = serializers.IntegerField()

    def get_region(self, activity) -> ChoiceLabel:
        return {"slug": activity.region, "name": str(Region(activity.region).label)}


class ActivitiesClosedError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "activities_closed"

    def __init__(self):
        super().__init__(_("This campaign takes no more activities: it is closed or over."))


SCOPE_MESSAGE = gettext_lazy("This API key may not register campaign activities: it needs the campaigns:submit scope.")


def activity_intake(campaign):
    """The intake as the endpoint takes it, its serializer checking the date against ``campaign``."""
    return ApiIntake(partial(ActivitySerializer, context={"campaign": campaign}), intake.submit, SCOPE_MESSAGE)


def receipt_message():
    return _("Thank you. A moderator checks every activity before it appears on the campaign's page.")


class ActivityListView(CachedGetMixin, GenericAPIView):
    pagination_class = ApiPagination
    serializer_class = PublishedActivitySerializer
    parser_classes = [DepthLimitedJSONParser]

    def get_throttles(self):
        return [CampaignAttemptThrottle()] if self.request.method == "POST" else super().get_throttles()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method == "POST":
            response["Cache-Control"] = "no-store"
        return response

    @extend_schema(
        operation_id="campaign_activities_list",
        parameters=PAGINATION_PARAMETERS,
        responses=PublishedActivitySerializer(many=True),
    )
    @cached_get
    def get(self, request, pk):
        campaign = get_object_or_404(CampaignPage.objects.live(), pk=pk)
        with translation.override(campaign.locale.language_code):
            page = self.paginate_queryset(approved_activities(campaign.activity_holder()))
            return self.get_paginated_response(PublishedActivitySerializer(page, many=True).data)

    @extend_schema(
        operation_id="campaign_activity_create",
        request=ActivitySerializer,
        parameters=intake_headers(Scope.CAMPAIGNS_SUBMIT),
        responses={
            201: inline_serializer(
                "CampaignActivityReceipt",
                {
                    "reference": serializers.CharField(help_text="KA-YYYY-nnnnnn"),
                    "status": serializers.ChoiceField(choices=ActivityStatus.choices),
                    "message": serializers.CharField(),
                },
            ),
            400: OpenApiResponse(description="A field is not valid; `error.fields` names it."),
            401: OpenApiResponse(description="The API key sent is unknown, revoked or expired."),
            403: OpenApiResponse(description="The API key has no campaigns:submit scope."),
            404: OpenApiResponse(description="No published campaign has this id."),
            409: OpenApiResponse(description="The campaign takes no more activities."),
            422: OpenApiResponse(description="The Idempotency-Key was used before for something else."),
            429: OpenApiResponse(description="Too many activities or attempts; Retry-After says when to try again."),
        },
    )
    def post(self, request, pk):
        campaign = get_object_or_404(CampaignPage.objects.live(), pk=pk)
        quota = lambda: count_activity(request)  # noqa: E731 - one line, read where it is used
        defaults = {"language": requested_language(request), "campaign": campaign.pk}
        try:
            outcome = file_submission(request, activity_intake(campaign), "api", quota, defaults)
        except intake.ActivitiesClosed as closed:
            raise ActivitiesClosedError() from closed
        shown = receipt_of(outcome)  # the stored record's, or the decoy's
        body = {"reference": shown["reference"], "status": shown["status"], "message": receipt_message()}
        return stored_response(outcome, body=body)
