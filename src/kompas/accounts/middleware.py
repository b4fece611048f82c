# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Request middleware: audit attribution, the second-factor gate and the tenant scope."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django_scopes import scope

from kompas.accounts.audit import client_ip
from kompas.accounts.roles import requires_two_factor

Handler = Callable[[HttpRequest], HttpResponse]

# Paths a password-authenticated user may reach before verifying the second factor.
UNVERIFIED_PREFIXES = ("/account/tweestaps", "/account/uitloggen", "/static/", "/i18n/", "/gezondheid")


class RequestContextMiddleware:
    """Attribute audit records written during the request to the client's address."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with client_ip(request.META.get("REMOTE_ADDR")):
            return self.get_response(request)


class TwoFactorMiddleware:
    """Send users whose role reaches personal data to the second-factor step until verified."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and requires_two_factor(getattr(user, "role", ""))
            and not user.is_verified()  # type: ignore[attr-defined]  # added by OTPMiddleware
            and not request.path.startswith(UNVERIFIED_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Tweestapsverificatie vereist."}, status=403)
            return redirect("accounts:two_factor")
        return self.get_response(request)


class OrganisationScopeMiddleware:
    """Scope every tenant query in the request to the user's organisation (none if anonymous)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation_id = getattr(request.user, "organisation_id", None)
        with scope(organisation=organisation_id):
            return self.get_response(request)
