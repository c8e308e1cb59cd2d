"""The chat's WebSocket addresses (cms/asgi.py mounts them)."""

from django.urls import path

from cms.core.websocket_auth import same_site_websocket, signed_in_websocket

from .consumers import CounsellorConsumer, VisitorConsumer

websocket_urlpatterns = [
    path("ws/helpline/chat/", same_site_websocket(VisitorConsumer.as_asgi())),
    path("ws/helpline/console/", signed_in_websocket(CounsellorConsumer.as_asgi())),
]
