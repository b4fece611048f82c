# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of the REST API, versioned in the path as the NLGov API Design Rules ask."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from kompas.api import views
from kompas.indicators.api import IndicatorDetailView, IndicatorListView, IndicatorValueListView
from kompas.policy.api import PlanView

app_name = "api"
urlpatterns = [
    path("v1/openapi.json", SpectacularAPIView.as_view(), name="schema"),
    path("v1/me", views.MeView.as_view(), name="me"),
    path("v1/users", views.UserListView.as_view(), name="user_list"),
    path("v1/users/<id:user_id>", views.UserDetailView.as_view(), name="user_detail"),
    path("v1/plans/<id:plan_id>", PlanView.as_view(), name="plan_detail"),
    path("v1/indicators", IndicatorListView.as_view(), name="indicator_list"),
    path("v1/indicators/<id:indicator_id>", IndicatorDetailView.as_view(), name="indicator_detail"),
    path("v1/indicators/<id:indicator_id>/values", IndicatorValueListView.as_view(), name="indicator_values"),
]
