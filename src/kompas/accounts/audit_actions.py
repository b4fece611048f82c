# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The one registry of audit action codes and their Dutch labels (generates docs/audit-actions.md)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

AUDIT_ACTIONS: dict[str, Promise] = {
    "accounts.login.succeeded": _("Ingelogd"),
    "accounts.login.failed": _("Inloggen mislukt"),
    "accounts.logout": _("Uitgelogd"),
    "accounts.two_factor.enrolled": _("Tweestapsverificatie ingesteld"),
    "accounts.two_factor.verified": _("Tweestapsverificatie geslaagd"),
    "accounts.organisation.created": _("Organisatie aangemaakt"),
    "accounts.organisation.changed": _("Organisatie gewijzigd"),
    "accounts.user.created": _("Gebruiker aangemaakt"),
    "accounts.user.changed": _("Gebruiker gewijzigd"),
    "accounts.user.deleted": _("Gebruiker verwijderd"),
    "accounts.user.viewed": _("Gebruiker (persoonsgegevens) bekeken"),
    "accounts.users.listed": _("Gebruikerslijst (persoonsgegevens) bekeken, op een pagina of via de API"),
    "accounts.user.password_reset": _("Tijdelijk wachtwoord gegeven door de beheerder"),
    "accounts.user.two_factor_reset": _("Tweestapsverificatie gereset door de beheerder"),
    "accounts.password.changed": _("Eigen wachtwoord gewijzigd"),
    "accounts.audit.viewed": _("Audittrail bekeken"),
    "accounts.audit.exported": _("Audittrail geëxporteerd"),
    "areas.group.created": _("Gebiedsgroep aangemaakt"),
    "areas.group.changed": _("Gebiedsgroep gewijzigd"),
    "alerts.alert.triaged": _("Signalering beoordeeld"),
    "alerts.setting.created": _("Signaleringsinstelling aangemaakt"),
    "alerts.setting.changed": _("Signaleringsinstelling gewijzigd"),
    "alerts.evaluation.run": _("Signalering uitgevoerd op alle reeksen"),
    "alerts.digest.subscribed": _("Wekelijkse samenvatting van signaleringen aangezet"),
    "alerts.digest.unsubscribed": _("Wekelijkse samenvatting van signaleringen uitgezet"),
    "indicators.indicator.created": _("Indicator aan de catalogus toegevoegd"),
    "indicators.indicator.changed": _("Indicator in de catalogus gewijzigd"),
    "indicators.definitions.loaded": _("Indicatordefinities geladen uit een definitiebestand"),
    "indicators.values.computed": _("Indicatorwaarden, trends en voortgang berekend"),
    "policy.plan.loaded": _("Veiligheidsplan geladen uit een plandocument"),
    "policy.plan.changed": _("Veiligheidsplan gewijzigd"),
    "policy.plan.exported": _("Veiligheidsplan geëxporteerd"),
    "policy.theme.created": _("Thema aangemaakt"),
    "policy.theme.changed": _("Thema gewijzigd"),
    "policy.theme.deleted": _("Thema verwijderd"),
    "policy.paragraph.created": _("Alinea van een themablad aangemaakt"),
    "policy.paragraph.changed": _("Alinea van een themablad gewijzigd"),
    "policy.paragraph.deleted": _("Alinea van een themablad verwijderd"),
    "policy.goal.created": _("Doel aangemaakt"),
    "policy.goal.changed": _("Doel gewijzigd"),
    "policy.goal.deleted": _("Doel verwijderd"),
    "policy.target.created": _("Streefwaarde aangemaakt"),
    "policy.target.changed": _("Streefwaarde gewijzigd"),
    "policy.target.deleted": _("Streefwaarde verwijderd"),
    "policy.action.created": _("Actie aangemaakt"),
    "policy.action.changed": _("Actie gewijzigd"),
    "policy.action.deleted": _("Actie verwijderd"),
    "policy.responsibility.created": _("Betrokkene aangemaakt"),
    "policy.responsibility.changed": _("Betrokkene gewijzigd"),
    "policy.responsibility.deleted": _("Betrokkene verwijderd"),
    "policy.cost.created": _("Kostenpost aangemaakt"),
    "policy.cost.changed": _("Kostenpost gewijzigd"),
    "policy.cost.deleted": _("Kostenpost verwijderd"),
    "policy.budget_line.created": _("Begrotingsregel aangemaakt"),
    "policy.budget_line.changed": _("Begrotingsregel gewijzigd"),
    "policy.budget_line.deleted": _("Begrotingsregel verwijderd"),
    "policy.capacity.changed": _("Capaciteit OOV gewijzigd"),
    "policy.scenario.created": _("Scenario aangemaakt"),
    "policy.scenario.changed": _("Scenario gewijzigd"),
    "policy.scenario.deleted": _("Scenario verwijderd"),
    "observations.own_figure.recorded": _("Eigen cijfer ingevoerd (met bron)"),
    "observations.own_figure.corrected": _("Eigen cijfer gecorrigeerd (oude waarde bewaard)"),
    "sources.import.loaded": _("Bestand geïmporteerd (gegevens opgeslagen of al gelijk)"),
    "sources.import.tested": _("Proefimport uitgevoerd (niets opgeslagen)"),
    "sources.import.rejected": _("Import afgewezen wegens fouten in het bestand"),
    "sources.import.failed": _("Import mislukt door een onverwachte fout"),
    "sources.import.abandoned": _("Afgebroken import (bleef 'bezig') als mislukt gemarkeerd"),
    "sources.defaults.changed": _("Importinstellingen van de organisatie gewijzigd (standaardtijdzone)"),
    "sources.import.withdrawn": _(
        "Importrun ingetrokken (toegevoegde waarden verwijderd, vorige teruggezet)"
    ),
    "reports.report.generated": _("Rapportage gemaakt (PDF, XLSX of HTML)"),
    "reports.report.requested": _("Rapportage aangevraagd (wordt op de achtergrond gemaakt)"),
    "reports.report.downloaded": _("Gemaakte rapportage opgehaald"),
}

# Actions that change nothing a page of figures or plans shows: sign-ins, reads of personal
# data, exports and imports that stored nothing. Every other action is a change, and pages
# cached until the next change (kompas.dashboard.fragments) look for the newest of those.
UNCHANGING_ACTIONS = frozenset(
    {
        "accounts.login.succeeded",
        "accounts.login.failed",
        "accounts.logout",
        "accounts.two_factor.enrolled",
        "accounts.two_factor.verified",
        "accounts.user.viewed",
        "accounts.users.listed",
        "accounts.user.password_reset",
        "accounts.user.two_factor_reset",
        "accounts.password.changed",
        "accounts.audit.viewed",
        "accounts.audit.exported",
        "alerts.digest.subscribed",
        "alerts.digest.unsubscribed",
        "policy.plan.exported",
        "sources.import.tested",
        "sources.import.rejected",
        "sources.import.failed",
        "sources.import.abandoned",
        "reports.report.generated",
        "reports.report.requested",
        "reports.report.downloaded",
    }
)


def label(action: str) -> str:
    """Return the Dutch (or active language) label of ``action``; unknown codes show as code."""
    return str(AUDIT_ACTIONS.get(action, action))


def documentation() -> str:
    """Render the audit action table as Markdown for docs/audit-actions.md."""
    lines = [
        "# Auditacties / audit actions",
        "",
        "Gegenereerd uit `kompas.accounts.audit_actions` met `kompas docs audit`. Niet met de hand bewerken.",
        "",
        "| code | betekenis |",
        "| --- | --- |",
    ]
    lines += [f"| `{code}` | {text} |" for code, text in AUDIT_ACTIONS.items()]
    return "\n".join(lines) + "\n"
