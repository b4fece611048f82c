# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas organisation list``: every organisation with its code, kind, CBS code and users."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Print the organisations as a table, by code."""

    help_text = gettext_lazy("Toont alle organisaties: code, naam, soort, CBS-code en aantal gebruikers.")

    def handle(self, *args: Any, **options: Any) -> None:
        """Print one line per organisation, or say that there are none."""
        organisations = Organisation.objects.annotate(user_count=Count("users")).order_by("code")
        if not organisations:
            self.stdout.write(_("Nog geen organisaties. Maak er een met: kompas organisation create"))
            return
        self.stdout.write(_row(_("code"), _("soort"), _("CBS-code"), _("gebruikers"), _("naam")))
        for organisation in organisations:
            inactive = "" if organisation.active else " " + _("(niet actief)")
            self.stdout.write(
                _row(
                    organisation.code,
                    str(organisation.get_kind_display()),
                    organisation.cbs_code or "-",
                    str(organisation.user_count),
                    organisation.name + inactive,
                )
            )


def _row(code: str, kind: str, cbs_code: str, users: str, name: str) -> str:
    return f"{code:<24} {kind:<18} {cbs_code:<8} {users:<10} {name}"
