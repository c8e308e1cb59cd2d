"""``/api/v1/reports/hotline/stats/``: the hotline's statistics, for signed-in staff with
the ``reports.view_hotline_statistics`` permission. Counts and times only."""

from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from cms.core.api.errors import InvalidParameter
from cms.core.api.intake import PrivateAPIView

from ..figures import PeriodError, parse_period
from ..hotline.statistics import compute


class CanViewHotlineStatistics(BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm("reports.view_hotline_statistics")


class HotlineStatisticsView(PrivateAPIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [CanViewHotlineStatistics]

    @extend_schema(
        summary="Hotline statistics for a period",
        parameters=[
            OpenApiParameter("quarter", str, description="A quarter, e.g. 2026-Q3."),
            OpenApiParameter("from", OpenApiTypes.DATE, description="First day (with `to`; default 1 January)."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Last day, inclusive (default 31 December)."),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        try:
            period = parse_period(request.query_params)
        except PeriodError as error:
            raise InvalidParameter({error.field: [str(error)]}) from error
        return Response(compute(period))
