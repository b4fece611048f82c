# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A partner's yearly targets and realisations (the RIEC's *streefcijfers*, spec §7.7).

Targets come from the partner's jaarplan (``load_targets`` reads a ``kompas-streefcijfers``
file, such as the bundled RIEC 2016 targets); the realisation is entered during or after the year
(``set_realisation``, version-guarded). Both are audited.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.registry.models import PartnerTarget

FORMAT = "kompas-streefcijfers"
TABLE = re.compile(r"^\s*\[\[\s*target\s*\]\]")


class StaleTargetError(Exception):
    """Raised when someone else changed the target since the editor loaded it."""


@dataclass(frozen=True)
class YearSummary:
    """The targets of one year with the share realised where known."""

    year: int
    targets: list[PartnerTarget]


# A target counts things: a whole number of 0 or more (a bool is a TOML true/false, not a count).
def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _syntax_problem(error: tomllib.TOMLDecodeError, source: str) -> str:
    # tomllib names the place only in its English message: "Invalid value (at line 3, column 10)".
    match = re.search(r"line (\d+), column (\d+)", str(error))
    line, column = (match.group(1), match.group(2)) if match else ("?", "?")
    return _("%(file)s, regel %(line)s, kolom %(column)s: hier is het bestand geen geldige TOML.") % {
        "file": source,
        "line": line,
        "column": column,
    }


def _entry_problems(entries: object, text: str, source: str) -> list[str]:
    """Return one Dutch message per wrong ``[[target]]`` table, with the line it starts on."""
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return [_("%(file)s: de streefcijfers staan niet in tabellen [[target]].") % {"file": source}]
    starts = [number for number, line in enumerate(text.splitlines(), start=1) if TABLE.match(line)]
    found, seen = [], set()
    for index, entry in enumerate(entries):
        where = _("%(file)s, regel %(line)s (streefcijfer %(number)s)") % {
            "file": source,
            "line": starts[index] if index < len(starts) else "?",
            "number": index + 1,
        }
        key = (entry.get("group", ""), entry.get("measure"))
        if not isinstance(entry.get("measure"), str) or not entry["measure"].strip():
            found.append(_("%(where)s: de maatstaf ontbreekt.") % {"where": where})
        elif not _count(entry.get("target")):
            found.append(
                _("%(where)s: het streefcijfer is geen geheel getal van 0 of meer.") % {"where": where}
            )
        elif not all(isinstance(entry.get(name, ""), str) for name in ("group", "source")):
            found.append(_("%(where)s: groep en bron zijn tekst.") % {"where": where})
        elif key in seen:
            found.append(_("%(where)s: deze maatstaf staat al eerder in het bestand.") % {"where": where})
        seen.add(key)
    return found


def parse_targets(text: str, source: str) -> tuple[int, list[dict[str, Any]]]:
    """Return the year and the ``[[target]]`` tables of a ``kompas-streefcijfers`` file.

    Raises :class:`ValidationError` with every problem, each naming the file and the line (and,
    for a TOML error, the column) where it is.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(_syntax_problem(error, source)) from None
    year = document.get("year")
    if document.get("format") != FORMAT or not isinstance(year, int) or not 1900 < year < 2100:
        raise ValidationError(
            _("Geen bestand met streefcijfers (format %(format)s met een jaar).") % {"format": FORMAT}
        )
    entries = document.get("target", [])
    found = _entry_problems(entries, text, source)
    if not entries and not found:
        found = [_("%(file)s: het bestand bevat geen streefcijfers.") % {"file": source}]
    if found:
        raise ValidationError(found)
    return year, entries


@transaction.atomic
def load_targets(*, actor: User, text: str, source: str) -> list[PartnerTarget]:
    """Store the targets of a ``kompas-streefcijfers`` file for the actor's organisation; audited.

    A target already stored (same year, group and measure) is kept with its realisation; the
    file's value replaces its target. A file with a problem stores nothing.
    """
    year, entries = parse_targets(text, source)
    stored = []
    for entry in entries:
        target, created = PartnerTarget.objects.select_for_update().get_or_create(
            organisation=actor.organisation,
            year=year,
            group=entry.get("group", "").strip(),
            measure=entry["measure"].strip(),
            defaults={"target": entry["target"], "source_ref": entry.get("source", "").strip()},
        )
        if not created and (target.target, target.source_ref) != (
            entry["target"],
            entry.get("source", "").strip(),
        ):
            # A new version, so that an editor who loaded the old one cannot overwrite the file's value.
            target.target, target.source_ref = entry["target"], entry.get("source", "").strip()
            target.version += 1
            target.save(update_fields=["target", "source_ref", "version"])
        stored.append(target)
    audit.record(
        "registry.partner_targets.loaded",
        actor=actor,
        changes={"file": source, "year": year, "targets": len(stored)},
    )
    return stored


@transaction.atomic
def set_realisation(*, actor: User, target_id: int, version: int, realisation: int | None) -> PartnerTarget:
    """Record what was realised of a target loaded at ``version``; audited."""
    target = PartnerTarget.objects.select_for_update().get(pk=target_id)
    if target.version != version:
        raise StaleTargetError
    if realisation is not None and realisation < 0:
        raise ValidationError({"realisation": _("De realisatie kan niet negatief zijn.")})
    before = audit.snapshot(target, ("realisation",))
    target.realisation = realisation
    changes = audit.diff(before, target)
    if changes:
        target.version += 1
        target.save(update_fields=["realisation", "version"])
        audit.record("registry.partner_target.realised", actor=actor, target=target, changes=changes)
    return target


@dataclass(frozen=True)
class TargetInput:
    """One target as the edit form gives it; ``realisation`` None while unknown."""

    year: int
    group: str
    measure: str
    target: int
    realisation: int | None = None
    source_ref: str = ""


TARGET_FIELDS = ("year", "group", "measure", "target", "realisation", "source_ref")


def _target_problems(actor: User, data: TargetInput, exclude: int) -> dict[str, str]:
    found: dict[str, str] = {}
    if not 1900 < data.year < 2100:
        found["year"] = _("Geef een jaar tussen 1900 en 2100.")
    if not data.measure.strip():
        found["measure"] = _("Noem de maatstaf.")
    if data.target < 0:
        found["target"] = _("Het streefcijfer kan niet negatief zijn.")
    if data.realisation is not None and data.realisation < 0:
        found["realisation"] = _("De realisatie kan niet negatief zijn.")
    same = PartnerTarget.objects.filter(
        organisation_id=actor.organisation_id,
        year=data.year,
        group=data.group.strip(),
        measure=data.measure.strip(),
    )
    if not found and same.exclude(pk=exclude).exists():
        found["__all__"] = _("Dit jaar heeft al een streefcijfer voor deze groep en maatstaf.")
    return found


@transaction.atomic
def change_target(*, actor: User, target_id: int, version: int, data: TargetInput) -> PartnerTarget:
    """Change a target loaded at ``version`` (its year, wording, number or realisation); audited."""
    target = PartnerTarget.objects.select_for_update().get(pk=target_id)
    if target.version != version:
        raise StaleTargetError
    found = _target_problems(actor, data, target.pk)
    if found:
        raise ValidationError(found)
    before = audit.snapshot(target, TARGET_FIELDS)
    target.year, target.target, target.realisation = data.year, data.target, data.realisation
    target.group, target.measure = data.group.strip(), data.measure.strip()
    target.source_ref = data.source_ref.strip()
    changes = audit.diff(before, target)
    if changes:
        target.version += 1
        target.save()
        audit.record("registry.partner_target.changed", actor=actor, target=target, changes=changes)
    return target


@transaction.atomic
def delete_target(*, actor: User, target_id: int, version: int) -> None:
    """Remove a target with its realisation; audited with what it was."""
    target = PartnerTarget.objects.select_for_update().get(pk=target_id)
    if target.version != version:
        raise StaleTargetError
    changes = {name: getattr(target, name) for name in TARGET_FIELDS}
    audit.record("registry.partner_target.deleted", actor=actor, target=target, changes=changes)
    target.delete()


def by_year() -> list[YearSummary]:
    """Return the visible targets grouped by year, the latest year first."""
    years: dict[int, list[PartnerTarget]] = {}
    for target in PartnerTarget.objects.all():
        years.setdefault(target.year, []).append(target)
    return [YearSummary(year, targets) for year, targets in years.items()]
