# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Forms of the indicator pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class OwnFigureForm(forms.Form):
    """One own figure for a measure of the indicator: the checks live in record_own_figure."""

    measure_code = forms.ChoiceField(label=_("Maatstaf"))
    area_code = forms.ChoiceField(label=_("Gebied"))
    year = forms.IntegerField(label=_("Jaar"), min_value=1900, max_value=2100)
    value = forms.FloatField(label=_("Waarde"), localize=True)
    margin = forms.FloatField(label=_("Marge (95 %)"), required=False, localize=True)
    sample_size = forms.IntegerField(label=_("Aantal respondenten (n)"), required=False)
    source_text = forms.CharField(
        label=_("Bron"), max_length=300, help_text=_("Het rapport of de registratie, met pagina of tabel.")
    )
    document_url = forms.URLField(
        label=_("Link naar het document"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(
        self, *args: object, measures: list[tuple[str, str]], areas: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.fields["measure_code"].choices = measures  # type: ignore[attr-defined]  # a ChoiceField
        self.fields["area_code"].choices = areas  # type: ignore[attr-defined]  # a ChoiceField
