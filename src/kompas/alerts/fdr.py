# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""False-discovery control across the many series of one measure (Benjamini and Hochberg 1995).

A run over every buurt, wijk and gemeente tests thousands of points at level α, so α of the
quiet points alarm by chance. With the control on, only alarms that survive the
Benjamini-Hochberg procedure at level α across all points evaluated in the run are kept.

The methods give an upper bound, not a p-value. Each bound is the (1 - α) quantile of the
method's predictive distribution, so an approximate p-value follows from reading that bound as
a normal quantile: σ = (U - E) / z₁₋α and p = 1 - Φ((y - E) / σ). For EARS this is exact; for
Farrington it is the normal approximation on the original scale of a bound computed on the
power-transformed scale. CUSUM has no α and is left as it is.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests

from kompas.alerts.series import Detection

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def threshold_p_values(detection: Detection, alpha: float) -> FloatArray:
    """Return approximate one-sided p-values of the evaluated points (``NaN`` elsewhere)."""
    spread = (detection.upperbound - detection.expected) / norm.ppf(1.0 - alpha)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (detection.observed - detection.expected) / spread
    p_values = np.asarray(norm.sf(z), dtype=float)
    # A zero spread (a constant baseline) makes any rise infinitely unlikely and no rise certain.
    p_values[np.isnan(p_values) & detection.evaluated] = 1.0
    p_values[~detection.evaluated] = np.nan
    return p_values


def surviving_alarms(detections: list[Detection], alpha: float) -> list[BoolArray]:
    """Return, per detection, the alarms that survive Benjamini-Hochberg at ``alpha`` jointly."""
    p_values = [threshold_p_values(detection, alpha) for detection in detections]
    pooled = np.concatenate([p[~np.isnan(p)] for p in p_values]) if p_values else np.array([])
    if pooled.size == 0:
        return [detection.alarm.copy() for detection in detections]
    rejected = multipletests(pooled, alpha=alpha, method="fdr_bh")[0]
    cutoff = pooled[rejected].max() if rejected.any() else -1.0
    return [
        detection.alarm & (np.nan_to_num(p, nan=2.0) <= cutoff)
        for detection, p in zip(detections, p_values, strict=True)
    ]
