# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Aggregates only, with suppression: small cells never leave casework for non-participants,
and T5.I1 and T7.I1 get their values from casework into the voortgang report."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.accounts.roles import Role
from kompas.casework.aggregates import Cell, Period, compute, suppress
from kompas.casework.groups import NewGroup, open_group
from kompas.casework.publish import publish_figures
from kompas.casework.signals import NewSignal, Weighing, open_signal, weigh_signal
from kompas.indicators.load import load_definitions
from kompas.observations.queries import count_series, measure_labels
from kompas.policy.load import load_plan
from kompas.reports.generate import generate
from kompas.reports.options import ReportFormat, ReportName, ReportOptions
from kompas.reports.theme_progress import plan_progress
from tests.reports.factories import make_wijk

pytestmark = pytest.mark.django_db

HENGELO_SET = (
    Path(__file__).parents[2] / "src" / "kompas" / "indicators" / "sets" / "hengelo_ivp_2017_2020.toml"
)
Q1 = dt.date(2025, 2, 3)
FORWARDED = 6  # signals forwarded to the RIEC in 2025: above the threshold of 5
GROUPS = 7  # youth groups in view at the end of 2025


def _fill(adviser: User) -> None:
    """Six forwarded hennep signals, one mensenhandel signal (a small cell), seven groups."""
    for _number in range(FORWARDED):
        signal = open_signal(actor=adviser, new=NewSignal("politie", "hennep", Q1, "WK016401"))
        weigh_signal(
            actor=adviser, signal_id=signal.pk, weighing=Weighing("doorgeleid", Q1, ("oov", "politie"))
        )
    open_signal(actor=adviser, new=NewSignal("sociale_dienst", "mensenhandel", Q1, "WK016401"))
    for number in range(GROUPS):
        open_group(actor=adviser, new=NewGroup(f"Groep Test-{number}", "hinderlijk", "sjgo", Q1, "WK016401"))


@pytest.fixture
def adviser(org_a: Organisation, make_user: Callable[..., User]) -> User:
    make_wijk(org_a)
    user = make_user(Role.OOV_ADVISEUR, org_a)
    _fill(user)
    return user


def _cell(cells: list, measure: str, area: str, period: str) -> object:  # type: ignore[type-arg]
    [found] = [c for c in cells if (c.measure, c.area_code, c.period.code) == (measure, area, period)]
    return found


def test_cells_count_flows_in_the_period_and_stocks_at_its_end(org_a: Organisation, adviser: User) -> None:
    cells = compute(org_a, today=dt.date(2025, 12, 31))
    assert _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025KW01").value == FORWARDED
    assert _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025KW02").value == 0
    assert _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025JJ00").value == FORWARDED
    # a stock is what is in view at the end of each period, not a sum of quarters
    assert _cell(cells, "casework_jeugdgroepen", "GM0164", "2025KW04").value == GROUPS
    assert _cell(cells, "casework_jeugdgroepen", "GM0164", "2025JJ00").value == GROUPS
    assert _cell(cells, "casework_signalen_ontvangen_mensenhandel", "WK016401", "2025KW01").value == 1


def test_small_cells_and_zero_are_suppressed(org_a: Organisation, adviser: User) -> None:
    cells = suppress(compute(org_a, today=dt.date(2025, 12, 31)))
    small = _cell(cells, "casework_signalen_ontvangen_mensenhandel", "GM0164", "2025KW01")
    assert (small.suppressed, small.value) == (True, 0.0)
    assert _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025KW02").suppressed  # zero
    # year 6 minus a shown first quarter of 6 would show the other quarters are 0: it goes too
    assert _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025KW01").suppressed
    assert not _cell(cells, "casework_signalen_doorgeleid", "GM0164", "2025JJ00").suppressed


def _made(measure: str, area: str, start: dt.date, length: str, n: int) -> Cell:
    end = dt.date(start.year, 12, 31) if length == "year" else start + dt.timedelta(days=89)
    return Cell(measure, area, Period(start, end, length), float(n), n)


def test_a_small_cell_is_protected_by_its_complements_in_every_sum() -> None:
    measure = "casework_signalen_ontvangen"
    quarters = {1: 6, 4: 7, 7: 2, 10: 8}  # the third quarter is small
    cells = [_made(measure, "GM0164", dt.date(2024, month, 1), "quarter", n) for month, n in quarters.items()]
    cells.append(_made(measure, "GM0164", dt.date(2024, 1, 1), "year", 23))
    # the second quarter in two wijken: 7 and 0
    cells += [
        _made(measure, "WK016401", dt.date(2024, 4, 1), "quarter", 7),
        _made(measure, "WK016402", dt.date(2024, 4, 1), "quarter", 0),
    ]
    withheld = {(c.area_code, c.period.code) for c in suppress(cells) if c.suppressed}
    # year 23 = 6 + 7 + x + 8 would give the third quarter away: the smallest other quarter goes too;
    # wijk 0 beside the gemeente's 7 would give the other wijk away, and the reverse
    assert withheld == {
        ("GM0164", "2024KW03"),
        ("GM0164", "2024KW01"),
        ("WK016402", "2024KW02"),
        ("WK016401", "2024KW02"),
    }


def test_a_stock_year_is_withheld_with_its_last_quarter() -> None:
    measure = "casework_jeugdgroepen"
    cells = [
        _made(measure, "GM0164", dt.date(2024, 7, 1), "quarter", 6),
        _made(measure, "GM0164", dt.date(2024, 10, 1), "quarter", 3),
        _made(measure, "GM0164", dt.date(2024, 1, 1), "year", 3),
    ]
    assert [c.suppressed for c in suppress(cells)] == [False, True, True]


def test_the_threshold_is_configurable(org_a: Organisation, adviser: User, settings: object) -> None:
    settings.CASEWORK_SUPPRESSION_THRESHOLD = 8  # type: ignore[attr-defined]
    cells = suppress(compute(org_a, today=dt.date(2025, 12, 31)))
    assert _cell(cells, "casework_jeugdgroepen", "GM0164", "2025JJ00").suppressed  # 7 < 8


def test_period_codes() -> None:
    assert Period(dt.date(2025, 4, 1), dt.date(2025, 6, 30), "quarter").code == "2025KW02"


@pytest.mark.parametrize(
    ("role", "exact"), [(Role.OOV_ADVISEUR, True), (Role.RAADSLID, False), (Role.ANALIST, False)]
)
def test_non_participants_see_small_counts_suppressed_on_the_page_and_in_the_export(
    role: Role,
    exact: bool,
    org_a: Organisation,
    adviser: User,
    client: Client,
    make_user: Callable[..., User],
    login: Callable[[Client, User], Client],
) -> None:
    login(client, make_user(role, org_a, username="lezer"))
    page = client.get(reverse("casework:figures")).content.decode()
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("casework:figures_export")).content))
    rows = [[cell.value for cell in row] for row in book.worksheets[0].iter_rows(min_row=2)]
    small = [
        r
        for r in rows
        if r[0] == "Signalen ontvangen: Mensenhandel" and r[2] == "GM0164" and r[3] == "1e kwartaal 2025"
    ]
    assert [r[4] for r in small] == (["1"] if exact else ["< 5"])
    assert ("&lt; 5" in page) != exact


def test_only_unsuppressed_counts_become_observations_and_feed_t5_i1_and_t7_i1(
    org_a: Organisation, adviser: User, django_capture_on_commit_callbacks: Callable[..., object]
) -> None:
    with scope(organisation=org_a.pk):
        plan = load_plan(actor=None, organisation=org_a).plan
        load_definitions(
            HENGELO_SET.read_text(encoding="utf-8"), HENGELO_SET.name, actor=None, organisation=org_a
        )
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        published = publish_figures(org_a, actor=adviser)
    assert published.status == "geladen" and published.suppressed > 0
    with scope(organisation=org_a.pk):
        labels = measure_labels(["casework_signalen_doorgeleid", "casework_jeugdgroepen"])
        assert set(labels) == {"casework_signalen_doorgeleid", "casework_jeugdgroepen"}
        # the single mensenhandel signal left casework nowhere; six forwarded signals did
        small = count_series("casework_signalen_ontvangen_mensenhandel", "quarter")
        assert small.empty  # one signal and quarters without any: nothing left casework
        forwarded = count_series("casework_signalen_doorgeleid", "year")
        year = forwarded[forwarded["period_start"] == dt.date(2025, 1, 1)]
        assert list(zip(year["area_code"], year["value"], strict=True)) == [("GM0164", 6.0)]
        progress = plan_progress(plan, year=2025, area_code="GM0164", suppress=False)
        values = {line.target.indicator.code: line.figures.value for t in progress for line in t.lines}
        assert (values["T7.I1"], values["T5.I1"]) == (FORWARDED, GROUPS)
        options = ReportOptions(ReportName.VOORTGANG, ReportFormat.HTML, plan_id=plan.pk, period=2025)
        report = generate(org_a, options, actor=None).body.decode()
    for code, value in (("T7.I1", FORWARDED), ("T5.I1", GROUPS)):
        row = re.search(rf"<tr>(?:(?!</tr>).)*{re.escape(code)}(?:(?!</tr>).)*</tr>", report, re.DOTALL)
        assert row is not None, code
        assert re.search(rf">\s*{value}\s*<", row.group(0)), row.group(0)
