from django.urls import path

from . import views

urlpatterns = [
    path("resources/", views.resource_list, name="embed-resource-list"),
    path("resources/<int:pk>/", views.resource_card, name="embed-resource"),
    path("toolkits/<int:pk>/", views.toolkit_card, name="embed-toolkit"),
]
