from django.urls import path

from . import views

urlpatterns = [
    path("resources/", views.resource_list, name="embed-resource-list"),
    path("resources/<id:pk>/", views.resource_card, name="embed-resource"),
    path("toolkits/<id:pk>/", views.toolkit_card, name="embed-toolkit"),
]
