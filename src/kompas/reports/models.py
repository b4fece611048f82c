# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Report jobs: a report asked for on the page, made in the background and kept for a while."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation
from kompas.reports.options import ReportFormat, ReportName


class JobStatus(models.TextChoices):
    """Where a report job stands."""

    QUEUED = "wachtrij", _("In de wachtrij")
    RUNNING = "bezig", _("Wordt gemaakt")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")
    EXPIRED = "verlopen", _("Verlopen")


# The statuses that hold a place under the per-user and overall limits.
ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


class JobStep(models.TextChoices):
    """The step a running job is in, in the order they happen."""

    SELECTING = "selecteren", _("De gegevens worden geselecteerd")
    BUILDING = "opbouwen", _("Cijfers, grafieken en kaarten worden gemaakt")
    RENDERING = "opmaken", _("Het bestand wordt opgemaakt")


class ReportJob(models.Model):
    """One report asked for by one user, made by a background task.

    ``user_slot`` and ``global_slot`` number the places a waiting or running job takes under
    the per-user and overall limits; the two conditional unique constraints make the database
    refuse a job beyond them, also when many requests arrive at once. ``body`` holds the made
    file until the retention period ends; it lives in the database so that every app server
    and worker can read it.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("organisatie"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("aangevraagd door")
    )
    kind = models.CharField(_("rapportage"), max_length=20, choices=ReportName.choices)
    format = models.CharField(_("formaat"), max_length=8, choices=ReportFormat.choices)
    options = models.JSONField(_("keuzes"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    step = models.CharField(_("stap"), max_length=12, choices=JobStep.choices, blank=True)
    user_slot = models.PositiveSmallIntegerField(_("plaats van de gebruiker"))
    global_slot = models.PositiveSmallIntegerField(_("plaats in de installatie"))
    body = models.BinaryField(_("bestand"), default=b"")
    filename = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    content_type = models.CharField(_("mediatype"), max_length=100, blank=True)
    error = models.TextField(_("fout"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd"), default=timezone.now)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)

    objects: ClassVar[models.Manager[ReportJob]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("rapportageopdracht")
        verbose_name_plural = _("rapportageopdrachten")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "user_slot"],
                condition=Q(status__in=["wachtrij", "bezig"]),
                name="report_job_user_slot",
            ),
            models.UniqueConstraint(
                fields=["global_slot"],
                condition=Q(status__in=["wachtrij", "bezig"]),
                name="report_job_global_slot",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="report_job_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        """Return whether the job still waits or runs."""
        return self.status in ACTIVE_STATUSES

    @property
    def step_number(self) -> int:
        """Return the number of the running step (1 to the number of steps), 0 when not running."""
        return JobStep.values.index(self.step) + 1 if self.step in JobStep.values else 0

    @property
    def step_count(self) -> int:
        """Return the number of steps a job goes through."""
        return len(JobStep.values)
