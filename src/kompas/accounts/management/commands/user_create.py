# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas user create``: create a user in an organisation from the command line."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.queries import organisation_by_code
from kompas.accounts.roles import Role
from kompas.accounts.users import create_user
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Create a user; the password is asked for, or read from --password-stdin."""

    help_text = gettext_lazy("Maakt een gebruiker aan in een organisatie.")
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the user's fields."""
        parser.add_argument("username", help=_("Gebruikersnaam."))
        parser.add_argument("--organisation", required=True, help=_("Code van de organisatie."))
        parser.add_argument("--role", required=True, choices=Role.values, help=_("Rol."))
        parser.add_argument("--email", default="", help=_("E-mailadres."))
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help=_("Lees het wachtwoord van standaardinvoer."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Validate and create the user."""
        organisation = organisation_by_code(options["organisation"])
        if organisation is None:
            raise CommandError(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
        password = (
            (options.get("stdin") or sys.stdin).readline().rstrip("\n")
            if options["password_stdin"]
            else getpass.getpass(_("Wachtwoord: "))
        )
        try:
            user = create_user(
                actor=None,
                organisation=organisation,
                username=options["username"],
                password=password,
                role=Role(options["role"]),
                email=options["email"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(_("Gebruiker %(id)s aangemaakt.") % {"id": user.pk}))
