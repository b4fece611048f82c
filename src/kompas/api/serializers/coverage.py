# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Areas without a value because only some of their parts have one (``docs/areas.md`` §2)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kompas.indicators.coverage import IncompleteRow


class IncompleteSerializer(serializers.Serializer[IncompleteRow]):
    """A parent area, its period, and how many of its parts have a value: *onvolledig (22 van 26 buurten)*."""

    area_code = serializers.CharField(read_only=True)
    area_name = serializers.CharField(read_only=True)
    area_level = serializers.CharField(read_only=True)
    period_start = serializers.DateField(read_only=True)
    period_length = serializers.CharField(read_only=True)
    coverage_parts = serializers.IntegerField(read_only=True, source="coverage.parts")
    coverage_parts_expected = serializers.IntegerField(read_only=True, source="coverage.expected")
    coverage_part_level = serializers.CharField(read_only=True, source="coverage.part_level")
    coverage_population_share = serializers.FloatField(
        read_only=True, allow_null=True, source="coverage.population_share"
    )
    coverage = serializers.CharField(read_only=True, source="label")

    def to_representation(self, instance: IncompleteRow) -> dict[str, Any]:
        """Return the row; it has no value, trend, index or verdict, so none is given."""
        return dict(super().to_representation(instance))
