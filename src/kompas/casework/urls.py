# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.casework."""

from django.urls import path

from kompas.casework import change_views, figure_views, open_views, views

app_name = "casework"
urlpatterns = [
    path("", views.home, name="home"),
    path("signalen/nieuw/", open_views.signal_open, name="signal_open"),
    path("signalen/<id:signal_id>/", views.signal_detail, name="signal_detail"),
    path(
        "signalen/<id:signal_id>/deelnemers/",
        change_views.signal_participant_add,
        name="signal_participant_add",
    ),
    path("casussen/nieuw/", open_views.case_open, name="case_open"),
    path("casussen/<id:case_id>/", views.case_detail, name="case_detail"),
    path("casussen/<id:case_id>/opschalen/", views.case_escalate, name="case_escalate"),
    path("casussen/<id:case_id>/triage/", change_views.case_triage, name="case_triage"),
    path("casussen/<id:case_id>/plan/", change_views.plan_item_add, name="plan_item_add"),
    path("casussen/<id:case_id>/afsluiten/", change_views.case_close, name="case_close"),
    path("casussen/<id:case_id>/deelnemers/", change_views.case_participant_add, name="case_participant_add"),
    path("jeugdgroepen/nieuw/", open_views.group_open, name="group_open"),
    path("jeugdgroepen/<id:group_id>/", views.group_detail, name="group_detail"),
    path("jeugdgroepen/<id:group_id>/opheffen/", change_views.group_dissolve, name="group_dissolve"),
    path("jeugdgroepen/<id:group_id>/groepsscan/", change_views.scan_request, name="scan_request"),
    path(
        "jeugdgroepen/<id:group_id>/deelnemers/",
        change_views.group_participant_add,
        name="group_participant_add",
    ),
    path("groepsscans/<id:scan_id>/uitkomst/", change_views.scan_result, name="scan_result"),
    path(
        "deelnames/<id:participation_id>/beeindigen/",
        change_views.participation_end,
        name="participation_end",
    ),
    path("cijfers/", figure_views.figures, name="figures"),
    path("cijfers/export/", figure_views.figures_export, name="figures_export"),
]
