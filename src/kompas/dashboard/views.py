# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dashboard pages: the start page after login and the health check."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from kompas.accounts.decorators import AUTHENTICATED, public, requires
from kompas.accounts.roles import ROLE_PERMISSIONS, Role


@requires(AUTHENTICATED)
def home(request: HttpRequest) -> HttpResponse:
    """Show the start page: the organisation, the user's role and what it gives access to."""
    role = getattr(request.user, "role", "")
    permissions = sorted(ROLE_PERMISSIONS[Role(role)], key=str) if role in Role.values else []
    return render(request, "dashboard/home.html", {"permissions": permissions})


@public
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """Answer 200 when the database answers, for load balancers and monitoring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
