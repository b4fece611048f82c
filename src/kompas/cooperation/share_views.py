# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The page on which a municipality shares its own figures with its Platform, and revokes them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.cooperation import queries, sharing
from kompas.observations.queries import own_measures


@requires(Permission.EDIT_POLICY)
def share_list(request: HttpRequest) -> HttpResponse:
    """List the organisation's own measures and what it shares; share one more on POST."""
    user = current_user(request)
    platform = queries.platform_for(user.organisation_id)
    if platform is None or platform.organisation_id == user.organisation_id:
        raise Http404(_("Uw organisatie neemt niet deel aan een platform."))
    if request.method == "POST":
        try:
            sharing.share_measure(
                actor=user, platform=platform, measure_code=request.POST.get("maatstaf", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De eigen cijfers van deze maatstaf zijn gedeeld met het Platform."))
        return redirect("cooperation:share_list")
    shares = list(sharing.active_shares(user.organisation))
    shared_codes = {share.measure_code for share in shares}
    measures = own_measures(user.organisation_id)
    context = {
        "platform": platform,
        "shares": [(share, measures.get(share.measure_code, share.measure_code)) for share in shares],
        "unshared": [(code, name) for code, name in measures.items() if code not in shared_codes],
    }
    return render(request, "cooperation/share_list.html", context)


@require_POST
@requires(Permission.EDIT_POLICY)
def share_revoke(request: HttpRequest, share_id: int) -> HttpResponse:
    """Revoke a share of the organisation's own figures: the Platform no longer sees them."""
    try:
        sharing.revoke_share(actor=current_user(request), share_id=share_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het delen is ingetrokken; het Platform ziet deze cijfers niet meer."))
    return redirect("cooperation:share_list")
