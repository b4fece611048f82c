# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas contributions``: the contributions of the Twente municipalities to the Platform IVZ."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.cooperation.contributions import ContributionTable, contribution_table, rate_table
from kompas.cooperation.populations import PopulationFileError, file_populations, stored_populations
from kompas.cooperation.rates import RatesFileError, load_rate_table
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Compute the contribution table of a year and print it as text or JSON."""

    help_text = gettext_lazy(
        "Berekent de bijdragen van de Twentse gemeenten aan het Platform IVZ: het bedrag per inwoner, "
        "de uren per week naar grootte, de waarde van die uren en het alternatieve bedrag per inwoner. "
        "Inwoners komen uit de opgeslagen CBS-cijfers of uit een bestand; voor 2017 wordt de gedrukte "
        "tabel van de notitie nagerekend."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --year, --populations, --rates and --json."""
        parser.add_argument("--year", type=int, required=True, help=_("Het jaar van de bijdragen."))
        parser.add_argument(
            "--populations",
            type=Path,
            help=_(
                "CSV-bestand met gemeente_code;inwoners;jaar;bron (standaard: de opgeslagen CBS-cijfers)."
            ),
        )
        parser.add_argument(
            "--rates",
            type=Path,
            help=_("TOML-bestand met de regels van het jaar (standaard: de ingebouwde regels)."),
        )
        parser.add_argument("--json", action="store_true", help=_("De tabel als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Print the table of the chosen year."""
        year = options["year"]
        try:
            rates = load_rate_table(options["rates"], year) if options["rates"] else rate_table(year)
            if options["populations"]:
                populations = file_populations(options["populations"])
            else:
                with scopes_disabled():  # the reads keep to open data themselves (ADR 0011)
                    populations = stored_populations(year)
        except (RatesFileError, PopulationFileError) as error:
            raise CommandError("\n".join(error.problems)) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        table = contribution_table(populations, rates)
        if options["json"]:
            self.stdout.write(json.dumps(table.as_dict(), ensure_ascii=False, indent=2))
            return
        self._text(table)

    def _text(self, table: ContributionTable) -> None:
        self.stdout.write(
            _("Bijdragen Platform IVZ Twente %(year)d (€ %(rate)s per inwoner)")
            % {"year": table.rates.year, "rate": number(float(table.rates.per_inhabitant), 2)}
        )
        header = (
            _("Gemeente"),
            _("Inwoners"),
            _("Jaar"),
            _("Per inwoner"),
            _("Uren"),
            _("Waarde uren"),
            _("Alternatief"),
        )
        self.stdout.write("{:<16}{:>10}{:>6}{:>13}{:>6}{:>13}{:>13}".format(*header))
        for row in table.rows:
            population = row.population
            self.stdout.write(
                f"{population.name:<16}{number(population.inhabitants):>10}{population.year or '–':>6}"
                f"{number(row.per_inhabitant):>13}{number(row.hours):>6}{number(row.hours_value):>13}"
                f"{number(row.alternative):>13}" + (f"  ({population.note})" if population.note else "")
            )
        totals = table.totals()
        self.stdout.write(
            f"{_('Totaal'):<32}{number(totals['per_inhabitant']):>13}{number(totals['hours']):>6}"
            f"{number(totals['hours_value']):>13}{number(totals['alternative']):>13}"
        )
        if table.missing():
            self.stdout.write(
                _("Zonder inwoners, niet in het totaal: %(names)s") % {"names": ", ".join(table.missing())}
            )
        for note in table.rates.notes:
            self.stdout.write(f"* {note}")
        self.stdout.write(_("Bron regels: %(source)s") % {"source": table.rates.source})
        for finding in table.findings:
            self.stdout.write(f"- [{finding.code}] {finding.message}")
