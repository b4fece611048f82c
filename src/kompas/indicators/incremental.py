# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What a recompute must redo: everything, only the periods new imports touched, or nothing.

Each indicator keeps a fill state (:class:`~kompas.indicators.models.IndicatorState`): the hash of
its definition and the highest import run it has seen. A changed definition, a changed
denominator (a stock is looked up across years) or a formula that looks across periods (moving
averages, changes against a baseline) means a full recompute. Otherwise only the periods that
contain observations written or changed by later runs are recomputed: for a new month that is the
month, its quarter, its year and the twelve rolling windows that contain it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators.definitions import Definition, measure_codes
from kompas.indicators.hierarchy import MONTHS_PER_YEAR
from kompas.indicators.inputs import month_index
from kompas.indicators.intervals import Minimums
from kompas.indicators.models import Indicator, IndicatorState
from kompas.indicators.rollup import MONTHS
from kompas.indicators.vocabulary import Formula
from kompas.observations import queries as observation_queries
from kompas.observations.periods import PeriodLength

IntArray = npt.NDArray[np.int64]
INCREMENTAL_FORMULAS = (Formula.COUNT, Formula.RATE, Formula.SHARE)


class Mode(StrEnum):
    """How an indicator was (re)computed."""

    FULL = "volledig"
    INCREMENTAL = "incrementeel"
    UNCHANGED = "ongewijzigd"
    SKIPPED = "overgeslagen"


@dataclass(frozen=True)
class Measures:
    """The measures an indicator reads: summed into the numerator, the whole of a share, a stock."""

    flows: tuple[str, ...]
    stocks: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        """Return every measure code."""
        return self.flows + self.stocks


def measures_of(definition: Definition) -> Measures:
    """Return the measures of a (non-composite) definition."""
    flows = measure_codes(definition.numerator)
    if definition.formula is Formula.SHARE:
        return Measures((*flows, definition.denominator), ())
    return Measures(flows, (definition.denominator,) if definition.denominator else ())


@dataclass(frozen=True)
class Plan:
    """The work for one indicator: its mode, the period starts per length (None: all) and the
    month window of flow observations to read (None: all)."""

    mode: Mode
    starts: dict[PeriodLength, IntArray] | None
    window: tuple[dt.date, dt.date] | None
    last_run: int
    definition_hash: str


def definition_hash(definition: Definition, granularities: Sequence[PeriodLength], minimums: Minimums) -> str:
    """Return a fingerprint of everything that changes the stored results."""
    body = {
        "definition": asdict(definition),
        "granularities": list(granularities),
        "minimums": asdict(minimums),
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class Touched:
    """What imports after a run wrote, read once per compute run for every indicator."""

    latest_run: int
    _after: int | None = None
    _frame: pd.DataFrame | None = None

    def after(self, run: int) -> pd.DataFrame:
        """Return the touched periods of runs after ``run`` (reading from the lowest run asked)."""
        if self._frame is None or self._after is None or run < self._after:
            self._frame, self._after = observation_queries.touched_periods(run), run
        frame = self._frame
        return frame[frame["last_run"] > run]


def plan(
    indicator: Indicator,
    definition: Definition,
    measures: Measures,
    fingerprint: str,
    *,
    full: bool,
    touched: Touched,
    granularities: Sequence[PeriodLength],
) -> Plan:
    """Decide how much of ``indicator`` to recompute."""
    state = IndicatorState.objects.filter(indicator=indicator).first()
    everything = Plan(Mode.FULL, None, None, touched.latest_run, fingerprint)
    if full or state is None or state.definition_hash != fingerprint:
        return everything
    unchanged = Plan(Mode.UNCHANGED, {}, None, touched.latest_run, fingerprint)
    if touched.latest_run <= state.last_import_run:
        return unchanged
    changed = touched.after(state.last_import_run)
    changed = changed[changed["measure_code"].isin(measures.all)]
    if changed.empty:
        return unchanged
    if definition.formula not in INCREMENTAL_FORMULAS or changed["measure_code"].isin(measures.stocks).any():
        return everything
    starts = {g: s for g, s in affected_starts(changed).items() if g in granularities}
    months = np.concatenate(list(starts.values()))
    window = (_date(int(months.min())), _date(int(months.max()) + MONTHS_PER_YEAR - 1))
    return Plan(Mode.INCREMENTAL, starts, window, touched.latest_run, fingerprint)


def affected_starts(changed: pd.DataFrame) -> dict[PeriodLength, IntArray]:
    """Return, per period length, the period starts that contain a changed observation."""
    start = month_index(changed["period_start"])
    length = changed["period_length"].to_numpy()
    months = np.unique(start[length == "month"])
    quarters = np.unique(start[np.isin(length, ["month", "quarter"])] // 3 * 3)
    years = np.unique(start // MONTHS_PER_YEAR * MONTHS_PER_YEAR)
    width = MONTHS[PeriodLength.ROLLING_12_MONTHS]
    rolling = np.unique((months[:, None] - np.arange(width)[None, :]).reshape(-1))
    return {
        PeriodLength.MONTH: months,
        PeriodLength.QUARTER: quarters,
        PeriodLength.YEAR: years,
        PeriodLength.ROLLING_12_MONTHS: rolling,
    }


def _date(start: int) -> dt.date:
    return dt.date(start // MONTHS_PER_YEAR, start % MONTHS_PER_YEAR + 1, 1)
