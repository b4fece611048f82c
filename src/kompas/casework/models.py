# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework: undermining signals, person-centred cases and youth groups, and who takes part.

Every row belongs to the organisation that keeps it (the gemeente or the Veiligheidshuis).
Other organisations see a row only while they take part under a named convenant
(:class:`Participation`); :mod:`kompas.casework.access` is the only way in. Persons are kept
as a pseudonym; their identity is stored encrypted (:mod:`kompas.casework.crypto`) and no
``__str__`` here ever shows it, so error pages and logs carry pseudonyms and ids only.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import Organisation, User


class Department(models.TextChoices):
    """Where a signal of undermining comes from: the municipal sources of spec §11.3 (L1160-1163)."""

    SOCIALE_RECHERCHE = "sociale_recherche", _("Sociale recherche")
    BURGERZAKEN = "burgerzaken", _("Burgerzaken")
    SOCIALE_DIENST = "sociale_dienst", _("Sociale dienst")
    ONDERSTEUNING_ZORG = "ondersteuning_zorg", _("Ondersteuning en zorg")
    ECONOMISCHE_ZAKEN = "economische_zaken", _("Economische zaken")
    PROJECTEN_SUBSIDIES = "projecten_subsidies", _("Projecten en subsidies")
    GRONDZAKEN = "grondzaken", _("Grondzaken")
    VERGUNNINGEN = "vergunningen", _("Vergunningen")
    STADSTOEZICHT = "stadstoezicht", _("Stadstoezicht")
    HANDHAVING_WIJKSERVICE = "handhaving_wijkservice", _("Handhaving en wijkservice")
    OOV = "oov", _("Beleid en advies (OOV)")
    POLITIE = "politie", _("Politie")


class SignalCategory(models.TextChoices):
    """What a signal is about (spec §11.3; OOV's extra attention, L1340)."""

    HENNEP = "hennep", _("Hennep")
    MENSENHANDEL = "mensenhandel", _("Mensenhandel")
    ZORGFRAUDE = "zorgfraude", _("Zorgfraude")
    MOTORGANGS = "motorgangs", _("Motorgangs")
    WITWASSEN_VASTGOED = "witwassen_vastgoed", _("Witwassen / vastgoed")
    VRIJPLAATSEN = "vrijplaatsen", _("Vrijplaatsen")
    ILLEGAAL_GOKKEN = "illegaal_gokken", _("Illegaal gokken")
    OTHER = "overig", _("Overig")


class WeighingOutcome(models.TextChoices):
    """The three ways out of the local undermining table (spec §11.3, the signal lifecycle)."""

    LOCAL_INTERVENTION = "lokaal_gestopt", _("Lokaal gestopt met een snelle interventie")
    FORWARDED = "doorgeleid", _("Doorgeleid naar RIEC-informatieplein en driehoek")
    NO_ACTION = "geen_actie", _("Geen actie")


class CaseList(models.TextChoices):
    """The list a person-centred case is on; each list has its cap (spec §8.1, §8.9)."""

    TOP_X = "top_x", _("Top-X Veiligheidshuis")
    TOP_10_BURGLARS = "top10_inbrekers", _("Top 10 woninginbrekers")
    TOP_50_BURGLARS = "top50_inbrekers", _("Top 50 woninginbrekers")
    RADICALISATION = "casustafel_radicalisering", _("Casustafel Radicalisering")
    DOMESTIC_VIOLENCE = "huiselijk_geweld", _("Huiselijk geweld")


# The most open cases a list may hold at one time: the VHT works with at most 250 top-X cases
# (L3876-3880, L4640); the burglar lists are as long as their names (L4903-4945).
LIST_CAPS: dict[str, int] = {
    CaseList.TOP_X: 250,
    CaseList.TOP_10_BURGLARS: 10,
    CaseList.TOP_50_BURGLARS: 50,
    CaseList.RADICALISATION: 250,
    CaseList.DOMESTIC_VIOLENCE: 250,
}


class TriageLevel(models.TextChoices):
    """Where a case is handled after triage (spec §8.5, the three columns)."""

    LOKAAL = "lokaal", _("Lokaal zorgnetwerk")
    BOVENLOKAAL = "bovenlokaal", _("Lokaal met bovenlokale zorgpartners")
    VEILIGHEIDSHUIS = "veiligheidshuis", _("Veiligheidshuis")


class Frame(models.TextChoices):
    """The frame of the approach (spec §8.5, row 2)."""

    VRIJWILLIG = "vrijwillig", _("Vrijwillig")
    DRANG = "drang", _("Drang")
    DWANG = "dwang", _("Dwang")


class Escalation(models.TextChoices):
    """How far a case has been escalated for lack of agreement (spec §8.5, L4522-4528)."""

    OPERATIONAL = "operationeel", _("Operationeel")
    TACTICAL = "tactisch", _("Tactisch")
    STRATEGIC = "strategisch", _("Strategisch en bestuurlijk")


class CaseState(models.TextChoices):
    """Where a case is in its life."""

    OPEN = "open", _("Open")
    EVALUATION = "evaluatie", _("In evaluatie")
    CLOSED = "afgesloten", _("Afgesloten")


class LifeDomain(models.TextChoices):
    """The life domains a plan van aanpak covers (spec §8.6: a plan covering all life domains)."""

    WONEN = "wonen", _("Wonen")
    FINANCIEN = "financien", _("Financiën")
    DAGBESTEDING = "dagbesteding", _("Werk, school en dagbesteding")
    GEZONDHEID = "gezondheid", _("Gezondheid en verslaving")
    NETWERK = "netwerk", _("Gezin en sociaal netwerk")
    JUSTITIE = "justitie", _("Justitie")


class GroupClass(models.TextChoices):
    """The classification of a youth group (spec §11.1, L845-848)."""

    HINDERLIJK = "hinderlijk", _("Hinderlijk")
    OVERLASTGEVEND = "overlastgevend", _("Overlastgevend")
    CRIMINEEL = "crimineel", _("Crimineel")


class Meeting(models.TextChoices):
    """The integral meeting that handles a youth group or youngster (spec §11.1, L899-956)."""

    VROEGSIGNALERING = "vroegsignalering", _("Vroegsignalering")
    SJGO = "sjgo", _("SJGO (stedelijk jeugdgroepen overleg)")
    JOR = "jor", _("JOR (justitieel overleg risicojeugd)")


class ScanRequester(models.TextChoices):
    """Who may request a groepsscan (spec §11.1, L863-871)."""

    WIJKAGENT = "wijkagent", _("Wijkagent")
    GEMEENTE = "gemeente", _("Gemeente")
    OM = "om", _("Openbaar Ministerie")


class Convenant(models.Model):
    """A named information-sharing agreement (e.g. Convenant Informatiedeling Veiligheidshuis Twente)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("convenant")
        verbose_name_plural = _("convenanten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A person in casework: a pseudonym for everyone, the encrypted identity for participants."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    pseudonym = models.CharField(_("pseudoniem"), max_length=20, unique=True)
    identity_token = models.TextField(_("identiteit (versleuteld)"))
    target_group = models.CharField(_("doelgroep"), max_length=100, blank=True)

    audit_redacted_fields = frozenset({"identity_token"})

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return self.pseudonym


class Signal(models.Model):
    """A signal of undermining from a department, weighed at the local table (spec §11.3)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    received_from = models.CharField(_("afkomstig van"), max_length=30, choices=Department.choices)
    category = models.CharField(_("categorie"), max_length=30, choices=SignalCategory.choices)
    received_on = models.DateField(_("ontvangen op"))
    area_code = models.CharField(_("wijk"), max_length=10, blank=True)
    summary_token = models.TextField(_("omschrijving (versleuteld)"), blank=True)
    persons = models.ManyToManyField(Person, blank=True, related_name="signals")
    weighed_on = models.DateField(_("gewogen op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=WeighingOutcome.choices, blank=True)
    present = models.JSONField(_("aanwezig bij de weging"), default=list, blank=True)
    recovered_euros = models.DecimalField(_("afgepakt (euro)"), max_digits=12, decimal_places=2, default=0)
    hours_spent = models.DecimalField(_("bestede uren"), max_digits=8, decimal_places=1, default=0)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)

    audit_redacted_fields = frozenset({"summary_token"})

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"signaal {self.pk}"


class Case(models.Model):
    """A person-centred case on a list (Veiligheidshuis top-X, Top 10/50 burglars, …)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    list_kind = models.CharField(_("lijst"), max_length=30, choices=CaseList.choices)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    opened_on = models.DateField(_("geopend op"))
    area_code = models.CharField(_("wijk"), max_length=10, blank=True)
    level = models.CharField(_("niveau na triage"), max_length=20, choices=TriageLevel.choices)
    frame = models.CharField(_("kader"), max_length=20, choices=Frame.choices)
    case_direction = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("casusregie")
    )
    process_direction = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("procesregie"),
    )
    escalation = models.CharField(
        _("opschaling"), max_length=20, choices=Escalation.choices, default=Escalation.OPERATIONAL
    )
    consequence = models.TextField(_("afgesproken consequentie bij het breken van afspraken"), blank=True)
    state = models.CharField(_("status"), max_length=20, choices=CaseState.choices, default=CaseState.OPEN)
    evaluation = models.TextField(_("evaluatie (leerpunt of ketenprobleem)"), blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"casus {self.pk}"


class PlanItem(models.Model):
    """One intervention of a case's plan van aanpak, in one life domain."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_items")
    life_domain = models.CharField(_("leefgebied"), max_length=20, choices=LifeDomain.choices)
    intervention = models.TextField(_("interventie"))
    responsible = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("plan van aanpak")
        ordering = ["life_domain", "pk"]

    def __str__(self) -> str:
        return f"{self.life_domain} ({self.case_id})"


class YouthGroup(models.Model):
    """A youth group under a label that names no one (e.g. "Groep Noord-3")."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("aanduiding"), max_length=100)
    area_code = models.CharField(_("wijk"), max_length=10, blank=True)
    classification = models.CharField(_("classificatie"), max_length=20, choices=GroupClass.choices)
    meeting = models.CharField(_("overleg"), max_length=20, choices=Meeting.choices)
    plan = models.TextField(_("plan van aanpak"), blank=True)
    members = models.ManyToManyField(Person, blank=True, related_name="groups")
    started_on = models.DateField(_("in beeld sinds"))
    dissolved_on = models.DateField(_("opgeheven op"), null=True, blank=True)
    # Raised by every change of classification or existence: a page loaded before it cannot
    # change the group without seeing it (optimistic locking, kompas.casework.groups).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("jeugdgroep")
        verbose_name_plural = _("jeugdgroepen")
        ordering = ["label"]

    def __str__(self) -> str:
        return f"jeugdgroep {self.pk}"


class GroupClassification(models.Model):
    """One classification of a group from a date: the history behind ``YouthGroup.classification``."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="history")
    classification = models.CharField(_("classificatie"), max_length=20, choices=GroupClass.choices)
    since = models.DateField(_("sinds"))
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["since", "pk"]

    def __str__(self) -> str:
        return f"{self.classification} {self.since}"


class GroupScan(models.Model):
    """A groepsscan requested for a group and, once made, its result."""

    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, related_name="scans")
    requester = models.CharField(_("aangevraagd door"), max_length=20, choices=ScanRequester.choices)
    requested_on = models.DateField(_("aangevraagd op"))
    completed_on = models.DateField(_("gemaakt op"), null=True, blank=True)
    result_token = models.TextField(_("uitkomst (versleuteld)"), blank=True)

    audit_redacted_fields = frozenset({"result_token"})

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"groepsscan {self.pk}"


class Participation(models.Model):
    """An organisation taking part in one signal, case or group under a convenant, with a mandate."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    convenant = models.ForeignKey(Convenant, on_delete=models.PROTECT, related_name="participations")
    mandate = models.CharField(_("mandaat"), max_length=200)
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    group = models.ForeignKey(YouthGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    since = models.DateField(_("sinds"))
    until = models.DateField(_("tot en met"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="casework_participation_one_object",
                condition=(
                    Q(signal__isnull=False, case__isnull=True, group__isnull=True)
                    | Q(signal__isnull=True, case__isnull=False, group__isnull=True)
                    | Q(signal__isnull=True, case__isnull=True, group__isnull=False)
                ),
            )
        ]

    def __str__(self) -> str:
        return f"deelname {self.pk}"


class DeletionLog(models.Model):
    """What retention removed: kind, state, rule and when — never who or what it was about."""

    deleted_at = models.DateTimeField(_("verwijderd op"), auto_now_add=True)
    organisation_id = models.BigIntegerField(_("organisatie-id"))
    kind = models.CharField(_("soort"), max_length=20)
    object_id = models.BigIntegerField(_("object-id"))
    state = models.CharField(_("status"), max_length=20)
    ended_on = models.DateField(_("afgesloten op"))
    rule_days = models.PositiveIntegerField(_("bewaartermijn (dagen)"))
    persons_removed = models.PositiveIntegerField(_("personen verwijderd"), default=0)

    class Meta:
        ordering = ["-deleted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class LinkageRun(models.Model):
    """One run of linkage counts (Borne pilot): which domains and files; the keys are not kept."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    run_at = models.DateTimeField(_("uitgevoerd op"), auto_now_add=True)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    domains = models.JSONField(_("domeinen"), default=list)

    def __str__(self) -> str:
        return f"koppelrun {self.pk}"


class LinkageCount(models.Model):
    """Households per wijk and period: how many appear in the files, how many in two or more."""

    run = models.ForeignKey(LinkageRun, on_delete=models.CASCADE, related_name="counts")
    area_code = models.CharField(_("wijk"), max_length=10)
    period = models.CharField(_("periode"), max_length=10)
    households = models.PositiveIntegerField(_("huishoudens"))
    in_two_or_more = models.PositiveIntegerField(_("in twee of meer domeinen"))

    class Meta:
        ordering = ["area_code", "period"]

    def __str__(self) -> str:
        return f"{self.area_code} {self.period}"
