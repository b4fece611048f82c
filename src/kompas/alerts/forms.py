# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the alerts pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import User
from kompas.alerts.models import AlertSetting, AlertState, Method


class AlertFilterForm(forms.Form):
    """Filters of the alert list; every field optional so the URL holds any combination."""

    measure = forms.CharField(label=_("Maatstaf"), required=False)
    area = forms.CharField(label=_("Gebiedscode"), required=False)
    state = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *AlertState.choices]
    )
    period_from = forms.DateField(
        label=_("Periode vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_to = forms.DateField(
        label=_("Periode tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class TriageForm(forms.Form):
    """A triage step: new state, note and assignee; ``version`` detects concurrent edits."""

    state = forms.ChoiceField(label=_("Status"), choices=AlertState.choices)
    assignee = forms.ModelChoiceField(label=_("Behandelaar"), queryset=User.objects.none(), required=False)
    note = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: object, organisation_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["assignee"]
        field.queryset = User.objects.filter(organisation_id=organisation_id, is_active=True)  # type: ignore[attr-defined]


class SettingForm(forms.ModelForm[AlertSetting]):
    """The watch settings of one measure."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    measure_code = forms.CharField(label=_("Maatstaf (code)"), max_length=80)
    method = forms.ChoiceField(label=_("Methode"), choices=Method.choices)

    class Meta:
        model = AlertSetting
        fields = ["measure_code", "method", "alpha", "min_count", "false_discovery_control", "active"]


class RuleCostForm(forms.Form):
    """The settings whose backtest is asked for."""

    measure_code = forms.CharField(label=_("Maatstaf (code)"), max_length=80)
    method = forms.ChoiceField(label=_("Methode"), choices=Method.choices)
    alpha = forms.FloatField(label=_("Alfa"), min_value=0.000001, max_value=0.5)
    min_count = forms.IntegerField(label=_("Minimumaantal"), min_value=0)
