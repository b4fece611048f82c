# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The report page's form: the same choices as ``kompas report``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from kompas.reports.options import ReportFormat, ReportName, ReportOptions

if TYPE_CHECKING:
    from kompas.policy.queries import Plan, Theme


class ReportForm(forms.Form):
    """Which report, for which plan, year, area and theme, in which format."""

    rapport = forms.ChoiceField(label=_("Rapportage"), choices=ReportName.choices)
    plan = forms.TypedChoiceField(label=_("Veiligheidsplan"), coerce=int, required=False)
    periode = forms.TypedChoiceField(label=_("Periode (jaar)"), coerce=int, required=False)
    gebied = forms.ChoiceField(label=_("Gebied"), required=False, help_text=_("Voor het veiligheidsbeeld."))
    thema = forms.ChoiceField(label=_("Thema"), required=False, help_text=_("Voor een themablad."))
    formaat = forms.ChoiceField(label=_("Formaat"), choices=ReportFormat.choices, initial=ReportFormat.PDF)
    openbaar = forms.BooleanField(
        label=_("Voor publicatie: aantallen onder de 5 onderdrukken"),
        required=False,
        help_text=_("Zo ziet een raadslid de cijfers."),
    )

    def __init__(
        self,
        data: object,
        *,
        plans: Sequence[Plan],
        themes: Sequence[Theme],
        years: Sequence[int],
        areas: Sequence[tuple[str, str]],
        forced_public: bool,
    ) -> None:
        super().__init__(data or None)  # type: ignore[arg-type]  # Form's own arguments, passed on
        self.forced_public = forced_public
        self._choices("plan", [(p.pk, p.title) for p in plans], _("het laatste plan"))
        self._choices(
            "periode", [(year, str(year)) for year in sorted(years, reverse=True)], _("het laatste jaar")
        )
        self._choices("gebied", list(areas), _("de hele gemeente"))
        self._choices("thema", [(t.code, f"{t.code} {t.title}") for t in themes], _("kies een thema"))
        if forced_public:
            del self.fields["openbaar"]

    def _choices(self, name: str, choices: list[tuple[object, str]], empty: object) -> None:
        self.fields[name].choices = [("", empty), *choices]  # type: ignore[attr-defined]  # a ChoiceField

    def clean(self) -> dict[str, object]:
        """Require a theme for a themablad."""
        cleaned = super().clean() or {}
        if cleaned.get("rapport") == ReportName.THEMABLAD and not cleaned.get("thema"):
            self.add_error("thema", _("Kies het thema van het themablad."))
        return cleaned

    def options(self) -> ReportOptions:
        """Return the valid choices as report options (call after ``is_valid``)."""
        data = self.cleaned_data
        return ReportOptions(
            name=ReportName(data["rapport"]),
            format=ReportFormat(data["formaat"]),
            plan_id=data.get("plan") or None,
            period=data.get("periode") or None,
            area_code=data.get("gebied") or "",
            theme_code=data.get("thema") or "",
            suppress=self.forced_public or bool(data.get("openbaar")),
        )
