# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the casework pages that change an existing object: they only parse; the rules live in
signals.py, cases.py, groups.py and participation.py. A form that changes a case or a group carries
the version it was loaded at (optimistic locking, :func:`kompas.casework.cases.check_version`)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from kompas.accounts.models import Organisation
from kompas.casework.models import (
    Convenant,
    Department,
    Frame,
    GroupClass,
    LifeDomain,
    ScanRequester,
    TriageLevel,
    WeighingOutcome,
)


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
    version = forms.IntegerField(widget=forms.HiddenInput)


def _date(label: StrOrPromise) -> forms.DateField:
    # ISO in the value: a date input shows nothing for a date in the Dutch display format
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


class PlanItemForm(forms.Form):
    """One intervention for the plan van aanpak of a case."""

    life_domain = forms.ChoiceField(label=_("Leefgebied"), choices=LifeDomain.choices)
    intervention = forms.CharField(label=_("Interventie"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.ModelChoiceField(
        label=_("Verantwoordelijke organisatie"), queryset=Organisation.objects.order_by("name")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CloseCaseForm(forms.Form):
    """The closure of a case; one that did not go well needs its evaluation (R91)."""

    went_well = forms.TypedChoiceField(
        label=_("Verliep de aanpak goed?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    closed_on = _date(_("Afgesloten op"))
    evaluation = forms.CharField(
        label=_("Evaluatie (leerpunt of ketenprobleem)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Verplicht als de aanpak niet goed verliep."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ParticipantForm(forms.Form):
    """Another organisation taking part under one of the keeper's own convenants."""

    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisation.objects.none())
    convenant = forms.ModelChoiceField(label=_("Convenant"), queryset=Convenant.objects.none())
    mandate = forms.CharField(label=_("Mandaat"), max_length=200)
    since = _date(_("Neemt deel sinds"))

    def __init__(self, *args: object, organisation_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's positional arguments
        self.fields["organisation"].queryset = Organisation.objects.exclude(pk=organisation_id).order_by(  # type: ignore[attr-defined]  # a ModelChoiceField, declared above
            "name"
        )
        self.fields["convenant"].queryset = Convenant.objects.filter(organisation_id=organisation_id)  # type: ignore[attr-defined]  # a ModelChoiceField, declared above


class EndParticipationForm(forms.Form):
    """The last day an organisation takes part."""

    until = _date(_("Neemt deel tot en met"))


class ScanRequestForm(forms.Form):
    """A groepsscan requested by the wijkagent, the gemeente or the OM."""

    requester = forms.ChoiceField(label=_("Aangevraagd door"), choices=ScanRequester.choices)
    requested_on = _date(_("Aangevraagd op"))


class ScanResultForm(forms.Form):
    """The result of a groepsscan; stored encrypted."""

    completed_on = _date(_("Gemaakt op"))
    result = forms.CharField(label=_("Uitkomst"), widget=forms.Textarea(attrs={"rows": 3}))


class TriageForm(forms.Form):
    """A new level after triage and frame of a case (a new triage, e.g. after escalation)."""

    level = forms.ChoiceField(label=_("Niveau na triage"), choices=TriageLevel.choices)
    frame = forms.ChoiceField(label=_("Kader"), choices=Frame.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class EscalateForm(forms.Form):
    """Escalation one level up: only the version the page was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class DissolveForm(forms.Form):
    """The day a youth group ceased to exist (its retention period starts then)."""

    dissolved_on = _date(_("Opgeheven op"))
    version = forms.IntegerField(widget=forms.HiddenInput)
