# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""View decorators that declare and enforce who may reach a page."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from kompas.accounts.roles import Permission, has_permission

View = TypeVar("View", bound=Callable[..., HttpResponse])
PUBLIC = "public"
AUTHENTICATED = "authenticated"


def requires(permission: Permission | str) -> Callable[[View], View]:
    """Allow the view to users holding ``permission`` (or any logged-in user for AUTHENTICATED).

    The requirement is kept on the view as ``kompas_permission`` so the permission table in
    the docs is generated from the same declaration that is enforced.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if permission != AUTHENTICATED and not has_permission(
                getattr(request.user, "role", ""), Permission(permission)
            ):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        checked.kompas_permission = str(permission)  # type: ignore[attr-defined]  # read by the permission map
        return checked  # type: ignore[return-value]  # wraps() gives a _Wrapped; it is the view

    return decorate


def public(view: View) -> View:
    """Mark ``view`` as reachable without login."""
    view.kompas_permission = PUBLIC  # type: ignore[attr-defined]  # read by the permission map
    return view
