# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Default alert settings for an organisation: every count measure with monthly or weekly figures.

``kompas setup`` and the demo call :func:`create_default_settings`. Each default setting stores
the method ``auto``, so the method is chosen per measure from the history present each time the
settings are evaluated (see :mod:`kompas.alerts.choice`): EARS C2 while Farrington lacks its
five years, Farrington flexible from then on. The other fields keep the model's defaults
(alfa 0,05, minimumaantal 5, correction over many series on).
"""

from __future__ import annotations

from django.db import transaction
from django_scopes import scope

from kompas.accounts.models import Organisation, User
from kompas.alerts.choice import MethodChoice, choose_method, no_data_choice
from kompas.alerts.configure import save_setting
from kompas.alerts.models import AlertSetting, Method
from kompas.alerts.series import FREQUENCIES
from kompas.areas.queries import ids_within
from kompas.observations.queries import SeriesSpan, count_series_spans


def watched_spans(organisation: Organisation) -> list[SeriesSpan]:
    """Return the monthly and weekly count series spans in the areas the organisation watches.

    An organisation with a CBS gemeente code watches its gemeente, wijken and buurten; one
    without (a region, the police) every area, as :mod:`kompas.alerts.evaluate` does.
    """
    area_ids = ids_within(organisation.cbs_code) if organisation.cbs_code else None
    with scope(organisation=organisation.pk):
        return count_series_spans(area_ids, organisation_id=organisation.pk, period_lengths=FREQUENCIES)


@transaction.atomic
def create_default_settings(organisation: Organisation, *, actor: User | None) -> list[AlertSetting]:
    """Create an ``auto`` setting for every watched count measure that has no setting yet.

    Returns the settings created; existing settings are left as they are, so running it again
    after an import only adds the measures that are new. Each creation is audited
    (``alerts.setting.created``).
    """
    measures = sorted({span.measure_code for span in watched_spans(organisation)})
    created = []
    with scope(organisation=organisation.pk):
        existing = set(AlertSetting.objects.values_list("measure_code", flat=True))
        for measure_code in measures:
            if measure_code in existing:
                continue
            created.append(
                save_setting(
                    actor=actor,
                    organisation=organisation,
                    measure_code=measure_code,
                    version=None,
                    method=Method.AUTO,
                )
            )
    return created


def method_choices(organisation: Organisation, settings: list[AlertSetting]) -> dict[str, MethodChoice]:
    """Return per measure code of ``settings`` the method that runs now and why.

    Monthly figures decide when a measure has them (the settings page shows one method per
    measure); weekly figures otherwise.
    """
    spans: dict[str, SeriesSpan] = {}
    for span in watched_spans(organisation):
        if span.measure_code not in spans or span.period_length == "month":
            spans[span.measure_code] = span
    choices = {}
    for setting in settings:
        found = spans.get(setting.measure_code)
        if found is None:
            choices[setting.measure_code] = no_data_choice(setting.method)
        else:
            choices[setting.measure_code] = choose_method(
                setting.method, _periods(found), found.period_length
            )
    return choices


def _periods(span: SeriesSpan) -> int:
    """Return the number of periods from the span's first to its last period, both included."""
    if span.period_length == "week":
        return (span.last_period - span.first_period).days // 7 + 1
    first, last = span.first_period, span.last_period
    return (last.year - first.year) * 12 + last.month - first.month + 1
