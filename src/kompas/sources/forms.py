# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The upload form: a file, its format and the same choices ``kompas import`` offers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import Organisation
from kompas.sources.formats import FORMATS
from kompas.sources.models import ImportRun
from kompas.sources.withdrawal import WITHDRAWABLE

# Options that name a file on the server (kompas import may use them): on the web the file is
# uploaded in its own field instead, so a form never makes the server open a path it names.
SERVER_PATH_OPTIONS = {
    "areas": _("Wijkenlijst (JSON)"),
    "mapping": _("Importbeschrijving (TOML)"),
}


def _format_choices() -> list[tuple[str, str]]:
    return [(name, f"{name} — {entry.description}") for name, entry in sorted(FORMATS.items())]


class RunChoiceField(forms.ModelChoiceField[ImportRun]):
    """An import run by its number, file and moment (local time), as the run list shows it."""

    def label_from_instance(self, obj: ImportRun) -> str:
        """Return ``Importrun 12 — wijken.csv (03-12-2026 11:05)``."""
        return _("Importrun %(run)s — %(file)s (%(moment)s)") % {
            "run": obj.pk,
            "file": obj.file_name,
            "moment": timezone.localtime(obj.started_at).strftime("%d-%m-%Y %H:%M"),
        }


class ImportForm(forms.Form):
    """What to import and how; the file itself is checked by the import, not by the form."""

    file = forms.FileField(
        label=_("Bestand"), help_text=_("CSV, XLSX, GeoJSON of TopoJSON; ook gecomprimeerd (.gz).")
    )
    format = forms.ChoiceField(label=_("Formaat"), choices=_format_choices)
    mapping = forms.FileField(
        label=_("Importbeschrijving (TOML)"),
        required=False,
        help_text=_("Alleen voor het formaat mapping; zie de handleiding ‘Importbeschrijving’."),
    )
    areas = forms.FileField(
        label=SERVER_PATH_OPTIONS["areas"],
        required=False,
        help_text=_(
            "Alleen voor het formaat meldingen: de wijken met naam, code en begrenzingsvak (bbox); "
            "zie de handleiding ‘Importeren’."
        ),
    )
    options = forms.CharField(
        label=_("Formaatopties"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel als naam=waarde, bijvoorbeeld year=2021 of timezone=America/Vancouver."),
    )
    create_areas = forms.BooleanField(
        label=_("Ontbrekende gebieden aanmaken uit hun CBS-code (buurt → wijk → gemeente)"), required=False
    )
    dry_run = forms.BooleanField(
        label=_("Proefimport: alles controleren en tellen, niets opslaan"), required=False
    )
    replaces = RunChoiceField(
        label=_("Vervangt importrun"),
        queryset=ImportRun.objects.none(),
        required=False,
        empty_label=_("(geen: een nieuwe import)"),
        help_text=_(
            "Kies een eerdere import van uw organisatie die dit bestand vervangt: die wordt ingetrokken "
            "en dit bestand geïmporteerd, samen of niet. Bij een fout in het bestand blijft de oude "
            "import zoals hij was."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        """Offer as runs to replace only the organisation's own runs that can be withdrawn."""
        super().__init__(*args, **kwargs)
        field = self.fields["replaces"]
        if not isinstance(field, RunChoiceField):  # pragma: no cover - the class declares it so
            raise TypeError(field)
        field.queryset = ImportRun.objects.filter(
            organisation=organisation, status__in=WITHDRAWABLE
        ).order_by("-started_at", "-id")

    def clean_file(self) -> Any:
        """Refuse files beyond the upload limit; larger files go through ``kompas import``."""
        upload = self.cleaned_data["file"]
        limit = settings.KOMPAS_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(limit)s MB; importeer het met de opdracht kompas import.")
                % {"limit": limit // (1024 * 1024)}
            )
        return upload

    def clean_options(self) -> dict[str, str]:
        """Return the options as a dict; a line without ``=`` is an error naming that line."""
        values: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["options"].splitlines(), start=1):
            if not line.strip():
                continue
            name, separator, value = line.partition("=")
            if not separator or not name.strip():
                raise forms.ValidationError(
                    _("Regel %(number)s (%(line)s) is geen naam=waarde.") % {"number": number, "line": line}
                )
            if name.strip() in SERVER_PATH_OPTIONS:
                raise forms.ValidationError(
                    _(
                        "De optie %(name)s noemt een bestand op de server; dat kan alleen met de opdracht "
                        "kompas import. Kies het bestand hier in het veld ‘%(field)s’."
                    )
                    % {"name": name.strip(), "field": SERVER_PATH_OPTIONS[name.strip()]}
                )
            values[name.strip()] = value.strip()
        return values

    def clean(self) -> dict[str, Any]:
        """Require a mapping file for the mapping format."""
        data = super().clean() or {}
        if data.get("format") == "mapping" and not data.get("mapping"):
            self.add_error("mapping", _("Het formaat mapping heeft een importbeschrijving nodig."))
        return data
