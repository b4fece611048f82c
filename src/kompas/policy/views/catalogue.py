# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Adding a measurement to a themablad and editing the organisation's own indicator entries."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts import audit
from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.models import AuditRecord
from kompas.accounts.roles import Permission
from kompas.indicators.catalogue import CATALOGUE_FIELDS, Indicator, save_indicator
from kompas.policy import edit, history
from kompas.policy.forms import IndicatorForm
from kompas.policy.models import Theme
from kompas.policy.parts import PARTS


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, theme_id: int) -> HttpResponse:
    """Add an indicator to the catalogue and measure the theme with it (a target without a norm)."""
    theme = get_object_or_404(Theme.objects.select_related("plan__organisation"), pk=theme_id)
    form = IndicatorForm(request.POST or None, initial={"code": f"{theme.code}.I{theme.targets.count() + 1}"})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        code = data.pop("code")
        if Indicator.objects.filter(code=code).exists():
            form.add_error("code", _("Deze code bestaat al in de catalogus."))
        else:
            with transaction.atomic():
                indicator = save_indicator(
                    actor=current_user(request), organisation=theme.plan.organisation, code=code, **data
                )
                edit.create(
                    actor=current_user(request),
                    part=PARTS["target"],
                    parent=theme,
                    values={"indicator": indicator},
                )
            messages.success(request, _("Indicator toegevoegd."))
            return redirect("policy:theme_detail", theme_id=theme.pk)
    context = {"form": form, "theme": theme, "plan": theme.plan, "indicator": None}
    return render(request, "policy/indicator_form.html", context, status=400 if form.errors else 200)


@requires(Permission.EDIT_POLICY)
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Change an indicator of the organisation's own catalogue (the shared set is not edited here)."""
    indicator = Indicator.objects.filter(
        pk=indicator_id, organisation_id=current_user(request).organisation_id
    ).first()
    if indicator is None:
        raise Http404
    initial = {"code": indicator.code, **{name: getattr(indicator, name) for name in CATALOGUE_FIELDS}}
    form = IndicatorForm(request.POST or None, initial=initial)
    form.fields["code"].disabled = True
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in CATALOGUE_FIELDS}
        try:
            save_indicator(
                actor=current_user(request),
                organisation=indicator.organisation,
                code=indicator.code,
                **values,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Wijzigingen opgeslagen."))
            return redirect("policy:indicator_edit", indicator_id=indicator.pk)
    records = AuditRecord.objects.filter(
        object_type=audit.object_type(indicator), object_id=str(indicator.pk)
    )
    changes = history.entries(Indicator, list(records), current_user(request).organisation_id)
    context = {"form": form, "indicator": indicator, "history": changes}
    return render(request, "policy/indicator_form.html", context, status=400 if form.errors else 200)
