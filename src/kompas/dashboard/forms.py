# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The dashboard filters: period, area level, measure and how the map shows it, kept in the URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.observations.queries import MeasureInfo

LEVELS = (("wijk", _("Wijken")), ("buurt", _("Buurten")))
# How the map shows a count: per 1.000 inhabitants (the default, where there are inhabitants) or as is.
RATE = "per1000"
COUNT = "aantal"
DISPLAYS = ((RATE, _("per 1.000 inwoners")), (COUNT, _("aantal")))
# The fields of the form above the page; ``weergave`` is shown apart, only where the map has a rate.
FILTER_FIELDS = ("periode", "niveau", "maatstaf")
DISPLAY_FIELD = "weergave"


@dataclass(frozen=True)
class Filters:
    """The chosen period (a year), area level, measure code and display of a count on the map.

    ``display`` is kept where the map cannot show a rate (a percentage): back on a count, the
    map shows it as the reader chose.
    """

    year: int
    level: str
    measure: str
    display: str = RATE

    def query(self) -> str:
        """Return the filters as a query string, for links that keep them."""
        return f"periode={self.year}&niveau={self.level}&maatstaf={self.measure}&weergave={self.display}"

    @property
    def per_inhabitants(self) -> bool:
        """Return whether the map shows a count per 1.000 inhabitants where it can."""
        return self.display == RATE


class FilterForm(forms.Form):
    """Filters of the dashboard and the area pages; choices are what the gemeente has data for."""

    periode = forms.TypedChoiceField(label=_("Periode"), coerce=int, required=False)
    niveau = forms.ChoiceField(label=_("Gebiedsniveau"), choices=LEVELS, required=False)
    maatstaf = forms.ChoiceField(label=_("Maatstaf op de kaart"), required=False)
    weergave = forms.ChoiceField(label=_("Weergave op de kaart"), choices=DISPLAYS, required=False)

    def __init__(
        self, data: object, *, years: Sequence[int], measures: Sequence[MeasureInfo], defaults: Filters
    ) -> None:
        super().__init__(data or None)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.defaults = defaults
        year_choices = sorted({*years, defaults.year}, reverse=True)
        self.fields["periode"].choices = [(year, str(year)) for year in year_choices]  # type: ignore[attr-defined]  # a ChoiceField
        measure_choices = [(m.code, m.name) for m in measures] or [("", str(_("geen gegevens")))]
        self.fields["maatstaf"].choices = measure_choices  # type: ignore[attr-defined]  # a ChoiceField
        self.initial = {
            "periode": defaults.year,
            "niveau": defaults.level,
            "maatstaf": defaults.measure,
            "weergave": defaults.display,
        }

    def filters(self) -> Filters:
        """Return the valid choices, each field falling back to its default."""
        if not self.is_bound:
            return self.defaults
        self.is_valid()  # fills cleaned_data with the fields that are valid; the others fall back
        cleaned = self.cleaned_data
        return Filters(
            cleaned.get("periode") or self.defaults.year,
            cleaned.get("niveau") or self.defaults.level,
            cleaned.get("maatstaf") or self.defaults.measure,
            cleaned.get("weergave") or self.defaults.display,
        )
