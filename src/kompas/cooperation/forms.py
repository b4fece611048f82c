# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the work process: one per step, built from the formats so the help questions show.

The forms only collect input; :mod:`kompas.cooperation.steps` decides what is required, so the
pages, the tests and any later API refuse the same things with the same messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation.contributions import PARTICIPANTS
from kompas.cooperation.formats import ASSIGNMENT, CRITERIA, EVALUATION, JUDGED_CRITERIA, PLAN, FormatField
from kompas.cooperation.models import Audience, DocumentKind, Platform, Project, SubmitterKind

FEEDBACK_STEPS = {"reject", "reject_plan", "request_change", "return_evaluation", "suspend"}
NOTE_STEPS = {"approve_official", "adopt"}
MUNICIPALITY_CHOICES: list[tuple[str, str]] = sorted(PARTICIPANTS.items(), key=lambda pair: pair[1])


def _text_fields(form: forms.Form, fields: tuple[FormatField, ...], initial: dict[str, str]) -> None:
    for field in fields:
        form.fields[field.code] = forms.CharField(
            label=str(field.label),
            help_text=str(field.help),
            required=False,
            initial=initial.get(field.code, ""),
            widget=forms.Textarea(attrs={"rows": 4}),
        )


class RequestForm(forms.Form):
    """A project request: what is asked, on whose behalf, in which municipalities."""

    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    request = forms.CharField(
        label=_("Verzoek"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Wat vraagt u het Platform, en waarom nu?"),
    )
    submitter_kind = forms.ChoiceField(
        label=_("Ingediend namens"), choices=SubmitterKind.choices, widget=forms.RadioSelect, required=False
    )
    municipalities = forms.MultipleChoiceField(
        label=_("Gemeenten waar het speelt"),
        choices=MUNICIPALITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Selectiecriterium 4: het Platform neemt projecten op die in voldoende gemeenten spelen."
        ),
    )


class StepForm(forms.Form):
    """The input of one step; its fields depend on the step (see :func:`step_form`)."""

    version = forms.IntegerField(widget=forms.HiddenInput)


def _leaders(platform: Platform) -> list[tuple[int, str]]:
    members = [platform.organisation_id, *platform.members.values_list("pk", flat=True)]
    users = User.objects.filter(organisation_id__in=members, is_active=True).order_by("username")
    return [
        (user.pk, user.get_full_name() or user.username)
        for user in users
        if has_permission(user.role, Permission.MANAGE_PROJECTS)
    ]


def step_form(name: str, project: Project, data: Any = None) -> StepForm:
    """Return the form of step ``name`` on ``project``, filled with ``data`` when posted."""
    form = StepForm(data, initial={"version": project.version})
    if name == "draft_assignment":
        _text_fields(form, ASSIGNMENT, project.assignment)
    elif name in {"save_plan", "submit_plan"}:
        _text_fields(form, PLAN, project.plan)
    elif name == "evaluate":
        _text_fields(form, EVALUATION, project.evaluation)
    elif name == "accept":
        labels = dict(CRITERIA)
        for code in JUDGED_CRITERIA:
            form.fields[code] = forms.BooleanField(label=str(labels[code]), required=False)
    elif name in FEEDBACK_STEPS | NOTE_STEPS:
        label = _("Toelichting (optioneel)") if name in NOTE_STEPS else _("Terugkoppeling / reden")
        form.fields["feedback"] = forms.CharField(
            label=label, required=False, widget=forms.Textarea(attrs={"rows": 4})
        )
    elif name == "staff":
        form.fields["portfolio_holder"] = forms.CharField(
            label=_("Bestuurlijk portefeuillehouder (lid van het DVO)"), max_length=200, required=False
        )
        form.fields["project_leader"] = forms.TypedChoiceField(
            label=_("Projectleider"),
            choices=[("", "—"), *_leaders(project.platform)],
            coerce=int,
            required=False,
        )
    elif name == "start":
        form.fields["start_date"] = forms.DateField(
            label=_("Startdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
        )
        form.fields["end_date"] = forms.DateField(
            label=_("Einddatum (vooraf vastgesteld)"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
    elif name == "report_progress":
        today = dt.date.today()  # noqa: DTZ011 - only a default for the form
        form.fields["year"] = forms.IntegerField(label=_("Jaar"), initial=today.year, required=False)
        form.fields["half"] = forms.TypedChoiceField(
            label=_("Halfjaar"),
            choices=[(1, _("eerste halfjaar")), (2, _("tweede halfjaar"))],
            coerce=int,
            required=False,
        )
        form.fields["content"] = forms.CharField(
            label=_("Inhoudelijke voortgang"), required=False, widget=forms.Textarea(attrs={"rows": 4})
        )
        form.fields["process"] = forms.CharField(
            label=_("Procesmatige voortgang"), required=False, widget=forms.Textarea(attrs={"rows": 4})
        )
    return form


class DocumentForm(forms.Form):
    """An upload for the catalogue with what a reader needs to find it."""

    file = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, DOCX, XLSX, ODT, ODS, CSV of TXT; ten hoogste 20 MB.")
    )
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=[("", "—"), *DocumentKind.choices], required=False)
    theme = forms.CharField(label=_("Thema"), max_length=100, required=False)
    audience = forms.ChoiceField(
        label=_("Wie mag het zien"), choices=Audience.choices, widget=forms.RadioSelect, required=False
    )
    document_date = forms.DateField(
        label=_("Datum van het document"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SearchForm(forms.Form):
    """Search over titles and descriptions."""

    q = forms.CharField(label=_("Zoeken in titel en omschrijving"), required=False)
