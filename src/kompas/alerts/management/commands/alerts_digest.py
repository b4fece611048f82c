# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas alerts digest``: send the weekly summary of new alerts to its subscribers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.alerts.digest import send_digests
from kompas.commandbase import TranslatedCommand
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Send the summaries and say how many went out."""

    help_text = gettext_lazy(
        "Verstuurt de wekelijkse samenvatting van nieuwe signaleringen aan wie erom gevraagd heeft. "
        "Plan dit wekelijks in (cron of systemd-timer)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Send and report."""
        self.stdout.write(_("%(count)s samenvattingen verstuurd.") % {"count": number(send_digests())})
