# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the accounts pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.accounts.roles import Role


class TokenForm(forms.Form):
    """The six-digit code from the authenticator app."""

    token = forms.RegexField(
        label=_("Code uit de authenticator-app"),
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": _("Vul de zes cijfers uit de app in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class UserForm(forms.Form):
    """Fields a beheerder edits on a user of their organisation."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    is_active = forms.BooleanField(label=_("Actief"), required=False, initial=True)


class UserEditForm(UserForm):
    """The edit fields plus the version of the user the form was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def values(self) -> dict[str, object]:
        """Return the cleaned user fields, without ``version``."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class PasswordChangeForm(forms.Form):
    """A user's own password change: the current password, then the new one twice."""

    current_password = forms.CharField(
        label=_("Huidig wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password = forms.CharField(
        label=_("Nieuw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens, niet alleen cijfers en geen veelgebruikt wachtwoord."),
    )
    new_password_again = forms.CharField(
        label=_("Nieuw wachtwoord (nogmaals)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        """Require the new password twice the same."""
        data = super().clean() or {}
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", _("De twee nieuwe wachtwoorden zijn niet gelijk."))
        return data


class NewUserForm(UserForm):
    """A new user: the edit fields plus a login name and a first password."""

    username = forms.RegexField(
        label=_("Gebruikersnaam"),
        regex=r"^[\w.@+-]+$",
        max_length=150,
        error_messages={"invalid": _("Alleen letters, cijfers en . @ + - _ zijn toegestaan.")},
    )
    password = forms.CharField(
        label=_("Eerste wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens, niet alleen cijfers en geen veelgebruikt wachtwoord."),
    )

    field_order = ["username", "password", "first_name", "last_name", "email", "role", "is_active"]


class AuditFilterForm(forms.Form):
    """Filters of the audit trail list and export."""

    action = forms.CharField(label=_("Actie"), required=False)
    date_from = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
