# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of the REST API, versioned in the path as the NLGov API Design Rules ask."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from kompas.api.views import casework, coverage, indicators, plans, users

app_name = "api"
urlpatterns = [
    path("v1/openapi.json", SpectacularAPIView.as_view(), name="schema"),
    path("v1/me", users.MeView.as_view(), name="me"),
    path("v1/users", users.UserListView.as_view(), name="user_list"),
    path("v1/users/<id:user_id>", users.UserDetailView.as_view(), name="user_detail"),
    path("v1/plans/<id:plan_id>", plans.PlanView.as_view(), name="plan_detail"),
    path("v1/indicators", indicators.IndicatorListView.as_view(), name="indicator_list"),
    path(
        "v1/indicators/<id:indicator_id>", indicators.IndicatorDetailView.as_view(), name="indicator_detail"
    ),
    path(
        "v1/indicators/<id:indicator_id>/values",
        indicators.IndicatorValueListView.as_view(),
        name="indicator_values",
    ),
    path(
        "v1/indicators/<id:indicator_id>/incomplete",
        coverage.IncompleteListView.as_view(),
        name="indicator_incomplete",
    ),
    # --- casework (issue 17): read-only, for participants, through kompas.casework.access ---
    path("v1/casework/signals", casework.SignalListView.as_view(), name="casework_signal_list"),
    path(
        "v1/casework/signals/<id:signal_id>",
        casework.SignalDetailView.as_view(),
        name="casework_signal_detail",
    ),
    path("v1/casework/cases", casework.CaseListView.as_view(), name="casework_case_list"),
    path("v1/casework/cases/<id:case_id>", casework.CaseDetailView.as_view(), name="casework_case_detail"),
    path("v1/casework/groups", casework.GroupListView.as_view(), name="casework_group_list"),
    path(
        "v1/casework/groups/<id:group_id>", casework.GroupDetailView.as_view(), name="casework_group_detail"
    ),
]
