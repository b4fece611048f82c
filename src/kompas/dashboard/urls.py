# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.dashboard."""

from django.urls import path

from kompas.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("gezondheid/", views.health, name="health"),
]
