# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""One vocabulary: every model field's choices are exactly the Django-free enum they are built from."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import pytest
from django.db import models

from kompas.areas.levels import AreaLevel
from kompas.areas.models import AreaLevelChoices
from kompas.indicators import models as indicator_models
from kompas.indicators import status, vocabulary
from kompas.observations.models import PeriodLengthChoices
from kompas.observations.periods import COMPUTED, OBSERVED
from kompas.policy import choices as policy_choices

PAIRS: list[tuple[type[models.TextChoices], Iterable[StrEnum]]] = [
    (AreaLevelChoices, AreaLevel),
    (PeriodLengthChoices, OBSERVED),
    (indicator_models.ComputedPeriodChoices, COMPUTED),
    (indicator_models.FormulaChoices, vocabulary.Formula),
    (indicator_models.NormalisationChoices, vocabulary.Normalisation),
    (indicator_models.IndicatorDirection, vocabulary.Direction),
    (indicator_models.ValueFlag, vocabulary.Flag),
    (indicator_models.ProgressStatus, status.Status),
    (policy_choices.TargetRuleChoices, status.TargetRule),
]


@pytest.mark.parametrize(("choices", "enum"), PAIRS, ids=[choices.__name__ for choices, _ in PAIRS])
def test_choices_are_the_enum(choices: type[models.TextChoices], enum: Iterable[StrEnum]) -> None:
    assert [(m.name, m.value) for m in choices] == [(m.name, m.value) for m in enum]
    assert all(type(value) is str for value in choices.values)  # plain strings, as migrations store them
