# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``/api/v1/indicators/<id>/incomplete``: parents whose parts only partly have a value."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.accounts.roles import Permission
from kompas.api.serializers.coverage import IncompleteSerializer
from kompas.indicators.coverage import incomplete_rows
from kompas.indicators.models import ComputedPeriodChoices, Indicator

PARENT_LEVELS = ["wijk", "gemeente", "provincie", "land"]
PARAMETERS = [
    OpenApiParameter("level", str, enum=PARENT_LEVELS, description="Gebiedsniveau (standaard gemeente)."),
    OpenApiParameter(
        "period_length", str, enum=ComputedPeriodChoices.values, description="Periodelengte (standaard year)."
    ),
    OpenApiParameter(
        "period_start",
        str,
        required=True,
        pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-01$",
        description="Begin (JJJJ-MM-01).",
    ),
]


class IncompleteListView(APIView):
    """The areas of a level without a value in a period because only some of their parts have one."""

    required_permission = Permission.VIEW_DASHBOARD

    @extend_schema(parameters=PARAMETERS, responses=IncompleteSerializer(many=True))
    def get(self, request: Request, indicator_id: int) -> Response:
        """Return every such area with its coverage: *onvolledig (22 van 26 buurten)*."""
        indicator = generics.get_object_or_404(Indicator.objects.all(), pk=indicator_id)
        given = request.query_params
        level, length = given.get("level", "gemeente"), given.get("period_length", "year")
        for value, allowed in ((level, PARENT_LEVELS), (length, ComputedPeriodChoices.values)):
            if value not in allowed:
                raise ValidationError({"detail": _("Onbekende waarde: %(value)s") % {"value": value}})
        try:
            start = dt.date.fromisoformat(given.get("period_start", ""))
        except ValueError as error:
            raise ValidationError({"period_start": _("Verwacht een datum JJJJ-MM-DD.")}) from error
        rows = incomplete_rows(indicator, level, length, start)
        return Response({"results": [IncompleteSerializer(row).data for row in rows]})
