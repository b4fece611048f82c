# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Composite indices from the stored values of their sub-indicators.

Each sub-indicator is put on a "more = better" scale among the areas of the same level and
period (``mean``: 100 = their mean, clipped to [10, 150]; ``min_max``: 0 = worst, 100 = best),
then the weighted mean is taken. An area missing one sub-indicator gets no index: the weights are
not silently redistributed (``docs/indicators.md`` §1; :func:`kompas.indicators.formulas.composite_index`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from kompas.indicators.vocabulary import Direction, Normalisation

STRATUM = ["period_length", "period_start", "area_level"]
KEYS = ["organisation_id", "area_code", "area_level", "period_start", "period_length"]


def composite_values(
    components: pd.DataFrame,
    weights: Mapping[int, float],
    directions: Mapping[int, Direction],
    normalisation: Normalisation,
    clip: tuple[float, float] = (10.0, 150.0),
) -> pd.DataFrame:
    """Return one index per area and period; ``components`` holds the stored values.

    ``components`` has ``indicator_id`` plus :data:`KEYS` and ``value``; ``weights`` and
    ``directions`` are per component indicator id. The result has :data:`KEYS` and ``value``.
    """
    frame = components.dropna(subset=["value"]).copy()
    frame["organisation_id"] = frame["organisation_id"].fillna(0)
    scores = []
    for indicator_id, weight in weights.items():
        own = frame[frame["indicator_id"] == indicator_id]
        score = _normalised(own, directions[indicator_id], normalisation, clip)
        scores.append(own[KEYS].assign(score=score * weight))
    total = sum(weights.values())
    if not scores or total <= 0:
        return pd.DataFrame(columns=[*KEYS, "value"])
    joined = pd.concat(scores, ignore_index=True).groupby(KEYS, sort=False)["score"].agg(["sum", "size"])
    complete = joined[joined["size"] == len(weights)]
    return (complete["sum"] / total).rename("value").reset_index()


def _normalised(
    frame: pd.DataFrame, direction: Direction, normalisation: Normalisation, clip: tuple[float, float]
) -> np.ndarray:
    value = frame["value"].to_numpy(dtype=np.float64)
    grouped = frame.groupby(STRATUM, sort=False)["value"]
    if normalisation is Normalisation.MIN_MAX:
        low = grouped.transform("min").to_numpy(dtype=np.float64)
        high = grouped.transform("max").to_numpy(dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            scaled = 100.0 * (value - low) / (high - low)
        oriented = 100.0 - scaled if direction is Direction.LOWER_IS_BETTER else scaled
        return np.where(high == low, 100.0, oriented)
    mean = grouped.transform("mean").to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        if direction is Direction.LOWER_IS_BETTER:
            index = np.where(value == 0, np.inf, 100.0 * mean / value)
        else:
            index = 100.0 * value / mean
        index = np.where(mean == 0, np.where(value == 0, 100.0, np.nan), index)
    return np.clip(index, *clip)
