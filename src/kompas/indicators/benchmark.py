# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Benchmark index after the G32 convention: 100 = the reference group's mean, above 100 = better.

The G32 *Benchmark Veiligheid* reports each municipality's scores relative to the mean of the
comparison group, set to 100, with a minimum of 10 and a maximum of 150; for the core variable
*Veiligheid* a score above 100 means safer (spec §10.1, IVP L6332-6334, L7286-7304). Members see
their own index and the group mean, not each other's values, so the result carries just those.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from kompas.indicators.formulas import relative_to_mean
from kompas.indicators.vocabulary import Direction


@dataclass(frozen=True)
class IndexRule:
    """The configurable parts of the index: base (100) and the clipping bounds [10, 150]."""

    base: float = 100.0
    floor: float = 10.0
    ceiling: float = 150.0


G32 = IndexRule()


@dataclass(frozen=True)
class BenchmarkIndex:
    """One member's index: its value, the group mean, the index and whether it was clipped."""

    area: str
    value: float
    group_mean: float
    index: float
    clipped: bool
    method: str = "g32_mean_100"


def index(value: float, mean: float, direction: Direction, rule: IndexRule = G32) -> float:
    """Return the index of one value against a group mean, clipped to ``[floor, ceiling]``.

    ``base × mean / value`` for lower-is-better, ``base × value / mean`` for higher-is-better and
    for indicators without a direction ("more"). NaN when the value or the mean is unknown.
    """
    raw = float(relative_to_mean([value], mean, direction, rule.base)[0])
    return raw if math.isnan(raw) else min(max(raw, rule.floor), rule.ceiling)


def group_indices(
    values: Mapping[str, float], direction: Direction, rule: IndexRule = G32
) -> dict[str, BenchmarkIndex]:
    """Index every member of a reference group against the group's unweighted mean.

    Parameters
    ----------
    values : mapping of str to float
        The members' values (e.g. burglaries per 1.000 woningen per gemeente); NaN members are
        left out of the mean and get a NaN index.
    direction : Direction
        Orientation of the indicator.
    rule : IndexRule
        Base and bounds; default the G32 convention (100; [10, 150]).

    Notes
    -----
    The group mean is the plain mean of the members' values, as in the G32 benchmark, where each
    municipality counts once whatever its size [G32Benchmark2015]_.

    References
    ----------
    .. [G32Benchmark2015] Benchmark Veiligheid G32, ronde 2015, rapportage gemeente Hengelo
       (IVP Hengelo 2017-2020, bijlage 5). (``g32benchmark2015`` in docs/references.bib)
    """
    known = [v for v in values.values() if not math.isnan(v)]
    mean = float(np.mean(known)) if known else math.nan
    result = {}
    for area, value in values.items():
        raw = float(relative_to_mean([value], mean, direction, rule.base)[0])
        score = index(value, mean, direction, rule)
        result[area] = BenchmarkIndex(area, value, mean, score, clipped=not math.isnan(raw) and raw != score)
    return result
