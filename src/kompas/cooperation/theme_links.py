# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Links from a municipality's IVP themes to the regional projects that serve them (point 6).

The theme is checked through the link's own foreign key (its model, read in the actor's scope,
finds only the organisation's own themes), so this app needs no import of ``policy``, its sibling.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.cooperation.models import Project, ThemeProject


def _own_theme_exists(theme_id: int) -> bool:
    themes = ThemeProject._meta.get_field("theme").related_model
    return themes._default_manager.filter(pk=theme_id).exists()


@transaction.atomic
def link_project(*, actor: User, theme_id: int, project_id: int) -> ThemeProject:
    """Link the actor's organisation's theme to a project of its Platform; refused when already linked."""
    if not _own_theme_exists(theme_id):
        raise ValidationError(_("Dit thema bestaat niet of hoort niet bij uw organisatie."))
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        raise ValidationError(
            _("Dit project bestaat niet of hoort niet bij een platform van uw organisatie.")
        )
    if ThemeProject.objects.filter(theme_id=theme_id, project=project).exists():
        raise ValidationError(_("Dit project is al aan dit thema gekoppeld."))
    link = ThemeProject.objects.create(
        organisation=actor.organisation, theme_id=theme_id, project=project, created_by=actor
    )
    changes = {"theme": theme_id, "project": project.pk}
    audit.record("cooperation.theme_project.linked", actor=actor, target=link, changes=changes)
    return link


@transaction.atomic
def unlink_project(*, actor: User, link_id: int) -> int:
    """Remove a link of the actor's organisation between a theme and a project; return the theme's id."""
    link = ThemeProject.objects.filter(pk=link_id).first()
    if link is None:
        raise ValidationError(_("Deze koppeling bestaat niet."))
    changes = {"theme": link.theme_id, "project": link.project_id}
    audit.record("cooperation.theme_project.unlinked", actor=actor, target=link, changes=changes)
    link.delete()
    return link.theme_id
