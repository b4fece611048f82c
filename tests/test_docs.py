# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Documentation that follows from code is current, and the README keeps its promises."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from kompas.accounts.audit_actions import AUDIT_ACTIONS
from kompas.config import ENV_SETTINGS, PROJECT_DIR
from kompas.site.cli import COMMANDS

DOCS = PROJECT_DIR / "docs"


def test_generated_docs_are_current() -> None:
    # Fails with the list of stale files; `kompas docs` rewrites them.
    call_command("docs", check=True, stdout=StringIO())


def test_every_setting_command_and_audit_code_is_documented() -> None:
    configuration = (DOCS / "configuration.md").read_text(encoding="utf-8")
    cli = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    audit = (DOCS / "audit-actions.md").read_text(encoding="utf-8")
    assert all(f"`{setting.name}`" in configuration for setting in ENV_SETTINGS)
    assert all(f"## kompas {name}" in cli for name in COMMANDS)
    assert all(f"`{code}`" in audit for code in AUDIT_ACTIONS)


def test_readme_setup_commands_are_exactly_make_demo_and_make_test() -> None:
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\s*(make [a-z-]+)\s*$", readme, flags=re.MULTILINE)
    assert commands == ["make demo", "make test"]


def test_every_adr_has_the_four_sections() -> None:
    adrs = sorted((DOCS / "adr").glob("[0-9][0-9][0-9][0-9]-*.md"))
    assert adrs
    for adr in adrs:
        text = adr.read_text(encoding="utf-8")
        for heading in ("## Status", "## Context", "## Decision", "## Consequences"):
            assert heading in text, (adr.name, heading)


def test_every_source_file_carries_the_licence_header() -> None:
    roots = [PROJECT_DIR / "src", PROJECT_DIR / "tests", PROJECT_DIR / "bench", PROJECT_DIR / "scripts"]
    missing = [
        str(path.relative_to(PROJECT_DIR))
        for root in roots
        for path in root.rglob("*.py")
        if "SPDX-License-Identifier: EUPL-1.2" not in path.read_text(encoding="utf-8")[:200]
    ]
    assert missing == []


def test_english_catalogue_is_complete() -> None:
    import polib

    po = polib.pofile(str(Path(PROJECT_DIR / "src/kompas/locale/en/LC_MESSAGES/django.po")))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
