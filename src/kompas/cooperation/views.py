# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Pages of the Platform's work process: the projects, one project, a request, one step."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation import meetings, queries
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.formats import ASSIGNMENT, CRITERIA, EVALUATION, PLAN
from kompas.cooperation.forms import RequestForm, step_form
from kompas.cooperation.models import Project
from kompas.cooperation.steps import municipalities_met
from kompas.cooperation.workflow import (
    TRANSITIONS,
    StaleProjectError,
    advance,
    available,
    may,
    submit_request,
)


def _project(project_id: int) -> Project:
    found = queries.project(project_id)
    if found is None:
        raise Http404(_("Dit project bestaat niet of hoort niet bij uw platform."))
    return found


def _errors_to_form(form: Form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@requires(Permission.VIEW_PROJECTS)
def project_list(request: HttpRequest) -> HttpResponse:
    """List the projects of the user's Platforms with their state."""
    user = current_user(request)
    platform = queries.platform_for(user.organisation_id)
    can_request = platform is not None and may(user, TRANSITIONS["submit"], None, platform)
    coordinates = has_permission(user.role, Permission.COORDINATE_PROJECTS)
    reminders = queries.platform_calendar(user.organisation_id, timezone.localdate()) if coordinates else []
    context = {
        "projects": queries.projects(),
        "platform": platform,
        "can_request": can_request,
        "can_share": platform is not None
        and platform.organisation_id != user.organisation_id
        and has_permission(user.role, Permission.EDIT_POLICY),
        "reminders": reminders,
        "can_plan_dvo": coordinates
        and platform is not None
        and platform.organisation_id == user.organisation_id,
    }
    return render(request, "cooperation/project_list.html", context)


@requires(Permission.REQUEST_PROJECTS)
def project_request(request: HttpRequest) -> HttpResponse:
    """Submit a project request to the user's Platform."""
    user = current_user(request)
    platform = queries.platform_for(user.organisation_id)
    form = RequestForm(request.POST or None)
    if platform is not None and request.method == "POST" and form.is_valid():
        try:
            created = submit_request(actor=user, platform=platform, data=form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Het projectverzoek is ingediend."))
            return redirect("cooperation:project_detail", project_id=created.pk)
    return render(request, "cooperation/project_request.html", {"form": form, "platform": platform})


@requires(Permission.VIEW_PROJECTS)
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    """Show a project: request, assignment, selection, staffing, plan, progress, evaluation."""
    found = _project(project_id)
    count, enough = municipalities_met(found)
    names = [PARTICIPANTS.get(code, code) for code in found.municipalities]
    context = {
        "project": found,
        "steps": available(current_user(request), found),
        "assignment": [(field, found.assignment.get(field.code, "")) for field in ASSIGNMENT],
        "criteria": [(label, found.criteria.get(code)) for code, label in CRITERIA],
        "plan": [(field, found.plan.get(field.code, "")) for field in PLAN],
        "evaluation": [(field, found.evaluation.get(field.code, "")) for field in EVALUATION],
        "municipalities": names,
        "municipality_count": count,
        "criterion_4": enough,
        "reports": queries.progress_reports(found),
        "dvo_wait": meetings.dvo_wait(found, timezone.localdate()),
    }
    return render(request, "cooperation/project_detail.html", context)


@requires(Permission.VIEW_PROJECTS)
def project_step(request: HttpRequest, project_id: int) -> HttpResponse:
    """Take one step of the work process on a project (the step is named in ``stap``)."""
    found = _project(project_id)
    user = current_user(request)
    name = request.POST.get("stap") or request.GET.get("stap") or ""
    transition = TRANSITIONS.get(name)
    if transition is None or name == "submit":
        raise Http404(_("Onbekende stap."))
    if not may(user, transition, found, found.platform):
        raise PermissionDenied(_("U mag deze stap bij dit project niet zetten."))
    form = step_form(name, found, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        try:
            advance(actor=user, project=found, name=name, data=data, version=form.cleaned_data["version"])
        except ValidationError as error:
            _errors_to_form(form, error)
        except StaleProjectError:
            form.add_error(
                None, _("Iemand anders heeft het project intussen gewijzigd. Laad de pagina opnieuw.")
            )
        else:
            messages.success(request, _("Stap gezet: %(step)s.") % {"step": transition.label})
            return redirect("cooperation:project_detail", project_id=found.pk)
    return render(
        request, "cooperation/project_step.html", {"project": found, "form": form, "transition": transition}
    )
