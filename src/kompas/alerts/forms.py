# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the alerts pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import User
from kompas.alerts.configure import UNKNOWN_MEASURE
from kompas.alerts.models import AlertSetting, AlertState, Method
from kompas.observations.queries import visible_measure


class _VisibleMeasure:
    """Refuse a measure code the organisation cannot see (unknown, or another organisation's)."""

    organisation_id: int

    def clean_measure_code(self) -> str:
        """Return the code when the organisation may watch that measure."""
        code: str = self.cleaned_data["measure_code"]  # type: ignore[attr-defined]  # a mixin of Form classes
        if not visible_measure(code, self.organisation_id):
            raise forms.ValidationError(UNKNOWN_MEASURE, code="unknown_measure")
        return code


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
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        field = self.fields["assignee"]
        field.queryset = User.objects.filter(organisation_id=organisation_id, is_active=True)  # type: ignore[attr-defined]  # a ModelChoiceField


class SettingForm(_VisibleMeasure, forms.ModelForm[AlertSetting]):
    """The watch settings of one measure the organisation sees."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    measure_code = forms.CharField(label=_("Maatstaf (code)"), max_length=80)
    method = forms.ChoiceField(label=_("Methode"), choices=Method.choices)

    class Meta:
        model = AlertSetting
        fields = ["measure_code", "method", "alpha", "min_count", "false_discovery_control", "active"]

    def __init__(self, *args: object, organisation_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.organisation_id = organisation_id


class RuleCostForm(_VisibleMeasure, forms.Form):
    """The settings whose backtest is asked for, on a measure the organisation sees."""

    measure_code = forms.CharField(label=_("Maatstaf (code)"), max_length=80)
    method = forms.ChoiceField(label=_("Methode"), choices=Method.choices)
    alpha = forms.FloatField(label=_("Alfa"), min_value=0.000001, max_value=0.5)
    min_count = forms.IntegerField(label=_("Minimumaantal"), min_value=0)

    def __init__(self, *args: object, organisation_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.organisation_id = organisation_id
