# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The weekly e-mail summary of new alerts, for users who ask for it.

The mail lists measure, area, period and the observed against the expected count: aggregate
figures, never personal data. ``kompas alerts digest`` sends it; schedule it weekly (cron or a
systemd timer, see docs/early-warning.md).

A subscription outlives changes to its user, so every mail is judged on the recipient as they
are at sending time, read afresh: an inactive user, a user moved to another organisation, or a
role that may no longer read alerts gets nothing, and a role that may not see small counts gets
them as the pages show them ("< 5").
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
from kompas.accounts.roles import Permission, has_permission, suppresses
from kompas.alerts.models import Alert, DigestSubscription
from kompas.presentation import formatting
from kompas.presentation.suppression import publishable

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
        subscriptions = list(DigestSubscription.objects.all())
    for subscription in subscriptions:
        since = subscription.last_sent_at or now - WEEK
        recipient = current_recipient(subscription)
        with scope(organisation=subscription.organisation_id):
            alerts = list(Alert.objects.filter(created_at__gt=since, created_at__lte=now).order_by("-score"))
            if alerts and recipient is not None:
                body = _body(alerts, suppress=suppresses(recipient.role))
                send_mail(_subject(len(alerts)), body, None, [recipient.email])
                sent += 1
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
    return sent


def current_recipient(subscription: DigestSubscription) -> User | None:
    """Return the subscriber as they are now if they may still receive the summary, else None.

    Each condition on its own line: the user is read afresh, active, still in the organisation
    whose alerts the subscription lists, in a role that may read alerts, and has an address.
    """
    with scopes_disabled():
        user = User.objects.filter(pk=subscription.user_id).first()
    if user is None:
        return None
    if not user.is_active:
        return None
    if user.organisation_id != subscription.organisation_id:
        return None
    if not has_permission(user.role, Permission.TRIAGE_ALERTS):
        return None
    if not user.email:
        return None
    return user


def _subject(count: int) -> str:
    return ngettext(
        "Kompas: %(count)d nieuwe signalering", "Kompas: %(count)d nieuwe signaleringen", count
    ) % {"count": count}


def _body(alerts: list[Alert], *, suppress: bool) -> str:
    lines = [_("Nieuwe signaleringen sinds de vorige samenvatting, hoogste score eerst:"), ""]
    for alert in alerts[:LISTED]:
        lines.append(
            _("- %(measure)s in %(area)s, %(period)s: %(observed)s waargenomen, %(expected)s verwacht")
            % {
                "measure": alert.measure_code,
                "area": alert.area_code,
                "period": formatting.date(alert.period_start),
                "observed": _figure(publishable(alert.observed, suppress=suppress), 0),
                "expected": _figure(publishable(alert.expected, suppress=suppress, count=alert.observed), 1),
            }
        )
    if len(alerts) > LISTED:
        lines.append(_("… en %(count)d meer.") % {"count": len(alerts) - LISTED})
    lines += ["", _("Beoordeel ze in Kompas onder Signaleringen.")]
    return "\n".join(lines)


def _figure(value: float | str | None, decimals: int) -> str:
    return value if isinstance(value, str) else formatting.number(value, decimals)
