# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.casework."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    """Register kompas.casework with Django."""

    name = "kompas.casework"
    label = "casework"
    verbose_name = _("Casuïstiek")
