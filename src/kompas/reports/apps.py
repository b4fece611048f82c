# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Register kompas.reports with Django."""

    name = "kompas.reports"
    label = "reports"
    verbose_name = _("Rapportages")
