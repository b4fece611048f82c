# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which plan indicator a kind of activity counts for: data the OOV adviser keeps.

A link makes the indicator a count over the registry's measures: its definition becomes
``count`` of the sum of the linked measures (``register_training_deelnemers +
register_radicalisering_ring_1_deelnemers`` when both count for T6.I1), stored through
:func:`kompas.indicators.load.load_definitions` like a definition file, and recomputed after
commit. An indicator that is already computed from other measures (open data, an import) is
never taken over: the link is refused with the measures it reads.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.indicators.definitions import Definition, dumps
from kompas.indicators.load import load_definitions
from kompas.indicators.queries import own_indicator
from kompas.indicators.vocabulary import Direction, Formula
from kompas.registry import feed
from kompas.registry.models import EVENT_KIND, ActivityKind, CountedAs, IndicatorLink

PREFIX = "register_"


class StaleLinkError(Exception):
    """Raised when someone else changed the link since the editor loaded it."""


def _numerator(organisation: Organisation, indicator_code: str) -> str:
    links = IndicatorLink.objects.filter(organisation=organisation, indicator_code=indicator_code)
    return " + ".join(sorted(feed.measure_code(link.kind, link.counted) for link in links))


def _foreign_measures(organisation: Organisation, indicator_code: str) -> list[str]:
    indicator = own_indicator(indicator_code, organisation.pk)
    definition = getattr(indicator, "definition", None)
    if definition is None:
        return []
    return [code.strip() for code in definition.numerator.split("+") if not code.strip().startswith(PREFIX)]


def _define(actor: User, organisation: Organisation, indicator_code: str, *, recompute: bool = True) -> None:
    """Make the indicator the count of its linked measures and recompute it after commit
    (unless the caller computes everything afterwards, as ``kompas demo`` does)."""
    indicator = own_indicator(indicator_code, organisation.pk)
    numerator = _numerator(organisation, indicator_code)
    if indicator is None or not numerator:
        return
    feed.ensure_measures([*ActivityKind.values, EVENT_KIND])
    definition = Definition(
        code=indicator.code,
        name=indicator.name,
        formula=Formula.COUNT,
        numerator=numerator,
        kind=indicator.kind,
        unit=indicator.unit,
        direction=Direction(indicator.direction),
    )
    result = load_definitions(dumps([definition]), "register", actor=actor, organisation=organisation)
    if result.problems:
        raise ValidationError({"indicator_code": "; ".join(str(problem) for problem in result.problems)})
    first = numerator.split(" + ")[0]
    if recompute:
        transaction.on_commit(lambda: _recompute(organisation.pk, first))


def _recompute(organisation_id: int, measure_code: str) -> None:
    from kompas.indicators.tasks import recompute_own_indicators

    recompute_own_indicators.enqueue(organisation_id, measure_code)


def _check(
    organisation: Organisation, kind: str, counted: str, indicator_code: str, exclude: int | None
) -> None:
    found: dict[str, str] = {}
    if kind not in ActivityKind.values and kind != EVENT_KIND:
        found["kind"] = _("Kies een soort activiteit uit de lijst.")
    if counted not in CountedAs.values:
        found["counted"] = _("Kies wat telt: activiteiten, deelnemers of incidenten.")
    elif (counted == CountedAs.INCIDENTS) != (kind == EVENT_KIND) and counted != CountedAs.ACTIVITIES:
        found["counted"] = _("Incidenten tellen alleen bij evenementen, deelnemers alleen bij activiteiten.")
    if own_indicator(indicator_code, organisation.pk) is None:
        found["indicator_code"] = _("Het veiligheidsplan van uw organisatie kent deze indicator niet.")
    elif foreign := _foreign_measures(organisation, indicator_code):
        found["indicator_code"] = _("Deze indicator wordt al berekend uit andere maatstaven: %(codes)s.") % {
            "codes": ", ".join(foreign)
        }
    same = IndicatorLink.objects.filter(organisation=organisation, kind=kind, indicator_code=indicator_code)
    if not found and (same.exclude(pk=exclude) if exclude else same).exists():
        found["__all__"] = _("Deze soort activiteit telt al voor deze indicator.")
    if found:
        raise ValidationError(found)


@transaction.atomic
def save_link(
    *,
    actor: User,
    kind: str,
    counted: str,
    indicator_code: str,
    link_id: int | None = None,
    version: int | None = None,
    recompute: bool = True,
) -> IndicatorLink:
    """Create a link, or change link ``link_id`` loaded at ``version``; audited, then recomputed.

    ``recompute=False`` leaves the recomputation of a new link to the caller: the demo links
    before it computes all indicators, and computing one indicator costs about a second.
    """
    organisation = actor.organisation
    indicator_code = indicator_code.strip()
    link = None
    if link_id is not None:
        link = IndicatorLink.objects.select_for_update().get(pk=link_id)
        if link.version != version:
            raise StaleLinkError
    _check(organisation, kind, counted, indicator_code, link_id)
    if link is None:
        link = IndicatorLink.objects.create(
            organisation=organisation, kind=kind, counted=counted, indicator_code=indicator_code
        )
        changes = {"kind": kind, "counted": counted, "indicator_code": indicator_code}
        audit.record("registry.link.created", actor=actor, target=link, changes=changes)
        _define(actor, organisation, indicator_code, recompute=recompute)
        return link
    before = audit.snapshot(link, ("kind", "counted", "indicator_code"))
    old_code = link.indicator_code
    link.kind, link.counted, link.indicator_code = kind, counted, indicator_code
    changes = audit.diff(before, link)
    if changes:
        if old_code != indicator_code:
            _refuse_last(organisation, old_code, link.pk)
        link.version += 1
        link.save()
        audit.record("registry.link.changed", actor=actor, target=link, changes=changes)
        _define(actor, organisation, indicator_code)
        _define(actor, organisation, old_code)
    return link


def _refuse_last(organisation: Organisation, indicator_code: str, link_id: int) -> None:
    # The last link is what makes the indicator a registry count; without it the indicator would
    # keep showing counts nobody can change any more, so it stays until another link replaces it.
    others = IndicatorLink.objects.filter(organisation=organisation, indicator_code=indicator_code)
    if not others.exclude(pk=link_id).exists():
        raise ValidationError(
            _(
                "Dit is de enige koppeling van %(code)s; de indicator telt dan nergens meer uit. "
                "Koppel eerst een andere soort activiteit aan %(code)s."
            )
            % {"code": indicator_code}
        )


@transaction.atomic
def delete_link(*, actor: User, link_id: int, version: int) -> None:
    """Remove a link unless it is the indicator's last; audited, then recomputed."""
    link = IndicatorLink.objects.select_for_update().get(pk=link_id)
    if link.version != version:
        raise StaleLinkError
    _refuse_last(actor.organisation, link.indicator_code, link.pk)
    changes = {"kind": link.kind, "counted": link.counted, "indicator_code": link.indicator_code}
    audit.record("registry.link.deleted", actor=actor, target=link, changes=changes)
    code = link.indicator_code
    link.delete()
    _define(actor, actor.organisation, code)
