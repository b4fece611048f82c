# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Alert settings per measure, the alerts found on series, and their triage state.

Series are named by codes (measure code, area code), not by foreign keys: alerts are findings
about a series as it was when evaluated, and keep their explanation when data is re-imported.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation


class Method(models.TextChoices):
    """Aberration-detection methods Kompas offers; ``auto`` chooses per series (see ``choice.py``)."""

    AUTO = "auto", _("Automatisch (EARS C2, Farrington zodra de historie het toelaat)")
    FARRINGTON = "farrington-flexible", _("Farrington (flexibel, Noufaily)")
    EARS_C1 = "ears-c1", _("EARS C1")
    EARS_C2 = "ears-c2", _("EARS C2")
    EARS_C3 = "ears-c3", _("EARS C3")
    CUSUM = "cusum", _("CUSUM")


class AlertState(models.TextChoices):
    """Where an alert is in its triage."""

    NEW = "nieuw", _("Nieuw")
    SEEN = "bekeken", _("Bekeken")
    IN_PROGRESS = "in_behandeling", _("In behandeling")
    CLOSED = "afgesloten", _("Afgesloten")


class AlertSetting(models.Model):
    """How one measure's series are watched in an organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisatie"))
    measure_code = models.CharField(_("maatstaf"), max_length=80)
    method = models.CharField(_("methode"), max_length=24, choices=Method.choices, default=Method.AUTO)
    alpha = models.FloatField(_("alfa"), default=0.05, help_text=_("Kans op een vals alarm per punt."))
    min_count = models.PositiveIntegerField(
        _("minimumaantal"),
        default=5,
        help_text=_("Geen alarm bij minder waarnemingen dan dit in de periode."),
    )
    false_discovery_control = models.BooleanField(
        _("correctie voor veel reeksen"),
        default=True,
        help_text=_("Benjamini-Hochberg over alle reeksen van deze maatstaf in één run."),
    )
    active = models.BooleanField(_("actief"), default=True)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[AlertSetting]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("signaleringsinstelling")
        verbose_name_plural = _("signaleringsinstellingen")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "measure_code"], name="alert_setting_per_measure")
        ]
        ordering = ["measure_code"]

    def __str__(self) -> str:
        return f"{self.measure_code} ({self.method})"


class Alert(models.Model):
    """An abnormal value in one series, with everything needed to explain it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisatie"))
    measure_code = models.CharField(_("maatstaf"), max_length=80, db_index=True)
    area_code = models.CharField(_("gebied"), max_length=20, db_index=True)
    period_start = models.DateField(_("periode"))
    period_length = models.CharField(_("periodelengte"), max_length=10)
    observed = models.FloatField(_("waargenomen"))
    expected = models.FloatField(_("verwacht"))
    upperbound = models.FloatField(_("bovengrens"))
    score = models.FloatField(_("score"))
    method = models.CharField(_("methode"), max_length=24, choices=Method.choices)
    method_settings = models.JSONField(_("instellingen"), default=dict)
    series = models.JSONField(
        _("reeks"), default=list, help_text=_("De geëvalueerde reeks, voor de grafiek.")
    )
    state = models.CharField(_("status"), max_length=20, choices=AlertState.choices, default=AlertState.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("behandelaar"),
    )
    note = models.TextField(_("notitie"), blank=True)
    created_at = models.DateTimeField(_("gevonden op"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[Alert]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("signalering")
        verbose_name_plural = _("signaleringen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "measure_code", "area_code", "period_start", "method"],
                name="alert_once",
            )
        ]
        ordering = ["-period_start", "-score"]

    def __str__(self) -> str:
        return f"{self.measure_code} {self.area_code} {self.period_start}"


class DigestSubscription(models.Model):
    """A user's choice to receive the weekly e-mail summary of new alerts."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisatie"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="alert_digest",
        verbose_name=_("gebruiker"),
    )
    last_sent_at = models.DateTimeField(_("laatst verzonden"), null=True, blank=True)

    objects: ClassVar[models.Manager[DigestSubscription]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("wekelijkse samenvatting")
        verbose_name_plural = _("wekelijkse samenvattingen")

    def __str__(self) -> str:
        return str(self.user_id)
