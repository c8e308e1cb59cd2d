"""OpenAPI schema helpers (drf-spectacular)."""

from drf_spectacular.openapi import AutoSchema


def only_api_v1(endpoints, **kwargs):
    """Keep the schema to our own API: Wagtail's v2 views do not describe themselves."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ListSchema(AutoSchema):
    """Describes a page list as a list: paginated results and a ``…_list`` operation id."""

    def _is_list_view(self, serializer=None):
        return True
