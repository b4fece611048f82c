# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Withdrawing an import run: what it added goes, what it replaced comes back, and the run says so.

A wrong import (the wrong time zone, the wrong file) must be undoable without touching anything
else. Withdrawing is exact: the values and events the run added are removed, the values it
replaced get their old numbers and run back, and its own lines in the value history go
(:mod:`kompas.observations.undo`). A run whose values were changed later, by a later run or by
hand, is refused with the run to withdraw first: undoing it would silently undo that later work.
The run itself stays, marked *ingetrokken*, with who withdrew it and when, and its audit record.
Areas and measure descriptions the run created stay: other runs and plans may use them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import User
from kompas.observations.undo import UndoResult, later_changes, planned, undo_run
from kompas.sources.models import ImportRun, ImportStatus
from kompas.sources.records import dutch_int

WITHDRAWABLE = (ImportStatus.LOADED, ImportStatus.UNCHANGED)


class WithdrawRefusedError(Exception):
    """The run cannot be withdrawn now; ``message`` says why and what to do first, in Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Withdrawal:
    """What withdrawing a run did (or, for a dry run, would do)."""

    run_id: int
    removed: int
    restored: int
    events_removed: int
    area_codes: tuple[str, ...]
    dry_run: bool

    @classmethod
    def of(cls, run: ImportRun, result: UndoResult, *, dry_run: bool) -> Withdrawal:
        return cls(run.pk, result.removed, result.restored, result.events_removed, result.area_codes, dry_run)

    def sentence(self) -> str:
        """Return what happened (or would happen) as one Dutch sentence."""
        counts = {
            "run": self.run_id,
            "removed": dutch_int(self.removed),
            "restored": dutch_int(self.restored),
            "events": dutch_int(self.events_removed),
        }
        if self.dry_run:
            return (
                _(
                    "Proef: intrekken van importrun %(run)s zou %(removed)s waarden verwijderen, "
                    "%(restored)s waarden terugzetten en %(events)s gebeurtenissen verwijderen; "
                    "er is niets gewijzigd."
                )
                % counts
            )
        return (
            _(
                "Importrun %(run)s ingetrokken: %(removed)s waarden verwijderd, %(restored)s waarden "
                "teruggezet op hun vorige waarde, %(events)s gebeurtenissen verwijderd."
            )
            % counts
        )


def refusal(run: ImportRun) -> str | None:
    """Return why ``run`` cannot be withdrawn now (one Dutch sentence), or None when it can."""
    if run.status == ImportStatus.WITHDRAWN:
        return _("Importrun %(run)s is al ingetrokken.") % {"run": run.pk}
    if run.status not in WITHDRAWABLE:
        return _("Importrun %(run)s heeft niets opgeslagen (%(status)s); er is niets in te trekken.") % {
            "run": run.pk,
            "status": run.get_status_display(),
        }
    later = later_changes(run.pk)
    if later.runs:
        return _(
            "Importrun %(run)s kan niet worden ingetrokken: importrun %(later)s heeft daarna waarden "
            "gewijzigd die deze run had opgeslagen. Trek eerst importrun %(first)s in."
        ) % {"run": run.pk, "later": ", ".join(str(pk) for pk in later.runs), "first": later.runs[-1]}
    if later.by_hand:
        return _(
            "Importrun %(run)s kan niet worden ingetrokken: %(count)s van zijn waarden zijn daarna met "
            "de hand gecorrigeerd (eigen cijfers); intrekken zou die correcties ongedaan maken."
        ) % {"run": run.pk, "count": dutch_int(later.by_hand)}
    return None


def plan(run: ImportRun) -> Withdrawal:
    """Return what withdrawing ``run`` would do; raise :class:`WithdrawRefusedError` when it cannot."""
    reason = refusal(run)
    if reason:
        raise WithdrawRefusedError(reason)
    return Withdrawal.of(run, planned(run.pk), dry_run=True)


def withdraw(run: ImportRun, *, actor: User | None, replaced_by: ImportRun | None = None) -> Withdrawal:
    """Withdraw ``run`` inside the caller's transaction, audited; raise :class:`WithdrawRefusedError`.

    ``replaced_by`` is the run of ``kompas import --replaces`` that takes its place.
    """
    locked = ImportRun.objects.select_for_update().get(pk=run.pk)
    reason = refusal(locked)
    if reason:
        raise WithdrawRefusedError(reason)
    result = undo_run(locked.pk)
    before = locked.status
    locked.status = ImportStatus.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = actor
    locked.replaced_by = replaced_by
    locked.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "replaced_by"])
    audit.record(
        "sources.import.withdrawn",
        actor=actor,
        target=locked,
        changes={
            "status": [before, locked.status],
            "removed": result.removed,
            "restored": result.restored,
            "events_removed": result.events_removed,
            "replaced_by": replaced_by.pk if replaced_by else None,
        },
        organisation_id=locked.organisation_id,
    )
    run.refresh_from_db()
    return Withdrawal.of(locked, result, dry_run=False)
