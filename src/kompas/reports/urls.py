# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.reports."""

from django.urls import path

from kompas.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_page, name="home"),
    path("maken/", views.report_generate, name="generate"),
    path("opdracht/<id:job_id>/", views.job_page, name="job"),
    path("opdracht/<id:job_id>/status/", views.job_status, name="job_status"),
    path("opdracht/<id:job_id>/bestand/", views.job_download, name="job_download"),
]
