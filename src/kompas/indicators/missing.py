# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Why an indicator has no values: ``kompas figures check``.

For every indicator an organisation sees (the shared ones and its own) that has no stored value,
the reason is found by running the engine's own steps again, not by guessing from names: the
measures it reads (:func:`~kompas.indicators.incremental.measures_of`), the owner check of
:func:`~kompas.indicators.compute.ownership_problem`, the observations as the engine reads them
(:func:`~kompas.indicators.compute.observations_for`), and, when numerator and denominator both
exist, the evaluation itself (:func:`~kompas.indicators.engine.evaluate`) with the installation's
minimum n (:mod:`kompas.indicators.minimum_n`). Separately it lists the indicators that have
values but no benchmark index, with the reason of :mod:`kompas.indicators.comparability`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from functools import partial

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation
from kompas.indicators import compute, engine, incremental, minimum_n
from kompas.indicators.area_trends import WITH_TREND
from kompas.indicators.definitions import Definition
from kompas.indicators.hierarchy import Areas
from kompas.indicators.inputs import run_bits
from kompas.indicators.models import Indicator, IndicatorState, IndicatorValue
from kompas.indicators.vocabulary import Formula
from kompas.presentation import formatting


class Reason(StrEnum):
    """Why an indicator has no value anywhere."""

    NOT_COMPUTED = "nog_niet_berekend"
    FOREIGN_MEASURES = "maatstaf_van_een_andere_organisatie"
    NO_NUMERATOR = "geen_tellergegevens"
    NO_DENOMINATOR = "geen_noemer"
    NO_DENOMINATOR_MATCH = "noemer_past_niet_bij_teller"
    BELOW_MINIMUM_N = "te_weinig_waarnemingen"
    NO_COMPONENT_VALUES = "onderdelen_zonder_waarden"
    NOT_IN_AREAS = "waarnemingen_buiten_bekende_gebieden"


@dataclass(frozen=True)
class Missing:
    """One indicator without values and why; ``measures`` are the codes the reason is about."""

    code: str
    name: str
    reason: Reason
    explanation: str
    measures: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotCompared:
    """One indicator with values but no benchmark index, and why."""

    code: str
    name: str
    reason: str


@dataclass(frozen=True)
class OrganisationFigures:
    """What ``kompas figures check`` reports for one organisation."""

    organisation: str
    name: str
    indicators: int
    without_values: tuple[Missing, ...] = field(default_factory=tuple)
    not_compared: tuple[NotCompared, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        """Return the report as plain data (``--json``)."""
        return asdict(self)


def check_organisations(organisations: Iterable[Organisation]) -> list[OrganisationFigures]:
    """Return the report of each organisation; a shared indicator is diagnosed once for all."""
    known: dict[int, Missing | None] = {}
    built: list[Areas] = []

    def areas() -> Areas:
        # the hierarchy costs a second on a full installation: built once, and only when needed
        if not built:
            built.append(compute.areas())
        return built[0]

    return [_check(organisation, known, areas) for organisation in organisations]


def _check(
    organisation: Organisation, known: dict[int, Missing | None], areas: Callable[[], Areas]
) -> OrganisationFigures:
    pairs = compute.entries(organisation)
    with_values = set(
        IndicatorValue.objects.filter(
            indicator_id__in=[indicator.pk for indicator, _definition in pairs], value__isnull=False
        )
        .values_list("indicator_id", flat=True)
        .distinct()
    )
    missing, not_compared = [], []
    for indicator, definition in pairs:
        if indicator.pk in with_values:
            if not definition.comparability.compared:
                reason = definition.comparability.reason
                not_compared.append(NotCompared(definition.code, indicator.name, reason))
            continue
        if indicator.pk not in known:
            known[indicator.pk] = diagnose(indicator, definition, areas)
        found = known[indicator.pk]
        if found is not None:
            missing.append(_with_alternative(found, definition, pairs, with_values))
    return OrganisationFigures(
        organisation.code, organisation.name, len(pairs), tuple(missing), tuple(not_compared)
    )


def _with_alternative(
    found: Missing,
    definition: Definition,
    pairs: list[tuple[Indicator, Definition]],
    with_values: set[int],
) -> Missing:
    """Name the indicators with values that count the same numerator over another denominator.

    The burglary rate per 1.000 woningen has no value where only households exist; the user
    should read that the proxy per 1.000 huishoudens exists and has values, not only that the
    dwellings are missing.
    """
    if found.reason is not Reason.NO_DENOMINATOR:
        return found
    others = [
        f"{other.code} ({indicator.name})"
        for indicator, other in pairs
        if indicator.pk in with_values
        and other.code != definition.code
        and other.formula is definition.formula
        and other.numerator == definition.numerator
        and other.denominator != definition.denominator
    ]
    if not others:
        return found
    hint = _("Dezelfde teller met een andere noemer heeft wel waarden: %(others)s.") % {
        "others": "; ".join(others)
    }
    return replace(found, explanation=f"{found.explanation} {hint}")


def diagnose(indicator: Indicator, definition: Definition, areas: Callable[[], Areas]) -> Missing:
    """Return why ``indicator`` has no stored values, by the engine's own steps."""
    found = partial(Missing, definition.code, indicator.name)
    if definition.formula is Formula.COMPOSITE:
        parts = ", ".join(component.indicator for component in definition.components)
        return found(
            Reason.NO_COMPONENT_VALUES,
            _("Een samengestelde index heeft waarden zodra zijn onderdelen die hebben: %(parts)s.")
            % {"parts": parts},
        )
    measures = incremental.measures_of(definition)
    problem = compute.ownership_problem(indicator, measures)
    if problem:
        return found(Reason.FOREIGN_MEASURES, problem)
    counted = definition.formula in WITH_TREND
    observations = compute.observations_for(measures, indicator.organisation_id, counted=counted)
    present = set(observations["measure_code"].unique()) if len(observations) else set()
    numerator = _numerator_codes(definition)
    if not present & set(numerator):
        return found(
            Reason.NO_NUMERATOR,
            _("Geen waarnemingen van de teller: %(codes)s.") % {"codes": ", ".join(numerator)},
            numerator,
        )
    if definition.denominator and definition.denominator not in present:
        return found(
            Reason.NO_DENOMINATOR,
            _("Geen waarnemingen van de noemer %(code)s.") % {"code": definition.denominator},
            (definition.denominator,),
        )
    return _evaluated(indicator, definition, observations, areas(), found)


def _numerator_codes(definition: Definition) -> tuple[str, ...]:
    measures = incremental.measures_of(definition)
    if definition.formula is Formula.SHARE:
        return tuple(code for code in measures.flows if code != definition.denominator)
    return measures.flows


def _evaluated(
    indicator: Indicator,
    definition: Definition,
    observations: pd.DataFrame,
    areas: Areas,
    found: Callable[..., Missing],
) -> Missing:
    """Run the engine on the data and say why it gives nothing (or that it would give values)."""
    inputs = engine.Inputs(observations, areas.visible_to(indicator.organisation_id), run_bits(observations))
    minimums = minimum_n.configured()
    values = engine.evaluate(definition, inputs, engine.ALL_GRANULARITIES, None, minimums)
    numbers = values["value"].to_numpy(dtype=np.float64) if len(values) else np.zeros(0)
    if np.isfinite(numbers).any():
        state = IndicatorState.objects.filter(indicator=indicator).first()
        when = formatting.date_time(state.computed_at) if state else _("nooit")
        return found(
            Reason.NOT_COMPUTED,
            _(
                "De gegevens geven waarden, maar die zijn nog niet berekend (laatst berekend: "
                "%(when)s); draai kompas compute."
            )
            % {"when": when},
        )
    if engine.is_survey(definition, observations) and len(values):
        n = values["n"].to_numpy(dtype=np.float64)
        if np.isfinite(n).all() and (n < minimums.survey_n).all():
            return found(
                Reason.BELOW_MINIMUM_N,
                _("Elke meting heeft minder dan %(minimum)s respondenten (grootste n: %(n)s).")
                % {"minimum": minimums.survey_n, "n": int(n.max())},
            )
    if definition.denominator:
        return found(
            Reason.NO_DENOMINATOR_MATCH,
            _("De noemer %(code)s is er niet voor de gebieden en jaren van de teller.")
            % {"code": definition.denominator},
            (definition.denominator,),
        )
    return found(
        Reason.NOT_IN_AREAS,
        _("De waarnemingen liggen in gebieden of perioden die de gebiedsindeling niet kent."),
    )
