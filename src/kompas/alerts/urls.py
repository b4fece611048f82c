# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.alerts."""

from django.urls import path

from kompas.alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.alert_list, name="alert_list"),
    path("<id:alert_id>/", views.alert_detail, name="alert_detail"),
    path("samenvatting/", views.digest_subscription, name="digest"),
    path("instellingen/", views.setting_list, name="setting_list"),
    path("instellingen/kosten/", views.setting_cost, name="setting_cost"),
    path("instellingen/nieuw/", views.setting_edit, name="setting_create"),
    path("instellingen/<str:measure_code>/", views.setting_edit, name="setting_edit"),
]
