# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas plan export``: the plan as JSON, XLSX or PDF."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope

from kompas.accounts import audit
from kompas.commandbase import TranslatedCommand
from kompas.policy.export import plan_data
from kompas.policy.export_files import plan_pdf, plan_xlsx
from kompas.policy.selection import plan_for_command
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Write the plan export to a file or, for JSON, to standard output."""

    help_text = gettext_lazy(
        "Exporteert een veiligheidsplan: JSON (thema’s, doelen, indicatoren, begroting; zie "
        "docs/plan-export.md), XLSX (één blad per soort) of PDF (het plan met één themablad per thema)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --format, --plan, --organisation and --output."""
        parser.add_argument("--format", choices=["json", "xlsx", "pdf"], default="json", help=_("Formaat."))
        parser.add_argument("--plan", type=int, help=_("Id van het plan (standaard: het enige plan)."))
        parser.add_argument("--organisation", help=_("Code van de organisatie; neemt haar laatste plan."))
        parser.add_argument(
            "--output",
            type=Path,
            help=_("Bestand om naar te schrijven (standaard: <plan>.<formaat>; JSON: scherm)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Export the chosen plan."""
        plan = plan_for_command(options["plan"], options["organisation"])
        kind, output = options["format"], options["output"]
        with scope(organisation=plan.organisation_id):
            if kind == "json":
                body = json.dumps(plan_data(plan), ensure_ascii=False, indent=2).encode()
            else:
                body = plan_xlsx(plan) if kind == "xlsx" else plan_pdf(plan)
            audit.record(
                "policy.plan.exported",
                actor=None,
                target=plan,
                changes={"format": kind},
                organisation_id=plan.organisation_id,
            )
        if kind == "json" and output is None:
            self.stdout.write(body.decode())
            return
        path = output or Path(f"{plan.key}.{kind}")
        path.write_bytes(body)
        written = {"path": path, "size": number(len(body))}
        self.stdout.write(_("Geschreven: %(path)s (%(size)s bytes)") % written)
