# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas platform remind``: mail each Platform's regiocoördinatoren what is overdue (weekly)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.commandbase import TranslatedCommand
from kompas.cooperation.reminders import send_reminders
from kompas.presentation.formatting import number


class Command(TranslatedCommand):
    """Send the weekly reminder of overdue Platform items."""

    help_text = gettext_lazy(
        "Stuurt de regiocoördinatoren van elk platform per e-mail wat achterstallig is: "
        "halfjaarlijkse voortgangsrapportages en evaluaties over de einddatum (wekelijkse taak)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        """Send the reminders and say how many mails went out."""
        sent = send_reminders(timezone.localdate())
        self.stdout.write(_("%(count)s herinneringen verstuurd.") % {"count": number(sent)})
