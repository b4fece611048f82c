# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which permission every URL requires, read from the views' own declarations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from kompas.accounts.roles import Permission


@dataclass(frozen=True)
class UrlPermission:
    """A named URL, its route and the permission its view declares ('' when undeclared)."""

    name: str
    route: str
    permission: str


def _declared(callback: Any) -> str:
    """Return the permission a view declares: decorator attribute or DRF class attribute."""
    declared = getattr(callback, "kompas_permission", None)
    if declared is not None:
        return str(declared)
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None and hasattr(view_class, "permission_classes"):
        return str(getattr(view_class, "required_permission", Permission.USE_API))
    return ""


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[UrlPermission]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else prefix + str(entry.pattern)
            yield UrlPermission(name, "/" + prefix + str(entry.pattern), _declared(entry.callback))


def url_permissions() -> list[UrlPermission]:
    """Return every URL pattern of the project with its declared permission."""
    return list(_walk(get_resolver().url_patterns, "", ""))
