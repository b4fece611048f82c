# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A one-sided CUSUM on standardised counts with a moving baseline, for short series.

Farrington's algorithm needs years of history; a new measure, a new area or a re-coded
offence type has months. This CUSUM needs ten periods. It is the *adaptive* CUSUM that
Fricker, Hegler and Dunfee (2008) compared with EARS: every count is standardised with the
mean and standard deviation of a moving baseline, and the standardised excesses are
accumulated (Page, 1954):

    z_t = (y_t - mean_t) / max(sd_t, min_sigma)
    S_t = max(0, S_{t-1} + z_t - k)

An alarm is raised when ``S_t > h``, after which the sum restarts at 0. The baseline is the
``baseline`` (7) periods before a guard band of ``guard`` (2) periods, as EARS C2, so a
starting outbreak does not inflate its own baseline. The defaults ``k = 0.5`` and ``h = 4``
detect a shift of one standard deviation quickly (Montgomery, 2009, section 9.1); ``min_sigma``
(1 count) keeps a baseline without variation (often all zeros in a small area) from turning
every single case into an alarm.

Per period the result gives the baseline mean as expected value, the count that would just
raise an alarm, ``mean + sd * (h + k - S_{t-1})``, as upper bound, and ``S_t / h`` as score.
A missing count is not evaluated and leaves the sum as it was; a baseline with a missing
count gives no evaluation.

References
----------
Page, E. S. (1954). Continuous inspection schemes. *Biometrika* 41, 100-115.

Fricker, R. D., Hegler, B. L. and Dunfee, D. A. (2008). Comparing syndromic surveillance
detection methods: EARS' versus a CUSUM-based methodology. *Statistics in Medicine* 27,
3407-3429.

Montgomery, D. C. (2009). *Introduction to Statistical Quality Control*, 6th ed. Wiley.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from numpy.lib.stride_tricks import sliding_window_view

from kompas.alerts.series import BoolArray, Detection, FloatArray, empty_detection


@dataclass(frozen=True)
class CusumControl:
    """Baseline length, guard band, reference value ``k``, decision interval ``h``, minimum sd."""

    baseline: int = 7
    guard: int = 2
    k: float = 0.5
    h: float = 4.0
    min_sigma: float = 1.0

    def __post_init__(self) -> None:
        """Reject settings without a baseline or without a threshold."""
        if self.baseline < 3:
            raise ValueError(_("de basislijn moet minstens 3 perioden zijn"))
        if self.guard < 0 or self.k < 0 or self.h <= 0 or self.min_sigma <= 0:
            raise ValueError(_("guard en k moeten 0 of meer zijn, h en min_sigma meer dan 0"))

    @property
    def first(self) -> int:
        """Return the first period (0-based) with a full baseline."""
        return self.baseline + self.guard


def cusum(
    counts: FloatArray, control: CusumControl | None = None, *, evaluate: BoolArray | None = None
) -> Detection:
    """Run the adaptive CUSUM on every series (rows of ``counts``).

    Parameters
    ----------
    counts : array (series, periods)
        Counts; ``NaN`` is missing.
    control
        The options; the module's defaults when omitted.
    evaluate
        Which points to report; by default every observed period with a full baseline. The
        sum runs over all periods regardless, as it depends on the whole history.

    Returns
    -------
    Detection
    """
    control = control or CusumControl()
    mean, sigma = _baseline(counts, control)
    statistic, previous = _accumulate((counts - mean) / sigma, control)
    judged = ~np.isnan(statistic)
    mask = judged if evaluate is None else evaluate & judged
    detection = empty_detection(counts)
    detection.evaluated[mask] = True
    detection.expected[mask] = mean[mask]
    upper = np.maximum(0.0, mean + sigma * (control.h + control.k - previous))
    detection.upperbound[mask] = upper[mask]
    detection.score[mask] = statistic[mask] / control.h
    detection.alarm[mask] = statistic[mask] > control.h
    return detection


def _baseline(counts: FloatArray, control: CusumControl) -> tuple[FloatArray, FloatArray]:
    """Return the moving baseline's mean and floored standard deviation (NaN where none)."""
    mean = np.full(counts.shape, np.nan)
    sigma = np.full(counts.shape, np.nan)
    usable = counts.shape[1] - control.first
    if usable > 0:
        windows = sliding_window_view(counts, control.baseline, axis=1)[:, :usable]
        mean[:, control.first :] = windows.mean(axis=2)
        sigma[:, control.first :] = np.maximum(windows.std(axis=2, ddof=1), control.min_sigma)
    sigma[np.isnan(mean)] = np.nan
    return mean, sigma


def _accumulate(standardised: FloatArray, control: CusumControl) -> tuple[FloatArray, FloatArray]:
    """Return ``S_t`` (NaN where not evaluated) and ``S_{t-1}`` per period, restarting after alarms."""
    statistic = np.full(standardised.shape, np.nan)
    previous = np.zeros(standardised.shape)
    running = np.zeros(standardised.shape[0])
    for t in range(standardised.shape[1]):
        previous[:, t] = running
        value = np.maximum(0.0, running + standardised[:, t] - control.k)
        judged = ~np.isnan(value)
        statistic[judged, t] = value[judged]
        running = np.where(judged, np.where(value > control.h, 0.0, value), running)
    return statistic, previous
