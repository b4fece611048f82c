# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A user's own password change (also the forced step after a reset by the beheerder)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts import users
from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, requires
from kompas.accounts.forms import PasswordChangeForm


@requires(AUTHENTICATED)
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Ask the current password and a new one; keep the session open after the change."""
    user = current_user(request)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changed = users.change_password(
                user=user, current_password=data["current_password"], new_password=data["new_password"]
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field, errors)
        else:
            update_session_auth_hash(request, changed)
            messages.success(request, _("Uw wachtwoord is gewijzigd."))
            return redirect("dashboard:home")
    context = {"form": form, "forced": user.must_change_password}
    return render(request, "accounts/password_change.html", context, status=400 if form.errors else 200)
