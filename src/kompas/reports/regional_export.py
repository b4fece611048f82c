# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture as a report (PDF and XLSX): the same numbers as the page.

Built as a :class:`~kompas.presentation.content.Report`, as the Platform reports are, so the
PDF and the workbook come from one object. The PDF prints one table per indicator, with the
value to two decimals (Hengelo 45,17 per 1.000), the index, the rank as "12 / 14" and the alarms
of the municipality's open-data series (with the series they cover); the workbook keeps one row
per indicator and municipality, with the unrounded numbers.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kompas.presentation import formatting
from kompas.presentation.content import Column, DataTable, Paragraph, Report, Section
from kompas.presentation.document import Vintage, report_meta
from kompas.presentation.xlsx import Source
from kompas.reports.regional import IndicatorBlock, RegionalPicture


def regional_report(picture: RegionalPicture, organisation: str) -> Report:
    """Return the regional picture of ``picture.year`` as a report for the reader's organisation."""
    year = str(picture.year or "–")
    source = Source(
        _("Indicatoren uit open data (CBS, politie), berekend door Kompas"),
        "CC-BY 4.0",
        None,
        year,
        _("Eigen cijfers alleen zolang de eigenaar ze met het Platform deelt."),
    )
    title = _("Regiobeeld Twente %(year)s") % {"year": year}
    meta = report_meta(
        organisation, title, {_("jaar"): year}, [Vintage(source.name, None, source.period_covered)]
    )
    intro = [
        _(
            "De Twentse gemeenten naast elkaar, uit open data (CBS, politie): waarde, trend, "
            "benchmarkindex en rang binnen Twente."
        ),
        *picture.notes,
    ]
    sections = [
        Section(block.name, _block_parts(block), new_page=n > 0) for n, block in enumerate(picture.blocks)
    ]
    sections.append(
        Section(_("Signaleringen uit open data"), [Paragraph(picture.alarm_note), _alarm_table(picture)])
    )
    shared = _shared_table(picture)
    sections.append(
        Section(
            _("Gedeelde eigen cijfers"),
            [shared]
            if shared.rows
            else [
                Paragraph(
                    _("Geen deelnemer deelt op dit moment eigen cijfers van dit jaar met het Platform.")
                )
            ],
        )
    )
    sheets = [_rows_table(picture), shared]
    return Report(meta, sections, sheets, [source], f"regiobeeld-{year}", intro=tuple(intro))


def _block_parts(block: IndicatorBlock) -> list[DataTable | Paragraph]:
    columns = [
        Column(_("Gemeente")),
        Column(_("Waarde"), "decimal"),
        Column(_("Trend (% per jaar)"), "decimal"),
        Column(_("Benchmarkindex"), "decimal"),
        Column(_("Rang in Twente")),
        Column(_("Signaleringen (open data)"), "integer"),
    ]
    rows = [
        [
            row.name,
            _value_text(row.value),
            row.trend.pct_per_year if row.trend else None,
            row.comparison.index if row.comparison else None,
            _rank_text(row.comparison.rank, row.comparison.group_size) if row.comparison else None,
            row.alerts,
        ]
        for row in block.rows
    ]
    caption = f"{block.name}, {block.unit}" if block.unit else block.name
    table = DataTable(block.code[:31], caption, columns, rows)
    if not block.comparability.compared:
        note = _("Niet vergelijkbaar:") + " " + block.comparability.reason
    elif block.group_mean is not None:
        note = _("Gemiddelde van Twente: %(mean)s. Index 100 is het gemiddelde; boven 100 is beter.") % {
            "mean": formatting.number(block.group_mean, 1)
        }
    else:
        note = ""
    return [table, Paragraph(note)] if note else [table]


def _rank_text(rank: float | None, size: int | None) -> str | None:
    return f"{int(rank)} / {size}" if rank is not None else None


def _value_text(value: float | None) -> str | None:
    """Write a value to two decimals (45,17 per 1.000), a whole count without (3.752)."""
    if value is None:
        return None
    return formatting.number(value, 0 if float(value).is_integer() else 2)


def _alarm_table(picture: RegionalPicture) -> DataTable:
    columns = [Column(_("Gemeente")), Column(_("Signaleringen"), "integer"), Column(_("Reeksen"))]
    rows = [
        [name, alarm.count, ", ".join(alarm.series) if alarm.series else alarm.reason]
        for name, alarm in picture.alarm_rows
    ]
    return DataTable(
        _("Signaleringen"), _("Signaleringen per gemeente en de reeksen waarop ze berusten"), columns, rows
    )


def _rows_table(picture: RegionalPicture) -> DataTable:
    columns = [
        Column(_("indicator")),
        Column(_("code")),
        Column(_("gemeente")),
        Column(_("gemeentecode")),
        Column(_("waarde"), "decimal"),
        Column(_("teller"), "integer"),
        Column(_("noemer"), "integer"),
        Column(_("trend (% per jaar)"), "decimal"),
        Column(_("benchmarkindex"), "decimal"),
        Column(_("rang in Twente"), "integer"),
        Column(_("leden met een waarde"), "integer"),
        Column(_("niet vergelijkbaar")),
        Column(_("signaleringen (open data)"), "integer"),
    ]
    rows = [
        [
            block.name,
            block.code,
            row.name,
            row.code,
            row.value,
            row.numerator,
            row.denominator,
            row.trend.pct_per_year if row.trend else None,
            row.comparison.index if row.comparison else None,
            row.comparison.rank if row.comparison else None,
            row.comparison.group_size if row.comparison else None,
            "" if block.comparability.compared else block.comparability.reason,
            row.alerts,
        ]
        for block in picture.blocks
        for row in block.rows
    ]
    return DataTable(_("Regiobeeld %(year)s") % {"year": picture.year}, _("Regiobeeld"), columns, rows)


def _shared_table(picture: RegionalPicture) -> DataTable:
    columns = [
        Column(_("eigenaar")),
        Column(_("maatstaf")),
        Column(_("gebied")),
        Column(_("gebiedscode")),
        Column(_("periode")),
        Column(_("waarde"), "decimal"),
    ]
    rows = [
        [
            item.organisation_name,
            item.figure.measure_name,
            item.figure.area_name,
            item.figure.area_code,
            formatting.period(item.figure.period_start, item.figure.period_length),
            item.figure.value,
        ]
        for item in picture.shared
    ]
    return DataTable(_("Gedeelde eigen cijfers"), _("Gedeelde eigen cijfers"), columns, rows)
