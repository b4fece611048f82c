# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""First visits: the dashboard map opens on crime, the progress report on the plan's own years."""

from __future__ import annotations

import csv
import datetime as dt

from django_scopes import scope, scopes_disabled

from kompas.accounts.models import Organisation
from kompas.areas.models import Area
from kompas.dashboard.overview import default_filters
from kompas.observations.models import Measure, Observation
from kompas.policy.models import Plan
from kompas.presentation.content import Paragraph
from kompas.reports.generate import build
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.sources.codelists import DATA
from kompas.sources.formats.cbs_bevolking import CBS
from tests.reports.factories import Hengelo, make_wijk

POPULATION = DATA / "cbs-bevolking-buurt-2024" / "bevolking_buurt_2024_85984NED.csv"


def _inhabitants_2024(areas: dict[str, Area]) -> None:
    """Store the real CBS inhabitants of 1 January 2024 for those of ``areas`` the file has."""
    measure = Measure.objects.create(code="inwoners", name="Inwoners", unit="aantal", source=CBS)
    with POPULATION.open(encoding="utf-8") as handle:
        found = {row["buurt_code"]: float(row["inwoners"]) for row in csv.DictReader(handle)}
    Observation.objects.bulk_create(
        Observation(
            measure=measure,
            area=area,
            period_start=dt.date(2024, 1, 1),
            period_length="year",
            value=found[code],
        )
        for code, area in areas.items()
        if code in found
    )


def test_map_opens_on_crime_in_its_latest_year_not_on_inhabitants(
    org_a: Organisation, hengelo: Hengelo
) -> None:
    # Inhabitants per buurt run to 2024; burglaries per wijk to 2023.
    _inhabitants_2024(hengelo.buurten)
    with scope(organisation=org_a.pk):
        filters = default_filters(org_a, None)
    assert (filters.measure, filters.year, filters.level) == ("misdrijven_1_1_1", 2023, "wijk")


def test_map_shows_inhabitants_only_when_there_is_nothing_else(org_a: Organisation) -> None:
    wijk_code = make_wijk(org_a)
    _inhabitants_2024(
        {
            "BU01640000": Area.objects.create(
                code="BU01640000",
                name="Binnenstad-Centrum",
                level="buurt",
                parent=Area.objects.get(code=wijk_code),
                valid_from=2014,
            )
        }
    )
    with scope(organisation=org_a.pk):
        filters = default_filters(org_a, None)
    assert (filters.measure, filters.year) == ("inwoners", 2024)


def _period_sentence(organisation: Organisation) -> str:
    with scope(organisation=organisation.pk):
        report = build(organisation, ReportOptions(ReportName.VOORTGANG, ReportFormat.HTML))
    [summary] = [section for section in report.sections if section.title == "Samenvatting"]
    texts = [block.text for block in summary.blocks if isinstance(block, Paragraph)]
    return next(text for text in texts if text.startswith("Verslagperiode"))


def test_progress_report_without_figures_in_the_plan_years_says_so(
    org_a: Organisation, plan: Plan, hengelo: Hengelo
) -> None:
    # Hengelo's counts are of 2022 and 2023, after the plan 2017-2020.
    assert _period_sentence(org_a) == (
        "Verslagperiode: 2023. Dat jaar valt buiten de planperiode 2017–2020: voor de jaren van het plan "
        "zijn er voor deze gemeente nog geen cijfers."
    )


def test_progress_report_defaults_to_the_latest_plan_year_with_figures(
    org_a: Organisation, plan: Plan, hengelo: Hengelo
) -> None:
    # The own Veiligheidsmonitor figure of issue 12: 22 % ± 2,0 (n = 850) for Hengelo in 2017.
    with scopes_disabled():  # stored as Hengelo's own figure, as the own-figure form does
        Observation.objects.create(
            measure=Measure.objects.get(code="vm_onveilig"),
            area=hengelo.gemeente,
            period_start=dt.date(2017, 1, 1),
            period_length="year",
            value=22,
            margin=2.0,
            sample_size=850,
            organisation=org_a,
        )
    assert _period_sentence(org_a) == "Verslagperiode: 2017, binnen de planperiode 2017–2020."
