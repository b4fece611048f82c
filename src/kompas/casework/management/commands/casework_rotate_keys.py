# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas casework rotate-keys``: re-encrypt casework identities with the newest key."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.casework.rotation import rotate_keys
from kompas.commandbase import TranslatedCommand


class Command(TranslatedCommand):
    """Re-encrypt every stored identity and text with the first key of CASEWORK_KEYS."""

    help_text = gettext_lazy(
        "Versleutelt alle identiteiten en vrije teksten in de casuïstiek opnieuw met de eerste "
        "sleutel uit CASEWORK_KEYS; daarna kan de oude sleutel weg (docs/casework.md)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Rotate and print the counts."""
        result = rotate_keys()
        self.stdout.write(
            _("Opnieuw versleuteld: %(persons)s personen, %(signals)s signalen, %(scans)s groepsscans.")
            % result.__dict__
        )
