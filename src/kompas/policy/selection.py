# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Choosing the plan a command works on, across organisations (commands run outside a request)."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kompas.policy.models import Plan


def plan_for_command(plan_id: int | None, organisation: str | None) -> Plan:
    """Return plan ``plan_id``, else the latest plan of ``organisation`` (code), else the only plan.

    Raises CommandError naming the plans to choose from when the choice is not clear.
    """
    with scopes_disabled():
        plans = Plan.objects.select_related("organisation").order_by("organisation__code", "-period_start")
        if plan_id is not None:
            plans = plans.filter(pk=plan_id)
        elif organisation:
            plans = plans.filter(organisation__code=organisation)[:1]
        found = list(plans)
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(_("Geen veiligheidsplan gevonden. Laad er een met `kompas demo`."))
    choices = ", ".join(f"{plan.pk} ({plan.organisation.code}: {plan.title})" for plan in found)
    raise CommandError(
        _("Er zijn meerdere plannen; kies er een met --plan ID: %(choices)s") % {"choices": choices}
    )
