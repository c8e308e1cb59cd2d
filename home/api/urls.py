from django.urls import path

from ..academy.api import InquiryView, RegistrationView
from ..campaigns.api import ActivityListView
from ..youth.api import ContributionListView
from . import academy, campaigns, navigation, partners, views

urlpatterns = [
    path("toolkits/", views.ToolkitListView.as_view(), name="toolkit-list"),
    path("toolkits/<id:pk>/", views.ToolkitDetailView.as_view(), name="toolkit-detail"),
    path("sections/", views.SectionListView.as_view(), name="section-list"),
    path("sections/<id:pk>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("news/", views.NewsListView.as_view(), name="news-list"),
    path("news/<id:pk>/", views.NewsDetailView.as_view(), name="news-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<id:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("academy/workshops/", academy.WorkshopListView.as_view(), name="academy-workshop-list"),
    path("academy/workshops/<id:pk>/", academy.WorkshopDetailView.as_view(), name="academy-workshop-detail"),
    path("academy/programmes/", academy.ProgrammeListView.as_view(), name="academy-programme-list"),
    path("academy/programmes/<id:pk>/", academy.ProgrammeDetailView.as_view(), name="academy-programme-detail"),
    path(
        "academy/programmes/<id:pk>/registrations/", RegistrationView.as_view(), name="academy-programme-registrations"
    ),
    path("academy/inquiries/", InquiryView.as_view(), name="academy-inquiries"),
    path("campaigns/", campaigns.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<id:pk>/", campaigns.CampaignDetailView.as_view(), name="campaign-detail"),
    path("campaigns/<id:pk>/activities/", ActivityListView.as_view(), name="campaign-activities"),
    path("partners/", partners.PartnerListView.as_view(), name="partner-list"),
    path("youth/contributions/", ContributionListView.as_view(), name="youth-contributions"),
    path("navigation/", navigation.NavigationView.as_view(), name="navigation"),
    path("pages/by-path/", navigation.PageByPathView.as_view(), name="page-by-path"),
]
