# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.sources."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    """Register kompas.sources with Django."""

    name = "kompas.sources"
    label = "sources"
    verbose_name = _("Bronnen")
