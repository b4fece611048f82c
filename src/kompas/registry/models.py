# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""What a municipality and its partners *do*, recorded so that the plan's counts get values.

An :class:`Activity` is one training, information meeting, network meeting or exercise; its
participants (names of employees and partners) are personal data and live in
:class:`Participant`, reached only through :mod:`kompas.registry.access`. Which plan indicator a
kind of activity counts for is data: an :class:`IndicatorLink` per organisation, kept by the
OOV adviser (:mod:`kompas.registry.links`). Every change writes the counts as observations
(:mod:`kompas.registry.feed`). An :class:`Event` is an application on the regional form with its
risk class, computed from the criteria table (:mod:`kompas.registry.risk`) and set by the adviser.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation


class ActivityKind(models.TextChoices):
    """The kinds of activity the plan counts (IVP T3.I3, T4.I2, T6.I1, T6.I3, T8.I1, T8.I2)."""

    TRAINING = "training", _("Training")
    INFORMATION_MEETING = "informatiebijeenkomst", _("Informatiebijeenkomst")
    NETWORK_MEETING = "netwerkbijeenkomst", _("Netwerkbijeenkomst")
    EXERCISE = "oefening", _("Oefening")
    RING_1 = "radicalisering_ring_1", _("Training radicalisering, eerste ring (3 dagen)")
    RING_2 = "radicalisering_ring_2", _("Training radicalisering, tweede ring (1 dag)")


class Activity(models.Model):
    """One activity: what, when, where, by whom, for how many, at what cost."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("organisatie"))
    kind = models.CharField(_("soort"), max_length=40, choices=ActivityKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    start = models.DateField(_("begindatum"))
    end = models.DateField(_("einddatum"))
    area_code = models.CharField(
        _("gebied"), max_length=12, help_text=_("CBS-code van de gemeente of een wijk, bijv. GM0164.")
    )
    organiser = models.CharField(_("organisator"), max_length=200)
    participant_count = models.PositiveIntegerField(_("aantal deelnemers"))
    cost = models.DecimalField(_("kosten (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    train_the_trainer = models.BooleanField(_("met module train-de-trainer"), default=False)
    is_demo = models.BooleanField(
        _("demogegevens"),
        default=False,
        help_text=_("Verzonnen voorbeeld van de demo; geen echte activiteit."),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[Activity]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-start", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "title", "start", "area_code"], name="activity_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start})"


class Participant(models.Model):
    """A person who took part in an activity: personal data, read only through ``access``."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("functie"), max_length=200, blank=True)
    participant_organisation = models.CharField(_("organisatie van de deelnemer"), max_length=200, blank=True)

    objects: ClassVar[models.Manager[Participant]] = ScopedManager(organisation="activity__organisation")
    audit_redacted_fields = frozenset({"name", "role", "participant_organisation"})

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"deelnemer {self.pk}"


EVENT_KIND = "evenement"
# What a link may count: a kind of activity, or the events (their number, or incidents during them).
LINKED_KINDS = [*ActivityKind.choices, (EVENT_KIND, _("Evenementen"))]


class CountedAs(models.TextChoices):
    """What of a kind a plan indicator counts: the activities or events, participants, incidents."""

    ACTIVITIES = "activiteiten", _("Aantal activiteiten of evenementen")
    PARTICIPANTS = "deelnemers", _("Aantal deelnemers")
    INCIDENTS = "incidenten", _("Aantal incidenten tijdens evenementen")


class IndicatorLink(models.Model):
    """An activity kind counting for a plan indicator of the organisation (by indicator code)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("organisatie"))
    kind = models.CharField(_("soort"), max_length=40, choices=LINKED_KINDS)
    counted = models.CharField(_("telt"), max_length=20, choices=CountedAs.choices)
    indicator_code = models.CharField(_("indicator"), max_length=80)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[IndicatorLink]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("koppeling aan een indicator")
        verbose_name_plural = _("koppelingen aan indicatoren")
        ordering = ["indicator_code", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "indicator_code"], name="link_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.indicator_code}"


class RiskClass(models.TextChoices):
    """The uniform risk classes of events: A regular, B attention, C high risk."""

    A = "A", _("A (regulier)")
    B = "B", _("B (aandacht)")
    C = "C", _("C (risicovol)")


class Event(models.Model):
    """An event application (regional model): what, when, where, how big, and its risk class."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registry_events", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam van het evenement"), max_length=200)
    organiser = models.CharField(_("organisator"), max_length=200)
    start = models.DateField(_("begindatum"))
    end = models.DateField(_("einddatum"))
    area_code = models.CharField(_("gebied"), max_length=12)
    location = models.CharField(_("locatie"), max_length=200)
    answers = models.JSONField(_("antwoorden voor de risicoclassificatie"), default=dict)
    score = models.PositiveSmallIntegerField(_("risicoscore"), default=0)
    computed_class = models.CharField(_("berekende risicoklasse"), max_length=1, choices=RiskClass.choices)
    final_class = models.CharField(
        _("vastgestelde risicoklasse"), max_length=1, choices=RiskClass.choices, blank=True
    )
    final_reason = models.TextField(_("reden van de vastgestelde klasse"), blank=True)
    advice = models.TextField(_("advies en voorwaarden"), blank=True)
    incidents = models.PositiveIntegerField(_("incidenten tijdens het evenement"), null=True, blank=True)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects: ClassVar[models.Manager[Event]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")
        ordering = ["start", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name", "start"], name="event_once")]

    def __str__(self) -> str:
        return f"{self.name} ({self.start})"

    @property
    def risk_class(self) -> str:
        """Return the class that holds: the adviser's final class, else the computed one."""
        return self.final_class or self.computed_class


class OtoKind(models.TextChoices):
    """The Veiligheidspaspoort's kinds: opleiden, trainen, oefenen (OTO) and a real deployment."""

    EDUCATION = "opleiden", _("Opleiden")
    TRAINING = "trainen", _("Trainen")
    EXERCISE = "oefenen", _("Oefenen")
    DEPLOYMENT = "inzet", _("Inzet bij een incident")


class PaspoortFunction(models.Model):
    """A Bevolkingszorg function (e.g. Officier van Dienst Bevolkingszorg) with yearly requirements."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("functie"), max_length=200)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[PaspoortFunction]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("functie (Veiligheidspaspoort)")
        verbose_name_plural = _("functies (Veiligheidspaspoort)")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="paspoort_function_once")
        ]

    def __str__(self) -> str:
        return self.name


class Requirement(models.Model):
    """How many activities of a kind a function asks for every year (the vakbekwaamheid norm)."""

    function = models.ForeignKey(PaspoortFunction, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=OtoKind.choices)
    per_year = models.PositiveSmallIntegerField(_("per jaar"))

    objects: ClassVar[models.Manager[Requirement]] = ScopedManager(organisation="function__organisation")

    class Meta:
        verbose_name = _("jaarlijkse eis")
        verbose_name_plural = _("jaarlijkse eisen")
        constraints = [models.UniqueConstraint(fields=["function", "kind"], name="requirement_once")]

    def __str__(self) -> str:
        return f"{self.kind} × {self.per_year}"


class Functionary(models.Model):
    """A key functionary of Bevolkingszorg with a Veiligheidspaspoort: personal data.

    ``user`` is their Kompas account, through which they see their own dossier.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    function = models.ForeignKey(PaspoortFunction, on_delete=models.PROTECT, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[Functionary]] = ScopedManager(organisation="organisation")
    audit_redacted_fields = frozenset({"name"})

    class Meta:
        verbose_name = _("functionaris")
        verbose_name_plural = _("functionarissen")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"functionaris {self.pk}"


class OtoActivity(models.Model):
    """One OTO activity or real deployment, with its cost (the OTO overview, R84)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=OtoKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    cost = models.DecimalField(_("kosten (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    is_demo = models.BooleanField(_("demogegevens"), default=False)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[OtoActivity]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("OTO-activiteit")
        verbose_name_plural = _("OTO-activiteiten")
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"


class Assessment(models.TextChoices):
    """The performance a functionary showed, as assessed."""

    GOOD = "goed", _("Goed")
    SUFFICIENT = "voldoende", _("Voldoende")
    INSUFFICIENT = "onvoldoende", _("Onvoldoende")


class Attendance(models.Model):
    """A functionary present at an OTO activity or deployment, with the assessed performance."""

    activity = models.ForeignKey(OtoActivity, on_delete=models.CASCADE, related_name="+")
    functionary = models.ForeignKey(Functionary, on_delete=models.CASCADE, related_name="+")
    assessment = models.CharField(_("beoordeling"), max_length=20, choices=Assessment.choices, blank=True)

    objects: ClassVar[models.Manager[Attendance]] = ScopedManager(organisation="activity__organisation")

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        constraints = [models.UniqueConstraint(fields=["activity", "functionary"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.activity_id}/{self.functionary_id}"


class PartnerTarget(models.Model):
    """A partner's yearly target for one measure and what was realised (RIEC jaarplan, spec §7.7)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    group = models.CharField(_("groep"), max_length=200)
    measure = models.CharField(_("maatstaf"), max_length=300)
    target = models.PositiveIntegerField(_("streefcijfer"))
    realisation = models.PositiveIntegerField(_("realisatie"), null=True, blank=True)
    source_ref = models.CharField(_("bronverwijzing"), max_length=100, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[models.Manager[PartnerTarget]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("streefcijfer van een partner")
        verbose_name_plural = _("streefcijfers van partners")
        ordering = ["-year", "group", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "group", "measure"], name="partner_target_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.measure}: {self.target}"

    @property
    def share(self) -> float | None:
        """Return the realisation as a percentage of the target; None without realisation."""
        if self.realisation is None or not self.target:
            return None
        return 100 * self.realisation / self.target
