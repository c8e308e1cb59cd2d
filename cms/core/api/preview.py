"""``/api/v1/preview/``: the draft an editor is previewing, for the external frontend.

The frontend gets ``content_type`` and ``token`` from the preview address and passes
them on. A token is signed by the site and only names a draft stored for preview; without
a valid one the answer is an error and no content.
"""

from django.core.signing import BadSignature
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from .. import page_kinds
from ..filtering import unknown_value
from .errors import InvalidParameter
from .translations import translations_by_key


class PreviewView(GenericAPIView):
    """The draft behind a preview token, shaped like the page type's detail endpoint."""

    @extend_schema(
        parameters=[
            OpenApiParameter("content_type", str, required=True, description="e.g. home.toolkitpage"),
            OpenApiParameter("token", str, required=True, description="The token from the preview address."),
        ],
        responses={200: dict},
    )
    def get(self, request):
        kinds = page_kinds.previewable()
        content_type = request.query_params.get("content_type", "")
        token = request.query_params.get("token", "")
        if content_type not in kinds:
            raise InvalidParameter({"content_type": unknown_value(content_type, kinds)})
        if not token:
            raise InvalidParameter({"token": _("A value is required.")})
        kind = kinds[content_type]
        try:
            page = kind.model.get_page_from_preview_token(token)
        except BadSignature as exc:
            raise PermissionDenied(_("This preview token is not valid.")) from exc
        if page is None:
            raise NotFound(_("This preview has expired; preview the page again."))
        with translation.override(page.locale.language_code):
            context = {
                "request": request,
                "translations": translations_by_key([page]) if page.translation_key else {},
                "detail_view_name": kind.detail_view,
            }
            data = kind.detail_serializer(page, context=context).data
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        return response
