# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Which detection method runs on a measure, and why: the ``auto`` setting resolved on the data.

Farrington flexible compares a period with the same time of year in ``b`` earlier years (R's
default ``b = 5``, ``w = 3``), so it judges nothing until a series holds ``b`` years plus ``w``
periods before the period judged: 63 months, or 263 weeks. A municipality that starts on Kompas
rarely has that much history, so the setting ``auto`` runs EARS C2 until it does, and
Farrington from then on. EARS C2 needs no seasonal history: it compares a period with the mean
and spread of the seven periods before a two-period guard band, so it judges from the tenth
period of a series. C2 rather than C1, because the guard band keeps the start of a rise out of
its own baseline; rather than C3, because C3's upper bound is not a quantile of a predictive
distribution, which the false-discovery control (:mod:`kompas.alerts.fdr`) reads it as.

The choice is made each time the setting is evaluated, on the series as they are then, so it
changes by itself when the history grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kompas.alerts.ears import EarsControl
from kompas.alerts.farrington import FarringtonControl
from kompas.alerts.models import Method
from kompas.alerts.series import FREQUENCIES

#: The method ``auto`` runs while Farrington lacks history.
SHORT_HISTORY_METHOD = Method.EARS_C2


@dataclass(frozen=True)
class MethodChoice:
    """The method that runs on a measure's series and a Dutch sentence saying why."""

    method: str
    reason: str

    @property
    def label(self) -> str:
        """Return the method's display name."""
        return str(Method(self.method).label)


def farrington_history(period_length: str) -> int:
    """Return how many periods Farrington (R's defaults) needs before the period it judges."""
    control = FarringtonControl()
    return control.b * FREQUENCIES[period_length] + control.w


def ears_history() -> int:
    """Return how many periods EARS C2 (R's defaults) needs before the period it judges."""
    return EarsControl(method="C2").first


def choose_method(setting_method: str, periods: int, period_length: str) -> MethodChoice:
    """Return the method for a series of ``periods`` periods of ``period_length`` and why.

    ``periods`` counts the periods from the first to the last stored one, both included; the
    history before the newest period is one fewer. A setting with a fixed method keeps it.
    """
    if setting_method != Method.AUTO:
        return MethodChoice(setting_method, _("Gekozen in de instelling."))
    history = periods - 1
    needed = farrington_history(period_length)
    unit = _unit(period_length, needed)
    if history >= needed:
        reason = _(
            "Automatisch: de reeks heeft %(history)s %(unit)s historie, genoeg voor Farrington "
            "(%(needed)s %(unit)s: dezelfde tijd van het jaar in %(years)s eerdere jaren)."
        ) % {"history": history, "needed": needed, "unit": unit, "years": FarringtonControl().b}
        return MethodChoice(Method.FARRINGTON, reason)
    reason = _(
        "Automatisch: de reeks heeft %(history)s %(unit)s historie en Farrington heeft er %(needed)s "
        "nodig; tot dan vergelijkt EARS C2 elke periode met de 7 perioden ervoor."
    ) % {"history": max(history, 0), "needed": needed, "unit": unit}
    if history < ears_history():
        reason += " " + _("Ook daarvoor is de reeks nog te kort: er wordt nog niets beoordeeld.")
    return MethodChoice(SHORT_HISTORY_METHOD, reason)


def no_data_choice(setting_method: str) -> MethodChoice:
    """Return the choice for a measure without monthly or weekly figures in the organisation."""
    if setting_method != Method.AUTO:
        return MethodChoice(
            setting_method, _("Gekozen in de instelling; er zijn nog geen maand- of weekcijfers.")
        )
    return MethodChoice(
        SHORT_HISTORY_METHOD,
        _("Automatisch: er zijn nog geen maand- of weekcijfers; de methode wordt gekozen zodra ze er zijn."),
    )


def _unit(period_length: str, count: int) -> str:
    if period_length == "week":
        return ngettext("week", "weken", count)
    return ngettext("maand", "maanden", count)
