# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator catalogue: what is measured, in which unit, and which way is better.

An entry without organisation belongs to the shared standard set every tenant sees; an entry
with an organisation (the indicators of a municipality's own plan, such as Hengelo's T1.I1) is
visible to that organisation only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope

from kompas.accounts.models import Organisation


class IndicatorKind(models.TextChoices):
    """What an indicator measures: a societal effect, delivered work, or a process step."""

    EFFECT = "effect", _("Effect")
    PERFORMANCE = "performance", _("Prestatie")
    PROCESS = "process", _("Proces")


class IndicatorDirection(models.TextChoices):
    """Which way is better; ``none`` for counts that can be read both ways (reports, signals)."""

    LOWER_IS_BETTER = "lower_is_better", _("Lager is beter")
    HIGHER_IS_BETTER = "higher_is_better", _("Hoger is beter")
    NONE = "none", _("Geen richting")


class OwnOrSharedManager(models.Manager["Indicator"]):
    """Scoped like django-scopes' ScopedManager, but also returning the shared standard set.

    Without an active scope a query fails loudly, as every tenant query in Kompas does.
    """

    def get_queryset(self) -> models.QuerySet[Indicator]:
        """Return the active organisation's entries plus the shared ones."""
        current: dict[str, Any] = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "organisation" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"organisation"})  # type: ignore[no-any-return]
        organisation = current["organisation"]
        return super().get_queryset().filter(Q(organisation=organisation) | Q(organisation__isnull=True))


class Indicator(models.Model):
    """One entry of the catalogue; values and formulas live elsewhere and refer to it."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("organisatie"),
        help_text=_("Leeg voor de gedeelde standaardset."),
    )
    code = models.CharField(_("code"), max_length=80)
    name = models.CharField(_("naam"), max_length=300)
    kind = models.CharField(_("soort"), max_length=20, choices=IndicatorKind.choices)
    unit = models.CharField(_("eenheid"), max_length=60, blank=True)
    direction = models.CharField(
        _("richting"), max_length=20, choices=IndicatorDirection.choices, default=IndicatorDirection.NONE
    )
    data_source = models.CharField(_("gegevensbron"), max_length=300, blank=True)
    source_ref = models.CharField(
        _("bronverwijzing"),
        max_length=200,
        blank=True,
        help_text=_("Regel(s) in het brondocument, bijv. L431-432."),
    )
    description = models.TextField(_("omschrijving"), blank=True)

    objects: ClassVar[OwnOrSharedManager] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="indicator_code_per_organisation"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(organisation__isnull=True), name="indicator_code_shared"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
