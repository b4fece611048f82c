# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The tree tells the architecture: every app has the same inside, and tables stay private."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kompas.config import PROJECT_DIR

APPS = [
    "accounts",
    "areas",
    "sources",
    "observations",
    "indicators",
    "alerts",
    "hotspots",
    "policy",
    "reports",
    "dashboard",
    "cooperation",
    "casework",
    "registry",
    "api",
    "site",
]
SRC = PROJECT_DIR / "src" / "kompas"


@pytest.mark.parametrize("app", APPS)
def test_app_has_the_common_inside(app: str) -> None:
    for name in ("__init__.py", "apps.py", "models.py", "queries.py", "tasks.py", "migrations/__init__.py"):
        assert (SRC / app / name).exists(), f"{app}/{name}"


def _imported_models(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith(".models")
    }


@pytest.mark.parametrize("app", [app for app in APPS if app != "api"])
def test_app_writes_no_other_apps_models_outside_allowed_reads(app: str) -> None:
    # Other apps' models may be imported for foreign keys only in models.py, and
    # accounts.models (User, Organisation) everywhere, as every app is scoped by them. The api
    # app is the HTTP layer over all apps and serialises their models.
    offenders = []
    for path in (SRC / app).rglob("*.py"):
        if "migrations" in path.parts or path.name == "models.py":
            continue
        for module in _imported_models(path):
            owner = module.split(".")[1] if module.startswith("kompas.") else None
            if owner not in (None, app, "accounts"):
                offenders.append(f"{path.relative_to(SRC)} imports {module}")
    assert offenders == []


def test_no_custom_signals() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "Signal(" in path.read_text(encoding="utf-8")
        and "django.dispatch" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
