# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Login, logout and the second-factor step."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompas.accounts import audit
from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, public, requires
from kompas.accounts.forms import TokenForm
from kompas.accounts.models import User


class LoginView(auth_views.LoginView):
    """Password login; the second factor follows where the role requires it."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Add the lockout limit so the page can warn about it."""
        context = super().get_context_data(**kwargs)
        context["limit"] = settings.AXES_FAILURE_LIMIT
        return context

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        """Log in and record it."""
        response = super().form_valid(form)
        with transaction.atomic():
            audit.record("accounts.login.succeeded", actor=form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        """Record the failed attempt without the name that was tried."""
        with transaction.atomic():
            audit.record("accounts.login.failed", actor=None)
        return super().form_invalid(form)


login_view = public(LoginView.as_view())  # type: ignore[type-var]  # as_view() returns a plain callable


@method_decorator(requires(AUTHENTICATED), name="dispatch")
class LogoutView(auth_views.LogoutView):
    """Log out (POST only) and record it."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Record the logout, then end the session."""
        with transaction.atomic():
            audit.record("accounts.logout", actor=current_user(request))
        return super().post(request, *args, **kwargs)


logout_view = requires(AUTHENTICATED)(LogoutView.as_view())


@requires(AUTHENTICATED)
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up a TOTP authenticator on first use, otherwise verify the code it shows."""
    user = current_user(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if device is None:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "authenticator"}
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _reason = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            return _verified(request, user, device, enrolling)
        form.add_error("token", _token_error(allowed))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context["secret"] = b32encode(device.bin_key).decode()
        context["qr_svg"] = segno.make(device.config_url).svg_inline(scale=4, title="QR-code")
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)


def _token_error(allowed: bool) -> str:
    """Explain why the code was not accepted."""
    if not allowed:
        return gettext("Te veel onjuiste codes achter elkaar. Wacht een halve minuut en probeer het opnieuw.")
    return gettext("De code klopt niet of is verlopen. Probeer de nieuwe code uit de app.")


@transaction.atomic
def _verified(request: HttpRequest, user: User, device: TOTPDevice, enrolling: bool) -> HttpResponse:
    """Confirm a new device, mark the session verified and continue where the user was going."""
    if enrolling:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("accounts.two_factor.enrolled", actor=user)
    otp_login(request, device)
    audit.record("accounts.two_factor.verified", actor=user)
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target or "/")
