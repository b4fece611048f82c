# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The demo's Platform IVZ Twente: the regional organisation with the demo organisations of Twente."""

from __future__ import annotations

from kompas.accounts.queries import organisation_by_code
from kompas.cooperation.models import Platform
from kompas.cooperation.platforms import save_platform

PLATFORM = "platform-ivz-twente"
# The demo organisations that take part in the Platform (spec §6.2): two of the fourteen
# municipalities, the police and the Veiligheidshuis.
MEMBERS = ("hengelo", "enschede", "veiligheidshuis-twente", "politie-oost-nederland")


def load_demo_platform() -> Platform | None:
    """Save the demo Platform and its members; None when the demo organisations are missing."""
    organisation = organisation_by_code(PLATFORM)
    if organisation is None:
        return None
    members = [found for code in MEMBERS if (found := organisation_by_code(code)) is not None]
    return save_platform(actor=None, organisation=organisation, members=members)
