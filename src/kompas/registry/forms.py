# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the registry pages: they parse input; the rules live in the domain functions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.registry.activities import ActivityInput, PersonInput
from kompas.registry.models import LINKED_KINDS, ActivityKind, CountedAs


class ActivityForm(forms.Form):
    """One activity; participants one per line as ``naam | functie | organisatie``."""

    kind = forms.ChoiceField(label=_("Soort"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    start = forms.DateField(label=_("Begindatum"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Einddatum"), widget=forms.DateInput(attrs={"type": "date"}))
    area_code = forms.CharField(
        label=_("Gebied"),
        max_length=12,
        help_text=_("CBS-code van de eigen gemeente of een wijk, bijv. GM0164."),
    )
    organiser = forms.CharField(label=_("Organisator"), max_length=200)
    participant_count = forms.IntegerField(label=_("Aantal deelnemers"))
    cost = forms.DecimalField(label=_("Kosten (€)"), required=False, localize=True, decimal_places=2)
    train_the_trainer = forms.BooleanField(label=_("Met module train-de-trainer"), required=False)
    participants = forms.CharField(
        label=_("Deelnemers bij naam"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Eén per regel: naam | functie | organisatie. Alleen waar de soort het vraagt (eerste ring)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def activity_input(self) -> ActivityInput:
        """Return the cleaned values as the domain takes them."""
        data = self.cleaned_data
        people = []
        for line in str(data.get("participants") or "").splitlines():
            parts = [part.strip() for part in line.split("|")] + ["", ""]
            if parts[0]:
                people.append(PersonInput(name=parts[0], role=parts[1], organisation=parts[2]))
        return ActivityInput(
            kind=data["kind"],
            title=data["title"],
            start=data["start"],
            end=data["end"],
            area_code=data["area_code"].strip().upper(),
            organiser=data["organiser"],
            participant_count=data["participant_count"],
            cost=data.get("cost"),
            train_the_trainer=bool(data.get("train_the_trainer")),
            participants=tuple(people),
        )


class LinkForm(forms.Form):
    """A kind of activity counting for a plan indicator."""

    kind = forms.ChoiceField(label=_("Soort"), choices=LINKED_KINDS)
    counted = forms.ChoiceField(label=_("Telt"), choices=CountedAs.choices)
    indicator_code = forms.CharField(
        label=_("Indicator"), max_length=80, help_text=_("Code van de planindicator, bijv. T6.I1.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ActivityFilterForm(forms.Form):
    """Filters of the activity list, kept in the URL."""

    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle")), *ActivityKind.choices], required=False
    )
    jaar = forms.IntegerField(label=_("Jaar"), required=False, min_value=1900, max_value=2100)
