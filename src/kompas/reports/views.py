# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The report pages: choose a report, follow it while it is made in the background, fetch it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.models import User
from kompas.accounts.roles import Permission, suppresses
from kompas.areas.queries import map_shapes
from kompas.policy.queries import latest_plan, plans
from kompas.reports.forms import ReportForm
from kompas.reports.jobs import (
    ReportLimitError,
    ReportUnavailableError,
    download,
    expires_at,
    get_job_for,
    jobs_of,
    request_report,
)
from kompas.reports.models import ReportJob
from kompas.reports.options import ReportFormat
from kompas.reports.selection import default_year, selectable_years

# How often the progress page asks for news, in seconds.
POLL_SECONDS = 2
HTMX_STOP_POLLING = 286


def _form(request: HttpRequest, user: User) -> ReportForm:
    organisation = user.organisation
    plan = latest_plan()
    year = default_year(organisation, plan)
    areas = []
    if organisation.cbs_code:
        wijken = map_shapes("wijk", year, organisation.cbs_code)
        areas = [(organisation.cbs_code, organisation.name), *((s.code, s.name) for s in wijken)]
    return ReportForm(
        request.POST if request.method == "POST" else request.GET,
        plans=list(plans()),
        themes=list(plan.themes.order_by("number")) if plan else [],
        years=selectable_years(organisation, plan),
        areas=areas,
        forced_public=suppresses(user.role),
    )


def _page(request: HttpRequest, user: User, form: ReportForm, status: int = 200) -> HttpResponse:
    context = {"form": form, "jobs": jobs_of(user)}
    return render(request, "reports/report_page.html", context, status=status)


@requires(Permission.VIEW_DASHBOARD)
def report_page(request: HttpRequest) -> HttpResponse:
    """Show the report choices and the user's recent reports."""
    user = current_user(request)
    return _page(request, user, _form(request, user))


@require_http_methods(["GET", "POST"])
@requires(Permission.VIEW_DASHBOARD)
def report_generate(request: HttpRequest) -> HttpResponse:
    """Queue the chosen report and show its progress page; over a limit answer 429 with the reason.

    A GET (the report links on dashboard pages) only fills in the choices: asking for a report
    takes a place in the queue, so it needs the form's POST.
    """
    user = current_user(request)
    form = _form(request, user)
    if request.method == "GET":
        return _page(request, user, form)
    if not form.is_valid():
        return _page(request, user, form, status=400)
    try:
        job = request_report(actor=user, options=form.options())
    except ReportLimitError as error:
        form.add_error(None, str(error))
        return _page(request, user, form, status=429)
    if request.headers.get("HX-Request"):
        return HttpResponseClientRedirect(job_url(job))
    return redirect("reports:job", job_id=job.pk)


def job_url(job: ReportJob) -> str:
    """Return the progress page of ``job``."""
    return reverse("reports:job", kwargs={"job_id": job.pk})


def _own_job(request: HttpRequest, job_id: int) -> ReportJob:
    user = current_user(request)
    try:
        return get_job_for(user, job_id)
    except ReportJob.DoesNotExist:
        raise Http404 from None


def _job_context(job: ReportJob) -> dict[str, object]:
    return {"job": job, "poll_seconds": POLL_SECONDS, "expires_at": expires_at(job)}


@requires(Permission.VIEW_DASHBOARD)
def job_page(request: HttpRequest, job_id: int) -> HttpResponse:
    """Show how far the user's report is, with the download link once it is made."""
    job = _own_job(request, job_id)
    return render(request, "reports/job_page.html", _job_context(job))


@requires(Permission.VIEW_DASHBOARD)
def job_status(request: HttpRequest, job_id: int) -> HttpResponse:
    """Return the status part of the progress page, polled by htmx while the job is active.

    A finished job answers 286, htmx's sign to stop polling.
    """
    job = _own_job(request, job_id)
    status = 200 if job.is_active else HTMX_STOP_POLLING
    return render(request, "reports/_job_status.html", _job_context(job), status=status)


@requires(Permission.VIEW_DASHBOARD)
def job_download(request: HttpRequest, job_id: int) -> HttpResponse:
    """Hand out the made file of the user's own report."""
    user = current_user(request)
    job = _own_job(request, job_id)
    try:
        output = download(actor=user, job=job)
    except ReportUnavailableError as error:
        context = _job_context(job) | {"refusal": str(error)}
        return render(request, "reports/job_page.html", context, status=409)
    response = HttpResponse(output.body, content_type=output.content_type)
    disposition = "inline" if job.format == ReportFormat.HTML else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{output.filename}"'
    return response
