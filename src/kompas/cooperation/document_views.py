# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Pages of the online apothekerskast: search, upload, download (only for the audience)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from kompas.accounts.current import current_user
from kompas.accounts.decorators import AUTHENTICATED, requires
from kompas.accounts.roles import Permission
from kompas.cooperation import catalogue, queries
from kompas.cooperation.forms import DocumentForm, SearchForm


@requires(AUTHENTICATED)
def document_list(request: HttpRequest) -> HttpResponse:
    """List the documents the user may see, searched over title and description."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "documents": catalogue.search(query)[:200], "query": query}
    return render(request, "cooperation/document_list.html", context)


@requires(Permission.VIEW_PROJECTS)
def document_upload(request: HttpRequest) -> HttpResponse:
    """Add a document to the catalogue; a refused upload stores nothing."""
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        user = current_user(request)
        upload = form.cleaned_data["file"]
        try:
            catalogue.add_document(
                actor=user,
                platform=queries.platform_for(user.organisation_id),
                data=form.cleaned_data,
                name=upload.name,
                content=upload.read(),
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, _("Het document is toegevoegd."))
            return redirect("cooperation:document_list")
    return render(request, "cooperation/document_upload.html", {"form": form})


@requires(AUTHENTICATED)
def document_download(request: HttpRequest, document_id: int) -> HttpResponse:
    """Hand out a document's file to a reader in its audience; anyone else gets a 404."""
    found = catalogue.open_document(document_id)
    if found is None:
        raise Http404(_("Dit document bestaat niet of is niet voor u bestemd."))
    document, handle = found
    with handle:
        response = HttpResponse(handle.read(), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.file_name
    )
    return response
