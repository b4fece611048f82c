# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The page on which the regiocoördinator enters the DVO meeting dates of a year."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.models import User
from kompas.accounts.roles import Permission
from kompas.cooperation import meetings, queries
from kompas.cooperation.models import Platform


def _own_platform(user: User) -> Platform:
    """Return the Platform the user's organisation *is* (its coordinator keeps the dates), or 404."""
    platform = queries.platform_for(user.organisation_id)
    if platform is None or platform.organisation_id != user.organisation_id:
        raise Http404(_("Alleen de regiocoördinator van het platform voert de DVO-vergaderdata in."))
    return platform


def _year(raw: str) -> int:
    return int(raw) if raw.isdigit() and len(raw) == 4 else timezone.localdate().year


@requires(Permission.COORDINATE_PROJECTS)
def dvo_meetings(request: HttpRequest) -> HttpResponse:
    """Show a year's DVO meetings; on POST make the entered dates that year's meetings."""
    user = current_user(request)
    platform = _own_platform(user)
    year = _year(request.POST.get("jaar", "") or request.GET.get("jaar", ""))
    text = request.POST.get("data", "")
    error = ""
    if request.method == "POST":
        try:
            meetings.set_year(actor=user, platform=platform, year=year, text=text)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("De DVO-vergaderdata van %(year)d zijn opgeslagen.") % {"year": year})
            return redirect(f"{request.path}?jaar={year}")
    found = meetings.meetings_of_year(platform, year)
    context = {
        "platform": platform,
        "year": year,
        "meetings": found,
        "text": text if error else "\n".join(m.date.strftime("%d-%m-%Y") for m in found),
        "error": error,
    }
    return render(request, "cooperation/dvo_meetings.html", context, status=400 if error else 200)


@require_POST
@requires(Permission.COORDINATE_PROJECTS)
def dvo_meeting_delete(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Remove one DVO meeting of the coordinator's own Platform."""
    user = current_user(request)
    _own_platform(user)
    try:
        meetings.remove_meeting(actor=user, meeting_id=meeting_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De DVO-vergadering is verwijderd."))
    return redirect("cooperation:dvo_meetings")
