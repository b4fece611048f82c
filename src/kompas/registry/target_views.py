# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Partner targets: realisation against target per year, entering a realisation, changing or
removing a target, and loading a partner's targets file."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission
from kompas.registry import partner_targets
from kompas.registry.forms import STALE, TargetFileForm, TargetForm, add_errors
from kompas.registry.models import PartnerTarget

# A targets file holds a few dozen lines; anything much larger is not one.
MAX_FILE_BYTES = 1024 * 1024


@requires(Permission.VIEW_DASHBOARD)
def target_list(request: HttpRequest) -> HttpResponse:
    """Show each year's targets with the realisation and the share realised."""
    context = {
        "years": partner_targets.by_year(),
        "can_edit": has_permission(current_user(request).role, Permission.EDIT_REGISTRY),
    }
    return render(request, "registry/target_list.html", context)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def target_realise(request: HttpRequest, target_id: int) -> HttpResponse:
    """Record the realisation of one target (the version the user saw)."""
    target = PartnerTarget.objects.filter(pk=target_id).first()
    if target is None:
        messages.error(request, _("Dit streefcijfer bestaat niet (meer)."))
        return redirect("registry:target_list")
    text = request.POST.get("realisatie", "").strip()
    try:
        realisation = int(text) if text else None
        version = int(request.POST.get("version", target.version))
        partner_targets.set_realisation(
            actor=current_user(request), target_id=target.pk, version=version, realisation=realisation
        )
    except partner_targets.StaleTargetError:
        messages.error(request, _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw."))
    except ValueError:
        messages.error(request, _("Vul een geheel getal in."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Realisatie opgeslagen."))
    return redirect("registry:target_list")


def _target(target_id: int) -> PartnerTarget:
    target = PartnerTarget.objects.filter(pk=target_id).first()
    if target is None:
        raise Http404
    return target


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, target_id: int) -> HttpResponse:
    """Change one target (year, wording, number, realisation), refusing bad input and stale versions."""
    target = _target(target_id)
    initial = {name: getattr(target, name) for name in partner_targets.TARGET_FIELDS}
    form = TargetForm(request.POST or None, initial={**initial, "version": target.version})
    if request.method == "POST" and form.is_valid():
        try:
            partner_targets.change_target(
                actor=current_user(request),
                target_id=target.pk,
                version=form.cleaned_data.get("version") or 0,
                data=form.target_input(),
            )
        except partner_targets.StaleTargetError:
            form.add_error(None, STALE)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Streefcijfer opgeslagen."))
            return redirect("registry:target_list")
    context = {"form": form, "target": target}
    return render(request, "registry/target_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["POST"])
def target_delete(request: HttpRequest, target_id: int) -> HttpResponse:
    """Remove one target with its realisation (the version the user saw)."""
    target = _target(target_id)
    try:
        version = int(request.POST.get("version", target.version))
        partner_targets.delete_target(actor=current_user(request), target_id=target.pk, version=version)
    except (partner_targets.StaleTargetError, ValueError):
        messages.error(request, STALE)
    else:
        messages.success(request, _("Streefcijfer verwijderd."))
    return redirect("registry:target_list")


@requires(Permission.EDIT_REGISTRY)
@require_http_methods(["GET", "POST"])
def target_load(request: HttpRequest) -> HttpResponse:
    """Load a partner's targets file; a file with any problem stores nothing and says where."""
    form = TargetFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(
                    _("Dit bestand is te groot voor een bestand met streefcijfers (ten hoogste 1 MB).")
                )
            try:
                text = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError(_("Dit bestand is geen tekst in UTF-8.")) from None
            stored = partner_targets.load_targets(actor=current_user(request), text=text, source=upload.name)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(count)s streefcijfers van %(year)s ingelezen uit %(file)s.")
                % {"count": len(stored), "year": stored[0].year, "file": upload.name},
            )
            return redirect("registry:target_list")
    return render(request, "registry/target_load.html", {"form": form}, status=400 if form.errors else 200)
