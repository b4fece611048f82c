# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One indicator from observations to values: every area level and period length, in memory.

:func:`evaluate` is pure: it takes the observations, the area hierarchy and the definition and
returns a value frame (:mod:`kompas.indicators.values`); reading and storing are done by
:mod:`kompas.indicators.compute`. The order of work follows ``docs/indicators.md`` §1-2:

1. sum the measures of the numerator per area and period (:mod:`kompas.indicators.inputs`);
2. roll the sums up the hierarchy and into the area groups, per month (or per observed length);
3. sum months into quarters, years and rolling twelve months;
4. attach the denominator: a stock of the reference year for rates, the summed whole for shares;
5. apply the formula, with its interval and flag.

Survey percentages skip steps 2-4: they are shown where they were measured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators import values
from kompas.indicators.definitions import Definition, measure_codes
from kompas.indicators.hierarchy import MONTHS_PER_YEAR, Areas
from kompas.indicators.inputs import RunBits, cells_by_length, survey_rows
from kompas.indicators.intervals import Minimums
from kompas.indicators.rollup import (
    Cells,
    Stock,
    combine,
    concat,
    empty,
    group_sums,
    limit,
    roll_up,
    stock_for,
    to_length,
)
from kompas.indicators.vocabulary import Flag, Formula
from kompas.observations.periods import COMPUTED, PeriodLength

ALL_GRANULARITIES = COMPUTED
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Inputs:
    """Everything one evaluation reads: observations, the hierarchy and the run numbering."""

    observations: pd.DataFrame
    areas: Areas
    bits: RunBits


def is_survey(definition: Definition, observations: pd.DataFrame) -> bool:
    """Return whether the numerator is a survey percentage (published with a margin)."""
    if definition.formula is Formula.SURVEY_PERCENTAGE:
        return True
    if definition.formula not in (Formula.CHANGE, Formula.MOVING_AVERAGE):
        return False
    own = observations[observations["measure_code"].isin(measure_codes(definition.numerator))]
    return bool(own["margin"].notna().any())


def evaluate(
    definition: Definition,
    inputs: Inputs,
    granularities: Sequence[PeriodLength] = ALL_GRANULARITIES,
    starts: Mapping[PeriodLength, IntArray] | None = None,
    minimums: Minimums | None = None,
) -> pd.DataFrame:
    """Compute the values of a (non-composite) indicator for every area and period.

    ``starts`` limits each period length to the given period starts (an incremental
    recompute); a length missing from it is skipped.
    """
    spec = values.Spec(
        formula=definition.formula,
        per=definition.per,
        window=definition.window,
        baseline_year=definition.baseline_year,
        has_denominator=bool(definition.denominator),
        minimums=minimums or Minimums(),
    )
    if is_survey(definition, inputs.observations):
        return _survey(definition, inputs, spec, granularities)
    if definition.incomplete_allowed:
        return _with_incomplete(definition, inputs, spec, granularities, starts)
    return _counted(definition, inputs, spec, granularities, starts)


def _with_incomplete(
    definition: Definition,
    inputs: Inputs,
    spec: values.Spec,
    granularities: Sequence[PeriodLength],
    starts: Mapping[PeriodLength, IntArray] | None,
) -> pd.DataFrame:
    """Values with partial sums, as the indicator's rule allows; each value that only a partial
    sum gives is flagged *onvolledig*, so no page, export or report shows it as complete.

    The values the strict rule gives are computed too: a value is partial where the strict rule
    has none (or none that is a number) for the same area and period.
    """
    strict = _counted(replace(definition, incomplete_allowed=False), inputs, spec, granularities, starts)
    lenient = _counted(definition, inputs, spec, granularities, starts, incomplete=True)
    if lenient.empty:
        return lenient
    key = ["area", "length", "start"]
    whole = strict.loc[np.isfinite(strict["value"].to_numpy(dtype=np.float64)), key]
    found = lenient[key].merge(whole.assign(_whole=True), on=key, how="left")["_whole"].notna().to_numpy()
    partial = ~found & np.isfinite(lenient["value"].to_numpy(dtype=np.float64))
    flags = lenient["flag"].copy()
    flags[partial] = Flag.INCOMPLETE.value
    return lenient.assign(flag=flags)


def _counted(
    definition: Definition,
    inputs: Inputs,
    spec: values.Spec,
    granularities: Sequence[PeriodLength],
    starts: Mapping[PeriodLength, IntArray] | None,
    *,
    incomplete: bool = False,
) -> pd.DataFrame:
    """Counts, rates and shares: numerators (and wholes or stocks) summed, then the formula."""
    words = inputs.bits.words
    numerators = _flows(
        cells_by_length(inputs.observations, measure_codes(definition.numerator), inputs.areas, inputs.bits),
        inputs.areas,
        granularities,
        words,
        incomplete,
    )
    wholes: dict[PeriodLength, Cells] = {}
    stocks = empty(words)
    if definition.formula is Formula.SHARE:
        own = cells_by_length(inputs.observations, [definition.denominator], inputs.areas, inputs.bits)
        wholes = _flows(own, inputs.areas, granularities, words, incomplete)
    elif definition.denominator:
        own = cells_by_length(inputs.observations, [definition.denominator], inputs.areas, inputs.bits)
        stocks = _spread(own.get(PeriodLength.YEAR.value, empty(words)), inputs.areas, incomplete)
    frames = []
    for granularity in granularities:
        if starts is not None and granularity not in starts:
            continue
        cells = limit(numerators[granularity], None if starts is None else starts[granularity])
        if definition.formula is Formula.SHARE:
            denominator: Stock | None = _aligned(cells, wholes[granularity])
        elif definition.denominator:
            denominator = stock_for(cells, stocks, _reference_years(cells, granularity))
        else:
            denominator = None
        frames.append(values.counted(cells, granularity, spec, denominator))
    return _derived(definition, spec, frames, words)


def _derived(
    definition: Definition, spec: values.Spec, frames: list[pd.DataFrame], words: int
) -> pd.DataFrame:
    """Apply moving averages and changes to the counted values."""
    if definition.formula is Formula.MOVING_AVERAGE:
        frames = [values.moving(frame, spec, words) for frame in frames]
    elif definition.formula is Formula.CHANGE:
        frames = [values.change(frame, spec, survey_points=False) for frame in frames]
    return _joined(frames, words)


def _joined(frames: list[pd.DataFrame], words: int) -> pd.DataFrame:
    kept = [frame for frame in frames if not frame.empty]
    if kept:
        return pd.concat(kept, ignore_index=True)
    return values.frame({name: [] for name in values.VALUE_COLUMNS}, np.zeros((0, words), np.uint64))


def _spread(cells: Cells, areas: Areas, incomplete: bool = False) -> Cells:
    """Roll cells up the hierarchy (partial sums too, when ``incomplete``) and add the area groups."""
    rolled = roll_up(cells, areas, incomplete=incomplete)
    return concat([rolled, group_sums(rolled, areas)])


def _flows(
    by_length: Mapping[str, Cells],
    areas: Areas,
    granularities: Sequence[PeriodLength],
    words: int,
    incomplete: bool = False,
) -> dict[PeriodLength, Cells]:
    """Sums for every wanted period length: observed at that length, or summed from shorter ones.

    An area's own observation at a length (a published year total) wins over a sum of months.
    """
    month = _spread(by_length.get("month", empty(words)), areas, incomplete)
    quarter = _spread(by_length.get("quarter", empty(words)), areas, incomplete)
    year = _spread(by_length.get("year", empty(words)), areas, incomplete)
    result: dict[PeriodLength, Cells] = {}
    for granularity in granularities:
        if granularity is PeriodLength.MONTH:
            result[granularity] = month
        elif granularity is PeriodLength.ROLLING_12_MONTHS:
            result[granularity] = to_length(month, granularity)
        elif granularity is PeriodLength.QUARTER:
            result[granularity] = combine(quarter, to_length(month, granularity))
        else:
            from_parts = combine(to_length(month, granularity), to_length(quarter, granularity, unit=3))
            result[granularity] = combine(year, from_parts)
    return result


def _reference_years(cells: Cells, granularity: PeriodLength) -> IntArray:
    """The year whose stock a period uses: its own, or for a rolling window that of its last month."""
    last = cells.start + (MONTHS_PER_YEAR - 1 if granularity is PeriodLength.ROLLING_12_MONTHS else 0)
    return last // MONTHS_PER_YEAR


def _aligned(cells: Cells, wholes: Cells) -> Stock:
    """The whole of a share for each cell (same area and period); NaN where it is missing."""
    value = np.full(cells.size, np.nan)
    runs = np.zeros_like(cells.runs)
    if wholes.size and cells.size:
        span = int(max(cells.start.max(), wholes.start.max())) + 1
        keys = wholes.keys(span)
        order = np.argsort(keys, kind="stable")
        wanted = cells.keys(span)
        position = np.minimum(np.searchsorted(keys[order], wanted), keys.size - 1)
        match = keys[order][position] == wanted
        index = order[position[match]]
        value[match] = wholes.value[index]
        runs[match] = wholes.runs[index]
    return Stock(value, np.full(cells.size, -1, dtype=np.int64), runs)


def _survey(
    definition: Definition, inputs: Inputs, spec: values.Spec, granularities: Sequence[PeriodLength]
) -> pd.DataFrame:
    """Survey values where measured; changes in points; moving averages of the measured values."""
    words = inputs.bits.words
    rows = survey_rows(inputs.observations, measure_codes(definition.numerator)[0], inputs.areas, inputs.bits)
    rows = rows[rows["length"].isin([g.value for g in granularities])]
    measured = values.survey(rows, spec, words)
    if definition.formula is Formula.CHANGE:
        return values.change(measured, spec, survey_points=True)
    if definition.formula is Formula.MOVING_AVERAGE:
        parts = [values.moving(part, spec, words) for _length, part in measured.groupby("length")]
        return _joined(parts, words)
    return measured
