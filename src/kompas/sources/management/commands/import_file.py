# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas import FILE --format NAME``: import one file, all or nothing, and report what happened."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope
from tqdm import tqdm

from kompas.accounts.models import Organisation
from kompas.commandbase import TranslatedCommand
from kompas.sources.formats import FORMATS
from kompas.sources.load import import_file
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.ownership import OPEN_DATA_FORMATS
from kompas.sources.report import report_lines
from kompas.sources.runs import summary
from kompas.sources.suggest import suggest_mapping

EXIT_CODES = {ImportStatus.REJECTED: 1, ImportStatus.FAILED: 2}
PHASES = {"lezen": gettext_lazy("Lezen"), "schrijven": gettext_lazy("Opslaan")}


class Stop(SystemExit):
    """End the command with a Dutch message on standard error and a non-zero exit code."""


class TerminalProgress:
    """A tqdm bar per phase (reading, writing) on standard error."""

    def __init__(self) -> None:
        self.phase = ""
        self.bar: tqdm[Any] | None = None

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        """Move the bar of ``phase`` to ``done`` rows (of ``total`` when known)."""
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = tqdm(
                total=total, desc=str(PHASES.get(phase, phase)), unit=_(" rijen"), file=sys.stderr
            )
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        """Close the current bar."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(TranslatedCommand):
    """Import a file for an organisation and print the report (or the run as JSON)."""

    help_text = gettext_lazy(
        "Importeert een bestand in één keer: eerst wordt elke regel gecontroleerd, daarna wordt alles "
        "opgeslagen of niets. Zonder fouten eindigt de opdracht met 0; anders met het foutenrapport "
        "(bestand, regel, kolom, waarde, verwachting) en een andere code. Hetzelfde bestand opnieuw "
        "importeren verandert niets; een verbeterd bestand vervangt precies de gewijzigde waarden. "
        "Zie docs/import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare FILE, --format, --mapping, --organisation, --option, --create-areas, --dry-run, --json,
        --replaces."""
        parser.add_argument(
            "file", type=Path, help=_("Het bestand (CSV, XLSX, GeoJSON, TopoJSON, shapefile).")
        )
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), help=_("Het bronformaat."))
        parser.add_argument(
            "--mapping", type=Path, help=_("Importbeschrijving (TOML) voor --format mapping.")
        )
        parser.add_argument(
            "--organisation",
            help=_(
                "Code van de organisatie (bij een eigen formaat niet nodig als er maar één is). Zonder "
                "deze optie importeert "
                "de beheerder van de installatie open data als gedeelde cijfers; met deze optie worden "
                "het eigen cijfers van de organisatie, alleen voor gebieden in de eigen gemeente."
            ),
        )
        parser.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="NAAM=WAARDE",
            help=_("Formaatoptie, bijvoorbeeld year=2021 of timezone=America/Vancouver (herhaalbaar)."),
        )
        parser.add_argument(
            "--create-areas",
            action="store_true",
            help=_("Onbekende CBS-gebiedscodes aanmaken met hun bovenliggende gebieden (BU → WK → GM)."),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Alles controleren en tellen, niets opslaan.")
        )
        parser.add_argument("--json", action="store_true", help=_("De importrun als JSON, met zijn id."))
        parser.add_argument(
            "--suggest",
            action="store_true",
            help=_(
                "Met --format mapping: lees kop en eerste regels en schrijf een voorgestelde "
                "importbeschrijving (naar --mapping PAD, anders naar het scherm); importeert niets."
            ),
        )
        parser.add_argument(
            "--replaces",
            type=int,
            metavar="RUN",
            help=_(
                "Vervang importrun RUN: die wordt ingetrokken en dit bestand geïmporteerd, samen of "
                "niet; bij een fout in het bestand blijft RUN zoals hij was."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the import and print its report; exit non-zero when it was rejected or failed."""
        path: Path = options["file"]
        if not path.is_file():
            raise Stop(self._fail(_("Bestand niet gevonden: %(path)s") % {"path": path}))
        if options["suggest"]:
            self._suggest(path, options["format"], options["mapping"])
            return
        if options["mapping"] is not None and not options["mapping"].is_file():
            raise Stop(
                self._fail(_("Importbeschrijving niet gevonden: %(path)s") % {"path": options["mapping"]})
            )
        organisation = self._organisation(options["organisation"], options["format"])
        replaces = self._replaced(options["replaces"], organisation)
        progress = TerminalProgress() if sys.stderr.isatty() and not options["json"] else None
        try:
            run = import_file(
                path,
                format=options["format"],
                organisation=organisation,
                actor=None,
                mapping=options["mapping"],
                options=self._options(options["option"]),
                create_areas=options["create_areas"],
                dry_run=options["dry_run"],
                progress=progress,
                replaces=replaces,
            )
        finally:
            if progress is not None:
                progress.close()
        with scope(organisation=organisation.pk if organisation else None):
            self._print(run, as_json=options["json"])

    def _print(self, run: Any, *, as_json: bool) -> None:
        code = EXIT_CODES.get(ImportStatus(run.status), 0)
        if as_json:
            self.stdout.write(json.dumps(summary(run), ensure_ascii=False, indent=2))
        else:
            stream = self.stderr if code else self.stdout
            for line in report_lines(run):
                stream.write(line)
        if code:
            raise Stop(code)

    def _replaced(self, run_id: int | None, organisation: Organisation | None) -> ImportRun | None:
        """Return the run --replaces names; it must be a run of the same organisation (or open data)."""
        if run_id is None:
            return None
        with scope(organisation=organisation.pk if organisation else None):
            found = ImportRun.objects.filter(pk=run_id, organisation=organisation).first()
        if found is None:
            raise Stop(
                self._fail(
                    _("Onbekende importrun voor --replaces bij deze organisatie: %(run)s") % {"run": run_id}
                )
            )
        return found

    def _suggest(self, path: Path, format_name: str, target: Path | None) -> None:
        """Write a starting mapping for ``path`` to ``target`` (never over a file) or standard output."""
        if format_name != "mapping":
            raise Stop(self._fail(_("--suggest werkt alleen met --format mapping.")))
        text = suggest_mapping(path)
        if target is None:
            self.stdout.write(text, ending="")
            return
        if target.exists():
            raise Stop(self._fail(_("%(path)s bestaat al; kies een nieuw bestand.") % {"path": target}))
        target.write_text(text, encoding="utf-8")
        self.stdout.write(
            _("Voorgestelde importbeschrijving geschreven naar %(path)s; vul de maatstafcodes in.")
            % {"path": target}
        )

    def _fail(self, message: str) -> int:
        self.stderr.write(message)
        return 1

    def _organisation(self, code: str | None, format_name: str) -> Organisation | None:
        """Return the organisation to import for; None for open data without --organisation.

        Without --organisation the operator of the installation imports open data as shared
        values (ADR 0011); other formats belong to an organisation.
        """
        if code:
            found = Organisation.objects.filter(code=code).first()
            if found is None:
                raise Stop(self._fail(_("Onbekende organisatie: %(code)s") % {"code": code}))
            return found
        if format_name in OPEN_DATA_FORMATS:
            return None
        organisations = list(Organisation.objects.order_by("code")[:2])
        if len(organisations) != 1:
            known = ", ".join(Organisation.objects.order_by("code").values_list("code", flat=True))
            message = _(
                "Geef --organisation CODE (bekend zijn: %(codes)s). Het formaat %(format)s is geen open "
                "data: wat het schrijft wordt eigen cijfers van één organisatie, en de opdracht kan niet "
                "raden van welke. Alleen open data (%(open)s) importeert de beheerder zonder "
                "--organisation, als gedeelde cijfers van geen organisatie."
            ) % {
                "codes": known or _("(geen)"),
                "format": format_name,
                "open": ", ".join(sorted(OPEN_DATA_FORMATS)),
            }
            raise Stop(self._fail(message))
        return organisations[0]

    def _options(self, given: list[str]) -> dict[str, object]:
        values: dict[str, object] = {}
        for item in given:
            name, separator, value = item.partition("=")
            if not separator or not name.strip():
                raise Stop(self._fail(_("Optie %(item)s is geen NAAM=WAARDE.") % {"item": item}))
            values[name.strip()] = value.strip()
        return values
