# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Root URL configuration: every app mounts its own URL module here."""

from django.urls import include, path
from django.views.i18n import set_language

from kompas import pathconverters
from kompas.accounts.decorators import public

pathconverters.register()

urlpatterns = [
    path("", include("kompas.dashboard.urls")),
    path("account/", include("kompas.accounts.urls")),
    path("api/", include("kompas.api.urls")),
    path("signaleringen/", include("kompas.alerts.urls")),
    path("beleid/", include("kompas.policy.urls")),
    path("indicatoren/", include("kompas.indicators.urls")),
    path("gegevens/", include("kompas.sources.urls")),
    path("rapportages/", include("kompas.reports.urls")),
    path("hotspots/", include("kompas.hotspots.urls")),
    path("casuistiek/", include("kompas.casework.urls")),
    path("samenwerking/", include("kompas.cooperation.urls")),
    path("registers/", include("kompas.registry.urls")),
    path("i18n/taal/", public(set_language), name="set_language"),
]
