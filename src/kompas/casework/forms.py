# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the casework pages: they only parse; the rules live in signals.py and groups.py."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.casework.models import Department, GroupClass, WeighingOutcome


class WeighingForm(forms.Form):
    """The weighing of a signal at the local table."""

    outcome = forms.ChoiceField(label=_("Uitkomst van de weging"), choices=WeighingOutcome.choices)
    weighed_on = forms.DateField(label=_("Gewogen op"), widget=forms.DateInput(attrs={"type": "date"}))
    present = forms.MultipleChoiceField(
        label=_("Aanwezig bij de weging"), choices=Department.choices, widget=forms.CheckboxSelectMultiple
    )
    recovered_euros = forms.DecimalField(
        label=_("Afgepakt (euro)"), min_value=Decimal(0), decimal_places=2, initial=0, localize=True
    )
    hours_spent = forms.DecimalField(
        label=_("Bestede uren"), min_value=Decimal(0), decimal_places=1, initial=0, localize=True
    )


class ClassificationForm(forms.Form):
    """A new classification of a youth group from a date."""

    classification = forms.ChoiceField(label=_("Nieuwe classificatie"), choices=GroupClass.choices)
    since = forms.DateField(label=_("Geldt vanaf"), widget=forms.DateInput(attrs={"type": "date"}))
