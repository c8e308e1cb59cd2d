"""The resource page kind (cms.core.page_kinds): searched first, filtered by the taxonomy."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from cms.core.page_kinds import PageKind, register

from .api.serializers import ResourceDetailSerializer
from .models import ResourceIndexPage, ResourcePage
from .models.filtering import ResourceFilters


class LibraryFilters(ResourceFilters):
    """The resource filters, with the library page that applies them (search suggestions
    of a term lead there)."""

    LABEL_PARAMETERS = {"topic": "topic", "audience": "audience", "resource-type": "type"}

    def term_urls(self, terms, language):
        """``[url]``: for each (kind, slug) of ``terms`` the library of ``language`` filtered
        by that term ("" when the language has no library); one query."""
        library = ResourceIndexPage.objects.live().filter(locale__language_code=language).first()
        if library is None:
            return ["" for _term in terms]
        base = library.full_url
        return [f"{base}?{urlencode({self.LABEL_PARAMETERS[kind]: slug})}" for kind, slug in terms]


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
            filters=LibraryFilters(),
            print_template="resources/print/resource.html",
        )
    )
