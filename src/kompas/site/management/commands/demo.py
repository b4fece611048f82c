# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas demo``: migrate, load the demo data, print the logins and serve."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.demo import DEMO_PASSWORD, load_demo_accounts
from kompas.alerts.demo import load_demo_alerts
from kompas.commandbase import TranslatedCommand
from kompas.cooperation.demo import load_demo_platform
from kompas.indicators.demo import load_demo_indicators
from kompas.policy.load import load_demo_plan
from kompas.registry.demo import load_demo_registry
from kompas.sources.demo import load_demo_data


class Command(TranslatedCommand):
    """Prepare a complete demo installation on the configured database."""

    help_text = gettext_lazy(
        "Maakt of werkt de database bij, laadt demo-organisaties en -gebruikers, "
        "toont de inloggegevens en start de server op http://127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --no-serve, --bind and --force."""
        parser.add_argument("--no-serve", action="store_true", help=_("Alles behalve de server starten."))
        parser.add_argument("--bind", default="127.0.0.1:8000", help=_("Adres en poort van de server."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Ook buiten de ingebouwde modus demo-accounts aanmaken."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the demo steps in order, printing progress."""
        if not settings.EMBEDDED and not options["force"]:
            raise CommandError(
                _("Demo-accounts horen niet in productie; gebruik --force als u het zeker weet.")
            )
        self.stdout.write(_("[1/3] Database bijwerken …"))
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(_("[2/3] Demo-organisaties en -gebruikers laden …"))
        logins = load_demo_accounts()
        load_demo_platform()
        self.stdout.write(_("[3/3] Veiligheidsplan Hengelo 2017-2020 laden …"))
        load_demo_plan()
        self.stdout.write(_("Gebieden, bevolking en politie- en andere brongegevens importeren …"))
        imports = load_demo_data()
        self.stdout.write(_("Verzonnen registerinvoer (demo) voor Hengelo vastleggen …"))
        recorded = load_demo_registry()
        self.stdout.write(_("Indicatoren laden en berekenen …"))
        new_data = any(not done.skipped for done in imports)
        load_demo_indicators(new_data=new_data or bool(recorded))
        self.stdout.write(_("Signaleringen instellen en uitvoeren …"))
        load_demo_alerts(new_data=new_data)
        self.stdout.write("")
        if options["no_serve"]:  # no server starts, so there is no address to visit
            self.stdout.write(
                self.style.SUCCESS(_("Kompas-demo staat klaar; start de server met: kompas serve"))
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Kompas-demo staat klaar op http://%(bind)s/") % {"bind": options["bind"]}
                )
            )
        self.stdout.write(
            _("Demo-accounts (wachtwoord voor alle accounts: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for login in logins:
            extra = (
                _(" — tweestapscode uit TOTP-sleutel %(key)s") % {"key": login.totp_key}
                if login.totp_key
                else ""
            )
            self.stdout.write(f"  {login.username:<18} {login.role.label:<18} {login.organisation}{extra}")
        if not options["no_serve"]:
            call_command("serve", bind=options["bind"])
