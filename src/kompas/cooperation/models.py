# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Models of kompas.cooperation: the Platform, its members, its projects and their progress reports.

A project belongs to a Platform (an organisation of kind *regio*) and is visible to the users of
the Platform and of its member organisations: regional work is shared by design, so the scope is
"my organisation or a Platform it belongs to" (:class:`PlatformScopedManager`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope

from kompas.accounts.models import Organisation

# Criterion 4 reads "Speelt in = 7 Twentse gemeeanten" in the OCR; "at least 7 of 14" is the most
# plausible reading (spec §6.6, medium confidence), so the number is a setting of the Platform.
DEFAULT_MIN_MUNICIPALITIES = 7


class PlatformScopedManager(models.Manager[Any]):
    """Rows of the active organisation's Platforms: the Platform itself or one of its members.

    Without an active scope a query fails loudly, as every tenant query in Kompas does.
    """

    def __init__(self, path: str = "platform") -> None:
        super().__init__()
        self.path = path

    def get_queryset(self) -> models.QuerySet[Any]:
        """Return the rows of the Platforms the active organisation is or belongs to."""
        current: dict[str, Any] = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "organisation" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"organisation"})  # type: ignore[no-any-return]  # django-scopes is untyped
        organisation = current["organisation"]
        # A subquery, not a join: the rows stay distinct, and select_for_update works on PostgreSQL.
        platforms = Platform.objects.filter(Q(organisation=organisation) | Q(members=organisation)).values(
            "pk"
        )
        return super().get_queryset().filter(**{f"{self.path}__in": platforms})


class Platform(models.Model):
    """A regional cooperation (the Platform IVZ Twente): its organisation, members and settings."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="platform", verbose_name=_("organisatie")
    )
    members = models.ManyToManyField(Organisation, related_name="platforms", verbose_name=_("deelnemers"))
    min_municipalities = models.PositiveSmallIntegerField(
        _("minimum aantal gemeenten (selectiecriterium 4)"),
        default=DEFAULT_MIN_MUNICIPALITIES,
        help_text=_("Een project moet spelen in ten minste zoveel gemeenten van het Platform."),
    )

    objects: ClassVar[models.Manager[Platform]] = models.Manager()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self) -> str:
        return self.organisation.name


class ProjectState(models.TextChoices):
    """Where a project is in the work process of spec §6.6 (plus the gaps it leaves, see workflow)."""

    REQUESTED = "verzoek", _("Projectverzoek ingediend")
    ASSIGNMENT_DRAFTED = "opdracht", _("Projectopdracht opgesteld")
    REJECTED = "afgewezen", _("Afgewezen")
    ACCEPTED = "geselecteerd", _("Geselecteerd")
    PLANNING = "plan_in_voorbereiding", _("Projectplan in voorbereiding")
    PLAN_SUBMITTED = "plan_ingediend", _("Projectplan ingediend")
    PLAN_APPROVED_OFFICIAL = "plan_ambtelijk_vastgesteld", _("Plan ambtelijk vastgesteld (Platform)")
    PLAN_ADOPTED = "plan_bestuurlijk_vastgesteld", _("Plan bestuurlijk vastgesteld (DVO)")
    IN_EXECUTION = "in_uitvoering", _("In uitvoering")
    EVALUATION = "evaluatie", _("Evaluatie ingediend")
    CLOSED = "afgesloten", _("Afgesloten")
    SUSPENDED = "opgeschort", _("Opgeschort")


class SubmitterKind(models.TextChoices):
    """Who may ask the Platform for a project (L2312-2313)."""

    DVO = "dvo", _("Het DVO")
    MAYOR = "burgemeester", _("Een burgemeester")
    PARTNER = "partner", _("Een deelnemende partner van het Platform")


class Project(models.Model):
    """A regional project from request to closure; the formats' answers are kept per field code."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="projects")
    title = models.CharField(_("titel (opdrachtnaam)"), max_length=200)
    request = models.TextField(_("verzoek"))
    submitter_kind = models.CharField(_("ingediend namens"), max_length=20, choices=SubmitterKind.choices)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ingediend door")
    )
    municipalities = models.JSONField(_("gemeenten waar het speelt (CBS-codes)"), default=list)
    state = models.CharField(
        _("status"), max_length=40, choices=ProjectState.choices, default=ProjectState.REQUESTED
    )
    suspended_from = models.CharField(max_length=40, choices=ProjectState.choices, blank=True)
    assignment = models.JSONField(_("projectopdracht (bijlage 4)"), default=dict)
    criteria = models.JSONField(_("selectiecriteria"), default=dict)
    plan = models.JSONField(_("projectplan (bijlage 5)"), default=dict)
    evaluation = models.JSONField(_("evaluatie (bijlage 6)"), default=dict)
    portfolio_holder = models.CharField(_("bestuurlijk portefeuillehouder (DVO)"), max_length=200, blank=True)
    project_leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("projectleider"),
    )
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    feedback = models.TextField(_("laatste terugkoppeling"), blank=True)
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[Project]] = PlatformScopedManager("platform")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title


class ProgressReport(models.Model):
    """A half-year report of the project leader to the regiocoördinator (bijlage 7, L3205-3206)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress_reports")
    year = models.PositiveSmallIntegerField(_("jaar"))
    half = models.PositiveSmallIntegerField(
        _("halfjaar"), choices=[(1, _("eerste halfjaar")), (2, _("tweede halfjaar"))]
    )
    content = models.TextField(_("inhoudelijke voortgang"))
    process = models.TextField(_("procesmatige voortgang"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ProgressReport]] = PlatformScopedManager("project__platform")

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["year", "half"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "half"], name="cooperation_one_report_per_half_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}-H{self.half}"


class Audience(models.TextChoices):
    """Who may find and open a document of the catalogue."""

    PUBLIC = "openbaar", _("Iedereen met een Kompas-account")
    PLATFORM = "platform", _("Deelnemers van het Platform")
    OWN = "eigen", _("Alleen de eigen organisatie")


class DocumentKind(models.TextChoices):
    """What a document of the catalogue is."""

    PLAN = "plan", _("Plan")
    REPORT = "rapport", _("Rapportage")
    ANALYSIS = "analyse", _("Analyse")
    COVENANT = "convenant", _("Convenant")
    PROJECT_PLAN = "projectplan", _("Projectplan")
    DATASET = "dataset", _("Dataset")


class TextState(models.TextChoices):
    """What the catalogue knows of a document's text (:mod:`kompas.cooperation.pdf_text`)."""

    NOT_PDF = "", _("geen PDF")
    FULL = "volledig", _("tekst doorzoekbaar")
    CUT = "ingekort", _("tekst doorzoekbaar tot 100.000 tekens")
    EMPTY = "geen_tekst", _("geen tekst in de PDF (gescand?); alleen titel en omschrijving doorzoekbaar")
    FAILED = "onleesbaar", _("PDF niet leesbaar; alleen titel en omschrijving doorzoekbaar")


class DocumentManager(models.Manager[Any]):
    """Documents the active organisation may see: public ones, its own, its Platforms' ones."""

    def get_queryset(self) -> models.QuerySet[Any]:
        """Return the documents whose audience includes the active organisation."""
        current: dict[str, Any] = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "organisation" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"organisation"})  # type: ignore[no-any-return]  # django-scopes is untyped
        organisation = current["organisation"]
        platforms = Platform.objects.filter(Q(organisation=organisation) | Q(members=organisation)).values(
            "pk"
        )
        visible = (
            Q(audience=Audience.PUBLIC)
            | Q(organisation=organisation)
            | Q(audience=Audience.PLATFORM, platform__in=platforms)
        )
        return super().get_queryset().filter(visible)


class Document(models.Model):
    """A document of the *online apothekerskast* (spec §12.1): one place for safety information."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("eigenaar")
    )
    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, null=True, blank=True, related_name="documents"
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=DocumentKind.choices)
    theme = models.CharField(_("thema"), max_length=100, blank=True)
    audience = models.CharField(_("doelgroep"), max_length=20, choices=Audience.choices)
    document_date = models.DateField(_("datum van het document"))
    file_name = models.CharField(_("bestandsnaam"), max_length=200)
    stored_as = models.CharField(max_length=200, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("grootte (bytes)"), editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # the PDF's text layer, extracted at upload (kompas.cooperation.pdf_text), searched with the title
    text = models.TextField(_("tekst uit de PDF"), blank=True, editable=False)
    text_state = models.CharField(
        _("doorzoekbaarheid"), max_length=20, choices=TextState.choices, blank=True, editable=False
    )

    objects: ClassVar[models.Manager[Document]] = DocumentManager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-document_date", "title"]

    def __str__(self) -> str:
        return self.title


class FigureShare(models.Model):
    """A municipality's explicit consent to show its own figures of one measure to its Platform.

    Own figures (non-open data) stay private unless shared (ADR 0003, ADR 0011). A share is never
    deleted: revoking sets ``revoked_at``, so the history of who saw what, and when, stays readable
    beside the audit records.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("eigenaar")
    )
    platform = models.ForeignKey(
        Platform, on_delete=models.PROTECT, related_name="+", verbose_name=_("platform")
    )
    measure_code = models.CharField(_("maatstaf"), max_length=80)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(_("gedeeld op"), auto_now_add=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects: ClassVar[models.Manager[FigureShare]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("gedeelde eigen cijfers")
        verbose_name_plural = _("gedeelde eigen cijfers")
        ordering = ["measure_code", "-shared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "platform", "measure_code"],
                condition=Q(revoked_at__isnull=True),
                name="cooperation_one_active_share",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.measure_code} → {self.platform_id}"


class ThemeProject(models.Model):
    """A municipality's IVP theme served by a regional project of its Platform (issue 18 point 6).

    The link belongs to the municipality (its OOV adviser keeps it); the theme is its own, the
    project one of a Platform it takes part in.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    theme = models.ForeignKey(
        "policy.Theme", on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="+", verbose_name=_("project")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ThemeProject]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("regionaal project bij een thema")
        verbose_name_plural = _("regionale projecten bij thema's")
        constraints = [
            models.UniqueConstraint(fields=["theme", "project"], name="cooperation_theme_project_once")
        ]

    def __str__(self) -> str:
        return f"{self.theme_id} → {self.project_id}"


class DvoMeeting(models.Model):
    """A meeting date of the DVO (spec §6: the bestuurlijk overleg the Platform reports to).

    Entered per year by the regiocoördinator (:mod:`kompas.cooperation.meetings`); the calendar,
    the start page and the steps that wait for the DVO show the next one.
    """

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("datum"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[DvoMeeting]] = ScopedManager(organisation="platform__organisation")

    class Meta:
        verbose_name = _("DVO-vergadering")
        verbose_name_plural = _("DVO-vergaderingen")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["platform", "date"], name="cooperation_one_dvo_a_day")]

    def __str__(self) -> str:
        return f"DVO {self.date.isoformat()}"
