# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""From report options to what a report is about: plan, year, area, theme, checked and named.

Runs inside the organisation's scope; every wrong choice becomes a :class:`ReportError` whose
message names the choices there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation
from kompas.areas.queries import area_by_code
from kompas.policy.queries import latest_plan, plans
from kompas.reports.figures import gemeente_years
from kompas.reports.options import ReportError, ReportName, ReportOptions

if TYPE_CHECKING:
    from kompas.areas.queries import Area
    from kompas.policy.queries import Plan, Theme

EARLIEST_YEAR = 1990


@dataclass(frozen=True)
class Selection:
    """What one report covers."""

    organisation: Organisation
    plan: Plan | None
    year: int
    gemeente: Area | None
    area: Area | None
    theme: Theme | None
    suppress: bool

    @property
    def area_code(self) -> str:
        """Return the CBS code of the area the report covers (the gemeente without a choice)."""
        return self.area.code if self.area is not None else self.organisation.cbs_code

    @property
    def area_label(self) -> str:
        """Return the area the report covers, as ``Noord (WK016402)``."""
        area = self.area or self.gemeente
        if area is not None:
            return f"{area.name} ({area.code})"
        code = self.organisation.cbs_code
        return f"{self.organisation.name} ({code})" if code else _("geen gemeente gekoppeld")

    def filters(self) -> dict[str, str]:
        """Return the active filters as the page header prints them."""
        found: dict[str, str] = {}
        if self.plan is not None:
            found[_("plan")] = self.plan.title
        if self.theme is not None:
            found[_("thema")] = f"{self.theme.code} {self.theme.title}"
        found[_("periode")] = str(self.year)
        found[_("gebied")] = self.area_label
        found[_("weergave")] = _("openbaar, aantallen onder 5 onderdrukt") if self.suppress else _("intern")
        return found


def select(organisation: Organisation, options: ReportOptions) -> Selection:
    """Check ``options`` against the organisation's plans, areas and years; return the selection."""
    plan = _plan(options) if options.name != ReportName.VEILIGHEIDSBEELD or options.plan_id else None
    chosen = plan_year if options.name == ReportName.VOORTGANG else default_year
    year = options.period or chosen(organisation, plan)
    if not EARLIEST_YEAR <= year <= timezone.now().year:
        raise ReportError(_("Periode %(year)s valt buiten %(first)s–%(last)s.") % _years(year))
    gemeente = area_by_code(organisation.cbs_code, year) if organisation.cbs_code else None
    area = _area(organisation, options.area_code, year) if options.area_code else None
    theme = _theme(plan, options.theme_code) if options.name == ReportName.THEMABLAD else None
    return Selection(organisation, plan, year, gemeente, area, theme, options.suppress)


def _years(year: int) -> dict[str, int]:
    return {"year": year, "first": EARLIEST_YEAR, "last": timezone.now().year}


def default_year(organisation: Organisation, plan: Plan | None) -> int:
    """Return the latest year with figures for the gemeente, else the plan's last year, else last year."""
    years = gemeente_years(organisation)
    if years:
        return years[-1]
    this_year = timezone.now().year
    return min(plan.period_end, this_year) if plan is not None else this_year - 1


def plan_year(organisation: Organisation, plan: Plan | None) -> int:
    """Return the latest year of the plan period with figures for the gemeente, else :func:`default_year`.

    A progress report is about the plan's own years; figures of later years say nothing about it.
    """
    if plan is not None:
        inside = [
            year for year in gemeente_years(organisation) if plan.period_start <= year <= plan.period_end
        ]
        if inside:
            return inside[-1]
    return default_year(organisation, plan)


def selectable_years(organisation: Organisation, plan: Plan | None) -> list[int]:
    """Return the years a reader may choose: those with figures and those from the plan's start on."""
    years = set(gemeente_years(organisation))
    if plan is not None:
        years |= set(range(plan.period_start, max(plan.period_end, timezone.now().year - 1) + 1))
    return sorted(years) or [default_year(organisation, plan)]


def _plan(options: ReportOptions) -> Plan:
    plan = plans().filter(pk=options.plan_id).first() if options.plan_id else latest_plan()
    if plan is not None:
        return plan
    if options.plan_id:
        known = ", ".join(f"{p.pk} ({p.title})" for p in plans()) or _("geen")
        raise ReportError(
            _("Plan %(id)s bestaat niet. Plannen: %(known)s.") % {"id": options.plan_id, "known": known}
        )
    raise ReportError(_("Er is nog geen veiligheidsplan. Laad er een met `kompas demo`."))


def _theme(plan: Plan | None, code: str) -> Theme:
    themes = list(plan.themes.order_by("number")) if plan is not None else []
    theme = next((t for t in themes if t.code.lower() == code.strip().lower()), None)
    if theme is None:
        known = ", ".join(t.code for t in themes) or _("geen")
        raise ReportError(_("Kies een thema van het plan met --theme: %(known)s.") % {"known": known})
    return theme


def _area(organisation: Organisation, code: str, year: int) -> Area:
    code = code.strip().upper()
    number = organisation.cbs_code[2:]
    inside = code == organisation.cbs_code or (
        bool(number) and code[2:].startswith(number) and code[:2] in ("WK", "BU")
    )
    area = area_by_code(code, year) if inside else None
    if area is None:
        message = _(
            "Gebied %(code)s is onbekend of ligt niet in %(organisation)s; "
            "kies de gemeente of een wijk of buurt (WK%(number)s…)."
        )
        raise ReportError(message % {"code": code, "organisation": organisation.name, "number": number})
    return area
