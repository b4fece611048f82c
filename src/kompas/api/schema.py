# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""OpenAPI post-processing: document the error answers every operation can give."""

from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "Foutmelding in het Nederlands."}},
    "required": ["detail"],
}
FORBIDDEN = {
    "description": "Niet ingelogd, tweede factor ontbreekt of geen recht.",
    "content": {"application/json": {"schema": ERROR}},
}
NOT_FOUND = {
    "description": "Bestaat niet of valt buiten uw organisatie.",
    "content": {"application/json": {"schema": ERROR}},
}
BAD_REQUEST = {
    "description": "Ongeldige parameter.",
    "content": {"application/json": {"schema": {"type": "object"}}},
}


def add_error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Add 403 to every operation, 404 where the path has a parameter, 400 where it takes a query."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("403", FORBIDDEN)
            if "{" in path:
                responses.setdefault("404", NOT_FOUND)
            if any(p.get("in") == "query" for p in operation.get("parameters", [])):
                responses.setdefault("400", BAD_REQUEST)
    return result
