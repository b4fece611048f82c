# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The regional picture as an XLSX workbook: the same numbers as the page, one row per municipality."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kompas.presentation import formatting, xlsx
from kompas.reports.regional import RegionalPicture


def regional_workbook(picture: RegionalPicture) -> bytes:
    """Return the workbook of ``picture``: the indicators, the shared own figures, the sources."""
    columns = (
        _("indicator"),
        _("code"),
        _("gemeente"),
        _("gemeentecode"),
        _("waarde"),
        _("teller"),
        _("noemer"),
        _("trend (% per jaar)"),
        _("benchmarkindex"),
        _("rang in Twente"),
        _("leden met een waarde"),
        _("niet vergelijkbaar"),
        _("open signaleringen"),
    )
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
    decimal = {
        name: formatting.XLSX_DECIMAL for name in (_("waarde"), _("trend (% per jaar)"), _("benchmarkindex"))
    }
    tables = [xlsx.Table(_("Regiobeeld %(year)s") % {"year": picture.year}, columns, rows, decimal)]
    shared_columns = (_("eigenaar"), _("maatstaf"), _("gebied"), _("gebiedscode"), _("periode"), _("waarde"))
    shared_rows = [
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
    tables.append(xlsx.Table(_("Gedeelde eigen cijfers"), shared_columns, shared_rows))
    source = xlsx.Source(
        _("Indicatoren uit open data (CBS, politie), berekend door Kompas"),
        "CC-BY 4.0",
        None,
        str(picture.year),
        _("Eigen cijfers alleen zolang de eigenaar ze met het Platform deelt."),
    )
    return xlsx.workbook(tables, [source])
