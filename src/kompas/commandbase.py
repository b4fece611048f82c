# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Base class for Kompas management commands with help in the language the CLI activated."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.functional import Promise


class TranslatedCommand(BaseCommand):
    """A command whose description is a lazy translation, rendered when the parser is built.

    Argument help texts are translated with ``gettext`` inside ``add_arguments``, which runs
    after ``kompas --lang`` has activated the language.
    """

    help_text: Promise

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        """Render the description in the active language, then build the parser."""
        self.help = str(self.help_text)
        return super().create_parser(prog_name, subcommand, **kwargs)
