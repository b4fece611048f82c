# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Request middleware: audit attribution, the second-factor and password gates, the tenant scope."""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_scopes import scope

from kompas.accounts.audit import client_ip
from kompas.accounts.client_address import client_address
from kompas.accounts.roles import requires_two_factor

Handler = Callable[[HttpRequest], HttpResponse]

# Paths a password-authenticated user may reach before verifying the second factor.
UNVERIFIED_PREFIXES = ("/account/tweestaps", "/account/uitloggen", "/static/", "/i18n/", "/gezondheid")


class RequestContextMiddleware:
    """Attribute audit records written during the request to the client's address."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with client_ip(client_address(request)):
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


# Paths a user with a temporary password may reach before choosing their own.
PASSWORD_CHANGE_PREFIXES = (
    "/account/wachtwoord/",
    "/account/tweestaps",
    "/account/uitloggen",
    "/static/",
    "/i18n/",
    "/gezondheid",
)


class PasswordChangeMiddleware:
    """Send users who got a temporary password from the beheerder to the change page first."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and getattr(request.user, "must_change_password", False)
            and not request.path.startswith(PASSWORD_CHANGE_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Kies eerst een eigen wachtwoord."}, status=403)
            return redirect("accounts:password_change")
        return self.get_response(request)


class DatabaseBusyMiddleware:
    """Answer "try again" instead of a server error when SQLite stays locked past its timeout.

    Simultaneous edits queue on SQLite's write lock (``transaction_mode`` IMMEDIATE), so the
    second one sees the first one's version and gets the stale-edit message; only a wait past
    the busy timeout (a long import holding the lock) ends here. Nothing was written then.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """Turn "database is locked" into a 503 page; leave every other error alone."""
        if not isinstance(exception, OperationalError) or "database is locked" not in str(exception):
            return None
        message = _(
            "Kompas is even bezig met een andere wijziging. Er is niets opgeslagen; probeer het zo opnieuw."
        )
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": message}, status=503)
        else:
            response = render(request, "accounts/busy.html", {"message": message}, status=503)
        response["Retry-After"] = "5"
        return response


class OrganisationScopeMiddleware:
    """Scope every tenant query in the request to the user's organisation (none if anonymous)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation_id = getattr(request.user, "organisation_id", None)
        with scope(organisation=organisation_id):
            return self.get_response(request)
