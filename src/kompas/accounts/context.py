# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Template context: the navigation a user's role gives access to."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kompas.accounts.roles import Permission, has_permission

NAVIGATION = (
    ("dashboard:home", _("Start"), None),
    ("policy:home", _("Veiligheidsplan"), Permission.VIEW_DASHBOARD),
    ("indicators:indicator_list", _("Indicatoren"), Permission.VIEW_DASHBOARD),
    ("reports:home", _("Rapportages"), Permission.VIEW_DASHBOARD),
    ("registry:activity_list", _("Registers"), Permission.VIEW_DASHBOARD),
    ("alerts:alert_list", _("Signaleringen"), Permission.TRIAGE_ALERTS),
    ("hotspots:areas", _("Hotspots"), Permission.VIEW_DASHBOARD),
    ("sources:run_list", _("Gegevens"), Permission.IMPORT_DATA),
    ("casework:home", _("Casuïstiek"), Permission.VIEW_CASEWORK),
    ("cooperation:project_list", _("Samenwerking"), Permission.VIEW_PROJECTS),
    ("accounts:user_list", _("Gebruikers"), Permission.MANAGE_USERS),
    ("accounts:audit_list", _("Audittrail"), Permission.VIEW_AUDIT),
)


def navigation(request: HttpRequest) -> dict[str, object]:
    """Return the menu items for the current user, marking the current page."""
    user = request.user
    if not user.is_authenticated:
        return {"navigation": []}
    role = getattr(user, "role", "")
    items = []
    for name, text, permission in NAVIGATION:
        if permission is None or has_permission(role, permission):
            url = reverse(name)
            items.append({"url": url, "text": text, "current": request.path == url})
    return {"navigation": items}
