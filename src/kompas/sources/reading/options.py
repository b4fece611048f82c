# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format options (``--option`` values, mapping settings): typed reads whose mistakes become errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from django.utils.translation import gettext as _

from kompas.sources.reading.cells import Invalid
from kompas.sources.records import ParseError

T = TypeVar("T")


class Options:
    """The options given to a format, read by name; a bad value is recorded as a ParseError."""

    def __init__(self, values: Mapping[str, object] | None, file: str) -> None:
        self.values = dict(values or {})
        self.file = file
        self.errors: list[ParseError] = []

    def has(self, name: str) -> bool:
        """Return whether option ``name`` was given."""
        return self.values.get(name) not in (None, "")

    def text(self, name: str, default: str = "") -> str:
        """Return option ``name`` as text, ``default`` when absent."""
        value = self.values.get(name)
        return default if value in (None, "") else str(value)

    def parsed(self, name: str, parser: Callable[[str], T], default: T) -> T:
        """Return ``parser(option text)``, or ``default`` when absent or invalid (then recorded)."""
        if not self.has(name):
            return default
        text = self.text(name)
        try:
            return parser(text)
        except Invalid as invalid:
            self.errors.append(
                ParseError(
                    self.file,
                    0,
                    _("optie %(name)s") % {"name": name},
                    text,
                    invalid.expected,
                    invalid.problem,
                )
            )
            return default

    def integer(self, name: str, default: int | None = None) -> int | None:
        """Return option ``name`` as a whole number."""
        return self.parsed(name, _integer, default)


def _integer(text: str) -> int:
    digits = text.strip().lstrip("-")
    if not (digits.isascii() and digits.isdigit()):
        raise Invalid(_("is geen geheel getal"), _("een geheel getal"))
    return int(text)
