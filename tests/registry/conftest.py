# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Fixtures shared by the registry tests that need Hengelo's plan (links, verdicts, demo labels)."""

from __future__ import annotations

import pytest
from django_scopes import scope

from kompas.accounts.models import Organisation
from kompas.policy.load import load_plan
from kompas.policy.models import Plan
from kompas.sources.codelists import DATA
from kompas.sources.load import import_file
from kompas.sources.models import ImportStatus

GEMEENTEN = DATA / "cbs-gebiedsindelingen-2014-2015" / "twente_gemeenten_2015.geojson"


@pytest.fixture
def plan(org_a: Organisation) -> Plan:
    """The Twente gemeenten (shared open data) and Hengelo's plan with its indicator catalogue."""
    with scope(organisation=None):
        run = import_file(GEMEENTEN, format="cbs-gebieden", organisation=None, actor=None, create_areas=True)
    assert run.status == ImportStatus.LOADED, run.errors
    with scope(organisation=org_a.pk):
        return load_plan(actor=None, organisation=org_a).plan
