# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""E-mail to the people involved in a project after each step, sent once the step is committed.

Involved are the submitter, the project leader and the regiocoördinatoren of the Platform; the
one who took the step is not told what they did. The mail names the project and the step, not
people, and nothing is sent when the step is rolled back.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from kompas.accounts.models import User
from kompas.accounts.roles import Permission, has_permission
from kompas.cooperation.models import Project


def recipients(project: Project, actor: User) -> list[str]:
    """Return the e-mail addresses of the people involved in ``project``, the actor left out."""
    people = [project.submitter, project.project_leader]
    coordinators = User.objects.filter(organisation_id=project.platform.organisation_id, is_active=True)
    people += [user for user in coordinators if has_permission(user.role, Permission.COORDINATE_PROJECTS)]
    found = {
        person.email for person in people if person is not None and person.pk != actor.pk and person.email
    }
    return sorted(found)


def notify(project: Project, step: Promise, actor: User) -> None:
    """Mail the people involved that ``step`` was taken on ``project``, after the commit."""
    addresses = recipients(project, actor)
    if not addresses:
        return
    subject = _("[Kompas] %(title)s: %(step)s") % {"title": project.title, "step": step}
    body = _(
        "Bij het project ‘%(title)s’ van %(platform)s is de stap ‘%(step)s’ gezet.\n"
        "Nieuwe status: %(state)s.\n%(feedback)s\nBekijk het project in Kompas."
    ) % {
        "title": project.title,
        "platform": project.platform,
        "step": step,
        "state": project.get_state_display(),
        "feedback": _("Terugkoppeling: %(text)s\n") % {"text": project.feedback} if project.feedback else "",
    }
    transaction.on_commit(lambda: send_mail(subject, body, None, addresses))
