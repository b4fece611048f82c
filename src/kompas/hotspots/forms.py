# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The choice on the forecast page: which kind of incident, which method, which week."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.hotspots.methods import METHOD_NAMES

METHOD_LABELS = {
    "ensemble": _("Combinatie (gewichten uit de afgelopen weken)"),
    "kde": _("Dichtheid van het afgelopen jaar (KDE)"),
    "prospective": _("Prospectieve hotspots (Bowers e.a. 2004)"),
    "sepp": _("Zelfversterkend proces (Mohler e.a.)"),
    "decay": _("Dichtheid, recente incidenten wegen zwaarder"),
    "longrun": _("Telling: hele verleden"),
    "recent": _("Telling: laatste 4 weken"),
}


class ForecastForm(forms.Form):
    """Kind, method and first day of the forecast week; the week defaults to after the last event."""

    kind = forms.ChoiceField(label=_("Soort incident"))
    method = forms.ChoiceField(
        label=_("Methode"), choices=[(m, METHOD_LABELS[m]) for m in METHOD_NAMES], initial="ensemble"
    )
    week = forms.DateField(
        label=_("Week vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, kinds: Sequence[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.fields["kind"].choices = [(kind, kind) for kind in kinds]  # type: ignore[attr-defined]  # a ChoiceField
