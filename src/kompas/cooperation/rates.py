# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Contribution rules of a year from a TOML file, for a year the built-in tables do not know.

A decision of the DVO (a new rate, indexed hour values) is written down as a file rather than
waiting for a release; the file is checked whole and refused with every problem in Dutch::

    year = 2025
    per_inhabitant = "0,20"
    source = "Besluit DVO 12 december 2024"

    [[band]]
    below = 26000
    hours = 2
    hours_value = 3888
    alternative_rate = "0,15"
    # … one [[band]] per size band; the last one without ``below``
"""

from __future__ import annotations

import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from kompas.cooperation.contributions import Band, RateTable


class RatesFileError(ValueError):
    """A rates file that cannot be used; ``problems`` lists every problem in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _amount(value: object, where: str, problems: list[str]) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        amount = Decimal(-1)
    if isinstance(value, bool) or not amount.is_finite() or amount < 0:
        problems.append(
            _("%(where)s: %(value)s is geen bedrag van 0 of meer") % {"where": where, "value": value}
        )
        return Decimal(0)
    return amount


def _whole(value: object, where: str, problems: list[str]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append(
            _("%(where)s: %(value)s is geen geheel getal van 0 of meer") % {"where": where, "value": value}
        )
        return 0
    return value


def _band(number: int, data: dict[str, Any], last: bool, problems: list[str]) -> Band:
    where = _("klasse %(number)d") % {"number": number}
    below = data.get("below")
    if below is None and not last:
        problems.append(
            _("%(where)s: alleen de laatste klasse mag zonder bovengrens (below)") % {"where": where}
        )
    return Band(
        None if below is None else _whole(below, where, problems),
        _whole(data.get("hours"), where, problems),
        _amount(data.get("hours_value"), where, problems),
        _amount(data.get("alternative_rate"), where, problems),
    )


def load_rate_table(path: Path, year: int) -> RateTable:
    """Return the rules in the TOML file ``path``; refuse a file for another year or with errors."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RatesFileError(
            [_("%(file)s is geen leesbaar TOML-bestand: %(error)s") % {"file": path.name, "error": error}]
        ) from error
    problems: list[str] = []
    if data.get("year") != year:
        problems.append(
            _("%(file)s geldt voor %(found)s, niet voor %(year)d")
            % {"file": path.name, "found": data.get("year"), "year": year}
        )
    source = str(data.get("source") or "").strip()
    if not source:
        problems.append(_("%(file)s noemt geen bron (source)") % {"file": path.name})
    per_inhabitant = _amount(data.get("per_inhabitant"), "per_inhabitant", problems)
    raw = data.get("band") or []
    bands = tuple(
        _band(number, band, number == len(raw), problems) for number, band in enumerate(raw, start=1)
    )
    limits = [band.below for band in bands if band.below is not None]
    if limits != sorted(set(limits)):
        problems.append(_("%(file)s: de bovengrenzen van de klassen moeten oplopen") % {"file": path.name})
    if problems:
        raise RatesFileError(problems)
    return RateTable(year, per_inhabitant, bands, source, (_("Regels uit %(file)s") % {"file": path.name},))
