# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Who has a Veiligheidspaspoort and under which function: given, changed and removed by the OTO
coordinator, one audited transaction each.

A functionary's name is personal data: it never enters the audit trail (the model redacts it),
only that it changed. A change names the version the coordinator loaded, so a second coordinator
never silently overwrites the first. A function carries the yearly requirements (the norm of the
dossier vakbekwaamheid); changing them changes every dossier of that function, which is the point.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.registry.models import Attendance, Functionary, OtoKind, PaspoortFunction, Requirement

# The kinds a function can ask for every year; a deployment happens, nobody plans one.
REQUIRED_KINDS = (OtoKind.EDUCATION, OtoKind.TRAINING, OtoKind.EXERCISE)


class StalePaspoortError(Exception):
    """Raised when someone else changed the functionary or function since the editor loaded it."""


@dataclass(frozen=True)
class FunctionaryInput:
    """A functionary as the form gives it; ``username`` empty for no Kompas account."""

    name: str
    function_id: int
    username: str = ""


def _account(actor: User, username: str, exclude: int | None, found: dict[str, str]) -> User | None:
    if not username.strip():
        return None
    user = User.objects.filter(username=username.strip(), organisation_id=actor.organisation_id).first()
    if user is None:
        found["username"] = _("Uw organisatie heeft geen account met deze gebruikersnaam.")
        return None
    linked = Functionary.objects.filter(user=user)
    if (linked.exclude(pk=exclude) if exclude else linked).exists():
        found["username"] = _("Aan dit account is al een Veiligheidspaspoort gekoppeld.")
    return user


def _requirement_problems(requirements: dict[str, int], found: dict[str, str]) -> None:
    if any(value < 0 for value in requirements.values()):
        found["requirements"] = _("Een jaarlijkse eis kan niet negatief zijn.")
    elif set(requirements) - set(REQUIRED_KINDS):
        found["requirements"] = _("Een functie vraagt alleen opleiden, trainen of oefenen.")


@transaction.atomic
def add_functionary(
    *,
    actor: User,
    name: str,
    function_name: str,
    requirements: dict[str, int],
    username: str = "",
    is_demo: bool = False,
) -> Functionary:
    """Give a person a Veiligheidspaspoort under a function (created with ``requirements`` when new).

    ``username`` links the paspoort to a Kompas account of the organisation, through which the
    person sees their own dossier. Audited; names stay out of the trail.
    """
    found: dict[str, str] = {}
    if not name.strip():
        found["name"] = _("Noem de functionaris.")
    if not function_name.strip():
        found["function_name"] = _("Noem de functie.")
    _requirement_problems(requirements, found)
    user = _account(actor, username, None, found)
    if found:
        raise ValidationError(found)
    function, created = PaspoortFunction.objects.get_or_create(
        organisation=actor.organisation, name=function_name.strip()
    )
    if created:
        Requirement.objects.bulk_create(
            Requirement(function=function, kind=kind, per_year=value)
            for kind, value in requirements.items()
            if value
        )
    person = Functionary.objects.create(
        organisation=actor.organisation, name=name.strip(), function=function, user=user, is_demo=is_demo
    )
    changes = {"function": function.name, "function_created": created, "account": user.pk if user else None}
    audit.record("registry.functionary.created", actor=actor, target=person, changes=changes)
    return person


@transaction.atomic
def change_functionary(
    *, actor: User, functionary_id: int, version: int, data: FunctionaryInput
) -> Functionary:
    """Change name, function or account of a functionary loaded at ``version``; audited."""
    person = Functionary.objects.select_for_update().get(pk=functionary_id)
    if person.version != version:
        raise StalePaspoortError
    found: dict[str, str] = {}
    if not data.name.strip():
        found["name"] = _("Noem de functionaris.")
    if not PaspoortFunction.objects.filter(
        pk=data.function_id, organisation_id=actor.organisation_id
    ).exists():
        found["function_id"] = _("Kies een functie van de eigen organisatie.")
    user = _account(actor, data.username, person.pk, found)
    if found:
        raise ValidationError(found)
    before = audit.snapshot(person, ("name", "function_id", "user_id"))
    person.name, person.function_id, person.user = data.name.strip(), data.function_id, user
    changes = audit.diff(before, person)
    if changes:
        person.version += 1
        person.save()
        audit.record("registry.functionary.changed", actor=actor, target=person, changes=changes)
    return person


@transaction.atomic
def delete_functionary(*, actor: User, functionary_id: int, version: int) -> None:
    """Take a functionary's Veiligheidspaspoort away, with their attendance; audited without the name."""
    person = Functionary.objects.select_for_update().get(pk=functionary_id)
    if person.version != version:
        raise StalePaspoortError
    attended = Attendance.objects.filter(functionary=person).count()
    changes = {"function": person.function_id, "account": person.user_id, "attendances": attended}
    audit.record("registry.functionary.deleted", actor=actor, target=person, changes=changes)
    person.delete()


def requirements_of(function: PaspoortFunction) -> dict[str, int]:
    """Return the function's yearly requirement per OTO kind (0 where it asks nothing)."""
    stored = dict(Requirement.objects.filter(function=function).values_list("kind", "per_year"))
    return {kind: stored.get(kind, 0) for kind in REQUIRED_KINDS}


@transaction.atomic
def change_function(
    *, actor: User, function_id: int, version: int, name: str, requirements: dict[str, int]
) -> PaspoortFunction:
    """Rename a function or change its yearly requirements (0 removes one); audited."""
    function = PaspoortFunction.objects.select_for_update().get(pk=function_id)
    if function.version != version:
        raise StalePaspoortError
    found: dict[str, str] = {}
    if not name.strip():
        found["name"] = _("Noem de functie.")
    elif (
        PaspoortFunction.objects.filter(organisation_id=actor.organisation_id, name=name.strip())
        .exclude(pk=function.pk)
        .exists()
    ):
        found["name"] = _("Uw organisatie heeft al een functie met deze naam.")
    _requirement_problems(requirements, found)
    if found:
        raise ValidationError(found)
    before = audit.snapshot(function, ("name",))
    function.name = name.strip()
    changes = audit.diff(before, function)
    old = requirements_of(function)
    new = {kind: requirements.get(kind, 0) for kind in REQUIRED_KINDS}
    changes.update(
        {f"per_year_{kind}": [old[kind], new[kind]] for kind in REQUIRED_KINDS if old[kind] != new[kind]}
    )
    if changes:
        Requirement.objects.filter(function=function).delete()
        Requirement.objects.bulk_create(
            Requirement(function=function, kind=kind, per_year=value) for kind, value in new.items() if value
        )
        function.version += 1
        function.save()
        audit.record("registry.function.changed", actor=actor, target=function, changes=changes)
    return function


@transaction.atomic
def delete_function(*, actor: User, function_id: int, version: int) -> None:
    """Remove a function nobody holds any more, with its requirements; audited."""
    function = PaspoortFunction.objects.select_for_update().get(pk=function_id)
    if function.version != version:
        raise StalePaspoortError
    if Functionary.objects.filter(function=function).exists():
        raise ValidationError(
            _("Functionarissen hebben deze functie nog; geef hun eerst een andere functie.")
        )
    changes = {"name": function.name, **{f"per_year_{k}": v for k, v in requirements_of(function).items()}}
    audit.record("registry.function.deleted", actor=actor, target=function, changes=changes)
    function.delete()
