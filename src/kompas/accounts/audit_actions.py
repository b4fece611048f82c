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
    "accounts.audit.exported": _("Audittrail geëxporteerd"),
    "alerts.alert.triaged": _("Signalering beoordeeld"),
    "alerts.setting.created": _("Signaleringsinstelling aangemaakt"),
    "alerts.setting.changed": _("Signaleringsinstelling gewijzigd"),
}


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
