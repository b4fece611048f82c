# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The choice on the area hotspot page: indicator, level, period, statistic and persistence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kompas.hotspots.area_maps import LEVELS
from kompas.indicators.queries import Indicator

STATISTICS = [
    ("gi", _("Getis-Ord Gi* (hotspots en coldspots)")),
    ("moran", _("Local Moran's I (clusters en uitschieters)")),
]
LEVEL_LABELS = {"buurt": _("Buurt"), "wijk": _("Wijk")}
LENGTHS = [("year", _("Jaar")), ("quarter", _("Kwartaal")), ("month", _("Maand"))]


class AreaHotspotForm(forms.Form):
    """What to map; the period defaults to the latest with values, persistence to 2 of the last 3."""

    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), label=_("Indicator"))
    niveau = forms.ChoiceField(label=_("Niveau"), choices=[(level, LEVEL_LABELS[level]) for level in LEVELS])
    periode = forms.ChoiceField(label=_("Periodelengte"), choices=LENGTHS, initial="year")
    begin = forms.DateField(
        label=_("Periode vanaf"),
        required=False,
        help_text=_("Leeg: de laatste periode met waarden."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    statistiek = forms.ChoiceField(label=_("Statistiek"), choices=STATISTICS, initial="gi", required=False)
    permutaties = forms.TypedChoiceField(
        label=_("Permutaties"),
        choices=[(999, "999"), (9999, "9.999")],
        coerce=int,
        initial=999,
        required=False,
        empty_value=None,
        help_text=_(
            "Meer permutaties maken kleinere p-waarden mogelijk: nodig voor kaarten met veel gebieden."
        ),
    )
    k = forms.IntegerField(
        label=_("Hotspot in minstens k perioden"), min_value=1, max_value=12, initial=2, required=False
    )
    n = forms.IntegerField(
        label=_("van de laatste n perioden"), min_value=1, max_value=12, initial=3, required=False
    )

    def __init__(self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators  # type: ignore[attr-defined]  # a ModelChoiceField

    def clean(self) -> dict[str, Any]:
        """Refuse a persistence window of fewer periods than it asks hot spots in."""
        cleaned = super().clean() or {}
        # a link from the indicator page names only the indicator and the period: the defaults
        for name in ("statistiek", "k", "n"):
            if cleaned.get(name) in (None, "") and name not in self.errors:
                cleaned[name] = self.fields[name].initial
        k, n = cleaned.get("k"), cleaned.get("n")
        if k is not None and n is not None and k > n:
            raise forms.ValidationError(
                _(
                    "k kan niet groter zijn dan n: een gebied kan niet vaker een hotspot zijn dan er "
                    "perioden zijn."
                )
            )
        return cleaned
