"""The project's URLs plus ``/bench/floor/``: the cheapest JSON answer Django can give."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns


def floor(request):
    return JsonResponse({"ok": True, "items": [1, 2, 3]})


urlpatterns = [path("bench/floor/", floor), *project_urlpatterns]
