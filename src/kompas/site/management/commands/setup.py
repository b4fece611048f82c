# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas setup CODE``: give a new gemeente what Kompas ships for it, and say what is missing.

Runs as the operator of the installation (ADR 0011): the gemeente's areas and inhabitants are
shared open data, imported from the bundled CBS files (:mod:`kompas.sources.bundled`); the
standard indicator set is shared too. The gemeente gets default alert settings for the monthly
and weekly count series it has (:func:`kompas.alerts.defaults.create_default_settings`). Every
step changes only what is not there yet, so a second run changes nothing and says so; after an
import of police figures a new run adds the alert settings the new series allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.management.base import CommandParser
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation, OrganisationKind
from kompas.accounts.queries import organisation_by_code
from kompas.alerts.defaults import create_default_settings
from kompas.areas.queries import ids_within
from kompas.commandbase import TranslatedCommand
from kompas.indicators.compute import compute
from kompas.indicators.definitions import measure_codes, parse
from kompas.indicators.demo import SETS
from kompas.indicators.load import load_definitions
from kompas.observations.queries import measure_levels
from kompas.site.management.commands._refusal import refuse
from kompas.sources.bundled import LoadedExtract, known_gemeente_codes, load_gemeente
from kompas.sources.report import report_lines

STANDARD_SET = SETS / "standaard_criminaliteit.toml"


@dataclass(frozen=True)
class Source:
    """Where the figures of measures with a code prefix come from, and the import that loads them."""

    prefix: str
    description: Promise
    command: str


# The sources of the standard set's measures, matched by the first prefix that fits.
SOURCES = (
    Source(
        "misdrijven_",
        gettext_lazy("geregistreerde misdrijven per maand (politie, CBS StatLine 47022NED)"),
        "kompas import MISDRIJVEN.csv --format politie-statline",
    ),
    Source(
        "overlast_",
        gettext_lazy("registraties van overlast per maand (politie, CBS StatLine 47024NED)"),
        "kompas import OVERLAST.csv --format politie-statline",
    ),
    Source(
        "",
        gettext_lazy("kerncijfers wijken en buurten (CBS, bijvoorbeeld inwoners en woningen)"),
        "kompas import KERNCIJFERS.csv --format cbs-bevolking",
    ),
)


# The levels whose boundaries a gemeente needs for its maps.
LEVEL_NAMES = {
    "gemeente": gettext_lazy("de gemeente"),
    "wijk": gettext_lazy("de wijken"),
    "buurt": gettext_lazy("de buurten"),
}


class Command(TranslatedCommand):
    """Load a gemeente's areas, the standard indicators and default alert settings."""

    help_text = gettext_lazy(
        "Richt een gemeente in: gebieden met grenzen en inwoners uit de meegeleverde CBS-bestanden, "
        "de standaardindicatoren en standaardinstellingen voor signalering; toont wat nog ontbreekt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare the organisation code."""
        parser.add_argument("code", help=_("Code van de gemeente-organisatie, bijvoorbeeld enschede."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Check the organisation, run the three steps, then report what is still missing."""
        organisation = self._gemeente(options["code"])
        self.stdout.write(
            _("Kompas inrichten voor %(name)s (%(cbs)s):")
            % {"name": organisation.name, "cbs": organisation.cbs_code}
        )
        loaded = self._areas(organisation)
        changed = any(done.changed for done in loaded)
        changed = self._indicators() or changed
        changed = self._alerts(organisation) or changed
        if not changed:
            self.stdout.write(_("Niets gewijzigd: %(name)s was al ingericht.") % {"name": organisation.name})
        self._missing(organisation, {done.extract.level for done in loaded})

    def _gemeente(self, code: str) -> Organisation:
        organisation = organisation_by_code(code)
        if organisation is None:
            refuse(
                self.stderr,
                [
                    _("Onbekende organisatie %(code)s; maak haar eerst met kompas organisation create.")
                    % {"code": code}
                ],
            )
        if organisation.kind != OrganisationKind.GEMEENTE:
            refuse(
                self.stderr,
                [
                    _("%(code)s is geen gemeente (soort: %(kind)s); kompas setup richt alleen gemeenten in.")
                    % {"code": code, "kind": str(organisation.get_kind_display()).lower()}
                ],
            )
        if organisation.cbs_code not in known_gemeente_codes():
            refuse(
                self.stderr,
                [
                    _("Voor CBS-code %(cbs)s levert Kompas geen gebieden mee.")
                    % {"cbs": organisation.cbs_code},
                ],
            )
        return organisation

    def _areas(self, organisation: Organisation) -> list[LoadedExtract]:
        """Import the gemeente's part of the bundled CBS files; stop if an import is refused."""
        loaded = load_gemeente(organisation.cbs_code, actor=None)
        for done in loaded:
            self.stdout.write("  " + _line(done))
        failed = [done for done in loaded if done.failed]
        if failed:
            for done in failed:
                self.stderr.write("\n".join(report_lines(done.run)))
            raise SystemExit(2)
        return loaded

    def _indicators(self) -> bool:
        """Load the shared standard set; compute it when a definition is new or changed."""
        with scopes_disabled():
            result = load_definitions(
                STANDARD_SET.read_text(encoding="utf-8"), STANDARD_SET.name, actor=None, organisation=None
            )
        if result.problems:  # the bundled set is part of Kompas: a problem is a defect
            raise ValueError("; ".join(str(problem) for problem in result.problems))
        new = len(result.created) + len(result.changed)
        self.stdout.write(
            "  "
            + _("Standaardindicatoren (%(file)s): %(new)s nieuw of gewijzigd, %(same)s al aanwezig.")
            % {"file": STANDARD_SET.name, "new": new, "same": len(result.unchanged)}
        )
        if new:
            compute(actor=None)
        return bool(new)

    def _alerts(self, organisation: Organisation) -> bool:
        """Create the default alert settings the gemeente's series allow."""
        created = create_default_settings(organisation, actor=None)
        if created:
            codes = ", ".join(setting.measure_code for setting in created)
            self.stdout.write(
                "  "
                + _("Signalering: %(count)s instellingen aangemaakt (%(codes)s).")
                % {"count": len(created), "codes": codes}
            )
        else:
            self.stdout.write(
                "  "
                + _(
                    "Signalering: geen nieuwe instellingen; er zijn geen nieuwe maand- of weekreeksen van "
                    "aantallen. Draai kompas setup opnieuw na een import van politiecijfers per maand."
                )
            )
        return bool(created)

    def _missing(self, organisation: Organisation, bounded: set[str]) -> None:
        """Print the boundaries not bundled and, per source, the standard set's measures without figures."""
        with scope(organisation=organisation.pk):
            present = measure_levels(ids_within(organisation.cbs_code), organisation_id=organisation.pk)
        missing = [code for code in _standard_measures() if code not in present]
        unbounded = [str(LEVEL_NAMES[level]) for level in LEVEL_NAMES if level not in bounded]
        if not missing and not unbounded:
            self.stdout.write(_("Alle maatstaven van de standaardindicatoren hebben cijfers."))
            return
        self.stdout.write(_("Nog ontbrekende gegevens (importeren als beheerder van de installatie):"))
        if unbounded:
            self.stdout.write(
                "  - " + _("grenzen van %(levels)s (CBS-gebiedsindeling)") % {"levels": ", ".join(unbounded)}
            )
            self.stdout.write("      kompas import GRENZEN.geojson --format cbs-gebieden")
        for source in SOURCES:
            codes = [code for code in missing if code.startswith(source.prefix)]
            missing = [code for code in missing if code not in codes]
            if codes:
                self.stdout.write(f"  - {source.description}: {', '.join(codes)}")
                self.stdout.write("      " + source.command)


def _standard_measures() -> list[str]:
    """Return the measure codes the standard set reads, in the order of the file."""
    parsed = parse(STANDARD_SET.read_text(encoding="utf-8"), STANDARD_SET.name)
    codes: dict[str, None] = {}
    for definition in parsed.definitions:
        for code in (*measure_codes(definition.numerator), *measure_codes(definition.denominator)):
            codes.setdefault(code, None)
    return list(codes)


def _line(done: LoadedExtract) -> str:
    """Return one line on an extract: what it holds and what its import did."""
    extract, run = done.extract, done.run
    areas = ngettext("%(count)s gebied", "%(count)s gebieden", extract.count) % {
        "count": number_format(extract.count, force_grouping=True)
    }
    values = {"what": extract.what, "areas": areas, "file": extract.file_name, "run": run.pk}
    if done.skipped:
        return _("%(what)s (%(areas)s, %(file)s): al geïmporteerd in importrun %(run)s.") % values
    values |= {"created": run.areas_created, "loaded": run.rows_loaded, "changed": run.rows_changed}
    return (
        _(
            "%(what)s (%(areas)s, %(file)s): importrun %(run)s; gebieden aangemaakt: %(created)s, "
            "waarden nieuw: %(loaded)s, gewijzigd: %(changed)s."
        )
        % values
    )
