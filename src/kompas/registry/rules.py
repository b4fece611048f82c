# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The rules of the radicalisation training rings (IVP L1095-1104, L1124-1131; spec §11.2).

The first ring is a small group that deals with radicalisation daily and trains colleagues
afterwards: a three-day course including a *train de trainer* module, its participants recorded
by name (they are the trainers the second ring relies on). The second ring learns to recognise
and pass on signals in a one-day training.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from kompas.registry.models import ActivityKind

if TYPE_CHECKING:
    from kompas.registry.activities import ActivityInput


@dataclass(frozen=True)
class KindRule:
    """What a kind of activity demands: its length in days, the trainer module, named participants."""

    days: int
    train_the_trainer: bool = False
    named_participants: bool = False

    def problems(self, data: ActivityInput) -> dict[str, str]:
        """Return a Dutch message per field that breaks the rule."""
        found: dict[str, str] = {}
        days = (data.end - data.start).days + 1
        if days != self.days:
            found["end"] = _("Deze training duurt %(days)s dag(en); de data geven er %(found)s.") % {
                "days": self.days,
                "found": days,
            }
        if self.train_the_trainer and not data.train_the_trainer:
            found["train_the_trainer"] = _("De eerste ring omvat de module train-de-trainer.")
        named = [person for person in data.participants if person.name.strip()]
        if self.named_participants and len(named) != data.participant_count:
            found["participants"] = _(
                "Noem alle deelnemers van de eerste ring bij naam: zij trainen daarna hun collega's."
            )
        return found


KIND_RULES: dict[str, KindRule] = {
    ActivityKind.RING_1: KindRule(days=3, train_the_trainer=True, named_participants=True),
    ActivityKind.RING_2: KindRule(days=1),
}
