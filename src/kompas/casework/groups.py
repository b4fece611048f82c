# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Youth groups (spec §11.1): classification with history, members, groepsscans, the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts.models import User
from kompas.casework import access, crypto
from kompas.casework.access import Identity, Purpose
from kompas.casework.models import (
    GroupClass,
    GroupClassification,
    GroupScan,
    Meeting,
    ScanRequester,
    YouthGroup,
)
from kompas.casework.persons import new_person


@dataclass(frozen=True)
class NewGroup:
    """A youth group as it comes into view; ``label`` must name no one (e.g. "Groep Noord-3")."""

    label: str
    classification: str
    meeting: str
    started_on: dt.date
    area_code: str = ""
    plan: str = ""
    members: tuple[Identity, ...] = field(default_factory=tuple)


def _problems(new: NewGroup) -> dict[str, str]:
    problems = {}
    if not new.label.strip():
        problems["label"] = _("Geef de groep een aanduiding zonder namen, zoals 'Groep Noord-3'.")
    if new.classification not in GroupClass.values:
        problems["classification"] = _("Kies hinderlijk, overlastgevend of crimineel.")
    if new.meeting not in Meeting.values:
        problems["meeting"] = _("Kies het overleg dat de groep bespreekt.")
    if new.started_on > timezone.localdate():
        problems["started_on"] = _("Een groep kan niet in de toekomst in beeld komen.")
    return problems


@transaction.atomic
def open_group(*, actor: User, new: NewGroup, purpose: Purpose = Purpose.APPROACH) -> YouthGroup:
    """Record a youth group with its first classification and pseudonymised members."""
    if not access.may_open(actor):
        raise PermissionDenied
    problems = _problems(new)
    if problems:
        raise ValidationError(problems)
    group = YouthGroup.objects.create(
        organisation_id=actor.organisation_id,
        label=new.label.strip(),
        area_code=new.area_code,
        classification=new.classification,
        meeting=new.meeting,
        plan=new.plan,
        started_on=new.started_on,
    )
    GroupClassification.objects.create(
        group=group, classification=new.classification, since=new.started_on, decided_by=actor
    )
    group.members.set([new_person(actor, member) for member in new.members])
    changes = {"purpose": str(purpose), "classification": new.classification, "members": len(new.members)}
    access.record_change("casework.group.opened", actor=actor, target=group, changes=changes)
    return group


def check_version(group: YouthGroup, version: int | None) -> None:
    """Refuse a change made on a page loaded before someone else changed ``group`` (optimistic lock).

    ``None`` skips the check: for callers that read and change in one go (CLI, tests).
    """
    if version is not None and group.version != version:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Iemand anders heeft deze groep intussen gewijzigd. Er is niets opgeslagen; "
                    "open de groep opnieuw."
                )
            }
        )


def _refuse_dissolved(group: YouthGroup) -> None:
    if group.dissolved_on is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("De groep is opgeheven; haar classificatie ligt vast.")})


@transaction.atomic
def classify_group(
    *,
    actor: User,
    group_id: int,
    classification: str,
    since: dt.date,
    purpose: Purpose = Purpose.APPROACH,
    version: int | None = None,
) -> YouthGroup:
    """Give a group in reach a new classification from ``since``; the old one stays in its history."""
    group = access.group_for_change(actor, group_id)
    check_version(group, version)
    _refuse_dissolved(group)
    if classification not in GroupClass.values:
        raise ValidationError({"classification": _("Kies hinderlijk, overlastgevend of crimineel.")})
    latest = group.history.order_by("-since", "-pk").first()
    if latest is not None and since < latest.since:
        raise ValidationError({"since": _("Een nieuwe classificatie geldt niet vóór de vorige.")})
    if since > timezone.localdate():
        raise ValidationError({"since": _("Een classificatie geldt niet vanaf een dag in de toekomst.")})
    changes = {"purpose": str(purpose), "classification": [group.classification, classification]}
    GroupClassification.objects.create(
        group=group, classification=classification, since=since, decided_by=actor
    )
    group.classification, group.version = classification, group.version + 1
    group.save(update_fields=["classification", "version"])
    access.record_change("casework.group.classified", actor=actor, target=group, changes=changes)
    return group


@transaction.atomic
def request_scan(
    *, actor: User, group_id: int, requester: str, requested_on: dt.date, purpose: Purpose = Purpose.APPROACH
) -> GroupScan:
    """Record a groepsscan request by the wijkagent, the gemeente or the OM."""
    group = access.group_for_change(actor, group_id)
    if requester not in ScanRequester.values:
        raise ValidationError(
            {"requester": _("Een groepsscan vraagt de wijkagent, de gemeente of het OM aan.")}
        )
    if requested_on > timezone.localdate() or requested_on < group.started_on:
        raise ValidationError(
            {
                "requested_on": _(
                    "Een scan wordt aangevraagd tussen het in beeld komen van de groep en vandaag."
                )
            }
        )
    scan = GroupScan.objects.create(group=group, requester=requester, requested_on=requested_on)
    access.record_change(
        "casework.group.scan_requested",
        actor=actor,
        target=group,
        changes={"purpose": str(purpose), "requester": requester},
    )
    return scan


def group_of_scan(scan_id: int) -> int:
    """Return the id of the group scan ``scan_id`` belongs to (404 when there is none); only the id."""
    scan = GroupScan.objects.filter(pk=scan_id).only("group_id").first()
    if scan is None:
        raise Http404
    return scan.group_id


@transaction.atomic
def record_scan_result(
    *, actor: User, scan_id: int, completed_on: dt.date, result: str, purpose: Purpose = Purpose.APPROACH
) -> GroupScan:
    """Record the result of a groepsscan (stored encrypted: it describes the group's members)."""
    group = access.group_for_change(actor, group_of_scan(scan_id))
    scan = GroupScan.objects.select_for_update().get(pk=scan_id)
    if scan.completed_on is not None:
        # A result is recorded once; one already there means the page was loaded before someone
        # else recorded it (optimistic lock on the result).
        raise ValidationError({"result": _("De uitkomst van deze scan is intussen al vastgelegd.")})
    if completed_on > timezone.localdate():
        raise ValidationError({"completed_on": _("Een scan kan niet in de toekomst gemaakt zijn.")})
    if completed_on < scan.requested_on or not result.strip():
        raise ValidationError({"result": _("Vul de uitkomst in; een scan is niet klaar vóór de aanvraag.")})
    scan.completed_on, scan.result_token = completed_on, crypto.encrypt(result.strip())
    scan.save()
    access.record_change(
        "casework.group.scan_recorded", actor=actor, target=group, changes={"purpose": str(purpose)}
    )
    return scan


@transaction.atomic
def dissolve_group(
    *,
    actor: User,
    group_id: int,
    on: dt.date,
    purpose: Purpose = Purpose.APPROACH,
    version: int | None = None,
) -> YouthGroup:
    """Record that a group of the actor's organisation no longer exists (its retention starts).

    Only the keeping organisation's openers dissolve a group, as only they close a case.
    """
    group = access.owned_for_change(YouthGroup, actor, group_id)
    check_version(group, version)
    if group.dissolved_on is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("De groep is al opgeheven.")})
    if on < group.started_on or on > timezone.localdate():
        raise ValidationError(
            {"dissolved_on": _("Een groep wordt opgeheven tussen het in beeld komen en vandaag.")}
        )
    group.dissolved_on, group.version = on, group.version + 1
    group.save(update_fields=["dissolved_on", "version"])
    access.record_change(
        "casework.group.dissolved",
        actor=actor,
        target=group,
        changes={"purpose": str(purpose), "dissolved_on": on.isoformat()},
    )
    return group
