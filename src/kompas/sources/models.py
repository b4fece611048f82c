# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Import runs: one record per file offered to Kompas, with its provenance and outcome."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation


class ImportStatus(models.TextChoices):
    """Outcome of an import run."""

    RUNNING = "bezig", _("Bezig")
    LOADED = "geladen", _("Geladen")
    UNCHANGED = "ongewijzigd", _("Geladen, niets gewijzigd")
    DRY_RUN = "proef", _("Proefimport (niets opgeslagen)")
    REJECTED = "afgewezen", _("Afgewezen")
    FAILED = "mislukt", _("Mislukt")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


class ImportRun(models.Model):
    """One import of one file: what it was, who offered it, and exactly what it did.

    ``errors`` holds the first 1.000 errors as dicts (file, line, column, value, expected,
    message); ``error_count`` counts all of them. Counts are in data rows of the file. A run
    without organisation is the operator's import of open data (ADR 0011): no organisation
    lists it.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("organisatie"),
        help_text=_("Leeg voor open data die de beheerder van de installatie importeert."),
    )
    format = models.CharField(_("formaat"), max_length=40)
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("grootte (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("geïmporteerd door"),
    )
    started_at = models.DateTimeField(_("gestart"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    duration_seconds = models.FloatField(_("duur (s)"), null=True, blank=True)
    licence = models.CharField(_("licentie"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    rows_read = models.PositiveBigIntegerField(_("rijen gelezen"), default=0)
    rows_loaded = models.PositiveBigIntegerField(_("rijen nieuw"), default=0)
    rows_changed = models.PositiveBigIntegerField(_("rijen gewijzigd"), default=0)
    rows_unchanged = models.PositiveBigIntegerField(_("rijen ongewijzigd"), default=0)
    rows_rejected = models.PositiveBigIntegerField(_("rijen afgewezen"), default=0)
    areas_created = models.PositiveIntegerField(_("gebieden aangemaakt"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("aantal fouten"), default=0)
    warnings = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    assumptions = models.JSONField(
        _("aannames"),
        default=dict,
        blank=True,
        help_text=_("Instellingen die de betekenis bepalen (tijdzone, decimaalteken …) en hun herkomst."),
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingetrokken door"),
    )
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vervangen door"),
    )

    objects: ClassVar[models.Manager[ImportRun]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("importrun")
        verbose_name_plural = _("importruns")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["organisation", "sha256"], name="import_run_checksum")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"


class ImportDefaults(models.Model):
    """An organisation's own defaults for importing: settings its files leave out, stated once.

    A time zone is never guessed (issue 15); an organisation whose incident exports are always in
    one zone states it here instead of on every import, and each run records that it came from here.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    timezone = models.CharField(
        _("tijdzone"),
        max_length=64,
        blank=True,
        help_text=_("IANA-tijdzone van tijdstippen zonder tijdzone, zoals Europe/Amsterdam."),
    )

    objects: ClassVar[models.Manager[ImportDefaults]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("importinstellingen")
        verbose_name_plural = _("importinstellingen")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.timezone or '–'}"
