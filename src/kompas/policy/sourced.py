# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading sourced values of a plan document: ``{"value": …, "source": "L123"}`` or a plain value."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

# How a value that is not in the source shows its basis in ``source_ref``.
BASIS_LABELS = {"derived": _("(afgeleid)"), "external": _("(extern)"), "gap": _("(ontbreekt)")}


def value(node: Any) -> Any:
    """Return the value of a sourced node, or the node itself when it is a plain value."""
    if isinstance(node, Mapping) and "value" in node:
        return node["value"]
    return node


def ref(node: Any) -> str:
    """Return the source lines of ``node`` (``"L431-432"``), its basis when it has none, or ``""``."""
    if not isinstance(node, Mapping):
        return ""
    if node.get("source"):
        return str(node["source"])
    basis = node.get("basis")
    return str(BASIS_LABELS[basis]) if basis in BASIS_LABELS else ""


def money(amount: Any) -> Decimal | None:
    """Return ``amount`` as a Decimal (via its text, so 0.05 stays 0.05), or None."""
    return None if amount is None else Decimal(str(amount))


def text(node: Any) -> str:
    """Return the value of a sourced text node, ``""`` when absent."""
    found = value(node)
    return "" if found is None else str(found)
