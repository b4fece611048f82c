# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Documentation generated from code, so tables are never written twice."""

from __future__ import annotations

from kompas.accounts import audit_actions
from kompas.accounts.decorators import AUTHENTICATED, PUBLIC
from kompas.accounts.roles import (
    ROLE_PERMISSIONS,
    TWO_FACTOR_PERMISSIONS,
    Permission,
    Role,
    requires_two_factor,
)
from kompas.accounts.urlpermissions import url_permissions
from kompas.config import ENV_SETTINGS

GENERATED = "Gegenereerd uit de code met `kompas docs`; niet met de hand bewerken.\n"


def permissions_markdown() -> str:
    """Render roles × permissions and URL × permission as Markdown (docs/permissions.md)."""
    roles = list(Role)
    lines = ["# Rechten / permissions", "", GENERATED, "## Rollen en rechten", ""]
    lines.append("| recht | " + " | ".join(str(role.label) for role in roles) + " |")
    lines.append("| --- |" + " --- |" * len(roles))
    for permission in Permission:
        marks = ["ja" if permission in ROLE_PERMISSIONS[role] else "–" for role in roles]
        lines.append(f"| {permission.label} (`{permission.value}`) | " + " | ".join(marks) + " |")
    lines.append(
        "| tweestapsverificatie verplicht | "
        + " | ".join("ja" if requires_two_factor(role) else "–" for role in roles)
        + " |"
    )
    lines += [
        "",
        "Tweestapsverificatie is verplicht voor elke rol met een van deze rechten: "
        + ", ".join(f"`{p.value}`" for p in sorted(TWO_FACTOR_PERMISSIONS))
        + ".",
        "",
    ]
    lines += ["## Pagina's en API", "", "| URL | naam | vereist |", "| --- | --- | --- |"]
    for entry in url_permissions():
        lines.append(f"| `{entry.route}` | `{entry.name}` | {_requirement(entry.permission)} |")
    return "\n".join(lines) + "\n"


def _requirement(permission: str) -> str:
    if permission == PUBLIC:
        return "openbaar"
    if permission == AUTHENTICATED:
        return "ingelogd"
    return f"`{permission}`" if permission else "**niet gedeclareerd**"


def settings_markdown() -> str:
    """Render the environment variables with defaults and help (docs/configuration.md)."""
    lines = [
        "# Configuratie / configuration",
        "",
        GENERATED,
        "Kompas leest zijn instellingen alleen uit omgevingsvariabelen.",
        "",
        "| variabele | standaard | betekenis | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for setting in ENV_SETTINGS:
        default = f"`{setting.default}`" if setting.default else "(leeg)"
        lines.append(f"| `{setting.name}` | {default} | {setting.help_nl} | {setting.help_en} |")
    return "\n".join(lines) + "\n"


def audit_markdown() -> str:
    """Render the audit action registry (docs/audit-actions.md)."""
    return audit_actions.documentation()


def cli_markdown() -> str:
    """Render ``--help`` of every Kompas command (docs/cli-reference.md)."""
    from django.core.management import ManagementUtility, get_commands

    from kompas.site.cli import COMMANDS, command_name, overview

    lines = ["# CLI-referentie / CLI reference", "", GENERATED, "```text", overview(), "```", ""]
    utility = ManagementUtility(["kompas"])
    for friendly in COMMANDS:
        name, _rest = command_name(friendly.split(), get_commands())
        parser = utility.fetch_command(name).create_parser("kompas", friendly)
        lines += [f"## kompas {friendly}", "", "```text", parser.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


DOCUMENTS = {
    "permissions.md": permissions_markdown,
    "audit-actions.md": audit_markdown,
    "configuration.md": settings_markdown,
    "cli-reference.md": cli_markdown,
}
