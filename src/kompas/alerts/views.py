# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alert pages: the list with filters, one alert with its explanation and triage, the settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kompas.accounts.current import current_user
from kompas.accounts.decorators import requires
from kompas.accounts.roles import Permission, has_permission
from kompas.alerts import configure, digest, queries, triage
from kompas.alerts.defaults import method_choices
from kompas.alerts.explain import explanation_chart
from kompas.alerts.forms import AlertFilterForm, RuleCostForm, SettingForm, TriageForm
from kompas.alerts.models import Alert, AlertSetting
from kompas.alerts.rule_cost import rule_cost
from kompas.presentation.charts import render_svg


@requires(Permission.TRIAGE_ALERTS)
def alert_list(request: HttpRequest) -> HttpResponse:
    """List the organisation's alerts with filters kept in the URL."""
    form = AlertFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    alerts = queries.filtered_alerts(**{k: v for k, v in filters.items() if v})
    page = Paginator(alerts, 50).get_page(request.GET.get("pagina"))
    template = "alerts/_alert_table.html" if request.headers.get("HX-Request") else "alerts/alert_list.html"
    can_configure = has_permission(current_user(request).role, Permission.CONFIGURE_ALERTS)
    context = {
        "form": form,
        "page": page,
        "perms_configure": can_configure,
        "subscribed": digest.is_subscribed(current_user(request)),
    }
    return render(request, template, context)


@requires(Permission.TRIAGE_ALERTS)
@require_http_methods(["POST"])
def digest_subscription(request: HttpRequest) -> HttpResponse:
    """Switch the weekly e-mail summary on or off for the logged-in user."""
    subscribed = request.POST.get("subscribed") == "1"
    digest.set_subscription(actor=current_user(request), subscribed=subscribed)
    if subscribed:
        messages.success(request, _("U ontvangt voortaan elke week een samenvatting per e-mail."))
    else:
        messages.success(request, _("De wekelijkse samenvatting is uitgezet."))
    return redirect("alerts:alert_list")


def _alert(alert_id: int) -> Alert:
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        raise Http404
    return alert


@requires(Permission.TRIAGE_ALERTS)
@require_http_methods(["GET", "POST"])
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    """Explain one alert and take a triage step."""
    alert = _alert(alert_id)
    initial = {"state": alert.state, "note": alert.note, "assignee": alert.assignee, "version": alert.version}
    form = TriageForm(request.POST or None, initial=initial, organisation_id=alert.organisation_id)
    if request.method == "POST" and form.is_valid():
        try:
            triage.triage(actor=current_user(request), alert=alert, **form.cleaned_data)
        except triage.StaleAlertError:
            form.add_error(
                None, _("Iemand anders heeft deze signalering intussen gewijzigd. Laad de pagina opnieuw.")
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Signalering bijgewerkt."))
            return redirect("alerts:alert_detail", alert_id=alert.pk)
    chart = explanation_chart(alert)
    context = {"alert": alert, "form": form, "chart": chart, "chart_svg": render_svg(chart)}
    return render(request, "alerts/alert_detail.html", context, status=400 if form.errors else 200)


@requires(Permission.CONFIGURE_ALERTS)
def setting_list(request: HttpRequest) -> HttpResponse:
    """List the watch settings per measure, with the method that runs now and why."""
    settings = list(AlertSetting.objects.all())
    choices = method_choices(current_user(request).organisation, settings)
    rows = [(setting, choices[setting.measure_code]) for setting in settings]
    return render(request, "alerts/setting_list.html", {"rows": rows})


@requires(Permission.CONFIGURE_ALERTS)
@require_http_methods(["GET", "POST"])
def setting_edit(request: HttpRequest, measure_code: str | None = None) -> HttpResponse:
    """Create or change the watch settings of one measure."""
    setting = AlertSetting.objects.filter(measure_code=measure_code).first() if measure_code else None
    if measure_code and setting is None:
        raise Http404
    form = SettingForm(
        request.POST or None,
        instance=setting,
        initial={"version": getattr(setting, "version", None)},
        organisation_id=current_user(request).organisation_id,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            configure.save_setting(
                actor=current_user(request),
                organisation=current_user(request).organisation,
                measure_code=data.pop("measure_code"),
                version=data.pop("version"),
                **data,
            )
        except configure.StaleSettingError:
            form.add_error(
                None, _("Iemand anders heeft deze instelling intussen gewijzigd. Laad de pagina opnieuw.")
            )
        else:
            messages.success(request, _("Instelling opgeslagen."))
            return redirect("alerts:setting_list")
    return render(
        request,
        "alerts/setting_form.html",
        {"form": form, "setting": setting},
        status=400 if form.errors else 200,
    )


@requires(Permission.CONFIGURE_ALERTS)
def setting_cost(request: HttpRequest) -> HttpResponse:
    """Show what the settings in the query string cost: backtest on the organisation's history."""
    form = RuleCostForm(request.GET, organisation_id=current_user(request).organisation_id)
    cost = None
    if form.is_valid():
        cost = rule_cost(current_user(request).organisation, **form.cleaned_data)
    return render(
        request,
        "alerts/_rule_cost.html",
        {"form": form, "cost": cost},
        status=400 if form.errors else 200,
    )
