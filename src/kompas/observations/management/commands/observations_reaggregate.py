# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas observations reaggregate``: counts of one CBS division re-aggregated onto another, as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.areas.crosswalk import Weighting
from kompas.areas.points import PointsError, read_points
from kompas.commandbase import TranslatedCommand
from kompas.formulas import inert
from kompas.observations.crosswalk import CrosswalkError, Reaggregation, reaggregate, reaggregate_points

COLUMNS = (
    "measure_code",
    "area_code",
    "area_level",
    "period_start",
    "period_length",
    "value",
    "sources",
    "flag",
)


def csv_text(result: Reaggregation) -> str:
    """Return the re-aggregated rows as CSV with a header line; every row carries its flag."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in result.rows:
        value = f"{row.value:.0f}" if float(row.value).is_integer() else f"{row.value:.15g}"
        writer.writerow(
            [
                inert(row.measure_code),
                row.area_code,
                row.area_level,
                row.period_start.isoformat(),
                row.period_length,
                value,
                " ".join(row.sources),
                inert(row.flag),
            ]
        )
    return out.getvalue()


class Command(TranslatedCommand):
    """Re-aggregate the counts of a measure from one area division onto another."""

    help_text = gettext_lazy(
        "Verdeelt de aantallen van een maatstaf van de gebiedsindeling van één jaar over die van een "
        "ander jaar (na een herindeling van wijken of buurten), naar overlap van oppervlakte of van "
        "inwoners. Elke rij is gemarkeerd als herverdeeld; de totalen blijven tot op de eenheid gelijk."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the measure, level, gemeente, the two years, the weighting and the output."""
        parser.add_argument("--measure", required=True, help=_("De maatstaf (code); alleen aantallen."))
        parser.add_argument("--level", required=True, choices=["wijk", "buurt"], help=_("Gebiedsniveau."))
        parser.add_argument("--gemeente", required=True, help=_("De gemeente (CBS-code, bv. GM0363)."))
        parser.add_argument("--from-year", type=int, help=_("Jaar van de oude indeling."))
        parser.add_argument(
            "--from-points",
            type=Path,
            help=_(
                "In plaats van --from-year: een CSV met één punt per gebied van de oude indeling (code, lat, "
                "lon; WGS84) voor een indeling zonder grenzen. Elk gebied gaat geheel naar het nieuwe "
                "gebied waarin zijn punt ligt."
            ),
        )
        parser.add_argument("--to-year", type=int, required=True, help=_("Jaar van de nieuwe indeling."))
        parser.add_argument(
            "--weights",
            choices=[Weighting.AREA.value, Weighting.POPULATION.value],  # punt: with --from-points
            default=Weighting.AREA.value,
            help=_("Verdelen naar oppervlakte of naar inwoners van de nieuwe gebieden."),
        )
        parser.add_argument("--organisation", help=_("Open data plus de eigen cijfers van deze organisatie."))
        parser.add_argument("--output", type=Path, help=_("CSV-bestand (standaard: naar het scherm)."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Re-aggregate, write the rows and every warning."""
        organisation_id = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(code=options["organisation"]).first()
            if organisation is None:
                self.stderr.write(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
                raise SystemExit(1)
            organisation_id = organisation.pk
        try:
            result = self._reaggregate(options, organisation_id)
        except (CrosswalkError, PointsError) as error:
            self.stderr.write(str(error))
            raise SystemExit(1) from error
        text = csv_text(result)
        if options["output"] is None:
            self.stdout.write(text, ending="")
        else:
            options["output"].write_text(text, encoding="utf-8")
        for warning in result.warnings():
            self.stderr.write(warning)
        self.stderr.write(
            _("%(rows)s rijen herverdeeld; totaal %(total)s, waarvan %(left)s niet verdeeld.")
            % {
                "rows": _dutch(len(result.rows)),
                "total": _dutch(result.source_total),
                "left": _dutch(sum(value for _c, _s, value in result.unallocated)),
            }
        )

    def _reaggregate(self, options: dict[str, Any], organisation_id: int | None) -> Reaggregation:
        """Re-aggregate from a year's boundaries or, with ``--from-points``, from points."""
        points_file = options["from_points"]
        if (points_file is None) == (options["from_year"] is None):
            raise CrosswalkError(_("Geef precies één van --from-year en --from-points."))
        if points_file is None:
            return reaggregate(
                measure_code=options["measure"],
                level=options["level"],
                parent_code=options["gemeente"],
                from_year=options["from_year"],
                to_year=options["to_year"],
                weighting=Weighting(options["weights"]),
                organisation_id=organisation_id,
            )
        if options["weights"] != Weighting.AREA.value:
            raise CrosswalkError(
                _("Met --from-points gaat elk gebied geheel naar één gebied; --weights past niet.")
            )
        return reaggregate_points(
            measure_code=options["measure"],
            level=options["level"],
            parent_code=options["gemeente"],
            points=read_points(points_file),
            source_label=points_file.name,
            to_year=options["to_year"],
            organisation_id=organisation_id,
        )


def _dutch(value: float) -> str:
    """Return a whole count with Dutch thousands points (``245520`` → ``245.520``) for the CLI."""
    return f"{value:,.0f}".replace(",", ".")
