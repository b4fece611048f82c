# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.registry."""

from django.urls import path

from kompas.registry import event_views, functionary_views, oto_views, paspoort_views, target_views, views

app_name = "registry"
urlpatterns = [
    path("activiteiten/", views.activity_list, name="activity_list"),
    path("activiteiten/nieuw/", views.activity_edit, name="activity_create"),
    path("activiteiten/<id:activity_id>/", views.activity_detail, name="activity_detail"),
    path("activiteiten/<id:activity_id>/bewerken/", views.activity_edit, name="activity_edit"),
    path("activiteiten/<id:activity_id>/verwijderen/", views.activity_delete, name="activity_delete"),
    path("koppelingen/", views.link_list, name="link_list"),
    path("koppelingen/nieuw/", views.link_edit, name="link_create"),
    path("koppelingen/<id:link_id>/", views.link_edit, name="link_edit"),
    path("koppelingen/<id:link_id>/verwijderen/", views.link_delete, name="link_delete"),
    path("evenementen/", event_views.event_calendar, name="event_calendar"),
    path("evenementen/nieuw/", event_views.event_edit, name="event_create"),
    path("evenementen/<id:event_id>/", event_views.event_detail, name="event_detail"),
    path("evenementen/<id:event_id>/bewerken/", event_views.event_edit, name="event_edit"),
    path("evenementen/<id:event_id>/verwijderen/", event_views.event_delete, name="event_delete"),
    path("paspoort/", paspoort_views.own_dossier, name="own_dossier"),
    path("paspoort/overzicht/", paspoort_views.paspoort_overview, name="paspoort_overview"),
    path("paspoort/<id:functionary_id>/", paspoort_views.dossier, name="dossier"),
    path("paspoort/functionaris/nieuw/", functionary_views.functionary_create, name="functionary_create"),
    path(
        "paspoort/functionaris/<id:functionary_id>/bewerken/",
        functionary_views.functionary_edit,
        name="functionary_edit",
    ),
    path(
        "paspoort/functionaris/<id:functionary_id>/verwijderen/",
        functionary_views.functionary_delete,
        name="functionary_delete",
    ),
    path(
        "paspoort/functie/<id:function_id>/bewerken/", functionary_views.function_edit, name="function_edit"
    ),
    path(
        "paspoort/functie/<id:function_id>/verwijderen/",
        functionary_views.function_delete,
        name="function_delete",
    ),
    path("paspoort/oto/nieuw/", oto_views.oto_create, name="oto_create"),
    path("paspoort/oto/<id:oto_id>/bewerken/", oto_views.oto_edit, name="oto_edit"),
    path("paspoort/oto/<id:oto_id>/verwijderen/", oto_views.oto_delete, name="oto_delete"),
    path("streefcijfers/", target_views.target_list, name="target_list"),
    path("streefcijfers/inlezen/", target_views.target_load, name="target_load"),
    path("streefcijfers/<id:target_id>/", target_views.target_realise, name="target_realise"),
    path("streefcijfers/<id:target_id>/bewerken/", target_views.target_edit, name="target_edit"),
    path("streefcijfers/<id:target_id>/verwijderen/", target_views.target_delete, name="target_delete"),
]
