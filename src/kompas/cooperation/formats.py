# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The formats of the *notitie* Platform IVZ: project assignment, project plan and evaluation.

Bijlage 4 (*projectopdracht*, L2851-2906), bijlage 5 (*projectomschrijving*, L2907-3092) and
bijlage 6 (*evaluatiedocument*, L3093-3140), field by field as spec §6.7 reads them; the
*hulpvragen* of the source become the help text of each field, so a project leader sees the
questions the Platform asked while writing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FormatField:
    """One field of a format: a stable code, its Dutch label, the help questions of the source."""

    code: str
    label: Promise
    help: Promise
    source: str


CAUSE = FormatField(
    "aanleiding",
    _("Aanleiding van probleem/uitdaging"),
    _(
        "Welke gebeurtenis maakt het project urgent, waarom staat het nu op de agenda? Waar, wanneer en "
        "met wie is het idee ontstaan? Wat is het probleem en naar welke uitdaging is het te vertalen? "
        "Waarom is het een uitdaging? Wat gebeurt er als de uitdaging niet wordt opgepakt?"
    ),
    "L2858-2866",
)
OBJECTIVE = FormatField(
    "doelstelling",
    _("Doelstelling"),
    _(
        "De hogere ambitie waaraan het project bijdraagt. Wat wil de organisatie bereiken? Waaraan moet "
        "het project bijdragen? Hoe verhoudt het project zich tot missie, visie en strategie? Wanneer "
        "zijn we tevreden, wanneer is het project klaar?"
    ),
    "L2867-2878",
)
PARTNERS = FormatField(
    "partners", _("Betrokken partners"), _("Welke partners zijn betrokken en wat doen zij?"), "L2879"
)
SCOPE = FormatField(
    "afbakening",
    _("Afbakening"),
    _(
        "Wat is niet het resultaat? Wanneer stopt het project en wat komt pas daarna? Waar stopt het "
        "inhoudelijk? Wat krijgt de opdrachtgever niet? Zijn de grenzen voor anderen helder? Wat moet "
        "door anderen worden geleverd?"
    ),
    "L2880-2892",
)
RISKS = FormatField(
    "risicos",
    _("Risico’s / onverwachte zaken / effecten"),
    _(
        "Wat kan de resultaten in de weg staan? Mogelijke neveneffecten? Negatieve effecten? "
        "Positieve effecten?"
    ),
    "L2893-2900",
)

# Bijlage 4, fields 1-5; field 6 (the selection criteria) is :data:`CRITERIA`.
ASSIGNMENT: tuple[FormatField, ...] = (CAUSE, OBJECTIVE, PARTNERS, SCOPE, RISKS)

# The five selection criteria (L2901-2906); criterion 4 is computed from the municipalities.
CRITERIA: tuple[tuple[str, Promise], ...] = (
    ("openbare_orde", _("Primaat openbare orde en veiligheid")),
    ("dvo_besluit", _("DVO besluitvormend orgaan")),
    ("urgent", _("Actueel / urgent / hoog afbreukrisico")),
    ("gemeenten", _("Speelt in ten minste het vereiste aantal Twentse gemeenten")),
    ("haalbaar", _("Haalbaar binnen de planning / legt realistisch beslag op de middelen")),
)
JUDGED_CRITERIA = tuple(code for code, _label in CRITERIA if code != "gemeenten")

# Bijlage 5, fields 1-14 (field 0, the name, is the project's title).
PLAN: tuple[FormatField, ...] = (
    CAUSE,
    PARTNERS,
    OBJECTIVE,
    FormatField(
        "resultaat",
        _("Projectresultaat"),
        _(
            "Welke instrumenten ontwikkelt het project? Wat is tastbaar of zichtbaar als het klaar is? Is "
            "het resultaat het juiste middel voor de doelstelling? Lost het de uitdaging (grotendeels) op?"
        ),
        "L2960-2978",
    ),
    FormatField(
        "indicatoren",
        _("Prestatie-indicatoren"),
        _("Benoem de indicatoren die de projectresultaten meetbaar maken om te monitoren."),
        "L2980-2984",
    ),
    FormatField(
        "monitoring",
        _("Monitoring, voortgangsbewaking"),
        _(
            "Op welke wijze wordt de voortgang bewaakt en worden de resultaten procesmatig en "
            "cijfermatig inzichtelijk?"
        ),
        "L2986-2991",
    ),
    FormatField(
        "randvoorwaarden",
        _("Randvoorwaarden"),
        _("Welke randvoorwaarden gelden vanuit de opdracht? En vanuit de opdrachtgever?"),
        "L2993-3001",
    ),
    SCOPE,
    FormatField(
        "relatie",
        _("Relatie andere initiatieven en ontwikkelingen"),
        _(
            "Welke projecten lopen tegelijk, met welke overlap? Zijn ze aanvullend of concurrerend? Welke "
            "delen van de organisatie moeten worden aangepast?"
        ),
        "L3026-3051",
    ),
    RISKS,
    FormatField(
        "projectgroep",
        _("Projectgroep"),
        _("Samenstelling (functie, organisatie) en vergaderfrequentie."),
        "L3071-3074",
    ),
    FormatField(
        "planning",
        _("Planning en mijlpalen"),
        _("Planning van het werk en wanneer het project klaar is."),
        "L3076-3081",
    ),
    FormatField(
        "communicatie",
        _("Communicatie"),
        _(
            "Hoe krijgt de interne en externe communicatie vorm per doelgroep, partners, "
            "belanghebbenden en bestuur?"
        ),
        "L3083-3087",
    ),
    FormatField(
        "financien",
        _("Financiën"),
        _("Hoe wordt het project gefinancierd? Is er budget beschikbaar (regionaal of lokaal)?"),
        "L3089-3092",
    ),
)


def _question(code: str, text: Promise) -> FormatField:
    return FormatField(code, text, _("Vraag uit het evaluatieformat (bijlage 6)."), "L3093-3140")


# Bijlage 6, questions E1-E11.
EVALUATION: tuple[FormatField, ...] = (
    _question("e1", _("Wat was de doelstelling van het project?")),
    _question("e2", _("Geef een samenvatting van de inhoud van het project.")),
    _question("e3", _("Wat waren de beoogde resultaten?")),
    _question("e4", _("Zijn de resultaten behaald? Waarom wel/niet?")),
    _question("e5", _("Geef aan wat de overige gevolgen of effecten van dit project zijn geweest.")),
    _question("e6", _("Hoe is de voortgang van het project verlopen?")),
    _question("e7", _("Waren er knelpunten in de uitvoering en zo ja, hoe zijn deze overwonnen?")),
    _question("e8", _("Wat waren de sterke kanten van dit project?")),
    _question("e9", _("Wat waren de leermomenten?")),
    _question("e10", _("Welke rol hadden andere betrokken organisaties?")),
    _question("e11", _("Is het project financieel verlopen als begroot?")),
)
