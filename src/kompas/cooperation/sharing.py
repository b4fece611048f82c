# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Sharing a municipality's own figures with its Platform: per measure, revocable, audited.

Own figures (values an organisation holds itself, ADR 0011) are private by default. A member of
a Platform may share the figures of one measure with that Platform; from then on the Platform's
organisation and its other members read them in the regional picture, until the share is
revoked. This is the explicit sharing ADR 0003 announced: the read (:func:`shared_figures`)
consults the active shares every time, so a revoked share hides the figures at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.cooperation.models import FigureShare, Platform
from kompas.observations.queries import OwnFigure, own_figures_of, own_measures


@dataclass(frozen=True)
class SharedFigure:
    """An own figure a member shared with the reader's Platform, with its owner's name."""

    organisation_name: str
    figure: OwnFigure


def active_shares(organisation: Organisation) -> QuerySet[FigureShare]:
    """Return the organisation's shares that are not revoked, by measure."""
    return FigureShare.objects.filter(organisation=organisation, revoked_at__isnull=True).select_related(
        "platform__organisation"
    )


@transaction.atomic
def share_measure(*, actor: User, platform: Platform, measure_code: str) -> FigureShare:
    """Share the actor's organisation's own figures of ``measure_code`` with ``platform``."""
    organisation = actor.organisation
    if not platform.members.filter(pk=organisation.pk).exists():
        raise ValidationError(_("Uw organisatie neemt niet deel aan dit platform."))
    if measure_code not in own_measures(organisation.pk):
        raise ValidationError(_("Uw organisatie heeft geen eigen cijfers van deze maatstaf."))
    if active_shares(organisation).filter(platform=platform, measure_code=measure_code).exists():
        raise ValidationError(_("Deze cijfers zijn al gedeeld met dit platform."))
    share = FigureShare.objects.create(
        organisation=organisation, platform=platform, measure_code=measure_code, shared_by=actor
    )
    changes = {"measure_code": measure_code, "platform": platform.pk}
    audit.record("cooperation.share.granted", actor=actor, target=share, changes=changes)
    return share


@transaction.atomic
def revoke_share(*, actor: User, share_id: int) -> FigureShare:
    """Revoke one of the actor's organisation's active shares; the figures disappear at once."""
    share = active_shares(actor.organisation).select_for_update().filter(pk=share_id).first()
    if share is None:
        raise ValidationError(_("Dit delen bestaat niet of is al ingetrokken."))
    share.revoked_at, share.revoked_by = timezone.now(), actor
    share.save(update_fields=["revoked_at", "revoked_by"])
    changes = {"measure_code": share.measure_code, "platform": share.platform_id}
    audit.record("cooperation.share.revoked", actor=actor, target=share, changes=changes)
    return share


def shared_figures(reader_organisation_id: int, *, year: int) -> list[SharedFigure]:
    """Return the own figures of ``year`` that other members shared with the reader's Platforms.

    Only active shares count, and only those of a Platform the reader is or takes part in; the
    reader's own figures are its own business and not repeated here.
    """
    platforms = Platform.objects.filter(
        Q(organisation_id=reader_organisation_id) | Q(members=reader_organisation_id)
    ).values("pk")
    with scopes_disabled():
        shares = list(
            FigureShare.objects.filter(platform__in=platforms, revoked_at__isnull=True)
            .exclude(organisation_id=reader_organisation_id)
            .select_related("organisation")
            .order_by("organisation__name", "measure_code")
        )
    by_owner: dict[Organisation, set[str]] = {}
    for share in shares:
        by_owner.setdefault(share.organisation, set()).add(share.measure_code)
    return [
        SharedFigure(owner.name, figure)
        for owner, codes in by_owner.items()
        for figure in own_figures_of(owner.pk, sorted(codes), year=year)
    ]
