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

    def ready(self) -> None:
        """Supply the plan targets to the indicator engine, which judges their progress (ADR 0014)."""
        from kompas.indicators.targets import supply_targets
        from kompas.policy.queries import target_figures

        supply_targets(target_figures)
