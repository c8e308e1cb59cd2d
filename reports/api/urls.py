from django.urls import path

from .statistics import HotlineStatisticsView
from .views import HotlineIntakeView, HotlineStatusView

urlpatterns = [
    path("reports/hotline/", HotlineIntakeView.as_view(), name="hotline-report"),
    path("reports/hotline/status/", HotlineStatusView.as_view(), name="hotline-status"),
    path("reports/hotline/stats/", HotlineStatisticsView.as_view(), name="hotline-statistics"),
]
