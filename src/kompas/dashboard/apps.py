# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.dashboard."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Register kompas.dashboard with Django."""

    name = "kompas.dashboard"
    label = "dashboard"
    verbose_name = _("Dashboard")
