# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Withdrawing and replacing an import run: the exact state before it comes back, or nothing changes."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.observations import write
from kompas.observations.models import Event, Observation, ObservationChange
from kompas.site.cli import command_name
from kompas.sources.codelists import DATA
from kompas.sources.load import withdraw_import
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.withdrawal import WithdrawRefusedError
from tests.sources.importing import raw_rows, run_import

pytestmark = pytest.mark.django_db
DENHAAG = "politie-denhaag-buurt-maand-2011-2015/misdrijven_buurt_maand_2011_2015.csv.gz"
VANCOUVER = "vancouver-vpd-crime-2021-2022/vpd_crime_2021_2022.csv.gz"
HEADER = ["jaar", "maand", "wijk_code", "buurt_code", "delict_code", "aantal"]


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _with_counts(rows: list[dict[str, str]], changes: dict[int, int]) -> list[dict[str, str]]:
    return [{**row, "aantal": str(changes[i])} if i in changes else row for i, row in enumerate(rows)]


def _state() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every stored value, value-history line and event, with the run that brought each."""
    with scopes_disabled():
        values = Observation.objects.order_by("id").values_list(
            "id",
            "measure_id",
            "area_id",
            "period_start",
            "period_length",
            "value",
            "margin",
            "sample_size",
            "import_run_id",
            "organisation_id",
        )
        history = ObservationChange.objects.order_by("id").values_list(
            "id",
            "observation_id",
            "import_run_id",
            "old_import_run_id",
            "old_value",
            "new_value",
            "old_margin",
            "new_margin",
            "old_sample_size",
            "new_sample_size",
        )
        events = Event.objects.order_by("id").values_list(
            "id", "kind", "occurred_at", "x", "y", "crs", "area_id", "import_run_id"
        )
        return list(values), list(history), list(events)


@pytest.fixture
def panel() -> list[dict[str, str]]:
    """The first 12 rows of the Den Haag panel (politie open data, one count per buurt and month)."""
    return raw_rows(DENHAAG)[:12]


@pytest.fixture
def two_runs(org_a: Organisation, panel: list[dict[str, str]], tmp_path: Path) -> tuple[ImportRun, ImportRun]:
    """A first import of 10 rows, then a corrected file that changes 2 of them: history exists."""
    first = run_import(
        org_a, _write(tmp_path / "a.csv", panel[:10]), "politie-buurt-maand", create_areas=True
    )
    corrected = _with_counts(panel[:10], {0: 101, 1: 102})
    second = run_import(org_a, _write(tmp_path / "b.csv", corrected), "politie-buurt-maand")
    assert (first.rows_loaded, second.rows_changed) == (10, 2)
    return first, second


def test_withdraw_of_3_changed_and_1_added_restores_values_history_and_runs(
    org_a: Organisation, panel: list[dict[str, str]], two_runs: tuple[ImportRun, ImportRun], tmp_path: Path
) -> None:
    _first, second = two_runs
    before = _state()
    # Row 1 was last changed by the second run, rows 2 and 3 still come from the first; row 11 is new.
    third_rows = _with_counts(panel[:10], {0: 101, 1: 202, 2: 203, 3: 204}) + panel[10:11]
    third = run_import(org_a, _write(tmp_path / "c.csv", third_rows), "politie-buurt-maand")
    assert (third.rows_loaded, third.rows_changed, third.rows_unchanged) == (1, 3, 7)
    assert _state() != before

    done = withdraw_import(third, actor=None)

    assert (done.removed, done.restored, done.events_removed) == (1, 3, 0)
    assert _state() == before
    with scopes_disabled():
        third.refresh_from_db()
        restored = Observation.objects.get(
            id=ObservationChange.objects.filter(import_run=second).first().observation_id
        )  # type: ignore[union-attr]  # the second run changed two values
    assert restored.import_run_id == second.pk  # the value is the second run's again, not the first's
    assert (third.status, third.withdrawn_at is not None) == (ImportStatus.WITHDRAWN, True)
    record = AuditRecord.objects.latest("id")
    assert (record.action, record.changes["removed"], record.changes["restored"]) == (
        "sources.import.withdrawn",
        1,
        3,
    )


def test_a_run_whose_values_a_later_run_changed_is_refused_until_that_run_is_withdrawn(
    two_runs: tuple[ImportRun, ImportRun],
) -> None:
    first, second = two_runs
    before = _state()
    with pytest.raises(WithdrawRefusedError) as refused:
        withdraw_import(first, actor=None)
    assert refused.value.message == (
        f"Importrun {first.pk} kan niet worden ingetrokken: importrun {second.pk} heeft daarna waarden "
        f"gewijzigd die deze run had opgeslagen. Trek eerst importrun {second.pk} in."
    )
    assert _state() == before
    withdraw_import(second, actor=None)
    done = withdraw_import(first, actor=None)
    assert (done.removed, done.restored) == (10, 0)
    assert _state() == ([], [], [])


def test_dry_run_counts_and_changes_nothing(two_runs: tuple[ImportRun, ImportRun]) -> None:
    _first, second = two_runs
    before = _state()
    planned = withdraw_import(second, actor=None, dry_run=True)
    assert (planned.removed, planned.restored, planned.dry_run) == (0, 2, True)
    assert _state() == before
    with scopes_disabled():
        assert ImportRun.objects.get(pk=second.pk).status == ImportStatus.LOADED


def _incidents(tmp_path: Path, name: str, rows: slice) -> Path:
    with gzip.open(DATA / VANCOUVER, "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        lines = [next(reader), *list(reader)[rows]]
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(lines)
    return path


def test_withdraw_removes_exactly_the_events_the_run_added(org_a: Organisation, tmp_path: Path) -> None:
    options = {"timezone": "America/Vancouver"}
    run_import(org_a, _incidents(tmp_path, "jan.csv", slice(0, 40)), "incidenten", options=options)
    before = _state()
    # An overlapping export: rows 20-39 are stored already, rows 40-59 are new.
    later = run_import(org_a, _incidents(tmp_path, "feb.csv", slice(20, 60)), "incidenten", options=options)
    assert (later.rows_loaded, later.rows_unchanged) == (20, 20)
    done = withdraw_import(later, actor=None)
    assert done.events_removed == 20
    assert _state() == before


def test_replace_withdraws_and_imports_in_one_go(
    org_a: Organisation, panel: list[dict[str, str]], two_runs: tuple[ImportRun, ImportRun], tmp_path: Path
) -> None:
    _first, _second = two_runs
    third = run_import(org_a, _write(tmp_path / "c.csv", panel[10:12]), "politie-buurt-maand")
    assert third.rows_loaded == 2
    replacement = run_import(
        org_a, _write(tmp_path / "d.csv", panel[11:12]), "politie-buurt-maand", replaces=third
    )
    with scopes_disabled():
        third.refresh_from_db()
    assert (third.status, third.replaced_by_id) == (ImportStatus.WITHDRAWN, replacement.pk)
    # The withdrawn run's row 11 goes; row 12 comes back as the replacement's own, new value.
    assert (replacement.status, replacement.rows_loaded, replacement.rows_unchanged) == (
        ImportStatus.LOADED,
        1,
        0,
    )
    assert replacement.warnings[0]["message"] == (
        f"Vervangt importrun {third.pk}: 2 waarden verwijderd, 0 teruggezet, 0 gebeurtenissen verwijderd."
    )
    with scopes_disabled():
        assert Observation.objects.filter(import_run=replacement).count() == 1
        assert Observation.objects.count() == 11


def test_a_refused_replacement_leaves_the_old_run_in_place(
    org_a: Organisation, panel: list[dict[str, str]], two_runs: tuple[ImportRun, ImportRun], tmp_path: Path
) -> None:
    _first, second = two_runs
    before = _state()
    bad = _with_counts(panel[:10], {0: -5})
    refused = run_import(org_a, _write(tmp_path / "bad.csv", bad), "politie-buurt-maand", replaces=second)
    assert refused.status == ImportStatus.REJECTED
    assert _state() == before
    with scopes_disabled():
        assert ImportRun.objects.get(pk=second.pk).status == ImportStatus.LOADED


def test_a_replacement_that_fails_while_writing_leaves_the_old_run_in_place(
    org_a: Organisation,
    panel: list[dict[str, str]],
    two_runs: tuple[ImportRun, ImportRun],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _first, second = two_runs
    before = _state()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr("kompas.sources.load.upsert_observations", broken)
    failed = run_import(
        org_a, _write(tmp_path / "new.csv", panel[:10]), "politie-buurt-maand", replaces=second
    )
    assert failed.status == ImportStatus.FAILED
    assert _state() == before  # the withdrawal was rolled back with the failed write
    with scopes_disabled():
        assert ImportRun.objects.get(pk=second.pk).status == ImportStatus.LOADED
    assert write.upsert_observations is not broken


def test_replacing_a_run_a_later_run_builds_on_is_refused_with_that_run(
    org_a: Organisation, panel: list[dict[str, str]], two_runs: tuple[ImportRun, ImportRun], tmp_path: Path
) -> None:
    first, second = two_runs
    before = _state()
    refused = run_import(org_a, _write(tmp_path / "e.csv", panel[:10]), "politie-buurt-maand", replaces=first)
    assert refused.status == ImportStatus.REJECTED
    assert f"Trek eerst importrun {second.pk} in" in refused.errors[0]["message"]
    assert _state() == before


def test_withdraw_command(two_runs: tuple[ImportRun, ImportRun]) -> None:
    first, second = two_runs
    out = io.StringIO()
    call_command("import_withdraw", str(second.pk), "--dry-run", stdout=out)
    assert out.getvalue().strip() == (
        f"Proef: intrekken van importrun {second.pk} zou 0 waarden verwijderen, 2 waarden terugzetten en "
        "0 gebeurtenissen verwijderen; er is niets gewijzigd."
    )
    with pytest.raises(CommandError, match=f"Trek eerst importrun {second.pk} in"):
        call_command("import_withdraw", str(first.pk), stdout=io.StringIO())
    call_command("import_withdraw", str(second.pk), stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        f"Importrun {second.pk} ingetrokken: 0 waarden verwijderd, 2 waarden teruggezet op hun vorige "
        "waarde, 0 gebeurtenissen verwijderd."
    )


def test_withdraw_button_asks_then_withdraws_the_organisations_own_run(
    org_a: Organisation, make_user: Callable[..., User], client: Client, tmp_path: Path
) -> None:
    body = "jaar,maand,wijk_code,buurt_code,delict_code,aantal\n2011,1,WK016401,BU01640100,104,3\n"
    run = run_import(
        org_a, _write_text(tmp_path / "own.csv", body), "politie-buurt-maand", own=True, create_areas=True
    )
    user = make_user(Role.ANALIST, org_a)
    client.force_login(user)
    detail = client.get(reverse("sources:run_detail", kwargs={"run_id": run.pk})).content.decode()
    url = reverse("sources:run_withdraw", kwargs={"run_id": run.pk})
    assert url in detail
    page = client.get(url).content.decode()
    assert "zou 1 waarden verwijderen" in page and 'name="csrfmiddlewaretoken"' in page
    response = client.post(url, follow=True)
    assert f"Importrun {run.pk} ingetrokken: 1 waarden verwijderd" in response.content.decode()
    with scopes_disabled():
        run.refresh_from_db()
        assert (run.status, run.withdrawn_by) == (ImportStatus.WITHDRAWN, user)
        assert Observation.objects.count() == 0
    assert url not in client.get(reverse("sources:run_detail", kwargs={"run_id": run.pk})).content.decode()


def _write_text(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def test_import_withdraw_is_a_friendly_two_word_command() -> None:
    known = {"import_file", "import_withdraw"}
    assert command_name(["import", "withdraw", "42", "--dry-run"], known) == (
        "import_withdraw",
        ["42", "--dry-run"],
    )
    assert command_name(["import", "bestand.csv"], known) == ("import_file", ["bestand.csv"])
