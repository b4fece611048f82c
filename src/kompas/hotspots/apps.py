# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.hotspots."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotspotsConfig(AppConfig):
    """Register kompas.hotspots with Django."""

    name = "kompas.hotspots"
    label = "hotspots"
    verbose_name = _("Hotspots")
