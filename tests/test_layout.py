# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The tree tells the architecture: every app has the same inside, tables stay private, and
imports only go down the layers of docs/dev/architecture.md (ADR 0015).

The import graph is drawn by grimp (the engine of import-linter) from the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
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


# The layers of docs/dev/architecture.md, bottom to top. An import may only go to a lower layer;
# apps in one tuple are siblings and do not import each other. ADR 0015.
LAYERS: list[tuple[str, ...]] = [
    (
        "config",
        "settings",
        "commandbase",
        "pathconverters",
        "http_security",
        "formulas",
        "caching",
        "dbstats",
    ),
    ("accounts",),
    ("areas",),
    ("observations",),
    ("sources",),
    ("presentation",),
    ("indicators",),
    ("policy", "alerts", "hotspots", "registry", "casework", "cooperation"),
    ("reports",),
    ("dashboard",),
    ("api",),
    ("site", "wsgi", "fixtures"),
]
# The sanctioned upward imports: the after-commit hand-off of an import (a file, or an own figure
# entered by hand) to recomputation, queued once the data is committed (ADR 0015, ADR 0011).
SANCTIONED = {
    ("kompas.sources.load", "kompas.indicators.tasks"),
    ("kompas.sources.load", "kompas.alerts.tasks"),
    ("kompas.observations.own_figures", "kompas.indicators.tasks"),
}
RANK = {app: rank for rank, layer in enumerate(LAYERS) for app in layer}


def _app(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def upward_imports(graph: grimp.ImportGraph) -> list[tuple[str, str]]:
    """Return (importer, imported) for every import that does not go down a layer."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            above, below = _app(importer), _app(imported)
            if above == below or (importer, imported) in SANCTIONED or "kompas" in (above, below):
                continue
            # the kernel's modules (config, settings, …) may use each other; every app stays in its lane
            if RANK[below] > RANK[above] or RANK[below] == RANK[above] != 0:
                found.append((importer, imported))
    return found


def _graph() -> grimp.ImportGraph:
    # imports inside functions and under TYPE_CHECKING count: a type is a dependency too; no
    # cache on disk, which could hold the graph of an older tree
    return grimp.build_graph("kompas", include_external_packages=False, cache_dir=None)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return _graph()


def test_imports_only_go_down_the_layers(graph: grimp.ImportGraph) -> None:
    assert upward_imports(graph) == []


def test_every_module_belongs_to_a_layer(graph: grimp.ImportGraph) -> None:
    assert {_app(module) for module in graph.modules} - {"kompas"} <= set(RANK)


def test_each_sanctioned_upward_import_is_still_needed(graph: grimp.ImportGraph) -> None:
    # an exception nobody uses any more leaves the list, so the list stays true
    for importer, imported in SANCTIONED:
        assert imported in graph.find_modules_directly_imported_by(importer), (importer, imported)


def test_an_upward_or_sideways_import_is_reported() -> None:
    changed = _graph()
    changed.add_import(importer="kompas.areas.models", imported="kompas.reports.voortgang")
    changed.add_import(importer="kompas.alerts.models", imported="kompas.policy.models")
    assert upward_imports(changed) == [
        ("kompas.alerts.models", "kompas.policy.models"),
        ("kompas.areas.models", "kompas.reports.voortgang"),
    ]
