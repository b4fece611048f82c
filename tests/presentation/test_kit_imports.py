# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The presentation kit knows no domain: it imports itself and the kernel, no other Kompas app."""

from __future__ import annotations

import ast

from kompas.config import PROJECT_DIR

KIT = PROJECT_DIR / "src" / "kompas" / "presentation"
KERNEL = {"config", "settings", "commandbase", "pathconverters", "http_security", "formulas", "caching"}


def _kompas_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "kompas" or name.startswith("kompas.")}


def test_the_kit_imports_only_itself_and_the_kernel() -> None:
    offenders = [
        f"{path.relative_to(KIT)} imports {module}"
        for path in sorted(KIT.rglob("*.py"))
        for module in _kompas_imports(path.read_text(encoding="utf-8"))
        if module.split(".")[1:2] not in (["presentation"], *([name] for name in KERNEL))
    ]
    assert offenders == []
