# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Partner targets: realisation against target per year, and entering a realisation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission
from kompas.registry import partner_targets
from kompas.registry.models import PartnerTarget


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
