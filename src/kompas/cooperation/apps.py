# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.cooperation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """Register kompas.cooperation with Django."""

    name = "kompas.cooperation"
    label = "cooperation"
    verbose_name = _("Samenwerking")
