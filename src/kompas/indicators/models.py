# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The indicator catalogue, the definitions that make an entry computable, and the results.

An entry without organisation belongs to the shared standard set every tenant sees; an entry
with an organisation (the indicators of a municipality's own plan, such as Hengelo's T1.I1) is
visible to that organisation only. A :class:`IndicatorDefinition` gives an entry its formula over
measures; :mod:`kompas.indicators.compute` turns the observations into :class:`IndicatorValue`
rows per area and period, with a :class:`IndicatorTrend` per area, :class:`IndicatorComparison`
rows per reference group and :class:`TargetProgress` per plan target. Results derived from open
data are shared (organisation empty); results of an organisation's own indicators or groups
belong to it.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kompas.accounts.models import Organisation
from kompas.accounts.scoping import OwnOrSharedManager
from kompas.areas.models import AreaLevelChoices
from kompas.indicators import vocabulary
from kompas.indicators.status import Status
from kompas.observations import periods


class IndicatorKind(models.TextChoices):
    """What an indicator measures: a societal effect, delivered work, or a process step."""

    EFFECT = "effect", _("Effect")
    PERFORMANCE = "performance", _("Prestatie")
    PROCESS = "process", _("Proces")


class IndicatorDirection(models.TextChoices):
    """Which way is better (:class:`~kompas.indicators.vocabulary.Direction`), labelled."""

    LOWER_IS_BETTER = vocabulary.Direction.LOWER_IS_BETTER, _("Lager is beter")
    HIGHER_IS_BETTER = vocabulary.Direction.HIGHER_IS_BETTER, _("Hoger is beter")
    NONE = vocabulary.Direction.NONE, _("Geen richting")


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

    objects: ClassVar[models.Manager[Indicator]] = OwnOrSharedManager()

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


class FormulaChoices(models.TextChoices):
    """The formulas of :class:`~kompas.indicators.vocabulary.Formula`, labelled."""

    COUNT = vocabulary.Formula.COUNT, _("Aantal")
    RATE = vocabulary.Formula.RATE, _("Per N van een noemer")
    SHARE = vocabulary.Formula.SHARE, _("Aandeel (%)")
    SURVEY_PERCENTAGE = vocabulary.Formula.SURVEY_PERCENTAGE, _("Enquêtepercentage")
    CHANGE = vocabulary.Formula.CHANGE, _("Verandering t.o.v. basisjaar")
    MOVING_AVERAGE = vocabulary.Formula.MOVING_AVERAGE, _("Voortschrijdend gemiddelde")
    COMPOSITE = vocabulary.Formula.COMPOSITE, _("Samengestelde index")


class NormalisationChoices(models.TextChoices):
    """How a composite index scales (:class:`~kompas.indicators.vocabulary.Normalisation`), labelled."""

    MEAN = vocabulary.Normalisation.MEAN, _("100 = gemiddelde")
    MIN_MAX = vocabulary.Normalisation.MIN_MAX, _("0 = slechtste, 100 = beste")


class ComputedPeriodChoices(models.TextChoices):
    """The period lengths values are computed for (:data:`~kompas.observations.periods.COMPUTED`)."""

    MONTH = periods.PeriodLength.MONTH, _("Maand")
    QUARTER = periods.PeriodLength.QUARTER, _("Kwartaal")
    YEAR = periods.PeriodLength.YEAR, _("Jaar")
    ROLLING_12_MONTHS = periods.PeriodLength.ROLLING_12_MONTHS, _("Voortschrijdend 12 maanden")


GROUP_LEVEL = "groep"
LEVEL_CHOICES = [*AreaLevelChoices.choices, (GROUP_LEVEL, _("Gebiedsgroep"))]


class ValueFlag(models.TextChoices):
    """Quality remark on a value (:class:`~kompas.indicators.vocabulary.Flag`), labelled."""

    OK = vocabulary.Flag.OK, _("Geen opmerking")
    SMALL_NUMBERS = vocabulary.Flag.SMALL_NUMBERS, _("Te weinig waarnemingen")
    INCOMPLETE = vocabulary.Flag.INCOMPLETE, _("Onvolledig (regel van de indicator)")


class ProgressStatus(models.TextChoices):
    """Verdict on a target (:class:`~kompas.indicators.status.Status`), labelled."""

    ON_TRACK = Status.ON_TRACK, _("Op koers")
    AT_RISK = Status.AT_RISK, _("Risico")
    OFF_TRACK = Status.OFF_TRACK, _("Niet op koers")
    NO_DATA = Status.NO_DATA, _("Geen data")
    REGISTER_ONLY = Status.REGISTER_ONLY, _("Alleen registreren")


class IndicatorDefinition(models.Model):
    """How a catalogue entry is computed: a formula over measure codes (``docs/indicators.md`` §8).

    ``numerator`` is one measure code or several joined with ``+`` (summed before anything
    else); ``components`` lists ``{"indicator": code, "weight": w}`` for composite indices.
    """

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="definition", verbose_name=_("indicator")
    )
    formula = models.CharField(_("formule"), max_length=20, choices=FormulaChoices.choices)
    numerator = models.CharField(_("teller"), max_length=800, blank=True)
    denominator = models.CharField(_("noemer"), max_length=80, blank=True)
    per = models.FloatField(_("per"), default=1000.0)
    window = models.PositiveSmallIntegerField(_("venster (perioden)"), default=0)
    baseline_year = models.PositiveSmallIntegerField(_("basisjaar"), default=0)
    components = models.JSONField(_("onderdelen"), default=list, blank=True)
    normalisation = models.CharField(
        _("normalisatie"),
        max_length=10,
        choices=NormalisationChoices.choices,
        default=NormalisationChoices.MEAN,
    )
    benchmark_group = models.CharField(
        _("referentiegroep"), max_length=60, blank=True, help_text=_("Code van een gebiedsgroep.")
    )
    comparable = models.BooleanField(
        _("vergelijkbaar tussen gebieden"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg: volgens de formule (aantallen niet, cijfers per inwoner, aandelen en scores wel)."
        ),
    )
    comparable_reason = models.CharField(
        _("reden (on)vergelijkbaarheid"),
        max_length=500,
        blank=True,
        help_text=_("Verplicht wanneer de indicator afwijkt van wat de formule zegt."),
    )
    incomplete_allowed = models.BooleanField(
        _("onvolledige optelling toegestaan"),
        default=False,
        help_text=_(
            "Standaard niet: een gebied waarvan maar een deel van de delen een waarde heeft, krijgt "
            "geen waarde. Met deze regel wel, gemarkeerd als onvolledig."
        ),
    )
    incomplete_reason = models.CharField(
        _("reden onvolledige optelling"),
        max_length=500,
        blank=True,
        help_text=_("Verplicht wanneer onvolledige optellingen zijn toegestaan."),
    )

    objects: ClassVar[models.Manager[IndicatorDefinition]] = OwnOrSharedManager("indicator__organisation")

    class Meta:
        verbose_name = _("indicatordefinitie")
        verbose_name_plural = _("indicatordefinities")

    def __str__(self) -> str:
        return f"{self.formula}({self.numerator})"


class IndicatorState(models.Model):
    """Fill state of one indicator: what its stored results were computed from, and when.

    ``definition_hash`` changes when the definition does (a full recompute follows);
    ``last_import_run`` is the highest import run whose observations are included, so a later
    run means an incremental recompute of the periods it touched.
    """

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="state")
    definition_hash = models.CharField(_("definitie (SHA-256)"), max_length=64)
    last_import_run = models.PositiveBigIntegerField(_("laatste importrun"), default=0)
    computed_at = models.DateTimeField(_("berekend op"))
    duration_seconds = models.FloatField(_("duur (s)"), default=0.0)
    rows = models.PositiveBigIntegerField(_("waarden"), default=0)
    import_runs = models.ManyToManyField(
        "sources.ImportRun", related_name="+", blank=True, verbose_name=_("importruns")
    )

    objects: ClassVar[models.Manager[IndicatorState]] = OwnOrSharedManager("indicator__organisation")

    class Meta:
        verbose_name = _("rekenstand")
        verbose_name_plural = _("rekenstanden")

    def __str__(self) -> str:
        return f"{self.indicator_id} @ {self.last_import_run}"


class ComputeRun(models.Model):
    """One run of ``kompas compute``: what it did and how long it took."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("organisatie")
    )
    started_at = models.DateTimeField(_("gestart"))
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    duration_seconds = models.FloatField(_("duur (s)"), default=0.0)
    indicators = models.JSONField(_("indicatoren"), default=list, blank=True)
    rows = models.PositiveBigIntegerField(_("waarden geschreven"), default=0)
    problems = models.JSONField(_("problemen"), default=list, blank=True)

    objects: ClassVar[models.Manager[ComputeRun]] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("rekenrun")
        verbose_name_plural = _("rekenruns")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class IndicatorValue(models.Model):
    """The value of an indicator for one area (or group) and period, with its interval.

    ``numerator`` and ``denominator`` are the summed parts the value was computed from (so a
    larger area or period can be checked by hand); ``n`` is the number of events or respondents
    the flag looks at; ``import_runs`` the ids of the imports whose observations were used.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("organisatie")
    )
    area_code = models.CharField(_("gebiedscode"), max_length=60)
    area_level = models.CharField(_("niveau"), max_length=12, choices=LEVEL_CHOICES)
    period_start = models.DateField(_("begin periode"))
    period_length = models.CharField(_("periodelengte"), max_length=20, choices=ComputedPeriodChoices.choices)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    ci_low = models.FloatField(_("ondergrens (95 %)"), null=True, blank=True)
    ci_high = models.FloatField(_("bovengrens (95 %)"), null=True, blank=True)
    numerator = models.FloatField(_("teller"), null=True, blank=True)
    denominator = models.FloatField(_("noemer"), null=True, blank=True)
    denominator_year = models.PositiveSmallIntegerField(_("jaar van de noemer"), null=True, blank=True)
    n = models.PositiveBigIntegerField(_("waarnemingen"), null=True, blank=True)
    flag = models.CharField(_("opmerking"), max_length=30, choices=ValueFlag.choices, blank=True, default="")
    import_runs = models.JSONField(_("importruns"), default=list, blank=True)

    objects: ClassVar[models.Manager[IndicatorValue]] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        indexes = [
            models.Index(
                fields=["indicator", "period_length", "period_start"], name="value_indicator_period"
            ),
            models.Index(fields=["indicator", "area_code"], name="value_indicator_area"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.period_start} = {self.value}"


class IndicatorTrend(models.Model):
    """The trend of one indicator in one area: % change per year, or a survey change.

    Counts: a Poisson or negative binomial regression over ``n_periods`` periods of
    ``period_length`` (``docs/indicators.md`` §3). Survey series: the last two measurements,
    their ``difference`` in points and whether it exceeds the ``combined_margin``.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="trends")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True)
    area_code = models.CharField(_("gebiedscode"), max_length=60)
    area_level = models.CharField(_("niveau"), max_length=12, choices=LEVEL_CHOICES)
    period_length = models.CharField(_("periodelengte"), max_length=20, choices=ComputedPeriodChoices.choices)
    first_period = models.DateField(_("eerste periode"))
    last_period = models.DateField(_("laatste periode"))
    n_periods = models.PositiveSmallIntegerField(_("aantal perioden"))
    method = models.CharField(_("methode"), max_length=30)
    pct_per_year = models.FloatField(_("verandering per jaar (%)"), null=True, blank=True)
    ci_low = models.FloatField(_("ondergrens (95 %)"), null=True, blank=True)
    ci_high = models.FloatField(_("bovengrens (95 %)"), null=True, blank=True)
    p_value = models.FloatField(_("p-waarde"), null=True, blank=True)
    pearson_ratio = models.FloatField(_("Pearson χ²/df"), null=True, blank=True)
    difference = models.FloatField(_("verschil (punten)"), null=True, blank=True)
    combined_margin = models.FloatField(_("gecombineerde marge"), null=True, blank=True)
    exceeds_margin = models.BooleanField(_("groter dan de marge"), null=True, blank=True)

    objects: ClassVar[models.Manager[IndicatorTrend]] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("trend")
        verbose_name_plural = _("trends")
        indexes = [models.Index(fields=["indicator", "area_code"], name="trend_indicator_area")]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.pct_per_year}"


class IndicatorComparison(models.Model):
    """One member of a reference group for one period: benchmark index and rank (§4, §5)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comparisons")
    group = models.ForeignKey("areas.AreaGroup", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True)
    area_code = models.CharField(_("gebiedscode"), max_length=60)
    period_start = models.DateField(_("begin periode"))
    period_length = models.CharField(_("periodelengte"), max_length=20, choices=ComputedPeriodChoices.choices)
    value = models.FloatField(_("waarde"))
    group_mean = models.FloatField(_("groepsgemiddelde"))
    index = models.FloatField(_("benchmarkindex"), null=True, blank=True)
    clipped = models.BooleanField(_("begrensd"), default=False)
    rank = models.FloatField(_("rang"), null=True, blank=True)
    colour = models.CharField(_("kleur"), max_length=12, blank=True)
    group_size = models.PositiveIntegerField(_("leden met een waarde"))

    objects: ClassVar[models.Manager[IndicatorComparison]] = OwnOrSharedManager()

    class Meta:
        verbose_name = _("vergelijking")
        verbose_name_plural = _("vergelijkingen")
        indexes = [
            models.Index(fields=["indicator", "period_length", "period_start"], name="comparison_period"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.index}"


class TargetProgress(models.Model):
    """The verdict on a plan target for one period of its indicator (``docs/indicators.md`` §6)."""

    target = models.ForeignKey("policy.Target", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, verbose_name=_("organisatie"))
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    area_code = models.CharField(_("gebiedscode"), max_length=60)
    period_start = models.DateField(_("begin periode"), null=True, blank=True)
    period_length = models.CharField(_("periodelengte"), max_length=20, blank=True)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    threshold = models.FloatField(_("drempel"), null=True, blank=True)
    distance = models.FloatField(_("afstand"), null=True, blank=True)
    distance_pct = models.FloatField(_("afstand (%)"), null=True, blank=True)
    margin = models.FloatField(_("marge"), default=0.0)
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)

    objects: ClassVar[models.Manager[TargetProgress]] = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        ordering = ["target_id", "period_start"]

    def __str__(self) -> str:
        return f"{self.target_id} {self.period_start} {self.status}"
