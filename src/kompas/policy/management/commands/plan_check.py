# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas plan check``: list what makes the plan hard to steer on or does not add up."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope

from kompas.commandbase import TranslatedCommand
from kompas.policy.check import CODES, check_plan, summary
from kompas.policy.selection import plan_for_command
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Run the plan check and print the findings as text or JSON."""

    help_text = gettext_lazy(
        "Controleert een veiligheidsplan: doelen zonder effectindicator, indicatoren zonder basis- of "
        "streefwaarde, streefwaarden zonder jaar, begrotingsregels die niet optellen tot het totaal, "
        "capaciteitsaandelen die niet op 100 % uitkomen, thema’s zonder trekker en kosten op PM."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --plan, --organisation and --json."""
        parser.add_argument("--plan", type=int, help=_("Id van het plan (standaard: het enige plan)."))
        parser.add_argument("--organisation", help=_("Code van de organisatie; neemt haar laatste plan."))
        parser.add_argument("--json", action="store_true", help=_("Bevindingen als JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Print the findings of the chosen plan."""
        plan = plan_for_command(options["plan"], options["organisation"])
        with scope(organisation=plan.organisation_id):
            findings = check_plan(plan)
        if options["json"]:
            document = {
                "plan": {
                    "id": plan.pk,
                    "key": plan.key,
                    "title": plan.title,
                    "organisation": plan.organisation.code,
                },
                "summary": summary(findings),
                "findings": [finding.as_dict() for finding in findings],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Plancontrole van %(title)s: %(count)s bevindingen")
            % {"title": plan.title, "count": number(len(findings))}
        )
        for code, count in summary(findings).items():
            self.stdout.write(f"  {count:>3}  {CODES[code]} ({code})")
        for finding in findings:
            refs = ", ".join(ref for ref in finding.source_refs if ref)
            self.stdout.write(f"- [{finding.code}] {finding.message}" + (f" ({refs})" if refs else ""))
