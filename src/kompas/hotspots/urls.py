# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.hotspots."""

from django.urls import path

from kompas.hotspots import area_views, views

app_name = "hotspots"
urlpatterns = [
    path("voorspelling/", views.forecast, name="forecast"),
    path("gebieden/", area_views.areas, name="areas"),
]
