# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Person-centred cases (Veiligheidshuis, spec §8): triage, frame, regie, plan, escalation, closure.

A list holds at most its cap of open cases (top-X 250, Top 10 and Top 50 burglars by their
name, :data:`~kompas.casework.models.LIST_CAPS`). A case whose approach did not go well is
evaluated before it closes (R91: evaluation as a standard step, spec §8.7).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.casework import access
from kompas.casework.access import Identity, Purpose
from kompas.casework.models import (
    LIST_CAPS,
    Case,
    CaseList,
    CaseState,
    Escalation,
    Frame,
    LifeDomain,
    PlanItem,
    TriageLevel,
)
from kompas.casework.persons import new_person

# Escalation goes one step at a time: operational → tactical → strategic (spec §8.5, L4522-4528).
NEXT_ESCALATION = {Escalation.OPERATIONAL: Escalation.TACTICAL, Escalation.TACTICAL: Escalation.STRATEGIC}


@dataclass(frozen=True)
class NewCase:
    """A case as the triage decides it."""

    list_kind: str
    person: Identity
    target_group: str
    opened_on: dt.date
    level: str
    frame: str
    case_direction: Organisation
    process_direction: Organisation | None = None
    area_code: str = ""
    consequence: str = ""


def is_open(case: Case) -> bool:
    """Return whether ``case`` is not yet closed (its plan and closure can still change)."""
    return case.state != CaseState.CLOSED


def check_version(case: Case, version: int | None) -> None:
    """Refuse a change made on a page loaded before someone else changed ``case`` (optimistic lock).

    ``None`` skips the check: for callers that read and change in one go (CLI, tests).
    """
    if version is not None and case.version != version:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Iemand anders heeft deze casus intussen gewijzigd. Er is niets opgeslagen; "
                    "open de casus opnieuw."
                )
            }
        )


def _problems(new: NewCase) -> dict[str, str]:
    problems = {}
    if new.list_kind not in CaseList.values:
        problems["list_kind"] = _("Kies de lijst van de casus.")
    if new.level not in TriageLevel.values:
        problems["level"] = _("Kies het niveau na triage.")
    if new.frame not in Frame.values:
        problems["frame"] = _("Kies het kader: vrijwillig, drang of dwang.")
    if not new.target_group.strip():
        problems["target_group"] = _("Noem de doelgroep van de persoon (spec: diverse doelgroepen).")
    if new.opened_on > timezone.localdate():
        problems["opened_on"] = _("Een casus kan niet in de toekomst geopend zijn.")
    return problems


def _check_cap(organisation_id: int, list_kind: str) -> None:
    # Lock the organisation row so two cases opened at once cannot both take the last place.
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    cap = LIST_CAPS[list_kind]
    open_cases = Case.objects.filter(organisation_id=organisation_id, list_kind=list_kind)
    if open_cases.exclude(state=CaseState.CLOSED).count() >= cap:
        message = _("De lijst %(list)s is vol: ten hoogste %(cap)s open casussen.") % {
            "list": CaseList(list_kind).label,
            "cap": cap,
        }
        raise ValidationError({"list_kind": message})


@transaction.atomic
def open_case(*, actor: User, new: NewCase, purpose: Purpose = Purpose.APPROACH) -> Case:
    """Open a case for a new pseudonymised person; refuse a full list or bad input, storing nothing."""
    if not access.may_open(actor):
        raise PermissionDenied
    problems = _problems(new)
    if problems:
        raise ValidationError(problems)
    _check_cap(actor.organisation_id, new.list_kind)
    case = Case.objects.create(
        organisation_id=actor.organisation_id,
        list_kind=new.list_kind,
        person=new_person(actor, new.person, new.target_group.strip()),
        opened_on=new.opened_on,
        area_code=new.area_code,
        level=new.level,
        frame=new.frame,
        case_direction=new.case_direction,
        process_direction=new.process_direction,
        consequence=new.consequence,
    )
    changes = {"purpose": str(purpose), "list": new.list_kind, "level": new.level, "frame": new.frame}
    access.record_change("casework.case.opened", actor=actor, target=case, changes=changes)
    return case


@transaction.atomic
def change_triage(
    *,
    actor: User,
    case_id: int,
    level: str,
    frame: str,
    purpose: Purpose = Purpose.APPROACH,
    version: int | None = None,
) -> Case:
    """Change the level and frame of an open case in reach of ``actor`` (casusregie and procesregie)."""
    case = access.case_for_change(actor, case_id)
    check_version(case, version)
    if case.state == CaseState.CLOSED:
        raise ValidationError({NON_FIELD_ERRORS: _("De casus is afgesloten; niveau en kader liggen vast.")})
    if level not in TriageLevel.values or frame not in Frame.values:
        raise ValidationError({"level": _("Kies een bekend niveau en kader.")})
    if (level, frame) == (case.level, case.frame):
        raise ValidationError({"level": _("Niveau en kader zijn niet veranderd; er is niets opgeslagen.")})
    before = audit.snapshot(case, ["level", "frame"])
    case.level, case.frame, case.version = level, frame, case.version + 1
    case.save()
    changes = {"purpose": str(purpose), **audit.diff(before, case)}
    access.record_change("casework.case.changed", actor=actor, target=case, changes=changes)
    return case


@transaction.atomic
def add_plan_item(
    *,
    actor: User,
    case_id: int,
    life_domain: str,
    intervention: str,
    responsible: Organisation,
    purpose: Purpose = Purpose.APPROACH,
    version: int | None = None,
) -> PlanItem:
    """Add an intervention in one life domain to the plan van aanpak of an open case in reach.

    The plan is part of the case: adding to it raises the case's version, so a page loaded
    before the addition cannot change the case without seeing it.
    """
    case = access.case_for_change(actor, case_id)
    check_version(case, version)
    if case.state == CaseState.CLOSED:
        raise ValidationError({NON_FIELD_ERRORS: _("De casus is afgesloten; het plan van aanpak ligt vast.")})
    if life_domain not in LifeDomain.values or not intervention.strip():
        raise ValidationError({"intervention": _("Kies een leefgebied en beschrijf de interventie.")})
    item = PlanItem.objects.create(
        case=case, life_domain=life_domain, intervention=intervention.strip(), responsible=responsible
    )
    case.version += 1
    case.save(update_fields=["version"])
    changes = {"purpose": str(purpose), "life_domain": life_domain, "responsible": responsible.pk}
    access.record_change("casework.case.plan_item_added", actor=actor, target=case, changes=changes)
    return item


@transaction.atomic
def escalate(
    *, actor: User, case_id: int, purpose: Purpose = Purpose.APPROACH, version: int | None = None
) -> Case:
    """Escalate a case one level for lack of agreement; a strategic case cannot go higher."""
    case = access.case_for_change(actor, case_id)
    check_version(case, version)
    if case.state == CaseState.CLOSED:
        raise ValidationError({NON_FIELD_ERRORS: _("De casus is afgesloten en wordt niet meer opgeschaald.")})
    higher = NEXT_ESCALATION.get(Escalation(case.escalation))
    if higher is None:
        raise ValidationError({"escalation": _("De casus is al strategisch en bestuurlijk opgeschaald.")})
    changes = {"purpose": str(purpose), "escalation": [case.escalation, str(higher)]}
    case.escalation, case.version = higher, case.version + 1
    case.save()
    access.record_change("casework.case.escalated", actor=actor, target=case, changes=changes)
    return case


@transaction.atomic
def close_case(
    *,
    actor: User,
    case_id: int,
    closed_on: dt.date,
    went_well: bool,
    evaluation: str = "",
    purpose: Purpose = Purpose.APPROACH,
    version: int | None = None,
) -> Case:
    """Close a case of the actor's organisation; one that did not go well needs its evaluation first."""
    case = access.owned_for_change(Case, actor, case_id)
    check_version(case, version)
    if case.state == CaseState.CLOSED:
        raise ValidationError({"state": _("De casus is al afgesloten.")})
    if not went_well and not evaluation.strip():
        raise ValidationError(
            {
                "evaluation": _(
                    "De aanpak verliep niet goed: leg eerst de evaluatie vast (leerpunt of ketenprobleem)."
                )
            }
        )
    if closed_on < case.opened_on:
        raise ValidationError({"closed_on": _("Een casus sluit niet voordat hij geopend is.")})
    case.state, case.closed_on, case.evaluation = CaseState.CLOSED, closed_on, evaluation.strip()
    case.version += 1
    case.save()
    changes = {"purpose": str(purpose), "evaluated": bool(evaluation.strip())}
    access.record_change("casework.case.closed", actor=actor, target=case, changes=changes)
    return case
