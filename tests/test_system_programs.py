# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A bare machine gets one clear Dutch line naming the missing Debian packages, not a traceback.

Time budget: about 10 s (one pytest and one make run in a subprocess, collection only).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kompas.config import PROJECT_DIR
from tests.programs import PROGRAMS, missing_message, missing_programs

TESTS = PROJECT_DIR / "tests"
RUNNERS = {"run", "check_output", "check_call", "call", "Popen"}


def _called_programs(path: Path) -> set[str]:
    """Return the programs ``path`` starts by a literal name or path (``["pdftotext", …]``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in RUNNERS or not node.args or not isinstance(node.args[0], ast.List):
            continue
        first = node.args[0].elts[0] if node.args[0].elts else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(Path(first.value).name)
    return found


def _bare_path(tmp_path: Path) -> str:
    """Return a PATH holding only a shell, so no program a test calls can be found."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "sh").symlink_to("/bin/sh")
    return str(folder)


def test_every_program_a_test_starts_is_in_the_table() -> None:
    table = {program.name: program for program in PROGRAMS}
    uncovered = []
    for path in sorted(TESTS.rglob("*.py")):
        nodeid = path.relative_to(PROJECT_DIR).as_posix() + "::test"
        for name in _called_programs(path):
            if name not in table or not table[name].called_by(nodeid):
                uncovered.append(f"{nodeid.split('::')[0]} start {name}")
    assert uncovered == []


def test_browser_tests_chromium_is_in_the_table() -> None:
    source = (TESTS / "browser" / "conftest.py").read_text(encoding="utf-8")
    assert 'CHROMIUM = "/usr/bin/chromium"' in source
    assert missing_programs(["tests/browser/test_accounts_pages.py::test_x"], which=lambda name: None) == [
        program for program in PROGRAMS if program.name == "chromium"
    ]


# (tests selected, programs the machine lacks) -> the programs named as missing
CASES = [
    # a PDF test on a machine without poppler: pdftotext is missing
    (["tests/policy/test_exports.py::test_pdf"], {"pdftotext"}, ["pdftotext"]),
    # the PDF tests of the presentation kit need pdftotext and pdffonts, both from poppler-utils
    (
        ["tests/presentation/test_pdf_xlsx.py::test_fonts"],
        {"pdftotext", "pdffonts"},
        ["pdftotext", "pdffonts"],
    ),
    # tests that start no program run on a bare machine
    (["tests/areas/test_load.py::test_x"], {"pdftotext", "pdffonts", "chromium"}, []),
    # everything installed: nothing missing
    (["tests/browser/test_alert_pages.py::test_x", "tests/reports/test_x.py::t"], set(), []),
]


@pytest.mark.parametrize(("nodeids", "absent", "expected"), CASES)
def test_missing_programs_only_for_selected_tests(
    nodeids: list[str], absent: set[str], expected: list[str]
) -> None:
    missing = missing_programs(nodeids, which=lambda name: None if name in absent else f"/usr/bin/{name}")
    assert [program.name for program in missing] == expected


def test_message_names_each_package_once_and_the_make_target() -> None:
    missing = [program for program in PROGRAMS if program.package == "poppler-utils"]
    assert missing_message(missing) == (
        "De gekozen tests roepen programma's aan die ontbreken (pdftotext, pdffonts, pdftoppm). "
        "Installeer de Debian-pakketten: poppler-utils (als root: make system-packages)."
    )


def test_pytest_stops_with_a_dutch_line_when_pdftotext_is_missing(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": _bare_path(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "0", "tests/policy/test_exports.py"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "Installeer de Debian-pakketten: poppler-utils (als root: make system-packages)." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert " passed" not in result.stdout


def test_make_check_programs_names_the_missing_packages(tmp_path: Path) -> None:
    result = subprocess.run(
        ["/usr/bin/make", "-s", "--no-print-directory", "check-programs"],
        cwd=PROJECT_DIR,
        env={**os.environ, "PATH": _bare_path(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "De tests hebben programma's nodig die ontbreken. Installeer de Debian-pakketten:" in result.stderr
    assert " poppler-utils chromium" in result.stderr
    assert "(als root: make system-packages)." in result.stderr
