# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas observations export``: stored values as CSV or XLSX, optionally summed to a level or period."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand
from kompas.formulas import inert_frame
from kompas.observations.export import COLUMNS, PERIODS, Export, export_observations, selection
from kompas.observations.queries import measure_exists, visible_measure
from kompas.presentation import xlsx
from kompas.presentation.formatting import number

LEVELS = ("land", "provincie", "regio", "gemeente", "wijk", "buurt", "pc4", "grid")


def csv_text(export: Export) -> str:
    """Return the table as CSV (comma-separated, decimal point, UTF-8) with a header line.

    Whole numbers are written without ``.0``; other values with 15 significant digits; text a
    spreadsheet would run as a formula starts with an apostrophe (:mod:`kompas.formulas`).
    """
    frame = inert_frame(export.frame)
    return str(frame.to_csv(index=False, float_format="%.15g", lineterminator="\n"))


def xlsx_bytes(export: Export) -> bytes:
    """Return the rows as a workbook with a "Waarnemingen" sheet and a "Bronnen" sheet."""
    sources = [
        xlsx.Source(
            f"{line.source} ({line.measure_code})",
            line.licence,
            line.last_import,
            f"{line.first_period} – {line.last_period}" if line.first_period else "",
        )
        for line in export.sources
    ]
    table = xlsx.Table("Waarnemingen", COLUMNS, export.rows, {"value": "#,##0.###", "margin": "#,##0.###"})
    return xlsx.workbook([table], sources)


class Command(TranslatedCommand):
    """Write the selected observations to a file or standard output."""

    help_text = gettext_lazy(
        "Exporteert waarnemingen met de kolommen measure_code, measure_name, area_code, area_level, "
        "period_start, period_length, value, margin, sample_size en de dekking van elke som "
        "(coverage_parts, coverage_parts_expected, coverage_values, coverage_values_expected, "
        "coverage_population_share, coverage). Met --level en --period worden aantallen opgeteld naar "
        "een grover niveau of een langere periode; een som die niet alle delen bevat, heet "
        "'onvolledig (57 van 99 wijken)'. Percentages, medianen en surveywaarden worden nooit "
        "opgeteld of gemiddeld."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --import-run, --measure, --organisation, --level, --period, --format and --output."""
        parser.add_argument("--import-run", type=int, help=_("Alleen de waarden van deze importrun (id)."))
        parser.add_argument("--measure", help=_("Alleen deze maatstaf (code)."))
        parser.add_argument(
            "--organisation",
            help=_("Open data plus de eigen maatstaven van deze organisatie (standaard: alles)."),
        )
        parser.add_argument("--level", choices=LEVELS, help=_("Optellen naar dit gebiedsniveau."))
        parser.add_argument("--period", choices=PERIODS, help=_("Optellen naar deze periodelengte."))
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help=_("Bestandsformaat."))
        parser.add_argument(
            "--output", type=Path, help=_("Bestand om naar te schrijven (standaard: CSV naar het scherm).")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Select, sum where asked, and write."""
        organisation_id = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(code=options["organisation"]).first()
            if organisation is None:
                self.stderr.write(_("Onbekende organisatie: %(code)s") % {"code": options["organisation"]})
                raise SystemExit(1)
            organisation_id = organisation.pk
        code = options["measure"]
        if code and not self._known(code, organisation_id):
            self.stderr.write(_("Onbekende maatstaf: %(code)s") % {"code": options["measure"]})
            raise SystemExit(1)
        rows = selection(
            import_run_id=options["import_run"],
            measure_code=options["measure"],
            organisation_id=organisation_id,
            all_organisations=organisation_id is None,
        )
        export = export_observations(rows, level=options["level"], period=options["period"])
        self._write(export, options["format"], options["output"])
        incomplete = int((export.frame["coverage"] != "").sum()) if not export.frame.empty else 0
        if incomplete:
            self.stderr.write(
                _("%(count)s opgetelde waarden zijn onvolledig (kolom coverage): geen totaal van het gebied.")
                % {"count": incomplete}
            )
        if export.left_out:
            self.stderr.write(
                _(
                    "%(count)s waarden niet opgenomen: ze zijn geen aantal of passen niet in het gevraagde "
                    "niveau of de gevraagde periode."
                )
                % {"count": export.left_out}
            )

    @staticmethod
    def _known(code: str, organisation_id: int | None) -> bool:
        # with --organisation, another organisation's measure is unknown
        return visible_measure(code, organisation_id) if organisation_id is not None else measure_exists(code)

    def _write(self, export: Export, kind: str, output: Path | None) -> None:
        if kind == "csv" and output is None:
            self.stdout.write(csv_text(export), ending="")
            return
        path = output or Path("waarnemingen.xlsx")
        body = xlsx_bytes(export) if kind == "xlsx" else csv_text(export).encode("utf-8")
        path.write_bytes(body)
        self.stderr.write(
            _("Geschreven: %(path)s (%(rows)s rijen)") % {"path": path, "rows": number(len(export.rows))}
        )
