# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reads of areas: groups resolved per year, shared and own groups, and their audit trail."""

from __future__ import annotations

import pytest

from kompas.accounts.models import AuditRecord, Organisation
from kompas.areas import load
from kompas.areas.groups import AreaGroupKind, save_group
from kompas.areas.queries import area_nodes, group_members

pytestmark = pytest.mark.django_db


def test_group_members_resolve_to_the_version_of_the_year(org_a: Organisation) -> None:
    load.create_areas({"WK016401": 2014, "WK016402": 2014, "WK016405": 2014}, names={})
    load.create_areas({"WK016405": 2014}, names={})
    save_group(
        actor=None,
        code="aandachtswijken",
        name="Aandachtswijken",
        kind=AreaGroupKind.FOCUS,
        members=["WK016405", "WK016401", "WK016402", "WK099999"],
        organisation=org_a,
    )
    members = group_members("aandachtswijken", 2016, organisation_id=org_a.pk)
    assert [area.code for area in members] == ["WK016401", "WK016402", "WK016405"]  # unknown code left out
    assert group_members("aandachtswijken", 2016) == []  # not shared


def test_saving_a_group_unchanged_writes_no_audit_record(org_a: Organisation) -> None:
    save_group(actor=None, code="twente", name="Twente", kind=AreaGroupKind.REGION, members=["GM0164"])
    before = AuditRecord.objects.count()
    save_group(actor=None, code="twente", name="Twente", kind=AreaGroupKind.REGION, members=["GM0164"])
    assert AuditRecord.objects.count() == before
    save_group(
        actor=None, code="twente", name="Twente", kind=AreaGroupKind.REGION, members=["GM0164", "GM0153"]
    )
    record = AuditRecord.objects.latest("id")
    assert (record.action, record.changes["members"]) == (
        "areas.group.changed",
        [["GM0164"], ["GM0153", "GM0164"]],
    )


def test_area_nodes_include_every_ancestor() -> None:
    load.create_areas({"BU01640100": 2014}, names={})
    buurt = next(pk for pk, node in area_nodes().items() if node.code == "BU01640100")
    assert sorted(node.code for node in area_nodes([buurt]).values()) == ["BU01640100", "GM0164", "WK016401"]
