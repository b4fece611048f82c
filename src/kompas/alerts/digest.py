# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The weekly e-mail summary of new alerts, for users who ask for it.

The mail lists measure, area, period and the observed against the expected count: aggregate
figures, never personal data. ``kompas alerts digest`` sends it; schedule it weekly (cron or a
systemd timer, see docs/early-warning.md).
"""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope, scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.alerts.models import Alert, DigestSubscription
from kompas.reports import formatting

WEEK = dt.timedelta(days=7)
LISTED = 20


def is_subscribed(user: User) -> bool:
    """Return whether ``user`` receives the weekly summary."""
    with scope(organisation=user.organisation_id):
        return DigestSubscription.objects.filter(user=user).exists()


@transaction.atomic
def set_subscription(*, actor: User, subscribed: bool) -> None:
    """Switch the weekly summary on or off for ``actor``, audited."""
    with scope(organisation=actor.organisation_id):
        current = DigestSubscription.objects.filter(user=actor)
        if subscribed == current.exists():
            return
        if subscribed:
            DigestSubscription.objects.create(user=actor, organisation_id=actor.organisation_id)
        else:
            current.delete()
    code = "alerts.digest.subscribed" if subscribed else "alerts.digest.unsubscribed"
    audit.record(code, actor=actor, target=actor)


def send_digests(now: dt.datetime | None = None) -> int:
    """Mail every subscriber the alerts found since their last summary; return the mails sent."""
    now = now or timezone.now()
    sent = 0
    with scopes_disabled():
        subscriptions = list(DigestSubscription.objects.select_related("user"))
    for subscription in subscriptions:
        since = subscription.last_sent_at or now - WEEK
        with scope(organisation=subscription.organisation_id):
            alerts = list(Alert.objects.filter(created_at__gt=since, created_at__lte=now).order_by("-score"))
            if alerts and subscription.user.email and subscription.user.is_active:
                send_mail(_subject(len(alerts)), _body(alerts), None, [subscription.user.email])
                sent += 1
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
    return sent


def _subject(count: int) -> str:
    return ngettext(
        "Kompas: %(count)d nieuwe signalering", "Kompas: %(count)d nieuwe signaleringen", count
    ) % {"count": count}


def _body(alerts: list[Alert]) -> str:
    lines = [_("Nieuwe signaleringen sinds de vorige samenvatting, hoogste score eerst:"), ""]
    for alert in alerts[:LISTED]:
        lines.append(
            _("- %(measure)s in %(area)s, %(period)s: %(observed)s waargenomen, %(expected)s verwacht")
            % {
                "measure": alert.measure_code,
                "area": alert.area_code,
                "period": formatting.date(alert.period_start),
                "observed": formatting.number(alert.observed, 0),
                "expected": formatting.number(alert.expected, 1),
            }
        )
    if len(alerts) > LISTED:
        lines.append(_("… en %(count)d meer.") % {"count": len(alerts) - LISTED})
    lines += ["", _("Beoordeel ze in Kompas onder Signaleringen.")]
    return "\n".join(lines)
