# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Roles and the permissions each role holds: the single source of the permission table."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user does in Kompas; a user has exactly one role within one organisation."""

    BEHEERDER = "beheerder", _("Beheerder")
    OOV_ADVISEUR = "oov-adviseur", _("OOV-adviseur")
    ANALIST = "analist", _("Analist")
    RAADSLID = "raadslid", _("Raadslid")
    PROJECTLEIDER = "projectleider", _("Projectleider")
    REGIOCOORDINATOR = "regiocoordinator", _("Regiocoördinator")
    PARTNER = "partner", _("Partner")


class Permission(models.TextChoices):
    """What a role may do; views, API and CLI check these codes, never role names."""

    VIEW_DASHBOARD = "dashboard.view", _("Dashboard en rapportages bekijken")
    VIEW_SMALL_COUNTS = "dashboard.small_counts", _("Aantallen onder de publicatiegrens (< 5) zien")
    MANAGE_USERS = "accounts.users.manage", _("Gebruikers van de eigen organisatie beheren")
    VIEW_AUDIT = "accounts.audit.view", _("Audittrail bekijken en exporteren")
    EDIT_POLICY = "policy.edit", _("Veiligheidsplan bewerken")
    IMPORT_DATA = "sources.import", _("Gegevens importeren")
    CONFIGURE_ALERTS = "alerts.configure", _("Signaleringsinstellingen beheren")
    TRIAGE_ALERTS = "alerts.triage", _("Signaleringen beoordelen")
    MANAGE_PROJECTS = "cooperation.projects.manage", _("Regionale projecten beheren")
    VIEW_PROJECTS = "cooperation.projects.view", _("Projecten van de eigen platforms bekijken")
    REQUEST_PROJECTS = "cooperation.projects.request", _("Een projectverzoek bij het Platform indienen")
    COORDINATE_PROJECTS = (
        "cooperation.projects.coordinate",
        _("Projecten van het Platform coördineren: opdracht, selectie, bemensing, vaststelling"),
    )
    VIEW_CASEWORK = "casework.view", _("Casuïstiek (persoonsgegevens) inzien")
    OPEN_CASEWORK = "casework.open", _("Casussen, signalen en jeugdgroepen openen")
    USE_API = "api.use", _("De API gebruiken")
    VIEW_EVENT_FORECASTS = (
        "hotspots.forecast",
        _("Voorspellingen uit incidenten (gebeurtenisniveau) bekijken"),
    )
    EDIT_REGISTRY = "registry.edit", _("Registers bijhouden: activiteiten met deelnemers, evenementen")


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.BEHEERDER: frozenset(
        {
            Permission.VIEW_DASHBOARD,
            Permission.VIEW_SMALL_COUNTS,
            Permission.MANAGE_USERS,
            Permission.VIEW_AUDIT,
            Permission.IMPORT_DATA,
            Permission.USE_API,
        }
    ),
    Role.OOV_ADVISEUR: frozenset(
        {
            Permission.VIEW_DASHBOARD,
            Permission.VIEW_SMALL_COUNTS,
            Permission.EDIT_POLICY,
            Permission.IMPORT_DATA,
            Permission.TRIAGE_ALERTS,
            Permission.VIEW_CASEWORK,
            Permission.OPEN_CASEWORK,
            Permission.USE_API,
            Permission.VIEW_EVENT_FORECASTS,
            Permission.VIEW_PROJECTS,
            Permission.REQUEST_PROJECTS,
            Permission.EDIT_REGISTRY,
        }
    ),
    Role.ANALIST: frozenset(
        {
            Permission.VIEW_DASHBOARD,
            Permission.VIEW_SMALL_COUNTS,
            Permission.IMPORT_DATA,
            Permission.CONFIGURE_ALERTS,
            Permission.TRIAGE_ALERTS,
            Permission.USE_API,
            Permission.VIEW_EVENT_FORECASTS,
        }
    ),
    # A council member sees what may be published: counts under the threshold are suppressed.
    Role.RAADSLID: frozenset({Permission.VIEW_DASHBOARD}),
    Role.PROJECTLEIDER: frozenset(
        {
            Permission.VIEW_DASHBOARD,
            Permission.VIEW_SMALL_COUNTS,
            Permission.MANAGE_PROJECTS,
            Permission.USE_API,
            Permission.VIEW_PROJECTS,
        }
    ),
    Role.REGIOCOORDINATOR: frozenset(
        {
            Permission.VIEW_DASHBOARD,
            Permission.VIEW_SMALL_COUNTS,
            Permission.MANAGE_PROJECTS,
            Permission.USE_API,
            Permission.VIEW_PROJECTS,
            Permission.REQUEST_PROJECTS,
            Permission.COORDINATE_PROJECTS,
        }
    ),
    # A partner of the Platform may ask it for a project (notitie L2312-2313).
    Role.PARTNER: frozenset(
        {Permission.VIEW_CASEWORK, Permission.VIEW_PROJECTS, Permission.REQUEST_PROJECTS}
    ),
}

# Roles that can reach personal data (users, audit trail, cases) must log in with a second factor.
TWO_FACTOR_PERMISSIONS = frozenset(
    {
        Permission.MANAGE_USERS,
        Permission.VIEW_AUDIT,
        Permission.VIEW_CASEWORK,
        Permission.OPEN_CASEWORK,
        Permission.EDIT_REGISTRY,
    }
)


def has_permission(role: str, permission: Permission) -> bool:
    """Return whether ``role`` holds ``permission``; unknown roles hold nothing."""
    return role in Role.values and permission in ROLE_PERMISSIONS[Role(role)]


def suppresses(role: str) -> bool:
    """Return whether a user with ``role`` sees small counts suppressed (only published figures)."""
    return not has_permission(role, Permission.VIEW_SMALL_COUNTS)


def requires_two_factor(role: str) -> bool:
    """Return whether a user with ``role`` must verify a second factor after the password."""
    return role in Role.values and bool(ROLE_PERMISSIONS[Role(role)] & TWO_FACTOR_PERMISSIONS)


def roles_with(permission: Permission) -> list[Role]:
    """Return the roles that hold ``permission``, in declaration order."""
    return [role for role in Role if permission in ROLE_PERMISSIONS[role]]
