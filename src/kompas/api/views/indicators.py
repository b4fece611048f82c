# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Indicators and their values in the REST API (``/api/v1/indicators``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from kompas.accounts.roles import Permission
from kompas.api.pagination import Pages
from kompas.api.serializers.indicators import (
    IndicatorDetailSerializer,
    IndicatorSerializer,
    ValueSerializer,
)
from kompas.indicators import queries
from kompas.indicators.demo_values import demo_years_of
from kompas.indicators.models import (
    LEVEL_CHOICES,
    ComputedPeriodChoices,
    Indicator,
    IndicatorValue,
)

# The value filters, with their allowed values in the schema itself (so generated requests stay
# within them); a period starts on the first day of a month.
FILTERS = [
    OpenApiParameter("area_code", str, description="Gebiedscode, bijv. GM0164."),
    OpenApiParameter(
        "level", str, enum=[code for code, _label in LEVEL_CHOICES], description="Gebiedsniveau."
    ),
    OpenApiParameter("period_length", str, enum=ComputedPeriodChoices.values, description="Periodelengte."),
    OpenApiParameter(
        "period_start",
        str,
        pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-01$",
        description="Begin (JJJJ-MM-01).",
    ),
]


class IndicatorListView(generics.ListAPIView[Indicator]):
    """The indicators with a definition that the caller's organisation sees."""

    serializer_class = IndicatorSerializer
    pagination_class = Pages
    required_permission = Permission.VIEW_DASHBOARD

    def get_queryset(self) -> QuerySet[Indicator]:
        """Return the computable indicators, by code."""
        return queries.computable_indicators().order_by("code")


class IndicatorDetailView(generics.RetrieveAPIView[Indicator]):
    """One indicator with its definition and when it was computed; 404 outside the organisation."""

    serializer_class = IndicatorDetailSerializer
    required_permission = Permission.VIEW_DASHBOARD
    lookup_url_kwarg = "indicator_id"

    def get_queryset(self) -> QuerySet[Indicator]:
        """Return the visible catalogue entries with definition and fill state."""
        return Indicator.objects.select_related("definition", "state")


class IndicatorValueListView(generics.ListAPIView[IndicatorValue]):
    """The values of one indicator, filtered by area, level and period."""

    serializer_class = ValueSerializer
    pagination_class = Pages
    required_permission = Permission.VIEW_DASHBOARD

    @extend_schema(parameters=FILTERS)
    def get(self, request, *args, **kwargs):  # type: ignore[no-untyped-def]  # DRF's signature
        """Return one page of values."""
        return super().get(request, *args, **kwargs)

    def get_serializer_context(self) -> dict[str, Any]:
        """Add the years in which the indicator's values rest on demo figures (one query)."""
        return {
            **super().get_serializer_context(),
            "demo_years": demo_years_of([self.kwargs["indicator_id"]]),
        }

    def get_queryset(self) -> QuerySet[IndicatorValue]:
        """Return the values of the indicator in the URL (none for an invisible one)."""
        indicator = generics.get_object_or_404(Indicator.objects.all(), pk=self.kwargs["indicator_id"])
        values = queries.values_of(indicator)
        given = self.request.query_params
        if any("\x00" in str(value) for value in given.values()):
            return values.none()  # no stored code contains NUL, and PostgreSQL refuses it in a query
        filters = {
            "area_code": given.get("area_code"),
            "area_level": _choice(given.get("level"), [code for code, _label in LEVEL_CHOICES]),
            "period_length": _choice(given.get("period_length"), ComputedPeriodChoices.values),
            "period_start": _date(given.get("period_start")),
        }
        values = values.filter(**{name: value for name, value in filters.items() if value is not None})
        return values.order_by("area_level", "area_code", "period_length", "period_start", "pk")


def _choice(value: str | None, allowed: list[str]) -> str | None:
    if value is not None and value not in allowed:
        raise ValidationError({"detail": _("Onbekende waarde: %(value)s") % {"value": value}})
    return value


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValidationError({"period_start": _("Verwacht een datum JJJJ-MM-DD.")}) from error
