# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Letting another organisation take part in a signal, case or group under a convenant, and ending it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from kompas.accounts.models import Organisation, User
from kompas.casework import access
from kompas.casework.access import Purpose
from kompas.casework.models import Case, Convenant, Participation, Signal, YouthGroup

KINDS: dict[str, type[Signal] | type[Case] | type[YouthGroup]] = {
    "signal": Signal,
    "case": Case,
    "group": YouthGroup,
}


@transaction.atomic
def add_participant(
    *,
    actor: User,
    kind: str,
    object_id: int,
    organisation: Organisation,
    convenant_id: int,
    mandate: str,
    since: dt.date,
    purpose: Purpose = Purpose.APPROACH,
) -> Participation:
    """Let ``organisation`` take part in an object the actor's organisation keeps, with a mandate.

    Only the keeping organisation adds participants (spec §8.5: only as many parties at the
    table as needed), under one of its own convenants.
    """
    obj = access.owned_kind_for_change(kind, actor, object_id)
    convenant = Convenant.objects.filter(pk=convenant_id, organisation_id=actor.organisation_id).first()
    problems = {}
    if convenant is None:
        problems["convenant"] = _("Kies een convenant van de eigen organisatie.")
    if not mandate.strip():
        problems["mandate"] = _("Noem het mandaat van de deelnemer.")
    if organisation.pk == actor.organisation_id:
        problems["organisation"] = _("De eigen organisatie neemt al deel.")
    if problems or convenant is None:
        raise ValidationError(problems)
    participation = Participation.objects.create(
        organisation=organisation, convenant=convenant, mandate=mandate.strip(), since=since, **{kind: obj}
    )
    changes = {"purpose": str(purpose), "organisation": organisation.pk, "convenant": convenant.pk}
    access.record_change(f"casework.{kind}.participant_added", actor=actor, target=obj, changes=changes)
    return participation


def object_of(participation_id: int) -> tuple[str, int]:
    """Return the kind and id of the object a participation belongs to (404 when there is none).

    Only ids: the page that shows the object reads it through :mod:`kompas.casework.access`.
    """
    participation = Participation.objects.filter(pk=participation_id).first()
    if participation is None:
        raise Http404
    kind = next(name for name in KINDS if getattr(participation, f"{name}_id"))
    return kind, getattr(participation, f"{kind}_id")


@transaction.atomic
def end_participation(
    *, actor: User, participation_id: int, until: dt.date, purpose: Purpose = Purpose.APPROACH
) -> Participation:
    """End a participation on ``until``; from the next day the organisation no longer sees the object."""
    participation = Participation.objects.select_for_update().filter(pk=participation_id).first()
    if participation is None:
        raise Http404
    kind = next(name for name in KINDS if getattr(participation, f"{name}_id"))
    obj = access.owned_kind_for_change(kind, actor, getattr(participation, f"{kind}_id"))
    if participation.until is not None:
        # The only change a participation knows is its end: an end already set means the page
        # was loaded before someone else ended it (optimistic lock on that one field).
        raise ValidationError({"until": _("Deze deelname is intussen al beëindigd. Er is niets opgeslagen.")})
    if until < participation.since:
        raise ValidationError({"until": _("Een deelname eindigt niet voordat zij begon.")})
    participation.until = until
    participation.save(update_fields=["until"])
    changes = {"purpose": str(purpose), "organisation": participation.organisation_id, "until": str(until)}
    access.record_change(f"casework.{kind}.participant_ended", actor=actor, target=obj, changes=changes)
    return participation
