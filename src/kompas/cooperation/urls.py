# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.cooperation."""

from django.urls import path

from kompas.cooperation import document_views, meeting_views, share_views, views

app_name = "cooperation"
urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("verzoek/", views.project_request, name="project_request"),
    path("<id:project_id>/", views.project_detail, name="project_detail"),
    path("<id:project_id>/stap/", views.project_step, name="project_step"),
    path("documenten/", document_views.document_list, name="document_list"),
    path("documenten/nieuw/", document_views.document_upload, name="document_upload"),
    path("documenten/<id:document_id>/", document_views.document_download, name="document_download"),
    path("delen/", share_views.share_list, name="share_list"),
    path("delen/<id:share_id>/intrekken/", share_views.share_revoke, name="share_revoke"),
    path("dvo/", meeting_views.dvo_meetings, name="dvo_meetings"),
    path("dvo/<id:meeting_id>/verwijderen/", meeting_views.dvo_meeting_delete, name="dvo_meeting_delete"),
]
