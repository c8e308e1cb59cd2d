"""``/api/v1/``: one module per endpoint, registered here; the schema and its viewers.

To add an endpoint: write its view in the app it belongs to (``<app>/api/views.py``),
list its URL in ``<app>/api/urls.py``, include that module below, and add tests
(including the constant-query test for a list) and a section in docs/api.md.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from cms.core.api.errors import not_found_json
from cms.core.api.preview import PreviewView

app_name = "api"

urlpatterns = [
    path("", include("resources.api.urls")),
    path("", include("home.api.urls")),
    path("", include("search.api.urls")),
    path("", include("reports.api.urls")),
    path("preview/", PreviewView.as_view(), name="preview"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    re_path(r"^[\s\S]*$", not_found_json),  # any path, line breaks included
]
