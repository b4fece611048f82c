# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""API permission: the same role table as the pages, declared per view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission

from kompas.accounts.roles import Permission, has_permission

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


class HasRolePermission(BasePermission):
    """Allow a request when the user's role holds the view's ``required_permission``.

    A view without ``required_permission`` needs API use (``api.use``); views are never
    open to anonymous users.
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        """Check login and the role's permission."""
        user = request.user
        if not user or not user.is_authenticated:
            return False
        required: Permission = getattr(view, "required_permission", Permission.USE_API)
        return has_permission(getattr(user, "role", ""), required) and has_permission(
            getattr(user, "role", ""), Permission.USE_API
        )
