from django.urls import path

from ..youth.api import ContributionListView
from . import navigation, partners, views

urlpatterns = [
    path("toolkits/", views.ToolkitListView.as_view(), name="toolkit-list"),
    path("toolkits/<id:pk>/", views.ToolkitDetailView.as_view(), name="toolkit-detail"),
    path("sections/", views.SectionListView.as_view(), name="section-list"),
    path("sections/<id:pk>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("news/", views.NewsListView.as_view(), name="news-list"),
    path("news/<id:pk>/", views.NewsDetailView.as_view(), name="news-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<id:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("partners/", partners.PartnerListView.as_view(), name="partner-list"),
    path("youth/contributions/", ContributionListView.as_view(), name="youth-contributions"),
    path("navigation/", navigation.NavigationView.as_view(), name="navigation"),
    path("pages/by-path/", navigation.PageByPathView.as_view(), name="page-by-path"),
]
