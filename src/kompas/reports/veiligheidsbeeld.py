# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``veiligheidsbeeld``: the safety picture of the gemeente or one wijk or buurt in one year.

Every measure with a value in the area, against last year and the gemeente; the map of the
gemeente with the area outlined; the series of the leading measure; the open alerts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.alerts.queries import open_alerts
from kompas.presentation.content import Block, Column, DataTable, Figure, Paragraph, Report, Section
from kompas.presentation.suppression import publishable
from kompas.reports import figures, header, tables
from kompas.reports.area_indicators import area_indicators
from kompas.reports.benchmark_cell import reasons_note
from kompas.reports.selection import Selection

if TYPE_CHECKING:
    from kompas.areas.queries import Area

MAX_ALERTS = 50


def build(selection: Selection) -> Report:
    """Return the safety picture of the selected area (the gemeente without one)."""
    area = selection.area or selection.gemeente
    title = _("Veiligheidsbeeld %(area)s, %(year)s") % {
        "area": area.name if area else selection.organisation.name,
        "year": selection.year,
    }
    report_sources = header.sources(selection)
    measures = _measure_table(selection, area) if area is not None else _empty_measures()
    alerts = _alert_table(selection, area)
    indicators = _indicator_table(selection, area)
    sections = [
        Section(_("Cijfers per maatstaf"), [_intro(selection, area), measures]),
        Section(_("Indicatoren"), [indicators]),
        Section(_("Kaart en ontwikkeling"), _pictures(selection, area)),
        Section(_("Open signaleringen"), [alerts]),
        Section(_("Bronnen"), [tables.sources_table(report_sources)]),
    ]
    meta = header.meta(selection, title, report_sources)
    filename = header.filename("veiligheidsbeeld", selection)
    return Report(meta, sections, [measures, indicators, alerts], report_sources, filename)


def _intro(selection: Selection, area: Area | None) -> Paragraph:
    if area is None:
        return Paragraph(_("Deze organisatie heeft geen gemeentecode; er zijn geen cijfers per gebied."))
    text = _(
        "Waarden over het kalenderjaar %(year)s: aantallen opgeteld over de maanden, andere waarden "
        "gemiddeld; de verandering is ten opzichte van %(previous)s."
    ) % {"year": selection.year, "previous": selection.year - 1}
    if selection.suppress:
        text += " " + _(
            "Aantallen onder de 5 zijn onderdrukt (“< 5”), net als cijfers die erop rusten (“n < 5”) "
            "en cijfers waaruit ze via een totaal terug te rekenen zijn (“x”)."
        )
    return Paragraph(text)


def _columns(with_gemeente: bool) -> list[Column]:
    columns = [
        Column(_("maatstaf")),
        Column(_("eenheid")),
        Column(_("waarde"), "decimal"),
        Column(_("vorig jaar"), "decimal"),
        Column(_("verandering (%)"), "decimal"),
    ]
    if with_gemeente:
        columns += [Column(_("gemeente"), "decimal"), Column(_("aandeel in gemeente (%)"), "decimal")]
    return [*columns, Column(_("volledig jaar")), Column(_("bron"))]


def _measure_table(selection: Selection, area: Area) -> DataTable:
    rows = figures.area_rows(
        area, selection.gemeente, selection.year, selection.organisation, suppress=selection.suppress
    )
    with_gemeente = selection.gemeente is not None and selection.gemeente.pk != area.pk
    body = []
    for row in rows:
        cells: list[object] = [row.measure.name, row.measure.unit, row.value, row.previous, row.change_pct]
        if with_gemeente:
            cells += [row.gemeente, row.share_pct]
        body.append((*cells, _("ja") if row.complete else _("nee"), row.measure.source))
    title = _("%(area)s in %(year)s") % {"area": area.name, "year": selection.year}
    return DataTable(_("Cijfers"), title, _columns(with_gemeente), body)


def _empty_measures() -> DataTable:
    return DataTable(_("Cijfers"), _("Cijfers"), _columns(False), [])


def _pictures(selection: Selection, area: Area | None) -> list[Block]:
    measure = figures.default_measure(selection.organisation)
    level = "buurt" if area is not None and area.level == "buurt" else "wijk"
    highlight = area.code if area is not None and area.level in ("wijk", "buurt") else ""
    found: list[Block] = []
    found_map = figures.area_map(
        selection.organisation,
        level=level,
        year=selection.year,
        measure_code=measure,
        suppress=selection.suppress,
        highlight=highlight,
        # as the dashboard opens: a count per 1.000 inhabitants where there are inhabitants
        per_inhabitants=True,
    )
    if found_map is not None:
        found.append(Figure(found_map.chart, _source(selection, measure)))
    series = (
        figures.area_series(area, measure, selection.organisation, suppress=selection.suppress)
        if area
        else None
    )
    if series is not None:
        found.append(Figure(series, _source(selection, measure)))
    return found or [
        Paragraph(_("Geen kaart of reeks: er zijn nog geen grenzen of waarden voor dit gebied."))
    ]


def _source(selection: Selection, measure_code: str) -> str:
    info = figures.measure(selection.organisation, measure_code)
    return info.source if info else ""


def _alert_table(selection: Selection, area: Area | None) -> DataTable:
    columns = (
        Column(_("maatstaf")),
        Column(_("gebied")),
        Column(_("periode")),
        Column(_("waargenomen"), "integer"),
        Column(_("verwacht"), "decimal"),
        Column(_("status")),
    )
    codes = None
    if area is not None and area.level != "gemeente":
        codes = [area.code]
    alerts = list(open_alerts(codes)[:MAX_ALERTS]) if area is not None else []
    rows = [
        (
            alert.measure_code,
            alert.area_code,
            alert.period_start,
            publishable(alert.observed, suppress=selection.suppress),
            publishable(alert.expected, suppress=selection.suppress, count=alert.observed),
            str(alert.get_state_display()),
        )
        for alert in alerts
    ]
    return DataTable(_("Signaleringen"), _("Open signaleringen van ongewone stijgingen"), columns, rows)


def _indicator_table(selection: Selection, area: Area | None) -> DataTable:
    columns = (
        Column(_("indicator")),
        Column(_("eenheid")),
        Column(_("periode")),
        Column(_("waarde"), "decimal"),
        Column(_("trend")),
        Column(_("gemeente"), "decimal"),
        Column(_("referentiegroep, jaar")),
        Column(_("groepsgemiddelde"), "decimal"),
        Column(_("benchmarkindex"), "decimal"),
    )
    lines = (
        area_indicators(
            area.code, selection.organisation.cbs_code, selection.year, suppress=selection.suppress
        )
        if area is not None
        else []
    )
    rows = [
        (
            f"{line.indicator.code} {line.indicator.name}",
            line.indicator.unit,
            line.period,
            line.value,
            line.trend.text if line.trend else None,
            line.gemeente,
            line.benchmark.reference,
            line.group_mean,
            line.benchmark_index,
        )
        for line in lines
    ]
    meaning = _(
        "Benchmarkindex van de gemeente: 100 is het gemiddelde van de referentiegroep in dat jaar; boven "
        "100 is beter. Alleen voor indicatoren die tussen gebieden vergelijkbaar zijn en een richting hebben."
    )
    reasons = reasons_note((f"{line.indicator.code} {line.indicator.name}", line.benchmark) for line in lines)
    note = f"{meaning} {reasons}".strip()
    return DataTable(_("Indicatoren"), _("Berekende indicatoren"), columns, rows, note=note)
