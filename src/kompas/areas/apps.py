# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.areas."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    """Register kompas.areas with Django."""

    name = "kompas.areas"
    label = "areas"
    verbose_name = _("Gebieden")
