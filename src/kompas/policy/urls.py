# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""URLs of kompas.policy (Dutch paths). Every part of the plan has the same four pages: its own
page with history, edit, delete, and create under its theme or plan."""

from django.urls import URLPattern, path

from kompas.policy.parts import PARTS
from kompas.policy.views import capacity, catalogue, editing, exports, pages

app_name = "policy"


def _part_urls(noun: str) -> list[URLPattern]:
    part = PARTS[noun]
    own = f"{part.slug}/<id:{noun}_id>/"
    under = f"{'thema' if part.parent == 'theme' else 'plan'}/<id:{part.parent}_id>/{part.slug}/nieuw/"
    kind = {"noun": noun}
    urls = [
        path(own, editing.part_detail, kind, name=f"{noun}_detail"),
        path(own + "bewerken/", editing.part_edit, kind, name=f"{noun}_edit"),
    ]
    if part.deletable:
        urls.append(path(own + "verwijderen/", editing.part_delete, kind, name=f"{noun}_delete"))
    if part.parent:
        urls.append(path(under, editing.part_create, kind, name=f"{noun}_create"))
    return urls


urlpatterns = [
    path("", pages.home, name="home"),
    path("plan/<id:plan_id>/", pages.plan_detail, name="plan_detail"),
    path("plan/<id:plan_id>/bewerken/", editing.part_edit, {"noun": "plan"}, name="plan_edit"),
    path("plan/<id:plan_id>/begroting/", pages.budget, name="budget"),
    path("plan/<id:plan_id>/capaciteit-en-scenarios/", capacity.capacity_page, name="capacity"),
    path("plan/<id:plan_id>/controle/", pages.plan_check, name="check"),
    path("plan/<id:plan_id>/export/", exports.plan_export, name="export"),
    path("plan/<id:plan_id>/thema/nieuw/", editing.part_create, {"noun": "theme"}, name="theme_create"),
    path("thema/<id:theme_id>/", pages.theme_detail, name="theme_detail"),
    path("thema/<id:theme_id>/bewerken/", editing.part_edit, {"noun": "theme"}, name="theme_edit"),
    path("thema/<id:theme_id>/verwijderen/", editing.part_delete, {"noun": "theme"}, name="theme_delete"),
    path("thema/<id:theme_id>/indicator/nieuw/", catalogue.indicator_create, name="indicator_create"),
    path("indicator/<id:indicator_id>/bewerken/", catalogue.indicator_edit, name="indicator_edit"),
]
for _noun in PARTS:
    if _noun not in ("plan", "theme"):
        urlpatterns += _part_urls(_noun)
