# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Password rules with Dutch messages where Django's own Dutch catalogue has none."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule; its message changed in Django 5.2 and lost its Dutch translation."""

    def get_error_message(self) -> str:
        """Return the message in the active language, Dutch first."""
        return ngettext(
            "Dit wachtwoord is te kort: het moet minstens %(min_length)d teken bevatten.",
            "Dit wachtwoord is te kort: het moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        """Return the rule as help text in the active language."""
        return ngettext(
            "Uw wachtwoord moet minstens %(min_length)d teken bevatten.",
            "Uw wachtwoord moet minstens %(min_length)d tekens bevatten.",
            self.min_length,
        ) % {"min_length": self.min_length}
