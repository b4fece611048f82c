# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The (improved) Farrington algorithm as R surveillance's ``farringtonFlexible`` (version 1.20).

For every series and period *t* a quasi-Poisson regression is fitted to the baseline (see
:mod:`kompas.alerts.farrington_design`), optionally with a linear time trend. Baseline periods
with large Anscombe residuals are down-weighted and the model refitted, so that past outbreaks
do not inflate the threshold. The trend is kept only if it is significant, at least three years
of data are used and it does not extrapolate above the largest baseline count. The upper bound
of the count at *t* then follows either from a power transformation that makes the count
approximately normal (``thresholdMethod = "delta"``, Farrington et al., 1996) or from a
negative binomial quantile (``"nbPlugin"`` and ``"muan"``, Noufaily et al., 2013). An alarm
needs a count above the bound, at least one case now and ``limit54`` cases recently.

With ``no_periods = 10``, ``past_periods_not_included = 26`` (weeks) and ``threshold_method =
"nbPlugin"`` this is the improved algorithm of Noufaily et al. (2013); the defaults are those of
R's ``farringtonFlexible`` and so describe the original algorithm with R's refinements.

Where R behaves unexpectedly Kompas does the same, so that results can be compared one to one:
the prediction's standard error uses the dispersion estimate even when it is below 1 (R passes
``dispersion`` inside ``newdata``, where ``predict.glm`` ignores it), and the score of the
negative binomial methods is ``(y - eta0) / (U - eta0)`` with ``eta0`` on the log scale.

References
----------
Farrington, C. P., Andrews, N. J., Beale, A. D. and Catchpole, M. A. (1996). A statistical
algorithm for the early detection of outbreaks of infectious disease. *JRSS A* 159, 547-563.

Noufaily, A., Enki, D. G., Farrington, P., Garthwaite, P., Andrews, N. and Charlett, A. (2013).
An improved algorithm for outbreak detection in multiple surveillance systems. *Statistics in
Medicine* 32, 1206-1222.

Salmon, M., Schumacher, D. and Höhle, M. (2016). Monitoring count time series in R: aberration
detection in public health surveillance. *Journal of Statistical Software* 70(10).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.alerts.farrington_design import Design, Windows, build_design
from kompas.alerts.farrington_model import Batch, Prediction, choose_model
from kompas.alerts.glm import EPS
from kompas.alerts.series import BoolArray, Detection, FloatArray, Panel, empty_detection
from kompas.alerts.thresholds import PowerTransform, delta_upper, negative_binomial_upper

ThresholdMethod = Literal["delta", "nbPlugin", "muan"]
IntArray = npt.NDArray[np.int64]
#: Baseline rows (fits × rows) per batch: large enough to amortise NumPy's per-call cost,
#: small enough to stay in cache and to give every core work.
BATCH_ROWS = 250_000
WORKERS = os.cpu_count()


@dataclass(frozen=True)
class FarringtonControl:
    """The control options of R's ``farringtonFlexible``, with R's defaults.

    ``past_periods_not_included`` is R's ``pastWeeksNotIncluded`` (``None``: equal to ``w``);
    ``limit54`` is (cases, periods): an alarm needs at least that many cases in the last
    that many periods, the current one included.
    """

    b: int = 5
    w: int = 3
    reweight: bool = True
    weights_threshold: float = 2.58
    alpha: float = 0.05
    trend: bool = True
    p_threshold_trend: float = 0.05
    limit54: tuple[int, int] = (5, 4)
    powertrans: PowerTransform = "2/3"
    population_offset: bool = False
    no_periods: int = 1
    past_periods_not_included: int | None = None
    threshold_method: ThresholdMethod = "delta"

    def __post_init__(self) -> None:
        """Reject settings R rejects, and those that leave no baseline."""
        past = self.past_periods_not_included
        problems = [
            (self.b < 1, gettext_lazy("b moet minstens 1 zijn")),
            (self.w < 0, gettext_lazy("w mag niet negatief zijn")),
            (not 0 < self.alpha < 1, gettext_lazy("alpha moet tussen 0 en 1 liggen")),
            (self.no_periods < 1, gettext_lazy("noPeriods moet minstens 1 zijn")),
            (past is not None and past < 0, gettext_lazy("pastWeeksNotIncluded mag niet negatief zijn")),
            (
                self.limit54[0] < 0 or self.limit54[1] <= 0,
                gettext_lazy("limit54: het aantal moet 0 of meer zijn, het aantal perioden meer dan 0"),
            ),
            (
                self.powertrans not in ("2/3", "1/2", "none"),
                gettext_lazy("powertrans moet 2/3, 1/2 of none zijn"),
            ),
            (
                self.threshold_method not in ("delta", "nbPlugin", "muan"),
                gettext_lazy("thresholdMethod moet delta, nbPlugin of muan zijn"),
            ),
        ]
        messages = [str(message) for failed, message in problems if failed]
        if messages:
            raise ValueError("; ".join(messages))

    @property
    def windows(self) -> Windows:
        """Return the baseline geometry with ``pastWeeksNotIncluded`` resolved."""
        past = self.w if self.past_periods_not_included is None else self.past_periods_not_included
        return Windows(self.b, self.w, self.no_periods, past)


@dataclass(frozen=True)
class FarringtonResult:
    """A detection with the model diagnostics R keeps in ``control``.

    ``dispersion`` is the φ used in the threshold (at least 1); ``trend_used`` marks points
    whose final model kept the time trend; ``fitted`` is False at evaluated points where no
    model converged (R returns ``NA`` there).
    """

    detection: Detection
    dispersion: FloatArray
    trend_used: BoolArray
    fitted: BoolArray


def default_range(panel: Panel, control: FarringtonControl) -> BoolArray:
    """Return R's default range: every observed period with ``b`` years and ``w`` periods before it."""
    first = panel.frequency * control.b + control.w
    evaluate = ~np.isnan(panel.counts)
    evaluate[:, :first] = False
    return evaluate


def farrington_flexible(
    panel: Panel,
    control: FarringtonControl | None = None,
    *,
    evaluate: BoolArray | None = None,
    population: FloatArray | None = None,
    calendar: bool = True,
) -> FarringtonResult:
    """Run ``farringtonFlexible`` on every series of ``panel``.

    Parameters
    ----------
    panel
        The series, monthly (frequency 12) or weekly (52).
    control
        The options; R's defaults when omitted.
    evaluate
        Which (series, period) points to judge, within R's default range (the whole range
        when omitted). Periods without an observation are never judged.
    population
        Population per series and period, for ``population_offset``.
    calendar
        Use the periods' dates as R does for an ``sts`` object with ``epoch`` dates
        (``epochAsDate``); False reproduces an ``sts`` made with ``start`` and ``frequency``.

    Returns
    -------
    FarringtonResult
    """
    control = control or FarringtonControl()
    if control.population_offset and population is None:
        raise ValueError(_("populationOffset vraagt om een bevolkingsreeks"))
    mask = default_range(panel, control) if evaluate is None else default_range(panel, control) & evaluate
    points = np.flatnonzero(mask.any(axis=0))
    result = _empty_result(panel.counts)
    if points.size == 0:
        return result
    design = build_design(
        points, panel.counts.shape[1], panel.periods if calendar else None, panel.frequency, control.windows
    )
    point_index, series = np.nonzero(mask[:, points].T & design.usable[:, None])
    per_batch = max(64, BATCH_ROWS // max(1, design.rows.shape[1]))

    def run(start: int) -> tuple[Batch, _Outcome]:
        chunk = slice(start, start + per_batch)
        batch = _gather(panel, population, design, point_index[chunk], series[chunk], control)
        return batch, _evaluate(batch, control)

    # NumPy releases the GIL in its loops, so batches run in parallel on all cores.
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for batch, outcome in pool.map(run, range(0, len(series), per_batch)):
            _store(result, batch, outcome)
    return result


def _empty_result(counts: FloatArray) -> FarringtonResult:
    """Return a result with nothing evaluated yet."""
    none = np.zeros(counts.shape, dtype=bool)
    return FarringtonResult(empty_detection(counts), np.full(counts.shape, np.nan), none, none.copy())


def _gather(
    panel: Panel,
    population: FloatArray | None,
    design: Design,
    point_index: IntArray,
    series: IntArray,
    control: FarringtonControl,
) -> Batch:
    """Collect the baseline data of the given (point, series) pairs."""
    rows = design.rows[point_index]
    periods = design.points[point_index]
    in_baseline = rows >= 0
    y = np.where(in_baseline, panel.counts[series[:, None], np.maximum(rows, 0)], np.nan)
    used = ~np.isnan(y)
    wtime, wtime_now = design.wtime[point_index], design.wtime_now[point_index]
    if design.shift_origin:
        wtime_now = wtime_now - wtime[np.arange(len(wtime)), np.argmax(used, axis=1)]
    offset, offset_now = np.zeros(y.shape), np.zeros(len(series))
    if control.population_offset and population is not None:
        offset = np.where(in_baseline, np.log(population[series[:, None], np.maximum(rows, 0)]), 0.0)
        offset_now = np.log(population[series, periods])
    cases, span = control.limit54
    recent = panel.counts[series[:, None], np.maximum(periods[:, None] - np.arange(span), 0)]
    return Batch(
        series,
        periods,
        np.where(used, y, 0.0),
        used,
        design.levels[point_index],
        wtime,
        offset,
        wtime_now,
        offset_now,
        panel.counts[series, periods],
        np.sum(recent, axis=1) >= cases,
    )


@dataclass(frozen=True)
class _Outcome:
    """Per fit: prediction, threshold and diagnostics."""

    expected: FloatArray
    upperbound: FloatArray
    score: FloatArray
    alarm: BoolArray
    dispersion: FloatArray
    trend_used: BoolArray
    fitted: BoolArray


def _store(result: FarringtonResult, batch: Batch, outcome: _Outcome) -> None:
    """Write a batch's outcome into the result arrays."""
    where = (batch.series, batch.periods)
    detection = result.detection
    detection.evaluated[where] = True
    detection.expected[where] = outcome.expected
    detection.upperbound[where] = outcome.upperbound
    detection.score[where] = outcome.score
    detection.alarm[where] = outcome.alarm
    result.dispersion[where] = outcome.dispersion
    result.trend_used[where] = outcome.trend_used
    result.fitted[where] = outcome.fitted


def _evaluate(batch: Batch, control: FarringtonControl) -> _Outcome:
    """Fit each distinct baseline once, choose trend or not as R does, and apply the threshold."""
    representatives, position = _distinct_fits(batch, control)
    final, trend_used, fitted = choose_model(batch.take(representatives), control)
    return _threshold(batch, control, final.take(position), trend_used[position], fitted[position])


def _distinct_fits(batch: Batch, control: FarringtonControl) -> tuple[IntArray, IntArray]:
    """Return the fits that need a model of their own, and per fit the position of its model.

    Baselines without a single case, at the same period and with the same observed periods,
    give the same model. In a panel of small areas they are a fifth of all fits, and the
    slowest: their coefficients drift towards minus infinity for twenty iterations.
    """
    fits = np.arange(len(batch.series))
    zero = np.flatnonzero(~np.any(batch.y > 0, axis=1))
    if control.population_offset or zero.size < 2:
        return fits, fits
    key = np.column_stack([batch.periods[zero], np.packbits(batch.used[zero], axis=1)])
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    model_of = fits.copy()
    model_of[zero] = zero[first][inverse.ravel()]
    representatives, position = np.unique(model_of, return_inverse=True)
    return representatives, position.astype(np.int64)


def _threshold(
    batch: Batch, control: FarringtonControl, final: Prediction, trend_used: BoolArray, fitted: BoolArray
) -> _Outcome:
    """Turn predictions into expected value, upper bound, score and alarm."""
    eta, phi, y = final.eta, final.phi, batch.observed
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if control.threshold_method == "delta":
            expected = np.maximum(np.exp(eta), EPS)
            upper = delta_upper(expected, final.se_link * expected, phi, control.alpha, control.powertrans)
            score = (y - expected) / (upper - expected)
        else:
            expected = np.exp(eta)
            plug_in = control.threshold_method == "nbPlugin"
            upper = negative_binomial_upper(eta, final.se_link, phi, control.alpha, plug_in)
            score = (y - eta) / (upper - eta)
    enough = batch.enough_cases & fitted
    alarm = enough & (score > 1) & (y != 0)
    return _Outcome(expected, np.where(enough, upper, np.nan), score, alarm, phi, trend_used, fitted)
