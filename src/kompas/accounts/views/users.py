# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""User management pages for the beheerder of an organisation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kompas.accounts import access, users
from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.forms import NewUserForm, UserEditForm, UserForm
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, Role


@requires(Permission.MANAGE_USERS)
def user_list(request: HttpRequest) -> HttpResponse:
    """List the users of the beheerder's organisation (a read of personal data, audited)."""
    page = Paginator(access.users_visible_to(current_user(request)), 50).get_page(request.GET.get("pagina"))
    access.record_users_listed(current_user(request), list(page), via="page")
    return render(request, "accounts/user_list.html", {"page": page})


@requires(Permission.MANAGE_USERS)
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    """Create a user in the beheerder's organisation."""
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actor = current_user(request)
        data = form.cleaned_data
        try:
            user = users.create_user(
                actor=actor,
                organisation=actor.organisation,
                username=data["username"],
                password=data["password"],
                role=Role(data["role"]),
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Gebruiker aangemaakt."))
            return redirect("accounts:user_detail", user_id=user.pk)
    return render(
        request, "accounts/user_form.html", {"form": form, "new": True}, status=400 if form.errors else 200
    )


@requires(Permission.MANAGE_USERS)
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """Show one user (a read of personal data, recorded in the audit trail)."""
    user = access.get_user_for(current_user(request), user_id)
    return render(request, "accounts/user_detail.html", {"subject": user})


@requires(Permission.MANAGE_USERS)
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    """Change name, e-mail, role or active state of a user; a stale form changes nothing."""
    user = access.get_user_for(current_user(request), user_id)
    initial = {name: getattr(user, name) for name in users.EDITABLE_FIELDS} | {"version": user.version}
    form = UserEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            users.update_user(
                actor=current_user(request), user=user, version=form.cleaned_data["version"], **form.values()
            )
        except users.StaleUserError as stale:
            form = _stale_form(stale.current, request.POST)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Wijzigingen opgeslagen."))
            return redirect("accounts:user_detail", user_id=user.pk)
    context = {"form": form, "new": False, "subject": user}
    return render(request, "accounts/user_form.html", context, status=400 if form.errors else 200)


def _stale_form(current: User, data: QueryDict) -> UserEditForm:
    """Return the form with the user's input at the current version and what differs now."""
    resubmit = data.copy()
    resubmit["version"] = str(current.version)
    form = UserEditForm(resubmit)
    form.is_valid()
    entered = form.cleaned_data
    differing = [
        f"{form.fields[name].label}: {_shown(form, name, getattr(current, name))}"
        for name in users.EDITABLE_FIELDS
        if name in entered and entered[name] != getattr(current, name)
    ]
    form.add_error(
        None,
        _(
            "Iemand anders heeft deze gebruiker intussen gewijzigd; er is niets opgeslagen. Nu geldt: "
            "%(fields)s. Uw invoer staat nog in het formulier: controleer die en sla opnieuw op om de "
            "wijziging van de ander te overschrijven."
        )
        % {"fields": "; ".join(differing) or _("dezelfde waarden als uw invoer")},
    )
    return form


def _shown(form: UserEditForm, name: str, value: object) -> str:
    """Return a field value as the page shows it (role name, ja/nee, or the text)."""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if name == "role":
        return str(Role(str(value)).label)
    return str(value) or "—"


@requires(Permission.MANAGE_USERS)
@require_POST
def user_password_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """Give a user a temporary password, shown once on this response and never stored."""
    user = access.get_user_for(current_user(request), user_id)
    try:
        temporary = users.reset_password(actor=current_user(request), user=user)
    except users.SelfServiceError:
        messages.error(request, _("Uw eigen wachtwoord wijzigt u op de pagina Wachtwoord wijzigen."))
        return redirect("accounts:user_detail", user_id=user.pk)
    response = render(request, "accounts/password_reset_done.html", {"subject": user, "temporary": temporary})
    add_never_cache_headers(response)
    return response


@requires(Permission.MANAGE_USERS)
@require_POST
def user_two_factor_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """Remove a user's authenticator; they link a new one at their next login."""
    user = access.get_user_for(current_user(request), user_id)
    try:
        users.reset_two_factor(actor=current_user(request), user=user)
    except users.SelfServiceError:
        messages.error(request, _("U kunt de tweestapsverificatie van uw eigen account niet resetten."))
    else:
        messages.success(
            request,
            _(
                "Tweestapsverificatie gereset. De gebruiker koppelt bij de volgende login een nieuwe "
                "authenticator-app."
            ),
        )
    return redirect("accounts:user_detail", user_id=user.pk)


@requires(Permission.MANAGE_USERS)
@require_POST
def user_delete(request: HttpRequest, user_id: int) -> HttpResponse:
    """Delete a user (not oneself) after confirmation on the detail page."""
    user = access.get_user_for(current_user(request), user_id)
    try:
        users.delete_user(actor=current_user(request), user=user)
    except ValueError:
        messages.error(request, _("U kunt uw eigen account niet verwijderen."))
        return redirect("accounts:user_detail", user_id=user.pk)
    messages.success(request, _("Gebruiker verwijderd."))
    return redirect("accounts:user_list")


def _add_errors(form: UserForm, error: ValidationError) -> None:
    """Show model or password validation errors on the matching form fields."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error("password" if "password" in form.fields else None, error.messages)
