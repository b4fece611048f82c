# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Progress against a target: op koers, risico, niet op koers or geen data, and the distance.

The verdict uses the uncertainty of the value. A value that meets the target is *op koers*. A
value that misses it, but by no more than its margin, could be chance: *risico*. Only a value
that misses the target by more than its margin is *niet op koers*. A target derived from a
baseline measured with a margin (a Veiligheidsmonitor percentage) adds that margin: the margin of
a difference of two independent estimates is √(m1² + m2²).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class TargetRule(StrEnum):
    """How a plan states a target; the first seven turn a baseline and a number into a threshold.

    ``at_most_baseline`` "blijft gelijk of wordt lager" (IVP T1.I1: ≤ 20 %);
    ``at_least_baseline`` "gelijk gebleven of verbeterd" (T1.I2: ≥ 19 %); ``at_most`` /
    ``at_least`` a fixed value; ``decrease_pct`` / ``increase_pct`` a percentage relative to the
    baseline; ``register`` only follow the indicator, without a norm. ``decrease``, ``increase``
    (without a number) and ``realise`` (a milestone) give no threshold to judge a value against.
    """

    AT_MOST_BASELINE = "at_most_baseline"
    AT_LEAST_BASELINE = "at_least_baseline"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    DECREASE_PCT = "decrease_pct"
    INCREASE_PCT = "increase_pct"
    REGISTER = "register"
    DECREASE = "decrease"
    INCREASE = "increase"
    REALISE = "realise"


# The rules :func:`assess` judges a value by.
JUDGED_RULES = (
    TargetRule.AT_MOST_BASELINE,
    TargetRule.AT_LEAST_BASELINE,
    TargetRule.AT_MOST,
    TargetRule.AT_LEAST,
    TargetRule.DECREASE_PCT,
    TargetRule.INCREASE_PCT,
    TargetRule.REGISTER,
)


class Status(StrEnum):
    """The verdict; ``alleen_registreren`` is given to targets of the ``register`` rule."""

    ON_TRACK = "op_koers"
    AT_RISK = "risico"
    OFF_TRACK = "niet_op_koers"
    NO_DATA = "geen_data"
    REGISTER_ONLY = "alleen_registreren"


STATUS_LABELS = {
    Status.ON_TRACK: _("op koers"),
    Status.AT_RISK: _("risico"),
    Status.OFF_TRACK: _("niet op koers"),
    Status.NO_DATA: _("geen data"),
    Status.REGISTER_ONLY: _("alleen registreren"),
}
_AT_MOST = {TargetRule.AT_MOST_BASELINE, TargetRule.AT_MOST, TargetRule.DECREASE_PCT}
_FROM_BASELINE = {
    TargetRule.AT_MOST_BASELINE,
    TargetRule.AT_LEAST_BASELINE,
    TargetRule.DECREASE_PCT,
    TargetRule.INCREASE_PCT,
}


@dataclass(frozen=True)
class Progress:
    """The verdict on one target with the numbers behind it.

    ``threshold`` is the value to reach; ``distance`` is ``value − threshold`` in the
    indicator's unit and ``distance_pct`` the same relative to the threshold; ``margin`` the
    combined margin used for *risico*.
    """

    status: Status
    rule: TargetRule
    value: float | None
    threshold: float | None
    distance: float | None
    distance_pct: float | None
    margin: float


def threshold(rule: TargetRule, baseline: float | None, target: float | None) -> float | None:
    """Return the value a target asks for, or None when an input it needs is missing.

    ``target`` is the target value for ``at_most``/``at_least`` and a percentage for
    ``decrease_pct``/``increase_pct`` (``decrease_pct`` 10 with baseline 200 → at most 180).
    """
    if rule is TargetRule.REGISTER:
        return None
    if rule in (TargetRule.AT_MOST, TargetRule.AT_LEAST):
        return target
    if baseline is None:
        return None
    if rule is TargetRule.DECREASE_PCT:
        return None if target is None else baseline * (1 - target / 100)
    if rule is TargetRule.INCREASE_PCT:
        return None if target is None else baseline * (1 + target / 100)
    return baseline


def assess(
    rule: TargetRule,
    *,
    value: float | None,
    ci_low: float | None = None,
    ci_high: float | None = None,
    baseline: float | None = None,
    baseline_margin: float | None = None,
    target: float | None = None,
) -> Progress:
    """Judge a value against a target.

    Parameters
    ----------
    rule : TargetRule
        The kind of target.
    value, ci_low, ci_high : float or None
        The current value and its interval (Garwood for counts and rates, the published margin
        for survey percentages); without an interval the margin is 0.
    baseline, baseline_margin : float or None
        The baseline value and, for survey baselines, its margin.
    target : float or None
        The target value (``at_most``, ``at_least``) or percentage (``decrease_pct``,
        ``increase_pct``).

    Returns
    -------
    Progress
        ``geen_data`` without a value or without the inputs the rule needs;
        ``alleen_registreren`` for ``register``; otherwise, with ``shortfall`` the amount by
        which the value misses the threshold on the unfavourable side:
        ``op_koers`` when shortfall ≤ 0 (meeting the threshold exactly counts),
        ``risico`` when 0 < shortfall ≤ margin, ``niet_op_koers`` when shortfall > margin.
        The margin is the distance from the value to its interval limit on the favourable side
        (how far the truth could lie in the target's direction), combined as √(m1² + m2²) with
        the baseline's margin when the threshold comes from a baseline [SchenkerGentleman2001]_.

    References
    ----------
    .. [SchenkerGentleman2001] Schenker, N. and Gentleman, J. F. (2001). On judging the
       significance of differences by examining the overlap between confidence intervals.
       *The American Statistician* 55(3), 182-186. (``schenker2001`` in docs/references.bib)
    """
    goal = threshold(rule, baseline, target)
    if value is None or math.isnan(value):
        return Progress(Status.NO_DATA, rule, None, goal, None, None, 0.0)
    if rule is TargetRule.REGISTER or goal is None:
        status = Status.REGISTER_ONLY if rule is TargetRule.REGISTER else Status.NO_DATA
        return Progress(status, rule, value, None, None, None, 0.0)
    margin = _margin(rule, value, (ci_low, ci_high), baseline, baseline_margin, goal)
    shortfall = value - goal if rule in _AT_MOST else goal - value
    if shortfall <= 0:
        status = Status.ON_TRACK
    else:
        status = Status.AT_RISK if shortfall <= margin else Status.OFF_TRACK
    distance_pct = 100 * (value - goal) / goal if goal != 0 else None
    return Progress(status, rule, value, goal, value - goal, distance_pct, margin)


def _margin(
    rule: TargetRule,
    value: float,
    interval: tuple[float | None, float | None],
    baseline: float | None,
    baseline_margin: float | None,
    goal: float,
) -> float:
    """Combine the value's margin towards the target with the margin of a baseline threshold.

    A threshold ``factor × baseline`` carries ``factor × baseline_margin``.
    """
    bound = interval[0] if rule in _AT_MOST else interval[1]
    own = 0.0 if bound is None else abs(value - bound)
    inherited = 0.0
    if rule in _FROM_BASELINE and baseline_margin and baseline:
        inherited = baseline_margin * abs(goal / baseline)
    return math.hypot(own, inherited)
