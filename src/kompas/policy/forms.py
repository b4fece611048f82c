# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the plan pages: one model form per part, with the version it was loaded at."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django import forms
from django.db.models import Q
from django.forms.models import ModelForm, modelform_factory
from django.utils.translation import gettext_lazy as _

from kompas.indicators.catalogue import Indicator, IndicatorDirection, IndicatorKind
from kompas.policy.capacity import CapacityInputs, ThemeDemand
from kompas.policy.models import CapacityPlan, Plan, Theme
from kompas.policy.parts import Part

# Widgets that differ from the model field defaults: checkboxes for short lists, a date picker.
WIDGETS: dict[str, forms.Widget] = {
    "indicators": forms.CheckboxSelectMultiple,  # type: ignore[dict-item]  # Django takes a class too
    "themes": forms.CheckboxSelectMultiple,  # type: ignore[dict-item]  # Django takes a class too
    "adoption_date": forms.DateInput(attrs={"type": "date"}),
}


class PartForm(ModelForm):  # type: ignore[type-arg]  # one form for the models of every part
    """A part's editable fields plus ``version``, limited to choices within the same plan."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, plan: Plan, theme: Theme | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = {
            "veiligheidsveld": plan.fields.all(),
            "budget_line": plan.budget_lines.all(),
            "themes": plan.themes.all(),
            "parent": theme.goals.exclude(pk=self.instance.pk) if theme is not None else None,
        }
        for name, queryset in limits.items():
            if name in self.fields and queryset is not None:
                self.fields[name].queryset = queryset  # type: ignore[attr-defined]  # a ModelChoiceField
        if "indicator" in self.fields:
            self.fields["indicator"].label_from_instance = _indicator_label  # type: ignore[attr-defined]  # a ModelChoiceField
        if "indicators" in self.fields:
            field = self.fields["indicators"]
            field.label_from_instance = _indicator_label  # type: ignore[attr-defined]  # a ModelChoiceField
            if theme is not None:  # a goal is measured by its own theme's indicators
                measured = theme.targets.values("indicator")
                chosen = self.instance.indicators.all() if self.instance.pk else Indicator.objects.none()
                field.queryset = Indicator.objects.filter(Q(pk__in=measured) | Q(pk__in=chosen))  # type: ignore[attr-defined]  # a ModelChoiceField

    def values(self) -> dict[str, Any]:
        """Return the cleaned part values, without ``version``."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


def _indicator_label(indicator: Any) -> str:
    return f"{indicator.code} – {indicator.name} ({indicator.get_kind_display()})"


def form_class(part: Part) -> type[PartForm]:
    """Return the form class of ``part`` (capacity has its own form)."""
    fields = [name for name in part.fields if name != "shares"]
    widgets = {name: widget for name, widget in WIDGETS.items() if name in fields}
    # modelform_factory is typed as returning a plain ModelForm; it subclasses the given PartForm.
    return modelform_factory(part.model, form=PartForm, fields=fields, widgets=widgets)  # type: ignore[arg-type,return-value]  # see above


class CapacityForm(forms.Form):
    """The OOV formation, productive hours and the share per kind of work."""

    fte = forms.DecimalField(label=_("Formatie OOV (fte)"), min_value=0, max_digits=6, decimal_places=2)
    hours_per_fte = forms.IntegerField(
        label=_("Productieve uren per fte per jaar"),
        min_value=1,
        max_value=2000,
        help_text=_("Aanname, niet uit de bron: 36 uur per week × 40 productieve weken = 1.440."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, capacity: CapacityPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.capacity = capacity
        for share in capacity.shares:
            self.fields[f"share_{share['code']}"] = forms.FloatField(
                label=_("Aandeel %(label)s (%%)") % {"label": share["label"]}, min_value=0, max_value=100
            )

    @classmethod
    def initial_for(cls, capacity: CapacityPlan) -> dict[str, Any]:
        """Return the form's initial values from ``capacity``."""
        initial: dict[str, Any] = {"fte": capacity.fte, "hours_per_fte": capacity.hours_per_fte}
        initial |= {f"share_{share['code']}": share["percent"] for share in capacity.shares}
        return initial | {"version": capacity.version}

    def values(self) -> dict[str, Any]:
        """Return ``fte``, ``hours_per_fte`` and the shares list with the new percentages."""
        data = self.cleaned_data
        shares = [{**share, "percent": data[f"share_{share['code']}"]} for share in self.capacity.shares]
        return {"fte": data["fte"], "hours_per_fte": data["hours_per_fte"], "shares": shares}


class IndicatorForm(forms.Form):
    """An entry of the organisation's indicator catalogue."""

    code = forms.RegexField(
        label=_("Code"), regex=r"^[A-Za-z0-9_.-]{1,80}$", help_text=_("Bijv. T1.I6; letters, cijfers, . _ -.")
    )
    name = forms.CharField(label=_("Naam"), max_length=300)
    kind = forms.ChoiceField(label=_("Soort"), choices=IndicatorKind.choices)
    unit = forms.CharField(label=_("Eenheid"), max_length=60, required=False)
    direction = forms.ChoiceField(label=_("Richting"), choices=IndicatorDirection.choices)
    data_source = forms.CharField(label=_("Gegevensbron"), max_length=300, required=False)
    source_ref = forms.CharField(label=_("Bronverwijzing"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class WhatIfForm(forms.Form):
    """Inputs of the scenario comparison, to try other numbers without saving them."""

    fte = forms.DecimalField(label=_("Formatie OOV (fte)"), min_value=0, max_digits=6, decimal_places=2)
    priority_share = forms.FloatField(
        label=_("Ruimte voor nieuwe prioriteiten (%)"), min_value=0, max_value=100
    )
    hours_per_fte = forms.IntegerField(
        label=_("Productieve uren per fte per jaar"), min_value=1, max_value=2000
    )

    def __init__(self, *args: Any, themes: Sequence[ThemeDemand], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.themes = themes
        for theme in themes:
            self.fields[f"uren_{theme.code}"] = forms.IntegerField(
                label=_("%(code)s: uren per jaar") % {"code": theme.code}, min_value=0, max_value=20000
            )

    @staticmethod
    def initial_for(given: CapacityInputs) -> dict[str, Any]:
        """Return the form values of ``given``."""
        initial: dict[str, Any] = {
            "fte": given.fte,
            "priority_share": given.priority_share,
            "hours_per_fte": given.hours_per_fte,
        }
        return initial | {f"uren_{theme.code}": theme.hours for theme in given.themes}

    def inputs(self) -> CapacityInputs:
        """Return the capacity inputs the form describes; a changed estimate is no longer assumed."""
        data = self.cleaned_data
        themes = tuple(
            replace(
                theme,
                hours=data[f"uren_{theme.code}"],
                assumed=theme.assumed and data[f"uren_{theme.code}"] == theme.hours,
            )
            for theme in self.themes
        )
        return CapacityInputs(float(data["fte"]), data["hours_per_fte"], data["priority_share"], themes)
