# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Organisations (the tenant boundary), users and the append-only audit trail."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kompas.accounts.roles import Role

CBS_GEMEENTE_CODE = re.compile(r"^GM\d{4}$")


class OrganisationKind(models.TextChoices):
    """The kinds of organisation that work together in an integral safety policy."""

    GEMEENTE = "gemeente", _("Gemeente")
    REGIO = "regio", _("Regio / platform")
    POLITIE = "politie", _("Politie")
    OM = "om", _("Openbaar Ministerie")
    VEILIGHEIDSHUIS = "veiligheidshuis", _("Veiligheidshuis")
    RIEC = "riec", _("RIEC")
    ZORGPARTNER = "zorgpartner", _("Zorgpartner")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    OTHER = "other", _("Overig")


class Organisation(models.Model):
    """An organisation using Kompas; every piece of municipal data belongs to exactly one."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, blank=True, help_text=_("Gemeentecode zoals GM0164.")
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Require a valid CBS code for a gemeente and none for other kinds."""
        if self.kind == OrganisationKind.GEMEENTE and not CBS_GEMEENTE_CODE.match(self.cbs_code):
            raise ValidationError({"cbs_code": _("Een gemeente heeft een CBS-code zoals GM0164.")})
        if self.kind != OrganisationKind.GEMEENTE and self.cbs_code:
            raise ValidationError({"cbs_code": _("Alleen een gemeente heeft een CBS-code.")})


class User(AbstractUser):
    """A person who logs in; belongs to one organisation and has one role there."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", verbose_name=_("organisatie")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # Raised on every edit by a beheerder, so a second beheerder working from an older form is
    # stopped instead of overwriting (optimistic locking, as in policy and alerts).
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    must_change_password = models.BooleanField(
        _("moet wachtwoord wijzigen"),
        default=False,
        help_text=_(
            "Na een reset door de beheerder kiest de gebruiker bij de volgende login een eigen wachtwoord."
        ),
    )

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]  # the stubs type UserManager() by Self

    REQUIRED_FIELDS = ["email"]
    # Personal fields never go into audit records: changes are listed by field name only.
    audit_redacted_fields: ClassVar[frozenset[str]] = frozenset(
        {"first_name", "last_name", "email", "password", "username", "last_login"}
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]


class AuditQuerySet(models.QuerySet["AuditRecord"]):
    """Queries over audit records; changing or removing them is refused."""

    def update(self, **kwargs: Any) -> int:
        """Refuse: audit records are append-only."""
        raise AuditImmutableError

    def delete(self) -> tuple[int, dict[str, int]]:
        """Refuse: audit records are append-only."""
        raise AuditImmutableError

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        """Refuse: audit records are append-only."""
        raise AuditImmutableError

    def update_or_create(self, *args: Any, **kwargs: Any) -> Any:
        """Refuse: audit records are append-only."""
        raise AuditImmutableError

    def bulk_create(self, *args: Any, **kwargs: Any) -> Any:
        """Refuse: every record is appended to the hash chain by ``audit.record``."""
        raise AuditImmutableError


class AuditImmutableError(PermissionError):
    """Raised on any attempt to change or remove an audit record."""

    def __init__(self) -> None:
        super().__init__("Auditregels kunnen niet worden gewijzigd of verwijderd.")


class AuditRecord(models.Model):
    """One thing someone did: created, changed, deleted or viewed (personal data) an object.

    Actor and organisation are stored as plain ids, not foreign keys, so the trail outlives
    the user and never cascades; it names ids, never persons.
    """

    # Set by ``audit.record`` after taking the chain lock, so times never run backwards.
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, editable=False, db_index=True)
    actor_id = models.BigIntegerField(_("gebruiker-id"), null=True)
    organisation_id = models.BigIntegerField(_("organisatie-id"), null=True, db_index=True)
    action = models.CharField(_("actie"), max_length=80, db_index=True)
    object_type = models.CharField(_("objecttype"), max_length=80, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    sequence = models.PositiveBigIntegerField(_("volgnummer"), unique=True, editable=False)
    prev_hash = models.CharField(_("hash van de vorige regel"), max_length=64, editable=False)
    record_hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}#{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert once; refuse any later save."""
        if self.pk is not None:
            raise AuditImmutableError
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Refuse: audit records are append-only."""
        raise AuditImmutableError


class AuditChainHeadQuerySet(models.QuerySet["AuditChainHead"]):
    """Queries over the chain head; removing it is refused, since the DELETE guard depends on it."""

    def delete(self) -> tuple[int, dict[str, int]]:
        """Refuse: without the head the database would let audit records be deleted."""
        raise AuditImmutableError


class AuditChainHead(models.Model):
    """The newest link of the audit hash chain: one row, locked by every audit write.

    Writers queue on this row, so sequence numbers and ``prev_hash`` never fork; ``kompas
    audit verify`` compares it with the newest record, which reveals removed or added tails.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    sequence = models.PositiveBigIntegerField(_("volgnummer"), default=0)
    record_hash = models.CharField(_("hash"), max_length=64, blank=True)
    at = models.DateTimeField(_("tijdstip"), null=True, blank=True)

    objects = AuditChainHeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("kop van de auditketen")
        verbose_name_plural = _("kop van de auditketen")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audit_chain_head_single_row")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.record_hash[:12]}"

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Refuse: without the head the database would let audit records be deleted."""
        raise AuditImmutableError
