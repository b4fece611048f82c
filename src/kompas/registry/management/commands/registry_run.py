# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas registry run``: the registers' nightly job, removing participants' names past retention."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from kompas.commandbase import TranslatedCommand
from kompas.presentation.formatting import number
from kompas.registry.access import RETENTION_YEARS, purge_expired


class Command(TranslatedCommand):
    """Remove the names of participants of activities that ended longer ago than the retention."""

    help_text = gettext_lazy(
        "Verwijdert de namen van deelnemers aan activiteiten die langer dan de bewaartermijn geleden "
        "eindigden; het aantal deelnemers blijft. Bedoeld als nachtelijke taak."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Purge across all organisations and say how many names went."""
        with scopes_disabled():
            removed = purge_expired(today=timezone.localdate())
        self.stdout.write(
            _("%(removed)s namen verwijderd (bewaartermijn %(years)d jaar na de activiteit).")
            % {"removed": number(removed), "years": RETENTION_YEARS}
        )
