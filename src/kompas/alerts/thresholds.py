# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Upper bounds for a count: normal quantiles, Farrington's power transformation, NB quantiles.

Only :mod:`scipy.special` is used (not :mod:`scipy.stats`, whose import alone costs about half
a second), so that ``kompas early-warning run`` starts quickly. The quantiles of the Poisson and
negative binomial distributions are the smallest count whose distribution function reaches
the probability, as R's ``qpois`` and ``qnbinom``: a Cornish-Fisher approximation gives a start
within a count or two, a short search settles it.

References
----------
Farrington, C. P., Andrews, N. J., Beale, A. D. and Catchpole, M. A. (1996). A statistical
algorithm for the early detection of outbreaks of infectious disease. *JRSS A* 159, 547-563.

Noufaily, A., Enki, D. G., Farrington, P., Garthwaite, P., Andrews, N. and Charlett, A. (2013).
An improved algorithm for outbreak detection in multiple surveillance systems. *Statistics in
Medicine* 32, 1206-1222.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import special

from kompas.alerts.series import FloatArray

IntArray = npt.NDArray[np.intp]

PowerTransform = Literal["2/3", "1/2", "none"]


def normal_quantile(probability: float) -> float:
    """Return the standard normal quantile of ``probability``."""
    return float(special.ndtri(probability))


def delta_upper(
    mu0: FloatArray, se_response: FloatArray, phi: FloatArray, alpha: float, powertrans: PowerTransform
) -> FloatArray:
    """Return the upper bound of Farrington et al. (1996) after a power transformation.

    ``tau = phi + se^2 / mu0`` is the variance of the count around the prediction relative
    to its mean; ``mu0^e ± z * sd`` is transformed back with ``1 / e``. As R, the larger of the
    two ends is the upper bound (the lower end is undefined when negative under the 2/3 power).
    """
    tau = phi + se_response**2 / mu0
    exponent, sd = {
        "none": (1.0, np.sqrt(mu0 * tau)),
        "1/2": (0.5, np.sqrt(tau / 4)),
        "2/3": (2 / 3, np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)),
    }[powertrans]
    z = normal_quantile(1 - alpha)
    upper = (mu0**exponent + z * sd) ** (1 / exponent)
    lower = (mu0**exponent - z * sd) ** (1 / exponent)
    return np.fmax(upper, lower)


def negative_binomial_upper(
    eta0: FloatArray, se_link: FloatArray, phi: FloatArray, alpha: float, plug_in: bool
) -> FloatArray:
    """Return the (1 - alpha) quantile of NB(mean, phi), Poisson when phi is 1 (Noufaily et al., 2013).

    ``plug_in`` (``nbPlugin``) uses the estimated mean ``exp(eta0)``; otherwise (``muan``) its
    upper (1 - alpha) confidence limit ``exp(eta0 + z * se)``. The negative binomial has size
    ``mean / (phi - 1)`` and probability ``1 / phi``, so that its variance is ``phi * mean``.
    """
    z = normal_quantile(1 - alpha)
    with np.errstate(over="ignore"):
        mean = np.exp(eta0 + (0.0 if plug_in else z * se_link))  # inf: no bound, as R
    finite = np.isfinite(mean) & np.isfinite(phi)
    upper = np.full(eta0.shape, np.nan)
    over = finite & (phi > 1)
    size, probability = mean[over] / (phi[over] - 1), 1 / phi[over]
    upper[over] = count_quantile(
        1 - alpha,
        lambda k, index: special.betainc(size[index], k + 1, probability[index]),
        _cornish_fisher(mean[over], phi[over], z),
    )
    poisson = finite & (phi <= 1)
    rate = mean[poisson]
    upper[poisson] = count_quantile(
        1 - alpha, lambda k, index: special.pdtr(k, rate[index]), _cornish_fisher(rate, 1.0, z)
    )
    return upper


def _cornish_fisher(mean: FloatArray, phi: FloatArray | float, z: float) -> FloatArray:
    """Return an approximate quantile of a count with variance ``phi * mean``, as a search start.

    The normal quantile corrected for skewness (Cornish-Fisher); the skewness of the negative
    binomial times its standard deviation is ``2 phi - 1`` (Poisson: 1).
    """
    with np.errstate(invalid="ignore"):
        return mean + z * np.sqrt(phi * mean) + (z * z - 1) / 6 * (2 * np.asarray(phi) - 1) - 0.5


def count_quantile(
    probability: float, cdf: Callable[[FloatArray, IntArray], FloatArray], start: FloatArray
) -> FloatArray:
    """Return the smallest whole ``k >= 0`` with ``cdf(k) >= probability``, searching from ``start``.

    ``cdf(k, index)`` evaluates the distribution function of the elements ``index`` at ``k``.
    The search brackets the answer with steps that double away from ``start`` and then halves
    the bracket, so a start a few counts off costs a few evaluations, a far one a few more.
    Elements with a missing start, or whose ``cdf`` is missing, stay missing.
    """
    rounded = np.maximum(np.round(start), 0.0)
    index = np.flatnonzero(np.isfinite(rounded))
    result = np.full(rounded.shape, np.nan)
    low, high = _bracket(probability, cdf, rounded[index], index)
    open_ = np.flatnonzero(high - low > 1)
    while open_.size:
        middle = np.floor((low[open_] + high[open_]) / 2)
        reached = cdf(middle, index[open_]) >= probability
        high[open_[reached]] = middle[reached]
        low[open_[~reached]] = middle[~reached]
        open_ = open_[high[open_] - low[open_] > 1]
    result[index] = np.where(np.isfinite(high), high, np.nan)
    return result


def _bracket(
    probability: float, cdf: Callable[[FloatArray, IntArray], FloatArray], k: FloatArray, index: IntArray
) -> tuple[FloatArray, FloatArray]:
    """Return ``low < high`` with ``cdf(low) < probability <= cdf(high)`` (``low`` may be -1)."""
    reached = cdf(k, index) >= probability
    low, high = np.where(reached, np.nan, k), np.where(reached, k, np.nan)
    step = np.ones(k.shape)
    open_ = np.arange(len(k))
    for _ in range(64):  # 2^64 exceeds any count
        open_ = open_[np.isnan(low[open_]) | np.isnan(high[open_])]
        if open_.size == 0:
            break
        down = np.isnan(low[open_])
        trial = np.where(down, high[open_] - step[open_], low[open_] + step[open_])
        below_zero = down & (trial < 0)
        low[open_[below_zero]] = -1.0
        probe, trial = open_[~below_zero], trial[~below_zero]
        value = cdf(trial, index[probe])
        high[probe[value >= probability]] = trial[value >= probability]
        low[probe[value < probability]] = trial[value < probability]
        step[open_] *= 2
        lost = probe[np.isnan(value)]
        low[lost], high[lost] = np.inf, np.inf  # closed, without an answer
    return low, high
