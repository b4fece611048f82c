# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The manager for rows an organisation owns or that every organisation shares (ADR 0003, 0011)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope


class OwnOrSharedManager(models.Manager[Any]):
    """Scoped like django-scopes' ScopedManager, but also returning shared rows.

    ``path`` leads from the model to its organisation (``organisation``, or
    ``indicator__organisation``); a row whose organisation there is empty is shared. Without an
    active scope a query fails loudly, as every tenant query in Kompas does.
    """

    def __init__(self, path: str = "organisation") -> None:
        super().__init__()
        self.path = path

    def get_queryset(self) -> models.QuerySet[Any]:
        """Return the active organisation's rows plus the shared ones."""
        current: dict[str, Any] = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "organisation" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"organisation"})  # type: ignore[no-any-return]  # django-scopes is untyped
        return super().get_queryset().filter(self.visible(current["organisation"]))

    def visible(self, organisation: Any) -> Q:
        """Return the condition for the rows of ``organisation`` and the shared ones."""
        return Q(**{self.path: organisation}) | Q(**{f"{self.path}__isnull": True})
