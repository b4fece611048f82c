# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas docs``: write (or check) the documentation generated from code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from kompas.commandbase import TranslatedCommand
from kompas.config import PROJECT_DIR
from kompas.site.documentation import DOCUMENTS


class Command(TranslatedCommand):
    """Generate docs/permissions.md, audit-actions.md, configuration.md and cli-reference.md."""

    help_text = gettext_lazy("Schrijft de documentatie die uit de code volgt naar docs/.")

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --check and --directory."""
        parser.add_argument("--check", action="store_true", help=_("Alleen controleren of docs/ actueel is."))
        parser.add_argument("--directory", default=str(PROJECT_DIR / "docs"), help=_("Doelmap."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Write or compare each generated document."""
        directory = Path(options["directory"])
        stale = []
        for file_name, render in DOCUMENTS.items():
            with override("nl"):
                text = render()
            target = directory / file_name
            if options["check"]:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    stale.append(file_name)
                continue
            target.write_text(text, encoding="utf-8")
            self.stdout.write(_("Geschreven: %(path)s") % {"path": target})
        if stale:
            raise CommandError(_("Verouderd, draai 'kompas docs': %(files)s") % {"files": ", ".join(stale)})
