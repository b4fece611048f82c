# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Application configuration for kompas.accounts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Register kompas.accounts with Django."""

    name = "kompas.accounts"
    label = "accounts"
    verbose_name = _("Accounts en audit")
