# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.presentation (templates and template tags; no models)."""

from django.apps import AppConfig


class PresentationConfig(AppConfig):
    """Register kompas.presentation with Django, so its templates and template tags are found.

    No verbose name: nothing shows the app to a user, and a name would be one more string to translate.
    """

    name = "kompas.presentation"
    label = "presentation"
