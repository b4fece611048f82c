# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms that open a signal, a case or a youth group: they only parse; the rules live in
signals.py, cases.py and groups.py, which refuse bad input with one Dutch message."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from kompas.accounts.models import Organisation
from kompas.casework.access import Identity
from kompas.casework.models import (
    CaseList,
    Department,
    Frame,
    GroupClass,
    Meeting,
    SignalCategory,
    TriageLevel,
)


def _date(label: StrOrPromise) -> forms.DateField:
    # ISO in the value: a date input shows nothing for a date in the Dutch display format
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class NamesField(forms.CharField):
    """Names of persons, one per line; each becomes a pseudonymised person (the name encrypted)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: object) -> None:
        super().__init__(required=False, **kwargs)  # type: ignore[arg-type]  # CharField's keyword arguments

    def to_python(self, value: object) -> tuple[Identity, ...]:  # type: ignore[override]  # parsed names, not a string
        text = super().to_python(value)
        return tuple(Identity(name=line.strip()) for line in str(text).splitlines() if line.strip())


class SignalForm(forms.Form):
    """A signal of undermining as it comes in from a department (spec §11.3)."""

    received_from = forms.ChoiceField(label=_("Afkomstig van"), choices=Department.choices)
    category = forms.ChoiceField(label=_("Categorie"), choices=SignalCategory.choices)
    received_on = _date(_("Ontvangen op"))
    area_code = forms.CharField(label=_("Wijk (CBS-code)"), max_length=10, required=False)
    summary = forms.CharField(
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Wordt versleuteld opgeslagen; alleen deelnemers zien haar."),
    )
    persons = NamesField(
        label=_("Betrokken personen"),
        help_text=_("Eén naam per regel. Elders verschijnt alleen een pseudoniem."),
    )


class CaseForm(forms.Form):
    """A person-centred case as the triage decides it (spec §8.5)."""

    list_kind = forms.ChoiceField(label=_("Lijst"), choices=CaseList.choices)
    name = forms.CharField(label=_("Naam van de persoon"), max_length=200)
    birth_date = forms.CharField(
        label=_("Geboortedatum"), max_length=10, required=False, help_text=_("Bijvoorbeeld 01-02-1990.")
    )
    target_group = forms.CharField(label=_("Doelgroep"), max_length=100)
    opened_on = _date(_("Geopend op"))
    level = forms.ChoiceField(label=_("Niveau na triage"), choices=TriageLevel.choices)
    frame = forms.ChoiceField(label=_("Kader"), choices=Frame.choices)
    case_direction = forms.ModelChoiceField(
        label=_("Casusregie"), queryset=Organisation.objects.order_by("name"), empty_label=None
    )
    process_direction = forms.ModelChoiceField(
        label=_("Procesregie"), queryset=Organisation.objects.order_by("name"), required=False
    )
    area_code = forms.CharField(label=_("Wijk (CBS-code)"), max_length=10, required=False)
    consequence = forms.CharField(
        label=_("Afgesproken consequentie bij het breken van afspraken"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class GroupForm(forms.Form):
    """A youth group as it comes into view (spec §11.1)."""

    label = forms.CharField(
        label=_("Aanduiding"), max_length=100, help_text=_("Zonder namen, bijvoorbeeld 'Groep Noord-3'.")
    )
    classification = forms.ChoiceField(label=_("Classificatie"), choices=GroupClass.choices)
    meeting = forms.ChoiceField(label=_("Overleg"), choices=Meeting.choices)
    started_on = _date(_("In beeld sinds"))
    area_code = forms.CharField(label=_("Wijk (CBS-code)"), max_length=10, required=False)
    plan = forms.CharField(
        label=_("Plan van aanpak"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    members = NamesField(
        label=_("Leden"), help_text=_("Eén naam per regel. Elders verschijnt alleen een pseudoniem.")
    )
