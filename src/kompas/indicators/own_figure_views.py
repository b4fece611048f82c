# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The page for an own figure of an indicator: one value from the municipality's own report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission
from kompas.indicators.forms import OwnFigureForm
from kompas.indicators.incremental import measures_of
from kompas.indicators.models import Indicator
from kompas.indicators.queries import definition_of
from kompas.indicators.vocabulary import Formula
from kompas.observations.own_figures import OwnFigure, own_areas, record_own_figure
from kompas.observations.queries import measure_labels


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def own_figure(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Enter or correct an own figure for a measure of the indicator."""
    actor = current_user(request)
    indicator = get_object_or_404(Indicator.objects.select_related("definition"), pk=indicator_id)
    form = OwnFigureForm(
        request.POST or None, measures=_measures(indicator), areas=own_areas(actor.organisation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            record_own_figure(actor=actor, figure=OwnFigure(**form.cleaned_data))
        except ValidationError as refused:
            for field, problems in refused.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, _("Eigen cijfer opgeslagen; de indicator wordt opnieuw berekend."))
            return redirect("indicators:indicator_detail", indicator_id=indicator.pk)
    context = {"indicator": indicator, "form": form}
    return render(request, "indicators/own_figure.html", context, status=400 if form.errors else 200)


def _measures(indicator: Indicator) -> list[tuple[str, str]]:
    """Return the measures the indicator reads, as choices (none without a definition)."""
    if not hasattr(indicator, "definition"):
        return []
    definition = definition_of(indicator.definition)
    codes = list(measures_of(definition).all) if definition.formula is not Formula.COMPOSITE else []
    labels = measure_labels(codes)
    return [(code, f"{labels[code][0]} ({code})" if code in labels else code) for code in codes]
