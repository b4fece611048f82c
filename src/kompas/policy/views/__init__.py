# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Views of kompas.policy: the plan pages, editing plan parts, exports."""

from __future__ import annotations

from django.http import HttpRequest

from kompas.accounts.roles import Permission, has_permission


def can_edit(request: HttpRequest) -> bool:
    """Return whether the user may edit the plan."""
    return has_permission(getattr(request.user, "role", ""), Permission.EDIT_POLICY)
