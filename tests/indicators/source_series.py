# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The source's own figures as data, and the source's statements recomputed from them.

The notitie of the Platform IVZ Twente (IVP Hengelo 2017-2020, bijlage 1) reports burglaries,
E33 incidents and cannabis figures for Twente with a few conclusions drawn from them. The figures
live in ``src/kompas/fixtures/source_series/*.csv`` with the line numbers of the seed text
(``PROVENANCE.md`` there); this module reads them and recomputes each conclusion with the
indicator formulas, so a test (``test_source_series.py``) fails when a figure or a formula drifts.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import kompas
from kompas.indicators import formulas
from kompas.indicators.trend import Trend, count_trend

SOURCE_SERIES = Path(kompas.__file__).resolve().parent / "fixtures" / "source_series"
# "ruim 2.600" (L2013) read as at least 2.600 and below the next hundred.
RUIM_WIDTH = 100.0
SERIES = (
    "twente_woninginbraken",
    "twente_verward_gedrag_e33",
    "twente_incidentiecijfers",
    "twente_hennep",
)


@dataclass(frozen=True)
class SourceFigure:
    """One number as the source states it, with where it stands.

    ``qualifier`` keeps the source's hedging: ``exact``, ``at_least`` ("ruim"), ``at_most``
    ("bijna"), ``approximately`` ("rond", "stabilisatie"). ``lines`` are seed line references
    such as ``L2015;L2546-2547``.
    """

    measure: str
    area: str
    period_start: dt.date | None
    period_length: str
    value: float
    unit: str
    qualifier: str
    lines: str
    quote: str
    note: str


@dataclass(frozen=True)
class Reproduction:
    """A statement of the source next to the number Kompas computes for it."""

    statement: str
    lines: str
    reported: float
    computed: float
    agrees: bool
    method: str


def load(name: str, directory: Path = SOURCE_SERIES) -> tuple[SourceFigure, ...]:
    """Read one series file (name without ``.csv``) into :class:`SourceFigure` rows."""
    with (directory / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            SourceFigure(
                measure=row["measure"],
                area=row["area"],
                period_start=dt.date.fromisoformat(row["period_start"]) if row["period_start"] else None,
                period_length=row["period_length"],
                value=float(row["value"]),
                unit=row["unit"],
                qualifier=row["qualifier"],
                lines=row["lines"],
                quote=row["quote"],
                note=row["note"],
            )
            for row in csv.DictReader(handle)
        )


def figure(figures: tuple[SourceFigure, ...], measure: str, year: int, unit: str = "count") -> SourceFigure:
    """Return the one figure of ``measure`` in ``year`` with ``unit``; raise if not exactly one."""
    found = [
        f
        for f in figures
        if f.measure == measure and f.unit == unit and f.period_start and f.period_start.year == year
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} figures for {measure} {year} {unit}")
    return found[0]


def attempt_share() -> Reproduction:
    """Recompute "1.743 inbraken waarvan 409 pogingen (23,4%)" (L2016).

    409 / 1.743 = 23,47 %. Rounded that is 23,5 %; the source's 23,4 % is the share cut off after
    one decimal, so the comparison truncates (and the method says so).
    """
    figures = load("twente_woninginbraken")
    attempts = figure(figures, "woninginbraak_pogingen", 2015)
    total = figure(figures, "woninginbraken", 2015)
    reported = figure(figures, "woninginbraak_pogingen_aandeel", 2015, "pct")
    computed = float(formulas.share(attempts.value, total.value))
    truncated = math.floor(computed * 10) / 10
    return Reproduction(
        statement="1.743 inbraken waarvan 409 pogingen (23,4%)",
        lines=reported.lines,
        reported=reported.value,
        computed=computed,
        agrees=math.isclose(truncated, reported.value),
        method="share = 100 × 409 / 1.743, truncated to one decimal as the source does",
    )


def e33_doubling() -> Reproduction:
    """Recompute "een verdubbeling van het aantal incidenten in een periode van 5 jaar" (L2034-2035).

    The ratio 1.668 / 865 = 1,93 over the five calendar years 2011-2015; "verdubbeling" agrees
    when the ratio rounds to 2.
    """
    series = e33_series()
    first, last = series[0][1], series[-1][1]
    ratio = last / first
    return Reproduction(
        statement="een verdubbeling van het aantal incidenten in een periode van 5 jaar",
        lines="L2034-2035;L2560-2561",
        reported=2.0,
        computed=ratio,
        agrees=round(ratio) == 2,
        method="ratio 2015 / 2011 of the E33 counts, rounded to a whole multiple",
    )


def e33_series() -> list[tuple[int, float]]:
    """The E33 incidents in Twente per year, 2011-2015, as (year, count)."""
    rows = [f for f in load("twente_verward_gedrag_e33") if f.measure == "e33_incidenten"]
    return sorted((f.period_start.year, f.value) for f in rows if f.period_start)


def e33_trend() -> Trend:
    """Trend of the E33 counts 2011-2015 (no denominator in the source, so a count trend).

    Its doubling time ``ln 2 / ln(1 + pct/100)`` is below five years, which supports the
    source's "verdubbeling" beyond the two end points.
    """
    series = e33_series()
    result = count_trend([count for _year, count in series], [year for year, _count in series])
    if result is None:
        raise ValueError("the E33 series has too few periods for a trend")
    return result


def doubling_time(pct_per_year: float) -> float:
    """Years until a quantity growing ``pct_per_year`` % per year doubles."""
    return math.log(2) / math.log1p(pct_per_year / 100)


def burglary_back_calculation() -> dict[int, float]:
    """Counts of 2014 and 2013 implied by 1.743 in 2015 and the declines of 17 % and 20 %.

    1.743 / (1 − 0,17) = 2.100 in 2014 and 2.100 / (1 − 0,20) = 2.625 in 2013 (spec §6.11,
    derived checks); the source itself gives no counts for these years.
    """
    figures = load("twente_woninginbraken")
    level = figure(figures, "woninginbraken", 2015).value
    counts = {2015: level}
    for year in (2015, 2014):
        change = figure(figures, "woninginbraken", year, "pct_change").value
        level = level / (1 + change / 100)
        counts[year - 1] = level
    return dict(sorted(counts.items()))


def burglary_declines() -> Reproduction:
    """Check "in 2014 … een daling van 20% en in 2015 nog eens een daling van 17%" (L2014-2016).

    The −20 % (2014 against 2013) and −17 % (2015 against 2014) cannot be recomputed on their
    own: the source gives no counts for 2013 and 2014. They can be checked against the counts it
    does give: "ruim 2.600" at the end of 2007-2012, a stable 2013, and 1.743 in 2015. Together
    the declines make ``(1 − 0,20)(1 − 0,17) − 1 = −33,6 %`` from 2013 to 2015; from the counts
    the change is −33,0 % if 2013 had exactly 2.600 and −35,4 % if it had 2.700. The statement
    agrees when −33,6 % lies in that range (equivalently: the implied 2.625 in 2013 is "ruim
    2.600").
    """
    figures = load("twente_woninginbraken")
    declines = [figure(figures, "woninginbraken", year, "pct_change").value for year in (2014, 2015)]
    reported = 100 * (math.prod(1 + change / 100 for change in declines) - 1)
    ruim = figure(figures, "woninginbraken", 2012)
    latest = figure(figures, "woninginbraken", 2015).value
    from_low = float(formulas.change_pct(latest, ruim.value))
    from_high = float(formulas.change_pct(latest, ruim.value + RUIM_WIDTH))
    return Reproduction(
        statement="in 2014 een daling van 20% en in 2015 nog eens een daling van 17%",
        lines="L2014-2016;L2546-2547",
        reported=reported,
        computed=from_low,
        agrees=from_high <= reported <= from_low,
        method="compound of both declines against the change from 'ruim 2.600' (2013 stable) to 1.743",
    )
