# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.alerts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Register kompas.alerts with Django."""

    name = "kompas.alerts"
    label = "alerts"
    verbose_name = _("Signaleringen")
