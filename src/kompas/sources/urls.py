# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.sources."""

from django.urls import path

from kompas.sources import views

app_name = "sources"
urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("importeren/", views.import_upload, name="import"),
    path("importruns/<id:run_id>/", views.run_detail, name="run_detail"),
    path("importruns/<id:run_id>/intrekken/", views.run_withdraw, name="run_withdraw"),
]
