# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.site."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Register kompas.site with Django (its management commands: demo, serve, setup, …)."""

    name = "kompas.site"
    label = "site"
    verbose_name = _("Site")
