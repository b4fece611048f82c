# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan in the REST API: the same document as the JSON export."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.accounts.roles import Permission
from kompas.policy.export import plan_data
from kompas.policy.models import Plan


class PlanView(APIView):
    """One plan of the caller's organisation, as documented in docs/plan-export.md."""

    required_permission = Permission.VIEW_DASHBOARD

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        operation_id="plan_detail",
    )
    def get(self, request: Request, plan_id: int) -> Response:
        """Return the plan export; 404 for plans of other organisations and unknown ids alike."""
        plan = Plan.objects.select_related("organisation").filter(pk=plan_id).first()
        if plan is None:
            raise NotFound
        return Response(plan_data(plan))
