# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Import pages: upload a file, the history of imports, and one import with its errors and changes."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.observations.changes import changes_of_run
from kompas.sources import queries
from kompas.sources.assumptions import describe
from kompas.sources.forms import ImportForm
from kompas.sources.load import import_file, withdraw_import
from kompas.sources.report import outcome
from kompas.sources.runs import previous_import
from kompas.sources.withdrawal import WITHDRAWABLE, WithdrawRefusedError

CHANGES_PER_PAGE = 100


@requires(Permission.IMPORT_DATA)
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """Offer the upload form; import a posted file and show its run."""
    user = current_user(request)
    form = ImportForm(request.POST or None, request.FILES or None, organisation=user.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        options: dict[str, object] = dict(data["options"])
        with _kept(data["mapping"], "mapping.toml") as mapping, _kept(data["areas"], "wijken.json") as areas:
            if areas is not None:
                options["areas"] = str(areas)
            run = import_file(
                data["file"].read(),
                file_name=data["file"].name,
                format=data["format"],
                organisation=user.organisation,
                actor=user,
                mapping=mapping,
                options=options,
                create_areas=data["create_areas"],
                dry_run=data["dry_run"],
                replaces=data["replaces"],
            )
        target = reverse("sources:run_detail", kwargs={"run_id": run.pk})
        # A form sent by htmx shows its progress indicator; the browser then loads the run page.
        return HttpResponseClientRedirect(target) if request.headers.get("HX-Request") else redirect(target)
    return render(request, "sources/import_form.html", {"form": form})


@requires(Permission.IMPORT_DATA)
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    """List the organisation's imports, newest first."""
    page = Paginator(queries.import_runs(), 50).get_page(request.GET.get("pagina"))
    return render(request, "sources/run_list.html", {"page": page})


@requires(Permission.IMPORT_DATA)
@require_GET
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """Show one import: counts, the error report, the replaced values and the warnings."""
    run = queries.import_run(run_id)
    if run is None:
        raise Http404
    page = Paginator(range(run.rows_changed), CHANGES_PER_PAGE).get_page(request.GET.get("pagina"))
    changes = (
        changes_of_run(run.pk, offset=page.start_index() - 1, limit=CHANGES_PER_PAGE)
        if run.rows_changed
        else []
    )
    context = {
        "run": run,
        "outcome": outcome(run),
        "previous": previous_import(run),
        "page": page,
        "changes": changes,
        "errors_not_listed": max(0, run.error_count - len(run.errors)),
        "settings": describe(run.assumptions) if run.assumptions else "",
        "may_withdraw": run.organisation_id is not None and run.status in WITHDRAWABLE,
    }
    return render(request, "sources/run_detail.html", context)


@requires(Permission.IMPORT_DATA)
@require_http_methods(["GET", "POST"])
def run_withdraw(request: HttpRequest, run_id: int) -> HttpResponse:
    """Show what withdrawing the organisation's own run would do; withdraw it on confirmation.

    Shared open data runs are the operator's (ADR 0011): they are withdrawn on the command line.
    """
    run = queries.import_run(run_id)
    if run is None or run.organisation_id is None:
        raise Http404
    try:
        planned = withdraw_import(run, actor=None, dry_run=True)
    except WithdrawRefusedError as refused:
        return render(request, "sources/run_withdraw.html", {"run": run, "refusal": refused.message})
    if request.method == "POST":
        try:
            done = withdraw_import(run, actor=current_user(request), dry_run=False)
        except WithdrawRefusedError as refused:  # a later run came in after the page was shown
            return render(request, "sources/run_withdraw.html", {"run": run, "refusal": refused.message})
        messages.success(request, done.sentence())
        return redirect("sources:run_detail", run_id=run.pk)
    return render(request, "sources/run_withdraw.html", {"run": run, "planned": planned})


@contextmanager
def _kept(upload: UploadedFile[bytes] | None, default_name: str) -> Iterator[Path | None]:
    """Keep an uploaded side file (mapping description, wijken list) on disk while the import
    reads it; the path is Kompas's own, never one a user named."""
    if upload is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="kompas-upload-") as folder:
        path = Path(folder) / Path(upload.name or default_name).name
        path.write_bytes(upload.read())
        yield path
