# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Access by construction: only kompas.casework.access reads signals, cases, groups and persons.

Other modules create new objects (the actions) or read person-free columns for counts
(aggregates), retention and key rotation; none decrypts an identity except access.py, and no
other app imports casework's models (tests/test_layout.py).
"""

from __future__ import annotations

import re

from kompas.config import PROJECT_DIR

CASEWORK = PROJECT_DIR / "src" / "kompas" / "casework"
READ = re.compile(r"\b(Signal|Case|YouthGroup|Person|Participation)\.objects\.(?!create\b|none\b)(\w+)")
# The modules allowed to query casework rows, and why.
READERS = {
    "access.py": "the access functions themselves",
    "aggregates.py": "person-free columns for counts",
    "retention.py": "ids, states and dates of what expired",
    "rotation.py": "tokens, re-encrypted without being read",
    "participation.py": "a participation row, then the object through access",
    "cases.py": "the number of open cases on a list (the cap)",
}


def test_only_the_listed_modules_query_casework_rows() -> None:
    offenders = sorted(
        f"{path.relative_to(CASEWORK)}: {match.group(0)}"
        for path in CASEWORK.rglob("*.py")
        if "migrations" not in path.parts and path.name not in READERS
        for match in READ.finditer(path.read_text(encoding="utf-8"))
    )
    assert offenders == []


def test_only_access_decrypts_identities() -> None:
    users = sorted(
        str(path.relative_to(CASEWORK))
        for path in CASEWORK.rglob("*.py")
        if "identity_of(" in path.read_text(encoding="utf-8")
        or "crypto.decrypt(" in path.read_text(encoding="utf-8")
    )
    assert users == ["access.py"]


def test_views_reach_objects_only_through_access() -> None:
    for name in ("views.py", "figure_views.py", "open_views.py", "change_views.py"):
        text = (CASEWORK / name).read_text(encoding="utf-8")
        assert "kompas.casework.models" not in text, name


def test_the_casework_api_reaches_objects_only_through_access() -> None:
    api = PROJECT_DIR / "src" / "kompas" / "api"
    for path in (api / "views" / "casework.py", api / "serializers" / "casework.py"):
        text = path.read_text(encoding="utf-8")
        assert "kompas.casework.models" not in text, path.name
        assert READ.search(text) is None, path.name
        assert "crypto" not in text and "identity_of(" not in text, path.name
