# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Programs outside Python that tests call, the Debian package of each, and the tests that call it.

``tests/conftest.py`` stops the run with one Dutch line before the first test when a selected
test needs a program the machine lacks, instead of a ``FileNotFoundError`` traceback per test.
``tests/test_system_programs.py`` proves the table names every program a test calls.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Program:
    """A program, the Debian package that installs it, and the test paths (file or folder) calling it."""

    name: str
    package: str
    callers: tuple[str, ...]

    def called_by(self, nodeid: str) -> bool:
        """Return whether the test ``nodeid`` (``tests/x/test_y.py::test_z``) lies in a calling path."""
        path = nodeid.split("::", 1)[0]
        return any(path == caller or path.startswith(caller) for caller in self.callers)


PROGRAMS = (
    Program(
        "pdftotext",
        "poppler-utils",
        (
            "tests/reports/",
            "tests/presentation/",
            "tests/policy/test_exports.py",
            "tests/casework/test_no_leaks.py",
        ),
    ),
    Program("pdffonts", "poppler-utils", ("tests/presentation/test_pdf_xlsx.py",)),
    Program("pdftoppm", "poppler-utils", ("tests/browser/test_dashboard_pages.py",)),
    Program("chromium", "chromium", ("tests/browser/",)),
    Program("make", "make", ("tests/test_system_programs.py",)),
)


def missing_programs(
    nodeids: Iterable[str], *, which: Callable[[str], str | None] = shutil.which
) -> list[Program]:
    """Return the programs that the tests ``nodeids`` call and ``which`` cannot find."""
    selected = list(nodeids)
    return [
        program
        for program in PROGRAMS
        if any(program.called_by(nodeid) for nodeid in selected) and which(program.name) is None
    ]


def missing_message(missing: Iterable[Program]) -> str:
    """Return the Dutch line that names the missing programs, their packages and the make target."""
    missing = list(missing)
    names = ", ".join(program.name for program in missing)
    packages = " ".join(dict.fromkeys(program.package for program in missing))
    return (
        f"De gekozen tests roepen programma's aan die ontbreken ({names}). "
        f"Installeer de Debian-pakketten: {packages} (als root: make system-packages)."
    )
