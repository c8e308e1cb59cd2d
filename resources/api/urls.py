from django.urls import path

from .views import AudienceListView, ResourceDetailView, ResourceListView, ResourceTypeListView, TopicListView

urlpatterns = [
    path("resources/", ResourceListView.as_view(), name="resource-list"),
    path("resources/<id:pk>/", ResourceDetailView.as_view(), name="resource-detail"),
    path("taxonomy/audiences/", AudienceListView.as_view(), name="audience-list"),
    path("taxonomy/topics/", TopicListView.as_view(), name="topic-list"),
    path("taxonomy/resource-types/", ResourceTypeListView.as_view(), name="resource-type-list"),
]
