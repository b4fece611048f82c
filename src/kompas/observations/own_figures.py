# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""An organisation's own figure entered by hand: one value from a report, with its source.

An OOV adviser gives a plan indicator its municipality's own figure (a Veiligheidsmonitor
result for the gemeente or a wijk, a yearly count from HALT or Veilig Thuis). The figure
belongs to the organisation (ADR 0011): it replaces the shared value for that organisation
only, and only in areas inside its own gemeente. Entering a different value for the same
measure, area and period corrects the figure; the old numbers stay as an
:class:`ObservationChange` with who and when. Each change is audited in its transaction and
hands the organisation's indicators to recomputation after commit, as an import does.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.areas.queries import area_by_code, area_names, area_nodes, ids_within
from kompas.observations.models import FigureSource, Measure, Observation, ObservationChange
from kompas.observations.periods import PeriodLength

PERCENT_UNITS = ("%",)  # a unit starting with % is a percentage, as the survey formats store it


@dataclass(frozen=True)
class OwnFigure:
    """One figure as the form gives it; ``margin`` is the 95 % margin, ``sample_size`` n."""

    measure_code: str
    area_code: str
    year: int
    value: float
    margin: float | None = None
    sample_size: int | None = None
    source_text: str = ""
    document_url: str = ""
    is_demo: bool = False  # counted from fictitious demo entries (a registry figure on the demo)


def in_own_gemeente(code: str, organisation: Organisation) -> bool:
    """Return whether area ``code`` lies inside the organisation's gemeente (GM0164: WK0164…, BU0164…)."""
    gemeente = organisation.cbs_code
    if not gemeente.startswith("GM"):
        return False
    return code == gemeente or (code[:2] in {"WK", "BU"} and code[2:].startswith(gemeente[2:]))


def _problems(figure: OwnFigure, measure: Measure | None, organisation: Organisation) -> dict[str, str]:
    """Return a Dutch message per field that is wrong; empty when the figure may be stored."""
    problems: dict[str, str] = {}
    if measure is None:
        problems["measure_code"] = _("Onbekende maatstaf: kies een maatstaf uit open data of een eigen.")
    if not in_own_gemeente(figure.area_code, organisation):
        problems["area_code"] = _(
            "Dit gebied ligt buiten de eigen gemeente; kies de gemeente of een eigen wijk."
        )
    if not math.isfinite(figure.value):
        problems["value"] = _("Vul een getal in.")
    elif measure is not None and measure.unit.startswith(PERCENT_UNITS) and not 0 <= figure.value <= 100:
        problems["value"] = _("Een percentage ligt tussen 0 en 100.")
    if figure.margin is not None and not figure.margin >= 0:
        problems["margin"] = _("De marge kan niet negatief zijn.")
    if figure.sample_size is not None and figure.sample_size < 1:
        problems["sample_size"] = _("Het aantal respondenten (n) is minstens 1.")
    if not figure.source_text.strip():
        problems["source_text"] = _("Noem de bron: het rapport of de registratie waar het cijfer uit komt.")
    return problems


@transaction.atomic
def record_own_figure(*, actor: User, figure: OwnFigure) -> Observation:
    """Store ``figure`` as the actor's organisation's own, or correct the one stored; audited.

    Raises :class:`~django.core.exceptions.ValidationError` with a message per wrong field
    (unknown or foreign measure, area outside the gemeente, percentage above 100, negative
    margin, n = 0, no source), storing nothing.
    """
    organisation = actor.organisation
    mine = Q(organisation__isnull=True) | Q(organisation=organisation)
    measure = Measure._base_manager.filter(mine, code=figure.measure_code).first()
    problems = _problems(figure, measure, organisation)
    area = area_by_code(figure.area_code, figure.year) if "area_code" not in problems else None
    if area is None and "area_code" not in problems:
        problems["area_code"] = _("Kompas kent dit gebied niet in %(year)s.") % {"year": figure.year}
    if problems or measure is None or area is None:
        raise ValidationError(problems)
    key = {
        "organisation": organisation,
        "measure": measure,
        "area": area,
        "period_start": dt.date(figure.year, 1, 1),
        "period_length": PeriodLength.YEAR,
    }
    stored = Observation._base_manager.select_for_update().filter(**key).first()
    observation = _record(actor, figure, key) if stored is None else _correct(actor, figure, stored)
    transaction.on_commit(lambda: _recompute(organisation.pk, measure.code))
    return observation


def _record(actor: User, figure: OwnFigure, key: dict[str, object]) -> Observation:
    observation = Observation._base_manager.create(
        **key, value=figure.value, margin=figure.margin, sample_size=figure.sample_size
    )
    FigureSource._base_manager.create(
        observation=observation,
        source_text=figure.source_text.strip()[:300],
        document_url=figure.document_url,
        recorded_by=actor,
        is_demo=figure.is_demo,
    )
    audit.record(
        "observations.own_figure.recorded", actor=actor, target=observation, changes=_described(figure)
    )
    return observation


def _correct(actor: User, figure: OwnFigure, stored: Observation) -> Observation:
    before = (stored.value, stored.margin, stored.sample_size)
    after = (figure.value, figure.margin, figure.sample_size)
    source, _created = FigureSource._base_manager.get_or_create(
        observation=stored, defaults={"source_text": figure.source_text.strip()[:300], "recorded_by": actor}
    )
    if before == after and (source.source_text, source.document_url, source.is_demo) == (
        figure.source_text.strip(),
        figure.document_url,
        figure.is_demo,
    ):
        return stored
    ObservationChange._base_manager.create(
        observation=stored,
        old_value=stored.value,
        new_value=figure.value,
        old_margin=stored.margin,
        new_margin=figure.margin,
        old_sample_size=stored.sample_size,
        new_sample_size=figure.sample_size,
        old_import_run_id=stored.import_run_id,
        changed_by=actor,
        changed_at=timezone.now(),
    )
    stored.value, stored.margin, stored.sample_size = after
    stored.save(update_fields=["value", "margin", "sample_size"])
    source.source_text, source.document_url = figure.source_text.strip()[:300], figure.document_url
    source.recorded_by, source.recorded_at, source.is_demo = actor, timezone.now(), figure.is_demo
    source.save()
    changes = {
        "old": {"value": before[0], "margin": before[1], "sample_size": before[2]},
        **_described(figure),
    }
    audit.record("observations.own_figure.corrected", actor=actor, target=stored, changes=changes)
    return stored


def _described(figure: OwnFigure) -> dict[str, object]:
    return {
        "measure": figure.measure_code,
        "area": figure.area_code,
        "year": figure.year,
        "value": figure.value,
        "margin": figure.margin,
        "sample_size": figure.sample_size,
        "source": figure.source_text.strip()[:300],
        "document": figure.document_url,
        "demo": figure.is_demo,
    }


def _recompute(organisation_id: int, measure_code: str) -> None:
    # The sanctioned after-commit hand-off (ARCHITECTURE.md): the organisation's own indicators
    # follow the new figure (kompas.indicators), queued by name like an import's recomputation.
    from kompas.indicators.tasks import recompute_own_indicators

    recompute_own_indicators.enqueue(organisation_id, measure_code)


def own_areas(organisation: Organisation) -> list[tuple[str, str]]:
    """Return (code, name) of the organisation's gemeente and its wijken: where own figures go."""
    gemeente = organisation.cbs_code
    if not gemeente.startswith("GM"):
        return []
    codes = sorted(
        {node.code for node in area_nodes(ids_within(gemeente)).values() if node.code[:2] in {"GM", "WK"}},
        key=lambda code: (code[:2] != "GM", code),
    )
    names = area_names(codes)
    return [(code, f"{names.get(code, code)} ({code})") for code in codes]
