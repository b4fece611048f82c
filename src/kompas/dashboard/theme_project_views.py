# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The OOV adviser links a theme of the plan to the regional projects that serve it (point 6)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.cooperation import theme_links
from kompas.cooperation.queries import projects, theme_projects
from kompas.policy.queries import plans

if TYPE_CHECKING:
    from kompas.policy.queries import Theme


def _own_theme(theme_id: int) -> Theme:
    plan = plans().filter(themes__pk=theme_id).first()
    theme = plan.themes.filter(pk=theme_id).first() if plan is not None else None
    if theme is None:
        raise Http404
    return theme


@requires(Permission.EDIT_POLICY)
def theme_projects_page(request: HttpRequest, theme_id: int) -> HttpResponse:
    """List the regional projects linked to a theme; link one more on POST."""
    theme = _own_theme(theme_id)
    if request.method == "POST":
        raw = request.POST.get("project", "")
        try:
            if not raw.isdigit():
                raise ValidationError(_("Kies een project."))
            theme_links.link_project(actor=current_user(request), theme_id=theme.pk, project_id=int(raw))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het project is aan het thema gekoppeld."))
        return redirect("dashboard:theme_projects", theme_id=theme.pk)
    links = theme_projects([theme.pk]).get(theme.pk, [])
    linked = {link.project_id for link in links}
    choices = [project for project in projects().order_by("title") if project.pk not in linked]
    context = {"theme": theme, "links": links, "choices": choices}
    return render(request, "dashboard/theme_projects.html", context)


@require_POST
@requires(Permission.EDIT_POLICY)
def theme_project_unlink(request: HttpRequest, theme_link_id: int) -> HttpResponse:
    """Remove a link between a theme and a regional project, back to the theme's projects."""
    try:
        theme_id = theme_links.unlink_project(actor=current_user(request), link_id=theme_link_id)
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error
    messages.success(request, _("De koppeling is verwijderd."))
    return redirect("dashboard:theme_projects", theme_id=theme_id)
