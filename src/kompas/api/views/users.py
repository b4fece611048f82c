# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The caller and the users of their organisation in the REST API (``/api/v1/me``, ``/api/v1/users``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.accounts import access
from kompas.accounts.current import current_user
from kompas.accounts.models import User
from kompas.accounts.roles import Permission
from kompas.api.serializers.users import MeSerializer, UserSerializer


class MeView(APIView):
    """The logged-in user and their organisation."""

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        """Return the caller's id, role and organisation."""
        return Response(MeSerializer(current_user(request)).data)


class UserListView(generics.ListAPIView[User]):
    """Users of the caller's organisation."""

    serializer_class = UserSerializer
    required_permission = Permission.MANAGE_USERS

    def get_queryset(self):  # type: ignore[no-untyped-def]  # DRF generic method, typed by the stubs without a signature here
        """Return only the caller's organisation's users."""
        return access.users_visible_to(current_user(self.request))

    def paginate_queryset(self, queryset):  # type: ignore[no-untyped-def]  # DRF generic method, typed by the stubs without a signature here
        """Return the requested page and record which users it shows (a read of personal data)."""
        page = super().paginate_queryset(queryset)
        shown = list(queryset) if page is None else page
        access.record_users_listed(current_user(self.request), shown, via="api")
        return page


class UserDetailView(generics.RetrieveAPIView[User]):
    """One user of the caller's organisation; reading it is recorded in the audit trail."""

    serializer_class = UserSerializer
    required_permission = Permission.MANAGE_USERS

    def get_object(self) -> User:
        """Return the user through the audited access function (404 outside the organisation)."""
        return access.get_user_for(current_user(self.request), int(self.kwargs["user_id"]))
