# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The fact base: measures, their values per area and period, their history, and raw events.

A measure without organisation is open data every organisation sees (CBS, politie open data);
a measure with one is that organisation's own. Values that are absent in the source are absent
here: there is no row, never a zero.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation


class PeriodLength(models.TextChoices):
    """Length of the period an observation covers, starting on ``period_start``."""

    DAY = "day", _("Dag")
    WEEK = "week", _("Week")
    MONTH = "month", _("Maand")
    QUARTER = "quarter", _("Kwartaal")
    YEAR = "year", _("Jaar")


class Measure(models.Model):
    """What is counted or surveyed, in which unit, from which source and under which licence."""

    code = models.CharField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=300)
    unit = models.CharField(_("eenheid"), max_length=40)
    source = models.CharField(_("bron"), max_length=300)
    licence = models.CharField(_("licentie"), max_length=200, blank=True)
    definition = models.TextField(_("definitie"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("organisatie"),
        help_text=_("Leeg voor open data die iedere organisatie ziet."),
    )

    objects: ClassVar[models.Manager[Measure]] = models.Manager()

    class Meta:
        verbose_name = _("maatstaf")
        verbose_name_plural = _("maatstaven")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Observation(models.Model):
    """The value of one measure for one area version and one period."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="observations")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="observations")
    period_start = models.DateField(_("begin periode"))
    period_length = models.CharField(_("periodelengte"), max_length=8, choices=PeriodLength.choices)
    value = models.FloatField(_("waarde"))
    margin = models.FloatField(_("marge (95 %)"), null=True, blank=True)
    sample_size = models.PositiveIntegerField(_("steekproefomvang"), null=True, blank=True)
    import_run = models.ForeignKey(
        "sources.ImportRun", on_delete=models.PROTECT, null=True, blank=True, related_name="observations"
    )

    objects: ClassVar[models.Manager[Observation]] = models.Manager()

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "area", "period_start", "period_length"], name="observation_unique"
            ),
        ]
        indexes = [models.Index(fields=["area", "period_start"], name="observation_area_period")]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.area_id} {self.period_start} = {self.value}"


class ObservationChange(models.Model):
    """A value replaced by a corrected file: what it was, what it became, and which import did it."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="changes")
    import_run = models.ForeignKey("sources.ImportRun", on_delete=models.PROTECT, related_name="changes")
    old_value = models.FloatField(_("oude waarde"))
    new_value = models.FloatField(_("nieuwe waarde"))
    old_margin = models.FloatField(_("oude marge"), null=True, blank=True)
    new_margin = models.FloatField(_("nieuwe marge"), null=True, blank=True)

    objects: ClassVar[models.Manager[ObservationChange]] = models.Manager()

    class Meta:
        verbose_name = _("wijziging van waarneming")
        verbose_name_plural = _("wijzigingen van waarnemingen")

    def __str__(self) -> str:
        return f"{self.old_value} → {self.new_value}"


class Event(models.Model):
    """One dated, located incident or melding, kept for hotspot analysis and aggregation.

    Locations are stored in RD New (EPSG:28992) metres whatever CRS the source declared.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("organisatie"))
    kind = models.CharField(_("soort"), max_length=120)
    occurred_at = models.DateTimeField(_("tijdstip"))
    resolved_at = models.DateField(_("afgehandeld op"), null=True, blank=True)
    x_rd = models.FloatField(_("x (RD)"), null=True, blank=True)
    y_rd = models.FloatField(_("y (RD)"), null=True, blank=True)
    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    import_run = models.ForeignKey("sources.ImportRun", on_delete=models.PROTECT, related_name="events")

    objects: ClassVar[models.Manager[Event]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        indexes = [models.Index(fields=["organisation", "kind", "occurred_at"], name="event_kind_time")]

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_at:%Y-%m-%d}"
