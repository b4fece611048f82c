# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Undoing one import's writes: remove the values and events it added, give back what it replaced.

An import adds values (rows that name it as their run and that it did not find), replaces values
(each replacement kept as an :class:`ObservationChange` with the old numbers and the run that had
brought them) and adds events. Undoing it is exact only while no later change builds on it: a
later run or a correction by hand that replaced one of its values would be lost, so
:func:`later_changes` names them and the caller refuses. Every function here runs inside the
caller's transaction; none commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from kompas.observations import bulk
from kompas.observations.models import Event, Observation, ObservationChange


@dataclass(frozen=True)
class LaterChanges:
    """What changed the run's values after it: later runs (by id) and corrections by hand."""

    runs: tuple[int, ...]
    by_hand: int

    def __bool__(self) -> bool:
        return bool(self.runs or self.by_hand)


@dataclass(frozen=True)
class UndoResult:
    """How many values were removed and given back, how many events removed, and where."""

    removed: int
    restored: int
    events_removed: int
    area_codes: tuple[str, ...]


def later_changes(import_run_id: int) -> LaterChanges:
    """Return the changes made after ``import_run_id`` to values that run added or replaced.

    A later change names this run as the one that had brought the old value; a value this run
    replaced that no longer names it as its run was replaced again (a history from before runs
    were named in it).
    """
    later = ObservationChange._base_manager.filter(old_import_run_id=import_run_id).exclude(
        import_run_id=import_run_id
    )
    replaced = ObservationChange._base_manager.filter(import_run_id=import_run_id).values("observation_id")
    moved = Observation._base_manager.filter(id__in=replaced).exclude(import_run_id=import_run_id)
    runs = set(later.exclude(import_run__isnull=True).values_list("import_run_id", flat=True))
    runs |= set(moved.exclude(import_run__isnull=True).values_list("import_run_id", flat=True))
    return LaterChanges(tuple(sorted(runs)), later.filter(import_run__isnull=True).count())


def planned(import_run_id: int) -> UndoResult:
    """Return what :func:`undo_run` would do, without doing it."""
    changes = ObservationChange._base_manager.filter(import_run_id=import_run_id)
    added = _added(import_run_id)
    return UndoResult(
        removed=added.count(),
        restored=changes.count(),
        events_removed=Event._base_manager.filter(import_run_id=import_run_id).count(),
        area_codes=_area_codes(import_run_id),
    )


def undo_run(import_run_id: int) -> UndoResult:
    """Remove what ``import_run_id`` added and restore what it replaced, its history included.

    The caller has checked :func:`later_changes`; the run's own history rows go, so the values
    and their history are as they were before the run.
    """
    codes = _area_codes(import_run_id)
    changes = ObservationChange._base_manager.filter(import_run_id=import_run_id)
    old = list(
        changes.order_by("-id").values_list(
            "observation_id", "old_value", "old_margin", "old_sample_size", "old_import_run_id"
        )
    )
    added = _added(import_run_id)
    added_ids = list(added.values_list("id", flat=True))
    # Newest first, so a value the run replaced twice ends at the number it had before the run.
    restored = {row[0]: row for row in old}
    bulk.update_rows(
        Observation,
        ["value", "margin", "sample_size", "import_run_id"],
        [(value, margin, size, run, pk) for pk, value, margin, size, run in restored.values()],
    )
    changes.delete()
    removed = _delete_observations(added_ids)
    events, _kinds = Event._base_manager.filter(import_run_id=import_run_id).delete()
    return UndoResult(removed=removed, restored=len(restored), events_removed=events, area_codes=codes)


def _added(import_run_id: int) -> QuerySet[Observation]:
    replaced = ObservationChange._base_manager.filter(import_run_id=import_run_id).values("observation_id")
    return Observation._base_manager.filter(import_run_id=import_run_id).exclude(id__in=replaced)


def _delete_observations(ids: list[int]) -> int:
    removed = 0
    for start in range(0, len(ids), bulk.INSERT_BATCH):
        batch = ids[start : start + bulk.INSERT_BATCH]
        _total, deleted = Observation._base_manager.filter(id__in=batch).delete()
        removed += deleted.get(Observation._meta.label, 0)
    return removed


def _area_codes(import_run_id: int) -> tuple[str, ...]:
    touched = Q(import_run_id=import_run_id) | Q(changes__import_run_id=import_run_id)
    values = Observation._base_manager.filter(touched).values_list("area__code", flat=True).distinct()
    events = Event._base_manager.filter(import_run_id=import_run_id, area__isnull=False)
    codes = set(values) | set(events.values_list("area__code", flat=True).distinct())
    return tuple(sorted(codes))
