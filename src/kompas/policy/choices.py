# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The stored values of the plan's choice fields, readable in the database (``"trekt"``, not ``"t"``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.indicators import status


class PlanStatus(models.TextChoices):
    """Where the plan is in its adoption."""

    DRAFT = "draft", _("Concept")
    ADOPTED = "adopted", _("Vastgesteld")


class OovRole(models.TextChoices):
    """The part the OOV team plays in a theme (IVP §3.2)."""

    LEADS = "trekt", _("OOV trekt")
    INVOLVED = "betrokken_bij_incidenten", _("OOV betrokken bij incidenten of calamiteiten")


class Phase(models.IntegerChoices):
    """The two two-year halves of the plan period (IVP §3.2)."""

    FIRST = 1, _("Fase 1")
    SECOND = 2, _("Fase 2")


class ActionState(models.TextChoices):
    """How far an action is."""

    PLANNED = "gepland", _("Gepland")
    RUNNING = "lopend", _("Lopend")
    DONE = "afgerond", _("Afgerond")
    DROPPED = "vervallen", _("Vervallen")


class PartyKind(models.TextChoices):
    """Whether a party is a department of the municipality or an outside partner."""

    INTERNAL = "intern", _("Intern")
    EXTERNAL = "extern", _("Extern")


class PartyRole(models.TextChoices):
    """What a party does for a theme."""

    LEAD = "trekker", _("Trekker")
    INVOLVED = "betrokken", _("Betrokken")
    PARTNER = "partner", _("Partner")
    PARTICIPANT = "deelnemer", _("Deelnemer")
    ORGANISER = "organisator", _("Organisator")
    FUNDER = "financier", _("Financier")
    INFORMANT = "informatiebron", _("Informatiebron")


class GoalLevel(models.TextChoices):
    """A goal's place in the theme's goal tree."""

    GOAL = "doel", _("Doel")
    MAIN = "hoofddoel", _("Hoofddoel")
    SUB = "subdoel", _("Subdoel")


class TargetRuleChoices(models.TextChoices):
    """How a target is stated (:class:`~kompas.indicators.status.TargetRule`), labelled."""

    AT_MOST_BASELINE = status.TargetRule.AT_MOST_BASELINE, _("Gelijk of lager dan de basiswaarde")
    AT_LEAST_BASELINE = status.TargetRule.AT_LEAST_BASELINE, _("Gelijk of hoger dan de basiswaarde")
    AT_MOST = status.TargetRule.AT_MOST, _("Ten hoogste de streefwaarde")
    AT_LEAST = status.TargetRule.AT_LEAST, _("Ten minste de streefwaarde")
    DECREASE_PCT = status.TargetRule.DECREASE_PCT, _("Daling met een percentage")
    INCREASE_PCT = status.TargetRule.INCREASE_PCT, _("Stijging met een percentage")
    REGISTER = status.TargetRule.REGISTER, _("Registreren")
    DECREASE = status.TargetRule.DECREASE, _("Dalen (zonder getal)")
    INCREASE = status.TargetRule.INCREASE, _("Stijgen (zonder getal)")
    REALISE = status.TargetRule.REALISE, _("Realiseren (mijlpaal)")


# Rules that need a number besides the baseline to mean anything.
RULES_WITH_VALUE = frozenset(
    {
        TargetRuleChoices.AT_MOST,
        TargetRuleChoices.AT_LEAST,
        TargetRuleChoices.DECREASE_PCT,
        TargetRuleChoices.INCREASE_PCT,
    }
)
# Rules whose threshold is the baseline itself.
RULES_FROM_BASELINE = frozenset(
    {
        TargetRuleChoices.AT_MOST_BASELINE,
        TargetRuleChoices.AT_LEAST_BASELINE,
        TargetRuleChoices.DECREASE_PCT,
        TargetRuleChoices.INCREASE_PCT,
    }
)


class TargetKind(models.TextChoices):
    """A plan target for the whole municipality, or a value the plan gives for one area."""

    PLAN = "plan", _("Streefwaarde")
    AREA = "area", _("Gebiedswaarde")


class CostKind(models.TextChoices):
    """Whether a cost is money or staff time."""

    MONEY = "geld", _("Geld")
    CAPACITY = "capaciteit", _("Capaciteit")


class CostOrigin(models.TextChoices):
    """Where the plan names a cost: on a themablad or elsewhere (outside the budget table)."""

    THEME = "themablad", _("Themablad")
    ELSEWHERE = "elders", _("Elders in het plan")


class ScenarioKind(models.TextChoices):
    """The three choices of the cover letter (raadsbrief)."""

    PRIORITISE_THEMES = "prioritise_themes", _("Prioriteren op thema’s")
    PRIORITISE_IN_TIME = "prioritise_in_time", _("Prioriteren in de tijd")
    EXTRA_RESOURCES = "extra_resources", _("Extra middelen en formatie")
