"""Admin screens: set up an authenticator app, enter a code, renew recovery codes."""

import base64

import segno
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .policy import account_security_event, has_confirmed_device, requires_two_factor

RECOVERY_CODES = 10


def _next(request):
    target = request.GET.get("next") or request.POST.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return "/admin/"
    return target


def _new_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _qr_svg(device):
    """The provisioning address as an inline SVG: no request leaves the admin."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4)


@require_http_methods(["GET", "POST"])
def setup(request):
    """Enrol an authenticator app: scan, confirm with a code, keep the recovery codes."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if has_confirmed_device(user):
        return render(request, "two_factor/enrolled.html", {"required": requires_two_factor(user)})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = _new_recovery_codes(user)
            account_security_event.send(setup, user=user, what="enrolled")
            return render(request, "two_factor/recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("This code is not right. Check the time on your phone and try the newest code."))
    context = {
        "form": form,
        "qr_svg": _qr_svg(device),
        "secret": base64.b32encode(device.bin_key).decode(),
        "required": requires_two_factor(user),
        "next": _next(request),
    }
    return render(request, "two_factor/setup.html", context)


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app, or a recovery code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(request, _("You used a recovery code; each works once. Renew them when you can."))
            return redirect(_next(request))
        form.add_error("code", _("This code is not right, or it was used already."))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next(request)})


@require_http_methods(["POST"])
def renew_recovery_codes(request):
    if not request.user.is_verified():
        return redirect("two-factor-verify")
    codes = _new_recovery_codes(request.user)
    account_security_event.send(renew_recovery_codes, user=request.user, what="recovery codes renewed")
    return render(request, "two_factor/recovery_codes.html", {"codes": codes, "next": "/admin/"})
