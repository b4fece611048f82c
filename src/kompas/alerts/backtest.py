# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What a detection setting costs: outbreaks injected into the real history, after Noufaily et al.

A setting is judged by two numbers shown next to it:

* **probability of detection** (POD): the share of simulated outbreaks with at least one
  alarm while the outbreak is under way;
* **false-positive rate** (FPR): the share of evaluated periods of the unaltered series with
  an alarm. Real history may contain real outbreaks, so this is an upper estimate of the
  false-positive rate, and it is exactly what a user would see.

Outbreaks follow the design of Noufaily et al. (2013, section 3.2), applied to an
organisation's own series instead of simulated baselines. For each series, size ``k`` and
replicate, a start period is drawn uniformly from the periods the method evaluates; the
number of extra cases is Poisson with mean ``k`` times the standard deviation of the series'
counts in the year before the start (at least three periods; the simulated baselines of the
paper knew the true standard deviation, real data must estimate it); each case is placed
``floor(L)`` periods after the start, with ``L`` lognormal (log-mean 0, log-sd 0.5), so most
cases fall in the first three periods. An outbreak is detected when the method, run on the
series with the outbreak added, raises an alarm in one of the periods that received cases.
Outbreaks without any case (possible for small ``k``) are not counted.

References
----------
Noufaily, A., Enki, D. G., Farrington, P., Garthwaite, P., Andrews, N. and Charlett, A. (2013).
An improved algorithm for outbreak detection in multiple surveillance systems. *Statistics in
Medicine* 32, 1206-1222.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kompas.alerts.detect import Options, detect
from kompas.alerts.series import BoolArray, FloatArray, Panel

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class OutbreakDesign:
    """How many outbreaks of which sizes (multiples of the standard deviation) to simulate."""

    outbreaks_per_series: int = 20
    sizes: tuple[float, ...] = (2.0, 3.0, 5.0, 10.0)
    spread_sdlog: float = 0.5


@dataclass(frozen=True)
class SizeResult:
    """Detection of outbreaks of one size."""

    size: float
    outbreaks: int
    detected: int
    probability_of_detection: float


@dataclass(frozen=True)
class BacktestResult:
    """Probability of detection per outbreak size and the false-positive rate of a setting."""

    method: str
    evaluated: int
    alarms: int
    false_positive_rate: float
    by_size: tuple[SizeResult, ...]


@dataclass(frozen=True)
class _Outbreaks:
    """Simulated outbreaks: the series they hit, the cases added and where alarms count."""

    series: IntArray
    added: FloatArray
    window: BoolArray


def backtest(
    panel: Panel,
    method: str,
    options: Options,
    rng: np.random.Generator,
    design: OutbreakDesign | None = None,
) -> BacktestResult:
    """Estimate POD per outbreak size and the FPR of ``method`` with ``options`` on ``panel``."""
    design = design or OutbreakDesign()
    baseline = detect(panel, method, options)
    evaluated, alarms = int(baseline.evaluated.sum()), int(baseline.alarm.sum())
    by_size = tuple(
        _detect_outbreaks(panel, method, options, baseline.evaluated, size, rng, design)
        for size in design.sizes
    )
    rate = alarms / evaluated if evaluated else float("nan")
    return BacktestResult(method, evaluated, alarms, rate, by_size)


def _detect_outbreaks(
    panel: Panel,
    method: str,
    options: Options,
    evaluable: BoolArray,
    size: float,
    rng: np.random.Generator,
    design: OutbreakDesign,
) -> SizeResult:
    """Inject outbreaks of one size into copies of the series and count the detected ones."""
    outbreaks = _simulate(panel, evaluable, size, rng, design)
    if outbreaks.series.size == 0:
        return SizeResult(size, 0, 0, float("nan"))
    copies = Panel(
        panel.names, panel.periods, panel.counts[outbreaks.series] + outbreaks.added, panel.frequency
    )
    detection = detect(copies, method, options, evaluate=outbreaks.window)
    detected = int(np.sum(np.any(detection.alarm & outbreaks.window, axis=1)))
    count = len(outbreaks.series)
    return SizeResult(size, count, detected, detected / count)


def _simulate(
    panel: Panel, evaluable: BoolArray, size: float, rng: np.random.Generator, design: OutbreakDesign
) -> _Outbreaks:
    """Draw start, number of cases and their timing of every outbreak."""
    periods = panel.counts.shape[1]
    candidates = [np.flatnonzero(row) for row in evaluable]
    series = np.repeat(
        [index for index, row in enumerate(candidates) if row.size], design.outbreaks_per_series
    )
    starts = np.array([rng.choice(candidates[index]) for index in series], dtype=np.int64)
    cases = rng.poisson(size * _spread_before(panel.counts, series, starts, panel.frequency))
    added = np.zeros((len(series), periods))
    for outbreak, (start, number) in enumerate(zip(starts.tolist(), cases.tolist(), strict=True)):
        delays = np.floor(rng.lognormal(0.0, design.spread_sdlog, size=number)).astype(np.int64)
        inside = start + delays < periods
        np.add.at(added[outbreak], start + delays[inside], 1.0)
    window = added > 0
    keep = window.any(axis=1)
    return _Outbreaks(series[keep], added[keep], window[keep])


def _spread_before(counts: FloatArray, series: IntArray, starts: IntArray, frequency: int) -> FloatArray:
    """Return the standard deviation of each series' counts in the year before ``starts``."""
    spread = np.empty(len(series))
    for outbreak, (row, start) in enumerate(zip(series.tolist(), starts.tolist(), strict=True)):
        history = counts[row, max(0, start - frequency) : start]
        history = history[~np.isnan(history)]
        spread[outbreak] = np.std(history, ddof=1) if history.size >= 3 else 0.0
    return spread
