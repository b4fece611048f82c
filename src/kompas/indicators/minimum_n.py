# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Survey figures on too few respondents: withheld, with "te weinig waarnemingen" in their place.

A survey percentage whose number of respondents (n) is known and below the setting
``SURVEY_MIN_N`` is stored by the engine without a value or interval, with its n and the flag
*te weinig waarnemingen* (:func:`kompas.indicators.values.survey`). Because the number is never
stored, no page, export, API answer or report can show it, and no trend, index, rank or target
verdict can use it; the readers only need to say why the cell is empty (:func:`shown`). A
registered count below its minimum (10) keeps its value beside the same flag: a count is exact,
only its interval is wide.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from kompas.indicators.intervals import Minimums
from kompas.indicators.vocabulary import Flag


def configured() -> Minimums:
    """Return the minimums of this installation (``SURVEY_MIN_N``; counts: the default 10)."""
    return Minimums(survey_n=int(settings.KOMPAS_SURVEY_MIN_N))


def withheld(value: float | None, flag: str) -> bool:
    """Return whether a stored value was withheld for too few respondents (no value, the flag)."""
    return value is None and flag == Flag.SMALL_NUMBERS.value


def too_few() -> str:
    """Return the words shown instead of a withheld figure."""
    return _("te weinig waarnemingen")


def shown(value: float | None, flag: str) -> float | str | None:
    """Return the stored value, or "te weinig waarnemingen" for a withheld one."""
    return too_few() if withheld(value, flag) else value
