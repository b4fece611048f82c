# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Indicators and their values in the REST API."""

from __future__ import annotations

from rest_framework import serializers

from kompas.indicators.models import (
    LEVEL_CHOICES,
    ComputedPeriodChoices,
    FormulaChoices,
    Indicator,
    IndicatorDefinition,
    IndicatorState,
    IndicatorValue,
    NormalisationChoices,
)
from kompas.indicators.queries import definition_of


class DefinitionSerializer(serializers.ModelSerializer[IndicatorDefinition]):
    """How the indicator is computed (``docs/indicators.md`` §8)."""

    formula = serializers.CharField(read_only=True, help_text=" | ".join(FormulaChoices.values))
    normalisation = serializers.CharField(read_only=True, help_text=" | ".join(NormalisationChoices.values))
    compared = serializers.SerializerMethodField(
        help_text="Of benchmarkindex, rang en kleur worden berekend: vergelijkbaar en met een richting."
    )
    not_compared_reason = serializers.SerializerMethodField(
        help_text="Waarom er geen benchmarkindex is (leeg als die er wel is)."
    )

    class Meta:
        model = IndicatorDefinition
        fields = [
            "formula", "numerator", "denominator", "per", "window", "baseline_year", "components",
            "normalisation", "benchmark_group", "comparable", "comparable_reason", "compared",
            "not_compared_reason",
        ]  # fmt: skip

    def get_compared(self, stored: IndicatorDefinition) -> bool:
        """Return whether index, rank and colour are computed for this indicator."""
        return definition_of(stored).comparability.compared

    def get_not_compared_reason(self, stored: IndicatorDefinition) -> str:
        """Return why this indicator has no index (empty when it has one)."""
        return definition_of(stored).comparability.reason


class StateSerializer(serializers.ModelSerializer[IndicatorState]):
    """When the values were computed and from how many rows."""

    class Meta:
        model = IndicatorState
        fields = ["computed_at", "rows", "last_import_run"]


def _coded(help_text: str) -> serializers.CharField:
    """A stored code shown as text; its values are listed in the help (no schema enum, whose
    name would collide with other apps' fields called ``kind`` or ``period_length``)."""
    return serializers.CharField(read_only=True, help_text=help_text)


class IndicatorSerializer(serializers.ModelSerializer[Indicator]):
    """A catalogue entry with its definition."""

    definition = DefinitionSerializer(read_only=True)
    kind = _coded("effect | performance | process")
    direction = _coded("lower_is_better | higher_is_better | none")

    class Meta:
        model = Indicator
        fields = [
            "id", "code", "name", "kind", "unit", "direction", "data_source", "source_ref", "description",
            "definition",
        ]  # fmt: skip


class IndicatorDetailSerializer(IndicatorSerializer):
    """A catalogue entry with its definition and fill state."""

    state = StateSerializer(read_only=True, allow_null=True, default=None)

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "state"]


class ValueSerializer(serializers.ModelSerializer[IndicatorValue]):
    """One value of an indicator for an area and period, with its interval and provenance."""

    import_runs = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    area_level = serializers.CharField(
        read_only=True, help_text=" | ".join(code for code, _label in LEVEL_CHOICES)
    )
    period_length = serializers.CharField(read_only=True, help_text=" | ".join(ComputedPeriodChoices.values))
    flag = serializers.CharField(
        read_only=True,
        help_text="leeg | te_weinig_waarnemingen; bij een enquêtecijfer met n onder SURVEY_MIN_N is value "
        "(en het interval) leeg: te weinig waarnemingen",
    )
    demo = serializers.SerializerMethodField(
        help_text="true: de waarde rust (deels) op verzonnen demogegevens uit de registers, geen echte"
    )

    class Meta:
        model = IndicatorValue
        fields = [
            "area_code", "area_level", "period_start", "period_length", "value", "ci_low", "ci_high",
            "numerator", "denominator", "denominator_year", "n", "flag", "import_runs", "demo",
        ]  # fmt: skip

    def get_demo(self, value: IndicatorValue) -> bool:
        """Return whether the value's year rests on demo figures (the view gives the years)."""
        return value.period_start.year in self.context.get("demo_years", {}).get(value.indicator_id, ())
