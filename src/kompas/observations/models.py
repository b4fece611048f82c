# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The fact base: measures, their values per area and period, their history, and raw events.

A measure without organisation is open data every organisation sees (CBS, politie open data);
a measure with one is that organisation's own. An observation without organisation is a shared
value of open data, written only by the operator of the installation; an observation with one
belongs to that organisation: a value of its own measure, or its *own figure* for an open
measure, which it sees instead of the shared value (ADR 0011). Values that are absent in the
source are absent here: there is no row, never a zero.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation
from kompas.accounts.scoping import OwnOrSharedManager
from kompas.observations.periods import PeriodLength


class PeriodLengthChoices(models.TextChoices):
    """The lengths an observation may cover (:data:`~kompas.observations.periods.OBSERVED`), labelled."""

    DAY = PeriodLength.DAY, _("Dag")
    WEEK = PeriodLength.WEEK, _("Week")
    MONTH = PeriodLength.MONTH, _("Maand")
    QUARTER = PeriodLength.QUARTER, _("Kwartaal")
    YEAR = PeriodLength.YEAR, _("Jaar")


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

    objects: ClassVar[models.Manager[Measure]] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("maatstaf")
        verbose_name_plural = _("maatstaven")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def visible_observations(organisation_id: int | None) -> Q:
    """Return the condition for what ``organisation_id`` sees: of open measures and its own
    measures, its own values and the shared ones it has no own value for (None: the shared
    values of open measures only).

    The measure's owner is checked as well as the value's: a value of another organisation's
    measure stays out of sight even if it was stored without owner.
    """
    if organisation_id is None:
        return Q(organisation__isnull=True, measure__organisation__isnull=True)
    own = Observation._base_manager.filter(
        organisation_id=organisation_id,
        measure=OuterRef("measure"),
        area=OuterRef("area"),
        period_start=OuterRef("period_start"),
        period_length=OuterRef("period_length"),
    )
    measures = Q(measure__organisation__isnull=True) | Q(measure__organisation_id=organisation_id)
    values = Q(organisation_id=organisation_id) | Q(Q(organisation__isnull=True), ~Exists(own))
    return Q(measures, values)


class ObservationManager(OwnOrSharedManager):
    """The shared values and the active organisation's own; its own value wins where both exist."""

    def visible(self, organisation: Any) -> Q:
        """Return the condition for the organisation's rows and the shared rows it has no own for."""
        return visible_observations(organisation)


class Observation(models.Model):
    """The value of one measure for one area version and one period, shared or an organisation's."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="observations")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="observations")
    period_start = models.DateField(_("begin periode"))
    period_length = models.CharField(_("periodelengte"), max_length=8, choices=PeriodLengthChoices.choices)
    value = models.FloatField(_("waarde"))
    margin = models.FloatField(_("marge (95 %)"), null=True, blank=True)
    sample_size = models.PositiveIntegerField(_("steekproefomvang"), null=True, blank=True)
    import_run = models.ForeignKey(
        "sources.ImportRun", on_delete=models.PROTECT, null=True, blank=True, related_name="observations"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("Leeg voor gedeelde open data; anders een waarde van deze organisatie zelf."),
    )

    objects: ClassVar[models.Manager[Observation]] = ObservationManager()

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "area", "period_start", "period_length"],
                condition=Q(organisation__isnull=True),
                name="observation_unique_shared",
            ),
            models.UniqueConstraint(
                fields=["measure", "area", "period_start", "period_length", "organisation"],
                condition=Q(organisation__isnull=False),
                name="observation_unique_own",
            ),
        ]
        indexes = [models.Index(fields=["area", "period_start"], name="observation_area_period")]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.area_id} {self.period_start} = {self.value}"


class ObservationChange(models.Model):
    """A value replaced by a corrected file or by hand: what it was, what it became, and who did it.

    A corrected file names its import run; a correction by hand (an own figure) names the user.
    """

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="changes")
    import_run = models.ForeignKey(
        "sources.ImportRun", on_delete=models.PROTECT, null=True, blank=True, related_name="changes"
    )
    # The run that had brought the old value: withdrawing the replacing run gives the value back
    # to it, and a run whose value was replaced later cannot be withdrawn before that later one.
    old_import_run = models.ForeignKey(
        "sources.ImportRun", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    old_value = models.FloatField(_("oude waarde"))
    new_value = models.FloatField(_("nieuwe waarde"))
    old_margin = models.FloatField(_("oude marge"), null=True, blank=True)
    new_margin = models.FloatField(_("nieuwe marge"), null=True, blank=True)
    old_sample_size = models.PositiveIntegerField(_("oude steekproefomvang"), null=True, blank=True)
    new_sample_size = models.PositiveIntegerField(_("nieuwe steekproefomvang"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), null=True, blank=True)

    objects: ClassVar[models.Manager[ObservationChange]] = models.Manager()

    class Meta:
        verbose_name = _("wijziging van waarneming")
        verbose_name_plural = _("wijzigingen van waarnemingen")

    def __str__(self) -> str:
        return f"{self.old_value} → {self.new_value}"


class FigureSource(models.Model):
    """Where an own figure entered by hand comes from: the report it was taken from, and who entered it."""

    observation = models.OneToOneField(Observation, on_delete=models.CASCADE, related_name="figure_source")
    source_text = models.CharField(_("bron"), max_length=300)
    document_url = models.URLField(_("document"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevoerd door"),
    )
    recorded_at = models.DateTimeField(_("ingevoerd op"), default=timezone.now)
    # A figure counted from fictitious demo entries (issue 16): the label travels with the value to
    # every indicator, page and export that shows it, and real and demo entries are never summed.
    is_demo = models.BooleanField(
        _("demogegevens"),
        default=False,
        help_text=_("Geteld uit verzonnen demogegevens, niet uit echte registraties."),
    )

    objects: ClassVar[models.Manager[FigureSource]] = models.Manager()

    class Meta:
        verbose_name = _("bron van een eigen cijfer")
        verbose_name_plural = _("bronnen van eigen cijfers")

    def __str__(self) -> str:
        return self.source_text


class Event(models.Model):
    """One dated, located incident or melding, kept for hotspot analysis and aggregation.

    Locations are stored in metres of a projected CRS that fits their place, one per organisation
    (``crs``; RD New for Dutch data, the source's own such as EPSG:26910 for Vancouver): see
    :mod:`kompas.observations.events`.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("organisatie"))
    kind = models.CharField(_("soort"), max_length=120)
    occurred_at = models.DateTimeField(_("tijdstip"))
    resolved_at = models.DateField(_("afgehandeld op"), null=True, blank=True)
    x = models.FloatField(_("x"), null=True, blank=True)
    y = models.FloatField(_("y"), null=True, blank=True)
    crs = models.CharField(_("coördinatenstelsel"), max_length=32, blank=True)
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
