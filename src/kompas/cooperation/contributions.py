# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Contributions of the Twente municipalities to the Platform IVZ: the rules of spec §6.10.

Each municipality pays a fixed amount per inhabitant (€ 0,15 from 2011; € 0,20 proposed from
2018, *notitie* L2420-2428) and supplies 2, 4, 6 or 8 hours of work per week by its size
(footnote L2534), or instead pays an extra amount per inhabitant of € 0,10, € 0,15 or € 0,20
(L2482-2485). The rules are data per year (:class:`RateTable`), so a later decision is a new
table, not new code. Amounts are whole euros, rounded half up, as the *notitie* prints them.

The *notitie* prints the table for 2017 (L2491-2519); :func:`published_findings` compares it with
the table computed from real populations, as the plan check compares printed budget sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.presentation.formatting import number, percent

# The fourteen municipalities of the Platform IVZ Twente (spec §6.2, the table of §6.10).
PARTICIPANTS: Mapping[str, str] = {
    "GM0141": "Almelo",
    "GM0147": "Borne",
    "GM1774": "Dinkelland",
    "GM0153": "Enschede",
    "GM0158": "Haaksbergen",
    "GM0163": "Hellendoorn",
    "GM0164": "Hengelo",
    "GM1735": "Hof van Twente",
    "GM0168": "Losser",
    "GM0173": "Oldenzaal",
    "GM1742": "Rijssen-Holten",
    "GM0183": "Tubbergen",
    "GM1700": "Twenterand",
    "GM0189": "Wierden",
}
# A printed amount further than this from the computed one is a finding (issue 18).
DEVIATION_LIMIT = Decimal("0.005")
EURO = Decimal(1)


@dataclass(frozen=True)
class Band:
    """One size band: municipalities below ``below`` inhabitants (None: no upper limit)."""

    below: int | None
    hours: int
    hours_value: Decimal
    alternative_rate: Decimal


@dataclass(frozen=True)
class RateTable:
    """The contribution rules of one year, with the notes a reader needs to trust them."""

    year: int
    per_inhabitant: Decimal
    bands: tuple[Band, ...]
    source: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Population:
    """Inhabitants of one municipality, where they come from, and what is doubtful about them."""

    code: str
    name: str
    inhabitants: int | None
    year: int | None
    source: str
    note: str = ""


@dataclass(frozen=True)
class Published:
    """What the *notitie* prints for one municipality (L2491-2519)."""

    hours: int
    hours_value: int
    alternative: int


@dataclass(frozen=True)
class Contribution:
    """The contribution of one municipality in one year; amounts None when inhabitants are unknown."""

    population: Population
    per_inhabitant: int | None
    hours: int | None
    hours_value: int | None
    alternative_rate: Decimal | None
    alternative: int | None
    published: Published | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the row as plain JSON data (rates as strings, so no float creeps in)."""
        population = self.population
        return {
            "code": population.code,
            "name": population.name,
            "inhabitants": population.inhabitants,
            "population_year": population.year,
            "population_source": population.source,
            "population_note": population.note,
            "per_inhabitant": self.per_inhabitant,
            "hours": self.hours,
            "hours_value": self.hours_value,
            "alternative_rate": None if self.alternative_rate is None else str(self.alternative_rate),
            "alternative": self.alternative,
            "published": None if self.published is None else vars(self.published),
        }


@dataclass(frozen=True)
class Finding:
    """One printed amount that the computed table does not confirm."""

    code: str
    subject: str
    message: str
    figures: Mapping[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON data."""
        return {
            "code": self.code,
            "subject": self.subject,
            "message": self.message,
            "figures": dict(self.figures),
        }


CODES = {
    "published_amount_deviates": gettext_lazy("Gedrukt bedrag wijkt meer dan 0,5 % af van de berekening"),
    "published_band_differs": gettext_lazy("Gedrukte urenklasse past niet bij het aantal inwoners"),
    "inhabitants_unknown": gettext_lazy("Inwoners onbekend"),
}

# Hours and their euro value as printed for 2017 (L2491-2519): about hours ÷ 36 × € 70.000 per fte,
# but the notitie rounds 2 and 8 hours down and 4 and 6 hours to the nearest euro, so the printed
# values are the rule, not the formula. The rates per band are the only mapping that keeps every
# implied population inside its own band and adds up to the budget (spec §6.10, derivation 2).
BANDS_2017 = (
    Band(26_000, 2, Decimal(3888), Decimal("0.15")),
    Band(38_000, 4, Decimal(7778), Decimal("0.20")),
    Band(85_000, 6, Decimal(11667), Decimal("0.15")),
    Band(None, 8, Decimal(15555), Decimal("0.10")),
)
# The table of the notitie (L2491-2519): hours per week, their euro value, the extra euro amount.
PUBLISHED_2017: Mapping[str, Published] = {
    "GM0141": Published(6, 11667, 10845),
    "GM0147": Published(2, 3888, 3317),
    "GM1774": Published(2, 3888, 3892),
    "GM0153": Published(8, 15555, 15830),
    "GM0158": Published(2, 3888, 3647),
    "GM0163": Published(4, 7778, 7118),
    "GM0164": Published(6, 11667, 12160),
    "GM1735": Published(4, 7778, 6685),
    "GM0168": Published(2, 3888, 3371),
    "GM0173": Published(4, 7778, 6409),
    "GM1742": Published(4, 7778, 7569),
    "GM0183": Published(2, 3888, 3163),
    "GM1700": Published(4, 7778, 6780),
    "GM0189": Published(2, 3888, 3578),
}
NOTITIE = "Notitie Platform IVZ Twente, hoofdstuk 9 (IVP Hengelo bijlage 1, L2417-2534)"


def _tables() -> dict[str, RateTable]:
    """Return the built-in tables by period; :func:`rate_table` picks one for a year."""
    band_note = _(
        "De toewijzing van de tarieven € 0,10 / € 0,15 / € 0,20 aan de klassen staat niet in de bron; "
        "afgeleid uit de tabel van 2017 (spec §6.10)."
    )
    return {
        "2011": RateTable(
            2011,
            Decimal("0.15"),
            (),
            NOTITIE,
            (_("Vóór 2017 kende het Platform geen inzet in uren; alleen de bijdrage per inwoner."),),
        ),
        "2017": RateTable(2017, Decimal("0.15"), BANDS_2017, NOTITIE, (band_note,)),
        "2018": RateTable(
            2018,
            Decimal("0.20"),
            BANDS_2017,
            NOTITIE,
            (
                _(
                    "€ 0,20 per inwoner is in de notitie voorgesteld vanaf 2018; "
                    "een besluit staat niet in de bron."
                ),
                _("Waarde van de uren en alternatieve tarieven van 2017: de bron noemt geen latere."),
                band_note,
            ),
        ),
    }


def rate_table(year: int) -> RateTable:
    """Return the built-in rules for ``year``; refuse a year before the contribution existed."""
    if year < 2011:
        raise ValueError(
            _("Geen bijdrageregeling bekend voor %(year)d: de bijdrage per inwoner bestaat sinds 2011.")
            % {"year": year}
        )
    tables = _tables()
    start = "2011" if year < 2017 else "2017" if year == 2017 else "2018"
    return replace(tables[start], year=year)


def euros(amount: Decimal) -> int:
    """Round ``amount`` to whole euros, half up, as the notitie prints its amounts."""
    return int(amount.quantize(EURO, rounding=ROUND_HALF_UP))


def band_for(inhabitants: int, bands: Sequence[Band]) -> Band | None:
    """Return the band of a municipality of ``inhabitants`` (footnote L2534: "tot 26.000 … 2 uur")."""
    for band in bands:
        if band.below is None or inhabitants < band.below:
            return band
    return None


def contribution(
    population: Population, table: RateTable, published: Published | None = None
) -> Contribution:
    """Return the contribution of one municipality under ``table``."""
    if population.inhabitants is None:
        return Contribution(population, None, None, None, None, None, published)
    band = band_for(population.inhabitants, table.bands)
    inhabitants = Decimal(population.inhabitants)
    return Contribution(
        population,
        per_inhabitant=euros(table.per_inhabitant * inhabitants),
        hours=None if band is None else band.hours,
        hours_value=None if band is None else euros(band.hours_value),
        alternative_rate=None if band is None else band.alternative_rate,
        alternative=None if band is None else euros(band.alternative_rate * inhabitants),
        published=published,
    )


def contributions(
    populations: Iterable[Population], table: RateTable, published: Mapping[str, Published] | None = None
) -> list[Contribution]:
    """Return the contribution of every municipality, in the order of ``populations``."""
    printed = published or {}
    return [contribution(population, table, printed.get(population.code)) for population in populations]


def published(year: int) -> Mapping[str, Published]:
    """Return the table the notitie printed for ``year`` (only 2017 has one)."""
    return PUBLISHED_2017 if year == 2017 else {}


def published_findings(rows: Iterable[Contribution]) -> list[Finding]:
    """Return where the computed table does not confirm the printed one, or cannot check it.

    The extra amount is the one that depends on the inhabitants; the printed rate of the printed
    band is applied to the real population, so a band that changed is reported on its own.
    """
    findings: list[Finding] = []
    for row in rows:
        printed, population = row.published, row.population
        if printed is None:
            continue
        if population.inhabitants is None:
            findings.append(
                Finding(
                    "inhabitants_unknown",
                    population.name,
                    population.note or str(CODES["inhabitants_unknown"]),
                )
            )
            continue
        if row.hours != printed.hours:
            findings.append(_band_finding(row, printed))
        computed = euros(printed_rate(printed) * population.inhabitants)
        deviation = (Decimal(printed.alternative) - computed) / computed
        if abs(deviation) > DEVIATION_LIMIT:
            findings.append(_amount_finding(row, printed, computed, float(deviation)))
    return findings


def printed_rate(printed: Published) -> Decimal:
    """Return the rate per inhabitant of the band the notitie printed the amount in."""
    return next(band.alternative_rate for band in BANDS_2017 if band.hours == printed.hours)


def _band_finding(row: Contribution, printed: Published) -> Finding:
    population = row.population
    message = _(
        "%(name)s: gedrukt %(printed)d uur per week, maar %(inhabitants)s inwoners (%(year)s) "
        "horen bij %(hours)s uur."
    ) % {
        "name": population.name,
        "printed": printed.hours,
        "inhabitants": number(population.inhabitants),
        "year": population.year,
        "hours": row.hours,
    }
    return Finding(
        "published_band_differs",
        population.name,
        message,
        {"printed": printed.hours, "computed": row.hours or 0},
    )


def _amount_finding(row: Contribution, printed: Published, computed: int, deviation: float) -> Finding:
    population = row.population
    rate = printed_rate(printed)
    message = _(
        "%(name)s: gedrukt € %(printed)s, berekend € %(rate)s × %(inhabitants)s inwoners (%(year)s) = "
        "€ %(computed)s (%(deviation)s)."
    ) % {
        "name": population.name,
        "printed": number(printed.alternative),
        "rate": number(float(rate), 2),
        "inhabitants": number(population.inhabitants),
        "year": population.year,
        "computed": number(computed),
        "deviation": percent(round(deviation * 100, 2), 2),  # number() cuts off, it does not round
    }
    figures = {"printed": printed.alternative, "computed": computed, "deviation": round(deviation, 4)}
    return Finding("published_amount_deviates", population.name, message, figures)


@dataclass(frozen=True)
class ContributionTable:
    """The contributions of one year, with the rules used and what the printed table does not confirm."""

    rates: RateTable
    rows: tuple[Contribution, ...]
    findings: tuple[Finding, ...]

    def totals(self) -> dict[str, int]:
        """Return the sums of the amounts and hours over the municipalities with known inhabitants."""
        fields = ("per_inhabitant", "hours", "hours_value", "alternative")
        return {name: sum(getattr(row, name) or 0 for row in self.rows) for name in fields}

    def missing(self) -> list[str]:
        """Return the municipalities without inhabitants, which the totals leave out."""
        return [row.population.name for row in self.rows if row.population.inhabitants is None]

    def as_dict(self) -> dict[str, Any]:
        """Return the table as plain JSON data."""
        rates = self.rates
        return {
            "year": rates.year,
            "rates": {
                "per_inhabitant": str(rates.per_inhabitant),
                "bands": [
                    {
                        "below": band.below,
                        "hours": band.hours,
                        "hours_value": euros(band.hours_value),
                        "alternative_rate": str(band.alternative_rate),
                    }
                    for band in rates.bands
                ],
                "source": rates.source,
            },
            "notes": list(rates.notes),
            "rows": [row.as_dict() for row in self.rows],
            "totals": self.totals(),
            "missing": self.missing(),
            "findings": [finding.as_dict() for finding in self.findings],
        }


def contribution_table(populations: Iterable[Population], rates: RateTable) -> ContributionTable:
    """Return the table of ``rates.year``, checked against the printed table of that year if any."""
    rows = contributions(populations, rates, published(rates.year))
    return ContributionTable(rates, tuple(rows), tuple(published_findings(rows)))
