# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.indicators (Dutch paths)."""

from django.urls import path

from kompas.indicators import own_figure_views, views

app_name = "indicators"
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("<id:indicator_id>/", views.indicator_detail, name="indicator_detail"),
    path("<id:indicator_id>/eigen-cijfer/", own_figure_views.own_figure, name="own_figure"),
]
