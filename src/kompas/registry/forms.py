# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the registry pages: they parse input; the rules live in the domain functions."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kompas.registry.activities import ActivityInput, PersonInput
from kompas.registry.events import EventInput
from kompas.registry.functionaries import FunctionaryInput
from kompas.registry.models import LINKED_KINDS, ActivityKind, Assessment, CountedAs, OtoKind, RiskClass
from kompas.registry.oto import OtoInput, Present
from kompas.registry.partner_targets import TargetInput
from kompas.registry.risk import bundled_table


class ActivityForm(forms.Form):
    """One activity; participants one per line as ``naam | functie | organisatie``."""

    kind = forms.ChoiceField(label=_("Soort"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    start = forms.DateField(
        label=_("Begindatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Einddatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
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


class EventForm(forms.Form):
    """The regional application form: the event, then one field per question of the risk scan."""

    name = forms.CharField(label=_("Naam van het evenement"), max_length=200)
    organiser = forms.CharField(label=_("Organisator"), max_length=200)
    start = forms.DateField(
        label=_("Begindatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Einddatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    area_code = forms.CharField(
        label=_("Gebied"),
        max_length=12,
        help_text=_("CBS-code van de eigen gemeente of een wijk, bijv. GM0164."),
    )
    location = forms.CharField(label=_("Locatie"), max_length=200)
    final_class = forms.ChoiceField(
        label=_("Vastgestelde risicoklasse"),
        choices=[("", _("Gelijk aan de berekende klasse")), *RiskClass.choices],
        required=False,
    )
    final_reason = forms.CharField(
        label=_("Reden van de vastgestelde klasse"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    advice = forms.CharField(
        label=_("Advies en voorwaarden"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    incidents = forms.IntegerField(
        label=_("Incidenten tijdens het evenement"), required=False, help_text=_("In te vullen na afloop.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        for criterion in bundled_table().criteria:
            name = f"risico_{criterion.code}"
            if criterion.kind == "number":
                self.fields[name] = forms.IntegerField(label=criterion.question)
            else:
                self.fields[name] = forms.TypedChoiceField(
                    label=criterion.question,
                    choices=[("nee", _("Nee")), ("ja", _("Ja"))],
                    coerce=lambda value: value == "ja",
                    widget=forms.RadioSelect,
                )

    def event_input(self) -> EventInput:
        """Return the cleaned values as the domain takes them."""
        data = self.cleaned_data
        answers = {
            c.code: data[f"risico_{c.code}"] for c in bundled_table().criteria if f"risico_{c.code}" in data
        }
        return EventInput(
            name=data["name"],
            organiser=data["organiser"],
            start=data["start"],
            end=data["end"],
            area_code=data["area_code"].strip().upper(),
            location=data["location"],
            answers=answers,
            final_class=data.get("final_class") or "",
            final_reason=data.get("final_reason") or "",
            advice=data.get("advice") or "",
            incidents=data.get("incidents"),
        )


class CalendarFilterForm(forms.Form):
    """Filters of the event calendar, kept in the URL."""

    weergave = forms.ChoiceField(
        label=_("Weergave"), choices=[("lijst", _("Lijst")), ("maand", _("Maand"))], required=False
    )
    maand = forms.CharField(label=_("Maand (jjjj-mm)"), required=False, max_length=7)
    gebied = forms.CharField(label=_("Gemeente of wijk (CBS-code)"), required=False, max_length=12)
    klasse = forms.ChoiceField(
        label=_("Risicoklasse"), choices=[("", _("Alle")), *RiskClass.choices], required=False
    )


class FunctionaryForm(forms.Form):
    """A person with a Veiligheidspaspoort; the yearly norm applies when the function is new."""

    name = forms.CharField(label=_("Naam"), max_length=200)
    function_name = forms.CharField(label=_("Functie"), max_length=200)
    username = forms.CharField(
        label=_("Gebruikersnaam in Kompas"),
        max_length=150,
        required=False,
        help_text=_("Daarmee ziet de functionaris het eigen dossier."),
    )
    opleiden = forms.IntegerField(label=_("Eis per jaar: opleiden"), required=False, initial=0)
    trainen = forms.IntegerField(label=_("Eis per jaar: trainen"), required=False, initial=0)
    oefenen = forms.IntegerField(label=_("Eis per jaar: oefenen"), required=False, initial=0)

    def requirements(self) -> dict[str, int]:
        """Return the yearly requirement per OTO kind (for a new function)."""
        return _requirements(self.cleaned_data)


def _requirements(data: dict[str, int | None]) -> dict[str, int]:
    return {kind: data.get(kind) or 0 for kind in ("opleiden", "trainen", "oefenen")}


class FunctionaryEditForm(forms.Form):
    """A functionary's name, function (one of the organisation's) and Kompas account."""

    name = forms.CharField(label=_("Naam"), max_length=200)
    function_id = forms.TypedChoiceField(label=_("Functie"), coerce=int)
    username = forms.CharField(
        label=_("Gebruikersnaam in Kompas"),
        max_length=150,
        required=False,
        help_text=_("Daarmee ziet de functionaris het eigen dossier. Leeg: geen account."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, functions: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.fields["function_id"].choices = functions  # type: ignore[attr-defined]  # a TypedChoiceField

    def functionary_input(self) -> FunctionaryInput:
        """Return the cleaned values as the domain takes them."""
        data = self.cleaned_data
        return FunctionaryInput(data["name"], data["function_id"], data.get("username") or "")


class FunctionForm(forms.Form):
    """A function of the Veiligheidspaspoort and how often it asks for each OTO kind every year."""

    name = forms.CharField(label=_("Functie"), max_length=200)
    opleiden = forms.IntegerField(label=_("Eis per jaar: opleiden"), required=False)
    trainen = forms.IntegerField(label=_("Eis per jaar: trainen"), required=False)
    oefenen = forms.IntegerField(label=_("Eis per jaar: oefenen"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def requirements(self) -> dict[str, int]:
        """Return the yearly requirement per OTO kind (0 where the field is empty)."""
        return _requirements(self.cleaned_data)


class OtoActivityForm(forms.Form):
    """An OTO activity or deployment with, per functionary, presence and assessment."""

    kind = forms.ChoiceField(label=_("Soort"), choices=OtoKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    cost = forms.DecimalField(label=_("Kosten (€)"), required=False, localize=True, decimal_places=2)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, people: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        choices = [
            ("", _("Niet aanwezig")),
            ("aanwezig", _("Aanwezig, niet beoordeeld")),
            *Assessment.choices,
        ]
        for pk, name in people:
            self.fields[f"persoon_{pk}"] = forms.ChoiceField(label=name, choices=choices, required=False)

    def present(self) -> list[tuple[int, str]]:
        """Return (functionary id, assessment) of everyone present."""
        found = []
        for name, value in self.cleaned_data.items():
            if name.startswith("persoon_") and value:
                found.append((int(name.removeprefix("persoon_")), "" if value == "aanwezig" else value))
        return found

    def oto_input(self) -> OtoInput:
        """Return the cleaned values as the domain takes them."""
        data = self.cleaned_data
        present = tuple(Present(pk, assessment) for pk, assessment in self.present())
        return OtoInput(data["kind"], data["title"], data["date"], data.get("cost"), present)


class TargetForm(forms.Form):
    """One partner target: year, group, measure, the number aimed at and what was realised."""

    year = forms.IntegerField(label=_("Jaar"))
    group = forms.CharField(label=_("Groep"), max_length=200, required=False)
    measure = forms.CharField(label=_("Maatstaf"), max_length=300)
    target = forms.IntegerField(label=_("Streefcijfer"))
    realisation = forms.IntegerField(
        label=_("Realisatie"), required=False, help_text=_("Leeg laten zolang de realisatie niet bekend is.")
    )
    source_ref = forms.CharField(label=_("Bronverwijzing"), max_length=100, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def target_input(self) -> TargetInput:
        """Return the cleaned values as the domain takes them."""
        data = self.cleaned_data
        return TargetInput(
            year=data["year"],
            group=data.get("group") or "",
            measure=data["measure"],
            target=data["target"],
            realisation=data.get("realisation"),
            source_ref=data.get("source_ref") or "",
        )


class TargetFileForm(forms.Form):
    """A partner's targets file (format ``kompas-streefcijfers``) to load."""

    file = forms.FileField(
        label=_("Bestand met streefcijfers"),
        help_text=_("TOML in het formaat kompas-streefcijfers, zoals het meegeleverde bestand van het RIEC."),
    )


STALE = _("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw.")


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Put the domain's messages on the fields they name, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)
