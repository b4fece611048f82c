# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.dashboard."""

from django.urls import path

from kompas.dashboard import regional_views, theme_project_views, views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("thema/<id:theme_id>/", views.theme_page, name="theme"),
    path("gebied/<str:area_code>/", views.area_page, name="area"),
    path("gezondheid/", views.health, name="health"),
    path("regio/", regional_views.regional_page, name="regional"),
    path("regio/export.xlsx", regional_views.regional_export, name="regional_export"),
    path("regio/regiobeeld.pdf", regional_views.regional_pdf, name="regional_pdf"),
    path("thema/<id:theme_id>/projecten/", theme_project_views.theme_projects_page, name="theme_projects"),
    path(
        "thema/projectkoppeling/<id:theme_link_id>/ontkoppelen/",
        theme_project_views.theme_project_unlink,
        name="theme_project_unlink",
    ),
]
