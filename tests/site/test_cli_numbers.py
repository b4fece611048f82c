# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Dutch number format in every command's output: no ``%d`` or ``%.1f`` for counts and seconds.

``%(rows)d`` prints 245520 and ``%(seconds).1f`` prints 0.3 where a Dutch reader expects 245.520
and 0,3 (issue 15). Commands format figures with :func:`kompas.presentation.formatting.number`
(or, below the presentation layer, ``dutch_int``) and put them in the message as ``%(name)s``.
Years are the one exception: 2021 must not become 2.021.
"""

from __future__ import annotations

import re
from pathlib import Path

from kompas.config import PROJECT_DIR

SOURCE = PROJECT_DIR / "src" / "kompas"
PLACEHOLDER = re.compile(r"%\((\w+)\)(?:\.\d+)?[dfg]")
YEARS = {"year", "years"}


def _command_modules() -> list[Path]:
    found = sorted(SOURCE.glob("*/management/**/*.py"))
    return [*found, SOURCE / "commandbase.py", SOURCE / "sources" / "report.py"]


def test_command_messages_format_numbers_the_dutch_way() -> None:
    modules = _command_modules()
    assert len(modules) > 50  # every app's commands are scanned
    offending = [
        f"{path.relative_to(SOURCE)}: %({name})"
        for path in modules
        for name in PLACEHOLDER.findall(path.read_text(encoding="utf-8"))
        if name not in YEARS
    ]
    assert offending == []
