# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""A task backend for the embedded default: a bounded pool of low-priority worker processes.

The immediate backend would make a report inside the web request, which is what let 16 report
requests stall the whole server. Processes rather than threads, because making a PDF is
CPU-bound Python: in a thread it would hold the interpreter lock the web threads need. The
workers run at a lower scheduling priority (``nice``), so the web server stays responsive while
they work. Tasks are handed to the pool only after the enqueuing transaction commits, so a
worker always finds the rows it was given (the database backend of production queues inside the
same transaction for the same reason). See ADR 0013.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id
from typing_extensions import ParamSpec

logger = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")

# How much lower than the web server the workers are scheduled (nice increment, 0-19).
WORKER_NICENESS = 10

_lock = threading.Lock()
_executors: dict[int, ProcessPoolExecutor] = {}


def _start_worker() -> None:
    """Prepare a fresh worker process: lower its priority and set up Django."""
    os.nice(WORKER_NICENESS)
    import django

    django.setup()


def _run(module_path: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Run one task in a worker process; the task records its own outcome."""
    task: Task[..., Any] = import_string(module_path)
    try:
        task.call(*args, **kwargs)
    finally:
        close_old_connections()


def _executor(max_workers: int) -> ProcessPoolExecutor:
    """Return this process's pool, starting it on first use (spawned: no inherited connections)."""
    with _lock:
        executor = _executors.get(max_workers)
        if executor is None:
            executor = ProcessPoolExecutor(
                max_workers=max_workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
            _executors[max_workers] = executor
        return executor


def _discard(max_workers: int, broken: ProcessPoolExecutor) -> None:
    with _lock:
        if _executors.get(max_workers) is broken:
            del _executors[max_workers]


def _log_failure(future: Future[None]) -> None:
    error = future.exception()
    if error is not None:
        logger.error("Report task failed in the worker pool: %s", type(error).__name__)


class ProcessPoolBackend(BaseTaskBackend):
    """Run tasks in a per-server pool of at most ``OPTIONS["MAX_WORKERS"]`` processes."""

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.max_workers = max(1, int(self.options.get("MAX_WORKERS", 2)))

    def enqueue(self, task: Task[P, T], args: P.args, kwargs: P.kwargs) -> TaskResult[T]:  # type: ignore[valid-type]  # django-tasks declares enqueue with ParamSpec parts mypy cannot check
        """Hand the task to the pool once the current transaction commits."""
        self.validate_task(task)
        result: TaskResult[T] = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        call = (task.module_path, tuple(args), dict(kwargs))
        transaction.on_commit(lambda: self._submit(*call), robust=True)
        return result

    def _submit(self, module_path: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        executor = _executor(self.max_workers)
        try:
            future = executor.submit(_run, module_path, args, kwargs)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start a new pool for this and later tasks.
            _discard(self.max_workers, executor)
            future = _executor(self.max_workers).submit(_run, module_path, args, kwargs)
        future.add_done_callback(_log_failure)
