"""Security headers on the site and the admin; production settings pass Django's deploy check."""

import subprocess
import sys

import pytest

from tests.servers import PROJECT, clean_environment

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "Kq3v_9xZ-2mW7rT0pL5sN8bY1cF4hJ6dG_aE3uI7oP0yX2wV5zQ",
    "FIELD_ENCRYPTION_KEY": "aZ6RVyw3BKGJ6_5QsXaWdyfz1cOF9nK4rzEFAE0VOQk=",
}


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/cs/", "/en/hotline/", "/admin/login/"])
def test_pages_send_a_content_security_policy_and_a_permissions_policy(client, home, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"] and "microphone=()" in response["Permissions-Policy"]
    if path.startswith("/admin/"):
        assert response["X-Frame-Options"] == "SAMEORIGIN"  # the admin frames its own previews
        assert "'unsafe-inline'" in policy["script-src"] and policy["frame-ancestors"] == ["'none'", "'self'"]
    else:
        assert response["X-Frame-Options"] == "DENY"
        assert policy["script-src"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]


def test_embeds_keep_their_own_policy_and_can_be_framed(client, demo):
    from resources.models import ResourcePage

    page = ResourcePage.objects.live().first()
    response = client.get(f"/embed/resources/{page.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["*"]


def run_django(code, **env):
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT,
        env=clean_environment(**{**PRODUCTION, **env}),
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_with_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=clean_environment(**PRODUCTION),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["short-key", "x" * 60])
def test_production_refuses_a_short_or_repetitive_secret_key(key):
    result = run_django("pass", SECRET_KEY=key)
    assert result.returncode != 0 and "at least 50 characters" in result.stderr


def test_hsts_preload_is_a_setting():
    on = run_django("from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_SECONDS)")
    assert on.stdout.split() == ["True", "31536000"]
    off = run_django("from django.conf import settings as s; print(s.SECURE_HSTS_PRELOAD)", SECURE_HSTS_PRELOAD="0")
    assert off.stdout.split() == ["False"]
