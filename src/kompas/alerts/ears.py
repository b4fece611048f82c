# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""EARS C1, C2 and C3, as R surveillance's ``earsC`` (version 1.20).

The Early Aberration Reporting System methods of the CDC (Hutwagner et al., 2003) compare a
count with the mean and standard deviation of a short moving baseline, so they need no
seasonal history and work on series of a few weeks:

* **C1**: the ``baseline`` (7) periods just before; upper bound ``mean + z * sd``;
* **C2**: the same with a guard band of two periods between baseline and now, so that the
  start of an outbreak does not inflate its own baseline;
* **C3**: the C2 statistics of the two previous periods added in (Fricker et al., 2008,
  describe the three methods and their weaknesses).

``z`` is the standard normal ``1 - alpha`` quantile (``alpha`` 0.001 for C1 and C2, 0.025
for C3, as R). The standard deviation is at least ``min_sigma`` (R's ``minSigma``, default 0).
As in R, a baseline without variation and ``min_sigma = 0`` gives C1 and C2 the baseline mean
as upper bound, and C3 no upper bound.

For C3 Kompas follows R's formula, which differs from the published one: R's upper bound is
``max(0, y + sd * (z - S))`` with ``S`` the sum of ``max(0, C2 - 1)`` over the two previous
periods, so that an alarm means ``S > z`` (and a count above 0), whatever the count now. The
score of C3 is therefore ``S / z``; for C1 and C2 it is ``(y - mean) / (upper - mean)``. In
both cases the score exceeds 1 exactly where the method signals.

References
----------
Hutwagner, L., Thompson, W., Seeman, G. M. and Treadwell, T. (2003). The bioterrorism
preparedness and response Early Aberration Reporting System (EARS). *Journal of Urban Health*
80(2 Suppl 1), i89-i96.

Fricker, R. D., Hegler, B. L. and Dunfee, D. A. (2008). Comparing syndromic surveillance
detection methods: EARS' versus a CUSUM-based methodology. *Statistics in Medicine* 27,
3407-3429.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from django.utils.translation import gettext as _
from numpy.lib.stride_tricks import sliding_window_view

from kompas.alerts.series import BoolArray, Detection, FloatArray, empty_detection
from kompas.alerts.thresholds import normal_quantile

EarsMethod = Literal["C1", "C2", "C3"]
#: Periods between the baseline and the current period, per method.
GUARD = {"C1": 0, "C2": 2, "C3": 2}
#: Further periods C3 needs before its first evaluation (its two lagged C2 statistics).
LAGS = {"C1": 0, "C2": 0, "C3": 2}


@dataclass(frozen=True)
class EarsControl:
    """The control options of R's ``earsC``; ``alpha`` None takes R's default per method."""

    method: EarsMethod = "C1"
    baseline: int = 7
    min_sigma: float = 0.0
    alpha: float | None = None

    def __post_init__(self) -> None:
        """Reject what R rejects."""
        if self.method not in GUARD:
            raise ValueError(_("methode moet C1, C2 of C3 zijn"))
        if self.baseline < 3:
            raise ValueError(_("de basislijn moet minstens 3 perioden zijn"))
        if self.min_sigma < 0:
            raise ValueError(_("minSigma mag niet negatief zijn"))
        if self.alpha is not None and not 0 < self.alpha < 1:
            raise ValueError(_("alpha moet tussen 0 en 1 liggen"))

    @property
    def z(self) -> float:
        """Return the standard normal quantile of the threshold."""
        alpha = self.alpha if self.alpha is not None else (0.025 if self.method == "C3" else 0.001)
        return normal_quantile(1 - alpha)

    @property
    def first(self) -> int:
        """Return the first period (0-based) R's default range evaluates."""
        return self.baseline + GUARD[self.method] + LAGS[self.method]


def default_range(counts: FloatArray, control: EarsControl) -> BoolArray:
    """Return R's default range: every observed period from the first with a full baseline."""
    evaluate = ~np.isnan(counts)
    evaluate[:, : control.first] = False
    return evaluate


def _moving_baseline(counts: FloatArray, baseline: int, guard: int) -> tuple[FloatArray, FloatArray]:
    """Return per period the mean and standard deviation of the baseline before it (NaN before)."""
    windows = sliding_window_view(counts, baseline, axis=1)
    mean = np.full(counts.shape, np.nan)
    sd = np.full(counts.shape, np.nan)
    start = baseline + guard
    usable = counts.shape[1] - start
    if usable > 0:
        mean[:, start:] = windows[:, :usable].mean(axis=2)
        sd[:, start:] = windows[:, :usable].std(axis=2, ddof=1)
    return mean, sd


def ears_c(
    counts: FloatArray, control: EarsControl | None = None, *, evaluate: BoolArray | None = None
) -> Detection:
    """Run EARS C1, C2 or C3 on every series (rows of ``counts``).

    Parameters
    ----------
    counts : array (series, periods)
        Counts; ``NaN`` is missing and spoils the baselines it falls in, as R's ``NA``.
    control
        The options; R's defaults when omitted.
    evaluate
        Which points to judge, within R's default range (the whole range when omitted).

    Returns
    -------
    Detection
    """
    control = control or EarsControl()
    mask = default_range(counts, control) if evaluate is None else default_range(counts, control) & evaluate
    mean, sd = _moving_baseline(counts, control.baseline, GUARD[control.method])
    sigma = np.where(np.isnan(sd), np.nan, np.maximum(sd, control.min_sigma))
    z = control.z
    with np.errstate(divide="ignore", invalid="ignore"):
        if control.method == "C3":
            upper, score = _c3(counts, mean, sigma, z)
        else:
            upper = mean + z * sigma
            score = (counts - mean) / (upper - mean)
    detection = empty_detection(counts)
    detection.evaluated[mask] = True
    detection.expected[mask] = mean[mask]
    detection.upperbound[mask] = upper[mask]
    detection.score[mask] = score[mask]
    detection.alarm[mask] = counts[mask] > upper[mask]
    return detection


def _c3(counts: FloatArray, mean: FloatArray, sigma: FloatArray, z: float) -> tuple[FloatArray, FloatArray]:
    """Return R's C3 upper bound and the score ``S / z``."""
    excess = np.maximum(0.0, (counts - mean) / sigma - 1)
    lagged = np.full(counts.shape, np.nan)
    lagged[:, 2:] = excess[:, :-2] + excess[:, 1:-1]
    upper = counts + sigma * (z - lagged)
    upper = np.where(np.isnan(upper), np.nan, np.maximum(upper, 0.0))
    return upper, lagged / z
