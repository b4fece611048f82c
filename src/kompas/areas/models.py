# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Areas in the CBS hierarchy with their yearly versions, and custom groups of areas.

Areas are public reference data shared by every organisation; groups may belong to one. A CBS
code is re-used across years with changing boundaries (CBS re-codes buurten), so an area is a
*version*: code + ``valid_from`` year, valid until ``valid_to`` (inclusive) or open-ended.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from kompas.accounts.models import Organisation
from kompas.areas.levels import AreaLevel


class AreaLevelChoices(models.TextChoices):
    """The levels of :class:`~kompas.areas.levels.AreaLevel` with their Dutch labels."""

    LAND = AreaLevel.LAND, _("Land")
    PROVINCIE = AreaLevel.PROVINCIE, _("Provincie")
    REGIO = AreaLevel.REGIO, _("Regio")
    GEMEENTE = AreaLevel.GEMEENTE, _("Gemeente")
    WIJK = AreaLevel.WIJK, _("Wijk")
    BUURT = AreaLevel.BUURT, _("Buurt")
    PC4 = AreaLevel.PC4, _("Postcodegebied (PC4)")
    GRID = AreaLevel.GRID, _("Rastercel")


class Area(models.Model):
    """One version of an area: its code, name, level, parent and boundary from a year on."""

    code = models.CharField(
        _("code"), max_length=20, help_text=_("CBS-code zoals GM0164, WK016401, BU01640100.")
    )
    name = models.CharField(_("naam"), max_length=200)
    level = models.CharField(_("niveau"), max_length=12, choices=AreaLevelChoices.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("valt onder"),
    )
    valid_from = models.PositiveSmallIntegerField(_("geldig vanaf (jaar)"))
    valid_to = models.PositiveSmallIntegerField(_("geldig tot en met (jaar)"), null=True, blank=True)
    # Well-known binary; WGS84 (EPSG:4326) for display, RD New (EPSG:28992) for computation.
    geometry_wgs84 = models.BinaryField(_("grens (WGS84)"), null=True, blank=True)
    geometry_rd = models.BinaryField(_("grens (RD New)"), null=True, blank=True)
    geometry_simplified = models.TextField(
        _("vereenvoudigde grens (GeoJSON)"), blank=True, help_text=_("Voor kaarten; WGS84.")
    )

    objects: ClassVar[models.Manager[Area]] = models.Manager()

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="area_version_unique"),
        ]
        indexes = [models.Index(fields=["level", "code"], name="area_level_code")]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class AreaGroupKind(models.TextChoices):
    """Why areas are grouped."""

    REGION = "regio", _("Regio")
    REFERENCE = "referentie", _("Referentiegroep (benchmark)")
    FOCUS = "aandachtsgebied", _("Aandachtsgebied")


class AreaGroup(models.Model):
    """A named set of area codes: a region, a benchmark reference group or a focus area.

    Without organisation the group is shared (Twente, G32-like groups); with one it is that
    organisation's own (its *aandachtsgebieden*).
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("organisatie")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=AreaGroupKind.choices)
    description = models.TextField(_("toelichting"), blank=True)

    objects: ClassVar[models.Manager[AreaGroup]] = models.Manager()

    class Meta:
        verbose_name = _("gebiedsgroep")
        verbose_name_plural = _("gebiedsgroepen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="area_group_code_per_organisation"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(organisation__isnull=True), name="area_group_code_shared"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AreaGroupMember(models.Model):
    """One area code in a group; resolved to the area version of the year asked for."""

    group = models.ForeignKey(AreaGroup, on_delete=models.CASCADE, related_name="members")
    area_code = models.CharField(_("gebiedscode"), max_length=20)

    objects: ClassVar[models.Manager[AreaGroupMember]] = models.Manager()

    class Meta:
        verbose_name = _("lid van gebiedsgroep")
        verbose_name_plural = _("leden van gebiedsgroep")
        constraints = [
            models.UniqueConstraint(fields=["group", "area_code"], name="area_group_member_unique"),
        ]

    def __str__(self) -> str:
        return self.area_code
