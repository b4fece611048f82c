# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.policy."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    """Register kompas.policy with Django."""

    name = "kompas.policy"
    label = "policy"
    verbose_name = _("Beleid")
