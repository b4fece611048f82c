# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The weekly reminder: each Platform's regiocoördinatoren get what is overdue, by e-mail.

Run by ``kompas platform remind`` (weekly, like the alerts digest). A Platform with nothing
overdue sends nothing; the mail names projects and reports, not people.
"""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation.calendar import calendar
from kompas.cooperation.models import Platform
from kompas.presentation.formatting import date


def send_reminders(today: dt.date) -> int:
    """Mail the overdue items of every Platform to its regiocoördinatoren; return the mails sent."""
    sent = 0
    with scopes_disabled():  # every Platform, each mail only about its own projects
        for platform in Platform.objects.select_related("organisation"):
            overdue = [item for item in calendar(platform, today) if item.overdue]
            users = User.objects.filter(organisation_id=platform.organisation_id, is_active=True)
            addresses = sorted(
                user.email
                for user in users
                if user.email and has_permission(user.role, Permission.COORDINATE_PROJECTS)
            )
            if not overdue or not addresses:
                continue
            lines = [
                _("- %(what)s (uiterlijk %(due)s)") % {"what": item.what, "due": date(item.due)}
                for item in overdue
            ]
            subject = _("[Kompas] %(count)d achterstallige punten bij %(platform)s") % {
                "count": len(overdue),
                "platform": platform,
            }
            send_mail(subject, "\n".join(lines), None, addresses)
            sent += 1
    return sent
