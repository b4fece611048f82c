# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The plan as XLSX (one sheet per kind, from the JSON export's numbers) and as PDF (the plan
document with one themablad per theme, Dutch formatting and a provenance footer)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import AuditRecord
from kompas.policy.export import plan_data
from kompas.policy.models import Goal, Plan, Target
from kompas.presentation import formatting
from kompas.presentation.document import Vintage, report_meta
from kompas.presentation.pdf import render_pdf
from kompas.presentation.xlsx import Source, Table, workbook

LICENCE = "Openbaar raadsstuk (Auteurswet art. 11 en 15b)"
AMOUNT = {"bedrag (€)": formatting.XLSX_INTEGER}


def loaded_at(plan: Plan) -> dt.datetime | None:
    """Return when ``plan`` was loaded from its plan document, if it was."""
    record = AuditRecord.objects.filter(
        action="policy.plan.loaded", object_type=audit.object_type(plan), object_id=str(plan.pk)
    ).first()
    return record.at if record else None


def _yes(flag: bool) -> str:
    return _("ja") if flag else _("nee")


def _cell(item: Mapping[str, Any], key: str) -> object:
    """Return ``item[key]`` (dotted keys go deeper) as a cell: lists joined, booleans as ja/nee."""
    value: Any = item
    for part in key.split("."):
        value = value[part]
    if isinstance(value, list):
        return ", ".join(str(element) for element in value)
    return _yes(value) if isinstance(value, bool) else value


def _rows(items: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> list[tuple[object, ...]]:
    return [tuple(_cell(item, key) for key in keys) for item in items]


def _tables(data: Mapping[str, Any]) -> list[Table]:
    return _plan_tables(data) + _money_tables(data)


def _plan_tables(data: Mapping[str, Any]) -> list[Table]:
    theme_keys = ("code", "title", "urgent", "phase", "lead.department", "oov_role", "veiligheidsveld")
    goal_keys = ("theme", "code", "level", "text", "indicators", "effect_indicators", "source")
    return [
        Table(
            _("Thema’s"),
            ("code", "titel", "hoge urgentie", "fase", "trekker", "rol OOV", "veiligheidsveld", "bron"),
            _rows(data["themes"], (*theme_keys, "source")),
        ),
        Table(
            _("Doelen"),
            ("thema", "code", "niveau", "doel", "indicatoren", "effectindicatoren", "bron"),
            _rows(data["goals"], goal_keys),
        ),
        _indicator_table(data["indicators"]),
        _area_table(data["indicators"]),
    ]


def _money_tables(data: Mapping[str, Any]) -> list[Table]:
    budget = data["budget"]
    line_keys = ("number", "code", "subject", "status", "amount", "amount_printed", "note", "source")
    totals = [
        (_("som van de begrotingsregels"), budget["lines_sum"], _("berekend")),
        (_("gedrukt totaal"), budget["stated_total"], budget["stated_total_source"]),
    ]
    return [
        Table(
            _("Begroting"),
            ("nummer", "code", "onderwerp", "status", "bedrag (€)", "zoals gedrukt", "toelichting", "bron"),
            _rows(budget["lines"], line_keys),
            AMOUNT,
        ),
        Table(_("Begrotingstotaal"), ("onderdeel", "bedrag (€)", "bron"), totals, AMOUNT),
        _cost_table(data["costs"]),
        _capacity_table(data["capacity"]),
        Table(
            _("Scenario’s"),
            ("code", "soort", "titel", "extra fte", "bron"),
            _rows(data["scenarios"], ("code", "kind", "title", "extra_fte", "source")),
            {"extra fte": formatting.XLSX_DECIMAL},
        ),
        Table(
            _("Plancontrole"),
            ("code", "onderwerp", "melding", "bron"),
            _rows(data["check"], ("code", "subject", "message", "source_refs")),
        ),
    ]


def _indicator_table(indicators: Sequence[Mapping[str, Any]]) -> Table:
    columns = (
        "thema",
        "code",
        "naam",
        "soort",
        "eenheid",
        "richting",
        "basiswaarde",
        "basisjaar",
        "streefregel",
        "streefwaarde",
        "streefjaar",
        "gegevensbron",
        "bron",
    )
    rows = []
    for item in indicators:
        base, goal = item["baseline"] or {}, item["target"] or {}
        rows.append(
            (
                item["theme"],
                item["code"],
                item["name"],
                item["kind"],
                item["unit"],
                item["direction"],
                base.get("value"),
                base.get("period"),
                goal.get("rule"),
                goal.get("value"),
                goal.get("period"),
                item["data_source"],
                item["source"],
            )
        )
    formats = {"basiswaarde": formatting.XLSX_DECIMAL, "streefwaarde": formatting.XLSX_DECIMAL}
    return Table(_("Indicatoren"), columns, rows, formats)


def _area_table(indicators: Sequence[Mapping[str, Any]]) -> Table:
    rows = [
        (item["code"], area["area"], area["value"], area["period"], area["source"])
        for item in indicators
        for area in item["area_values"]
    ]
    return Table(
        _("Gebiedswaarden"),
        ("indicator", "gebied", "waarde", "jaar", "bron"),
        rows,
        {"waarde": formatting.XLSX_DECIMAL},
    )


def _cost_table(costs: Sequence[Mapping[str, Any]]) -> Table:
    columns = ("thema", "code", "genoemd in", "omschrijving", "soort", "bedrag (€)", "PM", "dekking")
    keys = (
        "theme",
        "code",
        "origin",
        "text",
        "kind",
        "amount",
        "pm",
        "budget_source",
        "budget_line",
        "source",
    )
    return Table(_("Kosten"), (*columns, "begrotingsregel", "bron"), _rows(costs, keys), AMOUNT)


def _capacity_table(capacity: Mapping[str, Any] | None) -> Table:
    rows: list[tuple[object, ...]] = []
    if capacity is not None:
        rows.append((_("formatie OOV"), capacity["fte"], "fte", capacity["source"]))
        rows += [(share["label"], share["percent"], "%", share["source"]) for share in capacity["shares"]]
        rows.append((_("som van de aandelen"), capacity["shares_sum"], "%", _("berekend")))
    return Table(
        _("Capaciteit"), ("onderdeel", "waarde", "eenheid", "bron"), rows, {"waarde": formatting.XLSX_DECIMAL}
    )


def plan_xlsx(plan: Plan) -> bytes:
    """Return the plan as an XLSX workbook, one sheet per kind, plus the "Bronnen" sheet."""
    data = plan_data(plan)
    document = plan.source_document
    source = Source(
        document.get("title", plan.title),
        LICENCE,
        loaded_at(plan),
        f"{plan.period_start}-{plan.period_end}",
        document.get("text_file", ""),
    )
    return workbook(_tables(data), [source])


def plan_pdf(plan: Plan) -> bytes:
    """Return the plan document as PDF: overview, one themablad per theme, budget, capacity."""
    themes = plan.themes.select_related("veiligheidsveld").prefetch_related(
        "paragraphs",
        Prefetch("goals", queryset=Goal.objects.prefetch_related("indicators")),
        Prefetch("targets", queryset=Target.objects.select_related("indicator")),
        "actions",
        "responsibilities",
        "costs",
    )
    document = plan.source_document
    vintage = Vintage(
        document.get("title", plan.title), loaded_at(plan), f"{plan.period_start}-{plan.period_end}"
    )
    meta = report_meta(
        plan.organisation.name, plan.title, {_("status"): plan.get_status_display()}, [vintage]
    )
    context = {"meta": meta, "plan": plan, "themes": themes, "data": plan_data(plan), "document": document}
    return render_pdf(render_to_string("policy/plan_pdf.html", context))
