"""Headless preview: the frontend reads a draft with a valid token, and nothing without one."""

from django.test import override_settings
from django.urls import reverse

from home.models import ToolkitPage

from ..factories import UserFactory

FRONTEND = {"CLIENT_URLS": {"default": "https://frontend.example.org/preview/"}, "ENFORCE_TRAILING_SLASH": False}


def preview_token(page, title):
    """Preview an edited draft in the admin; returns the token given to the frontend."""
    from wagtail_headless_preview.models import PagePreview

    page.title = title
    preview = page.create_page_preview()
    assert PagePreview.objects.filter(token=preview.token).exists()
    return preview.token


def test_frontend_reads_the_draft_with_its_token(client, demo):
    toolkit = ToolkitPage.objects.get(slug="kybersikana-ve-tride")
    token = preview_token(toolkit, "Kyberšikana ve třídě (koncept)")
    response = client.get("/api/v1/preview/", {"content_type": "home.toolkitpage", "token": token})
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Kyberšikana ve třídě (koncept)"
    assert data["steps"][0]["type"] == "heading"
    assert response["Cache-Control"] == "private, no-store"
    # The published page is untouched.
    assert client.get(f"/api/v1/toolkits/{toolkit.pk}/").json()["title"] == "Kyberšikana ve třídě"


def test_no_draft_without_a_valid_token(client, demo):
    response = client.get("/api/v1/preview/", {"content_type": "home.toolkitpage", "token": "forged:token"})
    assert response.status_code == 403 and "title" not in response.json()
    assert client.get("/api/v1/preview/", {"content_type": "home.toolkitpage"}).status_code == 400
    assert client.get("/api/v1/preview/", {"content_type": "auth.user", "token": "x"}).status_code == 400


@override_settings(WAGTAIL_HEADLESS_PREVIEW=FRONTEND)
def test_admin_preview_goes_to_the_configured_frontend(client, demo):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    toolkit = ToolkitPage.objects.get(slug="kybersikana-ve-tride")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[toolkit.pk]))
    assert response.status_code == 200
    assert "https://frontend.example.org/preview/?content_type=home.toolkitpage&amp;token=" in response.content.decode()


def test_without_a_frontend_the_site_previews_itself(client, demo):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    toolkit = ToolkitPage.objects.get(slug="kybersikana-ve-tride")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[toolkit.pk]))
    assert response.status_code == 200
    assert "<h1>Kyberšikana ve třídě</h1>" in response.content.decode()
