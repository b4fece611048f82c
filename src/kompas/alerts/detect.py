# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One entry point for every detection method, with the settings a user can choose.

The CLI, the backtest and the application's tasks all go through :func:`detect`, so a method
with given settings behaves the same everywhere. Two settings apply to every method and
limit the flood of alarms across thousands of series: ``evaluate_from`` (judge only periods
from that date) and ``min_count`` (no alarm on fewer observations than that).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from kompas.alerts.cusum import cusum
from kompas.alerts.ears import EarsControl, EarsMethod, ears_c
from kompas.alerts.farrington import FarringtonControl, ThresholdMethod, farrington_flexible
from kompas.alerts.series import BoolArray, Detection, Panel, apply_min_count

METHODS = ("farrington-flexible", "ears-c1", "ears-c2", "ears-c3", "cusum")
EARS: dict[str, EarsMethod] = {"ears-c1": "C1", "ears-c2": "C2", "ears-c3": "C3"}
FARRINGTON_ONLY = (
    "b",
    "w",
    "no_periods",
    "past_periods_not_included",
    "threshold_method",
    "weights_threshold",
)


@dataclass(frozen=True)
class Options:
    """The settings of a run; ``None`` takes the method's default (R's, for Farrington and EARS).

    ``trend`` and ``reweight`` switch off parts of Farrington's algorithm; ``alpha`` applies
    to Farrington and EARS.
    """

    b: int | None = None
    w: int | None = None
    alpha: float | None = None
    no_periods: int | None = None
    past_periods_not_included: int | None = None
    threshold_method: ThresholdMethod | None = None
    weights_threshold: float | None = None
    trend: bool = True
    reweight: bool = True
    evaluate_from: dt.date | None = None
    min_count: int = 0

    def describe(self) -> dict[str, Any]:
        """Return the settings that differ from the defaults, for reports and JSON."""
        chosen = {name: value for name, value in asdict(self).items() if value != getattr(Options, name)}
        if self.evaluate_from is not None:
            chosen["evaluate_from"] = self.evaluate_from.isoformat()
        return chosen


def check_options(method: str, options: Options) -> None:
    """Raise ValueError (in Dutch) for an unknown method or a setting that does not apply to it."""
    if method not in METHODS:
        raise ValueError(
            _("onbekende methode '%(method)s'; kies uit %(methods)s")
            % {"method": method, "methods": ", ".join(METHODS)}
        )
    if method == "farrington-flexible":
        return
    misplaced = [name for name in FARRINGTON_ONLY if getattr(options, name) is not None]
    misplaced += [name for name in ("trend", "reweight") if not getattr(options, name)]
    if method == "cusum" and options.alpha is not None:
        misplaced.append("alpha")
    if misplaced:
        names = ", ".join("--" + name.replace("_", "-") for name in misplaced)
        raise ValueError(
            _("%(options)s geldt niet voor methode %(method)s") % {"options": names, "method": method}
        )


def farrington_control(options: Options) -> FarringtonControl:
    """Return the Farrington control with the chosen settings on R's defaults."""
    chosen: dict[str, Any] = {
        "b": options.b,
        "w": options.w,
        "alpha": options.alpha,
        "no_periods": options.no_periods,
        "past_periods_not_included": options.past_periods_not_included,
        "threshold_method": options.threshold_method,
        "weights_threshold": options.weights_threshold,
    }
    given = {name: value for name, value in chosen.items() if value is not None}
    return FarringtonControl(trend=options.trend, reweight=options.reweight, **given)


def detect(
    panel: Panel, method: str, options: Options | None = None, *, evaluate: BoolArray | None = None
) -> Detection:
    """Run ``method`` on every series of ``panel`` with ``options``.

    ``evaluate`` narrows the points judged further (the backtest uses it).
    """
    options = options or Options()
    check_options(method, options)
    mask = np.ones(panel.counts.shape, dtype=bool) if evaluate is None else evaluate.copy()
    if options.evaluate_from is not None:
        mask &= panel.periods >= np.datetime64(options.evaluate_from, "D")
    if method == "farrington-flexible":
        detection = farrington_flexible(panel, farrington_control(options), evaluate=mask).detection
    elif method == "cusum":
        detection = cusum(panel.counts, evaluate=mask)
    else:
        detection = ears_c(panel.counts, EarsControl(method=EARS[method], alpha=options.alpha), evaluate=mask)
    return apply_min_count(detection, options.min_count)
