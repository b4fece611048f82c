# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A partner's yearly targets and realisations (the RIEC's *streefcijfers*, spec §7.7).

Targets come from the partner's jaarplan (``load_targets`` reads a ``kompas-streefcijfers``
file, such as the bundled RIEC 2016 targets); the realisation is entered during or after the year
(``set_realisation``, version-guarded). Both are audited.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.registry.models import PartnerTarget

FORMAT = "kompas-streefcijfers"


class StaleTargetError(Exception):
    """Raised when someone else changed the target since the editor loaded it."""


@dataclass(frozen=True)
class YearSummary:
    """The targets of one year with the share realised where known."""

    year: int
    targets: list[PartnerTarget]


@transaction.atomic
def load_targets(*, actor: User, text: str, source: str) -> list[PartnerTarget]:
    """Store the targets of a ``kompas-streefcijfers`` file for the actor's organisation; audited.

    A target already stored (same year, group and measure) is kept with its realisation; the
    file's value replaces its target. A file with a problem stores nothing.
    """
    document = tomllib.loads(text)
    if document.get("format") != FORMAT or not isinstance(document.get("year"), int):
        raise ValidationError(
            _("Geen bestand met streefcijfers (format %(format)s met een jaar).") % {"format": FORMAT}
        )
    entries = document.get("target", [])
    if any(int(entry.get("target", -1)) < 0 or not entry.get("measure") for entry in entries):
        raise ValidationError(_("Elk streefcijfer heeft een maatstaf en een getal van 0 of meer."))
    stored = []
    for entry in entries:
        target, _created = PartnerTarget.objects.update_or_create(
            organisation=actor.organisation,
            year=document["year"],
            group=entry.get("group", ""),
            measure=entry["measure"],
            defaults={"target": int(entry["target"]), "source_ref": entry.get("source", "")},
        )
        stored.append(target)
    audit.record(
        "registry.partner_targets.loaded",
        actor=actor,
        changes={"file": source, "year": document["year"], "targets": len(stored)},
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


def by_year() -> list[YearSummary]:
    """Return the visible targets grouped by year, the latest year first."""
    years: dict[int, list[PartnerTarget]] = {}
    for target in PartnerTarget.objects.all():
        years.setdefault(target.year, []).append(target)
    return [YearSummary(year, targets) for year, targets in years.items()]
