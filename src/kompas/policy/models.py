# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The integral safety plan (IVP) as data: plan → themes (themabladen) → goals, targets,
actions, responsibilities and costs; the budget table, the OOV capacity and the scenarios.

Every object keeps ``source_ref``, the line(s) of the source document it comes from (empty for
what users add), and ``version``, raised on every change so that a second editor working from
an older version is stopped instead of overwriting (optimistic locking).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from django_stubs_ext import StrOrPromise

from kompas.accounts.models import Organisation
from kompas.indicators.models import Indicator
from kompas.policy import choices

PLAN_SCOPE = "plan__organisation"
THEME_SCOPE = "theme__plan__organisation"


def _ref(label: StrOrPromise) -> models.CharField[str, str]:
    return models.CharField(label, max_length=200, blank=True)


def _fte(label: StrOrPromise) -> models.DecimalField[Decimal | None, Decimal | None]:
    return models.DecimalField(label, max_digits=6, decimal_places=2, null=True, blank=True)


def _money(label: StrOrPromise) -> models.DecimalField[Decimal | None, Decimal | None]:
    return models.DecimalField(label, max_digits=12, decimal_places=2, null=True, blank=True)


class Sourced(models.Model):
    """Fields every plan object has: its source lines and its edit version."""

    source_ref = _ref(_("bronverwijzing (regels in de bron, bijv. L431-432)"))
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    class Meta:
        abstract = True


class Plan(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """One integral safety plan of one municipality for a period."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisatie"))
    key = models.SlugField(_("sleutel"), max_length=80, help_text=_("Bijv. hengelo_ivp_2017_2020."))
    title = models.CharField(_("titel"), max_length=300)
    period_start = models.PositiveSmallIntegerField(_("eerste jaar"))
    period_end = models.PositiveSmallIntegerField(_("laatste jaar"))
    status = models.CharField(_("status"), max_length=10, choices=choices.PlanStatus.choices)
    adoption_date = models.DateField(_("vaststellingsdatum"), null=True, blank=True)
    question_headings = models.JSONField(_("de vijf vragen"), default=list, blank=True)
    phases = models.JSONField(_("fasering"), default=list, blank=True)
    budget_stated_total = _money(_("gedrukt begrotingstotaal"))
    budget_stated_total_ref = _ref(_("bron van het totaal"))
    budget_history = models.JSONField(_("voorgeschiedenis van de begroting"), default=dict, blank=True)
    source_document = models.JSONField(_("brondocument"), default=dict, blank=True)

    objects: ClassVar[models.Manager[Plan]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("veiligheidsplan")
        ordering = ["-period_start", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="plan_key_per_organisation")
        ]

    def __str__(self) -> str:
        return self.title


class Veiligheidsveld(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """One of the five safety fields of the VNG method Kernbeleid Veiligheid."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="fields", verbose_name=_("plan"))
    code = models.CharField(_("code"), max_length=10)
    number = models.CharField(_("nummer"), max_length=10, blank=True)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)

    objects: ClassVar[models.Manager[Veiligheidsveld]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("veiligheidsveld")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="field_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.number} {self.name}".strip()


class Theme(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """A priority theme and its themablad."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="themes", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("titel"), max_length=300)
    short_name = _ref(_("korte naam"))
    urgent = models.BooleanField(_("hoge urgentie"), default=False)
    veiligheidsveld = models.ForeignKey(
        Veiligheidsveld, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("veiligheidsveld")
    )
    phase = models.PositiveSmallIntegerField(_("fase"), choices=choices.Phase.choices, null=True, blank=True)
    lead_organisation = _ref(_("trekker: organisatie"))
    lead_department = _ref(_("trekker: afdeling"))
    lead_printed = models.CharField(_("trekker zoals gedrukt"), max_length=300, blank=True)
    oov_role = models.CharField(_("rol van OOV"), max_length=30, choices=choices.OovRole.choices, blank=True)
    effort_hours = models.PositiveIntegerField(
        _("geschatte inzet OOV (uren per jaar)"),
        null=True,
        blank=True,
        help_text=_("Schatting, niet uit de bron; aan te passen."),
    )
    question_headings = models.JSONField(_("koppen zoals gedrukt"), default=dict, blank=True)
    footnotes = models.JSONField(_("voetnoten"), default=list, blank=True)

    objects: ClassVar[models.Manager[Theme]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("thema")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="theme_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ThemeParagraph(Sourced):
    """A paragraph of "Waar gaat het om?"."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="paragraphs", verbose_name=_("thema"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    heading = models.CharField(_("kopje"), max_length=300, blank=True)
    area = models.CharField(_("gebied"), max_length=100, blank=True)
    text = models.TextField(_("tekst"))

    objects: ClassVar[models.Manager[ThemeParagraph]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("alinea")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.heading or self.text[:60]


class Goal(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """What the theme wants to achieve ("Wat willen we bereiken?"), measured by indicators."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="goals", verbose_name=_("thema"))
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    level = models.CharField(_("niveau"), max_length=10, choices=choices.GoalLevel.choices, default="doel")
    parent = models.ForeignKey("self", models.SET_NULL, null=True, blank=True, verbose_name=_("hoofddoel"))
    text = models.TextField(_("doel"))
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="+", verbose_name=_("indicatoren")
    )
    note = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[Goal]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("doel")
        ordering = ["position", "code"]
        constraints = [models.UniqueConstraint(fields=["theme", "code"], name="goal_code_per_theme")]

    def __str__(self) -> str:
        return self.code


class Target(Sourced):
    """An indicator's baseline and target in this plan, for the municipality or one area."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="targets", verbose_name=_("thema"))
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="+", verbose_name=_("indicator")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=choices.TargetKind.choices, default="plan")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    area = models.CharField(
        _("gebied"), max_length=100, blank=True, help_text=_("Naam of CBS-code; leeg is de gemeente.")
    )
    baseline_value = models.FloatField(_("basiswaarde"), null=True, blank=True)
    baseline_period = models.PositiveSmallIntegerField(_("jaar van de basiswaarde"), null=True, blank=True)
    baseline_period_text = models.CharField(_("peilmoment (tekst)"), max_length=100, blank=True)
    baseline_ref = _ref(_("bron van de basiswaarde"))
    rule = models.CharField(
        _("streefregel"), max_length=20, choices=choices.TargetRuleChoices.choices, blank=True
    )
    target_value = models.FloatField(_("streefwaarde"), null=True, blank=True)
    target_period = models.PositiveSmallIntegerField(_("streefjaar"), null=True, blank=True)
    target_text = models.TextField(_("streefwaarde zoals gedrukt"), blank=True)
    target_ref = _ref(_("bron van de streefwaarde"))
    context_values = models.JSONField(_("contextwaarden"), default=list, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[Target]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("streefwaarde")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area}".strip()


class Action(Sourced):
    """Something the theme does or needs ("Wat hebben we daarvoor nodig?", "Wat gaan we doen?")."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="actions", verbose_name=_("thema"))
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    section = _ref(_("kop zoals gedrukt"))
    title = models.CharField(_("titel"), max_length=300, blank=True)
    text = models.TextField(_("tekst"))
    led_by = _ref(_("getrokken door"))
    details = models.JSONField(_("uitwerking"), default=list, blank=True)
    state = models.CharField(
        _("status"), max_length=10, choices=choices.ActionState.choices, default=choices.ActionState.PLANNED
    )

    objects: ClassVar[models.Manager[Action]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("actie")
        ordering = ["position", "code"]
        constraints = [models.UniqueConstraint(fields=["theme", "code"], name="action_code_per_theme")]

    def __str__(self) -> str:
        return self.code


class Responsibility(Sourced):
    """A department or partner with its part in the theme ("Wie hebben we daarvoor nodig?")."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="responsibilities", verbose_name=_("thema"))
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    party = models.CharField(_("partij"), max_length=300)
    kind = models.CharField(_("intern of extern"), max_length=10, choices=choices.PartyKind.choices)
    role = models.CharField(_("rol"), max_length=20, choices=choices.PartyRole.choices)
    section = _ref(_("kop zoals gedrukt"))
    task = models.TextField(_("taak"), blank=True)

    objects: ClassVar[models.Manager[Responsibility]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("betrokkene")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "code"], name="responsibility_code_per_theme")
        ]

    def __str__(self) -> str:
        return self.party


class BudgetLine(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """One line of the budget table, exactly as printed."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="budget_lines", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    code = models.CharField(_("code"), max_length=10)
    subject = models.CharField(_("thema/onderwerp"), max_length=300)
    status = models.CharField(_("status"), max_length=300, blank=True)
    status_categories = models.JSONField(_("statuscategorieën"), default=list, blank=True)
    amount = _money(_("in begroting (€)"))
    amount_printed = models.CharField(_("bedrag zoals gedrukt"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    note = models.TextField(_("omschrijving/toelichting"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="budget_lines", verbose_name=_("thema’s"))

    objects: ClassVar[models.Manager[BudgetLine]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("begrotingsregel")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="budget_line_code_per_plan")]

    def __str__(self) -> str:
        return self.subject


class ThemeBudget(Sourced):
    """The amount budgeted for one theme in one year (IVP §3.4 gives one year; later years are
    entered here). Spending is recorded per budget line (:class:`Spending`)."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="budget_years", verbose_name=_("thema"))
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = _money(_("begroot (€)"))
    note = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[ThemeBudget]] = ScopedManager(organisation=THEME_SCOPE)

    class Meta:
        verbose_name = _("themabudget")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["theme", "year"], name="theme_budget_per_year")]

    def __str__(self) -> str:
        return f"{self.theme.code} {self.year}"


class Spending(Sourced):
    """What was actually spent on one budget line in one year (realisatie)."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="spending", verbose_name=_("plan"))
    budget_line = models.ForeignKey(
        BudgetLine, models.CASCADE, related_name="spending", verbose_name=_("begrotingsregel")
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = models.DecimalField(_("besteed (€)"), max_digits=12, decimal_places=2)
    note = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[Spending]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("besteding")
        ordering = ["year", "budget_line__number"]
        constraints = [models.UniqueConstraint(fields=["budget_line", "year"], name="spending_per_line_year")]

    def __str__(self) -> str:
        return f"{self.budget_line.code} {self.year}"

    def clean(self) -> None:
        """A spending belongs to a line of its own plan."""
        # (the form checks a new spending before its plan is set; the edit checks it again after)
        if (
            self.plan_id is not None
            and self.budget_line_id is not None
            and self.budget_line.plan_id != self.plan_id
        ):
            raise ValidationError({"budget_line": _("Kies een begrotingsregel van dit plan.")})


class CostItem(Sourced):  # type: ignore[django-manager-missing]  # scoped reverse managers
    """A cost named on a themablad ("Wat gaat dat kosten?") or elsewhere in the plan."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="cost_items", verbose_name=_("plan"))
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="costs", verbose_name=_("thema")
    )
    origin = models.CharField(
        _("genoemd in"), max_length=10, choices=choices.CostOrigin.choices, default="themablad"
    )
    code = models.CharField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.TextField(_("omschrijving"))
    kind = models.CharField(_("soort"), max_length=10, choices=choices.CostKind.choices, default="geld")
    amount = _money(_("bedrag (€)"))
    amount_per_inhabitant = _money(_("bedrag per inwoner (€)"))
    fte = _fte(_("fte"))
    pm = models.BooleanField(_("PM (pro memorie)"), default=False)
    frequency = models.CharField(_("frequentie"), max_length=100, blank=True)
    budget_source = models.CharField(_("dekking"), max_length=300, blank=True)
    budget_line = models.ForeignKey(
        BudgetLine, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("begrotingsregel")
    )
    part_of = models.ForeignKey("self", models.CASCADE, null=True, blank=True, verbose_name=_("deel van"))
    note = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[CostItem]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("kostenpost")
        ordering = ["origin", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="cost_code_per_plan")]

    def __str__(self) -> str:
        return self.code


class CapacityPlan(Sourced):
    """The OOV formation and how its time is divided over kinds of work (``shares``, as printed;
    the share marked ``new_priorities`` is the room for the plan's themes)."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="capacity", verbose_name=_("plan")
    )
    fte = _fte(_("formatie OOV (fte)"))
    fte_recommended = _fte(_("aanbevolen formatie (fte)"))
    fte_recommended_ref = _ref(_("bron van de aanbeveling"))
    shares = models.JSONField(
        _("verdeling van de inzet"),
        default=list,
        blank=True,
        help_text=_("Per soort werk: code, label, percent, printed, source_ref, new_priorities."),
    )
    hours_per_fte = models.PositiveIntegerField(
        _("productieve uren per fte per jaar"),
        default=1440,
        help_text=_("Aanname, niet uit de bron: 36 uur per week × 40 productieve weken."),
    )

    objects: ClassVar[models.Manager[CapacityPlan]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("capaciteit OOV")

    def __str__(self) -> str:
        return str(self.plan)


class Scenario(Sourced):
    """A choice put to the council, with the parameters the capacity comparison uses."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="scenarios", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("nummer"))
    code = models.CharField(_("code"), max_length=10)
    kind = models.CharField(_("soort"), max_length=30, choices=choices.ScenarioKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    consequence = models.TextField(_("gevolg"), blank=True)
    resources = models.CharField(_("middelen"), max_length=300, blank=True)
    extra_fte = models.DecimalField(
        _("extra formatie voor prioriteiten (fte)"), max_digits=6, decimal_places=2, default=0
    )

    objects: ClassVar[models.Manager[Scenario]] = ScopedManager(organisation=PLAN_SCOPE)

    class Meta:
        verbose_name = _("scenario")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="scenario_code_per_plan")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
