# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.casework."""

from django.urls import path

from kompas.casework import figure_views, views

app_name = "casework"
urlpatterns = [
    path("", views.home, name="home"),
    path("signalen/<id:signal_id>/", views.signal_detail, name="signal_detail"),
    path("casussen/<id:case_id>/", views.case_detail, name="case_detail"),
    path("casussen/<id:case_id>/opschalen/", views.case_escalate, name="case_escalate"),
    path("jeugdgroepen/<id:group_id>/", views.group_detail, name="group_detail"),
    path("cijfers/", figure_views.figures, name="figures"),
    path("cijfers/export/", figure_views.figures_export, name="figures_export"),
]
