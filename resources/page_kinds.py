"""The resource page kind (cms.core.page_kinds): searched first, filtered by the taxonomy."""

from django.utils.translation import gettext_lazy as _

from cms.core.page_kinds import PageKind, register

from .api.serializers import ResourceDetailSerializer
from .models import ResourcePage
from .models.filtering import ResourceFilters


def register_kinds():
    register(
        PageKind(
            name="resource",
            model=ResourcePage,
            label=_("Resources"),
            order=10,
            summary_field="summary",
            body_field="body",
            api_path="resources",
            detail_view="api:resource-detail",
            detail_serializer=ResourceDetailSerializer,
            webhook_events={"published": _("resource published"), "unpublished": _("resource unpublished")},
            embed_route="embed-resource",
            oembed_size=(480, 260),
            embed_names_locale=True,
            filters=ResourceFilters(),
        )
    )
