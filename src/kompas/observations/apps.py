# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.observations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservationsConfig(AppConfig):
    """Register kompas.observations with Django."""

    name = "kompas.observations"
    label = "observations"
    verbose_name = _("Waarnemingen")
