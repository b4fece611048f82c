# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Names for the objects of other apps that the reports and the dashboard pass along.

An app's models are private to it (``tests/test_layout.py``): reports get plans, themes, targets,
areas and indicator results from those apps' query functions and read their attributes, but do
not import their classes. These names say in a signature which kind of object is meant.
"""

from __future__ import annotations

from typing import Any

Plan = Any  # kompas.policy Plan, from kompas.policy.queries
Theme = Any  # kompas.policy Theme
Target = Any  # kompas.policy Target (a plan's baseline and target for an indicator)
Goal = Any  # kompas.policy Goal
Action = Any  # kompas.policy Action
CostItem = Any  # kompas.policy CostItem
Area = Any  # kompas.areas Area (one version of an area), from kompas.areas.queries
Indicator = Any  # kompas.indicators Indicator, from kompas.indicators.queries
IndicatorValue = Any  # kompas.indicators IndicatorValue
IndicatorTrend = Any  # kompas.indicators IndicatorTrend
IndicatorComparison = Any  # kompas.indicators IndicatorComparison
