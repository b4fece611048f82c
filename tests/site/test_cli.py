# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The ``kompas`` command: friendly names, Dutch and English help, demo, deploy check."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Q
from django_scopes import scopes_disabled

from kompas.accounts.models import AuditRecord, Organisation, User
from kompas.accounts.roles import Role
from kompas.indicators.models import Indicator, IndicatorValue
from kompas.observations.models import Observation
from kompas.site.cli import COMMANDS, RENAMED, command_name, main, renamed

KOMPAS = str(Path(sys.executable).with_name("kompas"))


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KOMPAS, *args], capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["early-warning", "run", "x.csv"], ("early_warning_run", ["x.csv"])),  # dashes become underscores
        (["plan", "check", "--json"], ("plan_check", ["--json"])),  # two words name one command
        (["check", "--deploy"], ("check", ["--deploy"])),  # Django's check stays Django's
        (["export", "x"], ("export", ["x"])),  # no command export_x: the second word is an argument
    ],
)
def test_friendly_names(argv: list[str], expected: tuple[str, list[str]]) -> None:
    assert command_name(argv, {"plan_check", "check", "early_warning_run"}) == expected


def test_every_command_is_noun_verb_or_one_word() -> None:
    # One word acts on the whole installation; two words are the thing, then what to do with it.
    verbs = {
        "backtest",
        "check",
        "configure",
        "create",
        "digest",
        "dump",
        "export",
        "forecast",
        "link",
        "list",
        "load",
        "publish",
        "reaggregate",
        "remind",
        "report",
        "retention",  # apply the retention terms (casework)
        "rotate-keys",
        "run",
        "verify",
        "withdraw",
    }
    assert all(len(name.split()) == 1 or name.split()[1] in verbs for name in COMMANDS)
    assert set(RENAMED.values()) <= set(COMMANDS)
    assert not set(RENAMED) & set(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "indicators", "--json"], (["indicators", "export", "--json"], "export indicators")),
        (["export_observations"], (["observations", "export"], "export observations")),
        (["check", "plan"], (["plan", "check"], "check plan")),
        (["createuser", "ans"], (["user", "create", "ans"], "createuser")),
        (["early-warning", "x.csv"], (["early-warning", "run", "x.csv"], "early-warning")),
        (
            ["early-warning-backtest", "x.csv"],
            (["early-warning", "backtest", "x.csv"], "early-warning-backtest"),
        ),
        (["early-warning", "run", "x.csv"], None),  # the new name, though it starts with an old one
        (["check", "--deploy"], None),
        (["plan", "check"], None),
    ],
)
def test_old_names_are_renamed(argv: list[str], expected: tuple[list[str], str] | None) -> None:
    assert renamed(argv) == expected


def test_old_name_still_runs_and_says_its_new_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "indicators", "--help"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "'export indicators' heet nu 'indicators export'; de oude naam verdwijnt in de volgende versie.\n"
    )
    assert "--indicator" in captured.out


def test_help_in_dutch_and_english() -> None:
    dutch = _run("--help")
    english = _run("--lang", "en", "--help")
    assert dutch.returncode == english.returncode == 0
    assert dutch.stdout.startswith("Gebruik: kompas")
    assert "demo" in dutch.stdout and "Maak een demodatabase" in dutch.stdout
    assert english.stdout.startswith("Usage: kompas")
    assert "Create a demo database" in english.stdout


def test_command_help_in_english() -> None:
    result = _run("--lang", "en", "demo", "--help")
    assert "Do everything except starting the server." in result.stdout


def test_unknown_command_fails() -> None:
    result = _run("bestaat-niet")
    assert result.returncode != 0
    assert "bestaat_niet" in result.stderr


def test_deploy_check_has_no_warnings(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "KOMPAS_EMBEDDED": "false",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "kompas.hengelo.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = _run("check", "--deploy", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in result.stderr


def test_production_without_secret_key_fails_loudly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"KOMPAS_EMBEDDED": "false", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    result = _run("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


@pytest.mark.django_db
@pytest.mark.xdist_group("kompas-demo")  # one worker: parallel demo loads block each other on PostgreSQL
def test_demo_without_serving_is_idempotent() -> None:
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    first = (Organisation.objects.count(), User.objects.count(), AuditRecord.objects.count())
    _check_standard_rates_on_the_demo()
    _check_figures_on_the_demo()
    call_command("demo", no_serve=True, stdout=StringIO())
    assert (Organisation.objects.count(), User.objects.count(), AuditRecord.objects.count()) == first
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    text = out.getvalue()
    assert "http://" not in text  # no server starts, so no address is printed (issue 15)
    assert "Kompas-demo staat klaar; start de server met: kompas serve" in text
    assert "analist" in text and "kompas-demo-2026" in text


def _check_standard_rates_on_the_demo() -> None:
    """Check the standard rates of the demo: every rate per 1.000 inwoners for Nederland each year
    2012-2023 (stock: 83474NED on 1 January) and for Hengelo, and the burglary proxy per 1.000
    huishoudens for Nederland 2015 (households of the 393 gemeenten of 2015). The rate per 1.000
    woningen has none: no bundled file has dwellings."""
    per_inhabitant = (
        "geweldsmisdrijven_per_1000_inwoners",
        "verward_gedrag_e33_per_1000_inwoners",
        "misdrijven_totaal_per_1000_inwoners",
    )
    with scopes_disabled():
        years = IndicatorValue.objects.filter(area_code="NL00", period_length="year", value__isnull=False)
        for code in per_inhabitant:
            found = {(v.period_start.year, v.denominator_year) for v in years.filter(indicator__code=code)}
            assert {(year, year) for year in range(2012, 2024)} <= found, code
        hengelo = IndicatorValue.objects.get(
            indicator__code="misdrijven_totaal_per_1000_inwoners",
            area_code="GM0164",
            period_length="year",
            period_start="2024-01-01",
        )
        # Misdrijven_2024.csv: Hengelo 3.752; 85984NED: 83.060 inhabitants of its buurten on 1-1-2024.
        assert (hengelo.numerator, hengelo.denominator) == (3752, 83_060)
        proxy = years.get(indicator__code="woninginbraken_per_1000_huishoudens", period_start="2015-01-01")
        # 64.676 burglaries (nl_misdrijven_jaar_soort.csv) / 7.665.198 households × 1.000
        assert (proxy.numerator, proxy.denominator, proxy.denominator_year) == (64_676, 7_665_198, 2015)
        assert proxy.value == pytest.approx(64_676 / 7_665_198 * 1000, rel=1e-12)
        assert not IndicatorValue.objects.filter(
            indicator__code="woninginbraken_per_1000_woningen", value__isnull=False
        ).exists()
        assert not Observation.objects.filter(measure__code="woningen").exists()


def _check_figures_on_the_demo() -> None:
    """``kompas check figures --json`` lists, per organisation, exactly the indicators it sees that
    have no value, each with a reason; the burglary rates name their missing denominator."""
    out = StringIO()
    call_command("check_figures", "--json", stdout=out)
    reports = {report["organisation"]: report for report in json.loads(out.getvalue())["organisations"]}
    reasons = {
        "nog_niet_berekend",
        "maatstaf_van_een_andere_organisatie",
        "geen_tellergegevens",
        "geen_noemer",
        "noemer_past_niet_bij_teller",
        "te_weinig_waarnemingen",
        "onderdelen_zonder_waarden",
        "waarnemingen_buiten_bekende_gebieden",
    }
    with scopes_disabled():
        assert set(reports) == set(Organisation.objects.values_list("code", flat=True))
        with_values = set(
            IndicatorValue.objects.filter(value__isnull=False).values_list("indicator_id", flat=True)
        )
        for organisation in Organisation.objects.all():
            seen = Indicator.objects.filter(
                Q(organisation=organisation) | Q(organisation__isnull=True), definition__isnull=False
            )
            without = {i.code for i in seen if i.pk not in with_values}
            listed = reports[organisation.code]["without_values"]
            assert {found["code"] for found in listed} == without, organisation.code
            assert all(found["reason"] in reasons and found["explanation"] for found in listed)
    burglary = {found["code"]: found for found in reports["hengelo"]["without_values"]}
    dwellings = burglary["woninginbraken_per_1000_woningen"]
    assert (dwellings["reason"], dwellings["measures"]) == ("geen_noemer", ["woningen"])
    # the reason names the missing dwellings and the proxy that has values
    assert dwellings["explanation"].startswith("Geen waarnemingen van de noemer woningen.")
    assert (
        "woninginbraken_per_1000_huishoudens (Woninginbraken per 1.000 huishoudens"
        in dwellings["explanation"]
    )
    assert "woninginbraken_per_1000_huishoudens" not in burglary


@pytest.mark.django_db
@pytest.mark.xdist_group("kompas-demo")  # one worker: parallel demo loads block each other on PostgreSQL
def test_user_create_reads_password_from_stdin() -> None:
    call_command("demo", no_serve=True, stdout=StringIO())
    call_command(
        "user_create",
        "nieuw",
        organisation="hengelo",
        role="analist",
        password_stdin=True,
        stdin=StringIO("een-lang-wachtwoord-99\n"),
        stdout=StringIO(),
    )
    assert User.objects.get(username="nieuw").organisation.code == "hengelo"
