# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.indicators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Register kompas.indicators with Django."""

    name = "kompas.indicators"
    label = "indicators"
    verbose_name = _("Indicatoren")
