# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Cached page parts: served again without recomputing, replaced on the next change, never shared
between readers who may see different figures."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kompas.accounts import audit
from kompas.accounts.models import AuditRecord, User
from kompas.accounts.queries import latest_change_id
from kompas.accounts.roles import Role
from kompas.policy import edit
from kompas.policy.models import Plan
from tests.alerts.factories import make_alert
from tests.reports.factories import Hengelo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_scope")]
# A page whose parts come from the cache (8 and 10 measured): session and user, the newest change,
# the plan, the filter choices, and on the area page the area, the gemeente and the open alerts.
WARM_BUDGET = 12
PAGES = ("/", "/gebied/WK016402/", "/gebied/BU01640200/")


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", PAGES)
def test_a_second_request_reads_the_parts_from_the_cache(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo, path: str
) -> None:
    client = as_role(Role.ANALIST)
    cold = _queries(client, path)
    warm = _queries(client, path)
    assert warm <= WARM_BUDGET < cold
    part = client.get(path, headers={"HX-Request": "true"}).content.decode()
    cache.clear()
    assert client.get(path, headers={"HX-Request": "true"}).content.decode() == part


def test_a_plan_edit_shows_on_the_next_request(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    client = as_role(Role.ANALIST)
    assert "T1 Veilige wijken" in " ".join(client.get("/").content.decode().split())
    theme = plan.themes.get(code="T1")
    editor = User.objects.filter(organisation=plan.organisation).first()
    edit.update(actor=editor, obj=theme, values={"title": "Veilige straten"}, version=theme.version)
    page = " ".join(client.get("/").content.decode().split())
    assert "T1 Veilige straten" in page and "T1 Veilige wijken" not in page


def test_reads_and_exports_do_not_count_as_changes(plan: Plan) -> None:
    before = latest_change_id()
    audit.record("reports.report.generated", actor=None, organisation_id=plan.organisation_id)
    audit.record("accounts.login.succeeded", actor=None, organisation_id=plan.organisation_id)
    assert latest_change_id() == before
    change = audit.record("sources.import.loaded", actor=None, organisation_id=plan.organisation_id)
    assert latest_change_id() == change.pk > before
    assert AuditRecord.objects.filter(pk__gt=before).count() == 3


def _map_value(page: str, area: str) -> str:
    """Return the value cell of ``area`` in the dashboard's table beside the map."""
    found = re.search(rf">{area}</a></td><td class=\"number\">([^<]*)</td>", page)
    assert found, area
    return found.group(1)


def test_a_council_member_never_gets_the_analysts_part(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    assert _map_value(as_role(Role.ANALIST).get("/").content.decode(), "Buitengebied") == "3"
    council = as_role(Role.RAADSLID).get("/").content.decode()
    assert _map_value(council, "Buitengebied") == "&lt; 5"
    assert _map_value(council, "Noord") == "48"


def test_alerts_are_read_on_every_request(
    as_role: Callable[[Role], Client], plan: Plan, hengelo: Hengelo
) -> None:
    client = as_role(Role.ANALIST)
    assert "Geen open signaleringen." in client.get("/gebied/WK016401/").content.decode()
    make_alert(plan.organisation, "WK016401")
    page = client.get("/gebied/WK016401/").content.decode()
    assert "Geen open signaleringen." not in page and "woninginbraak" in page
