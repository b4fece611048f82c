# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework in the REST API (``/api/v1/casework/…``): read-only, for participants, through access.py.

The same rules as the pages (docs/casework.md): ``casework.view`` (so a verified second factor,
kompas.accounts.middleware) and ``api.use``; an object outside the caller's reach answers 404,
exactly like an id that does not exist. Every call names its purpose (``doel``), which the audit
record of the read carries; a list records the ids it showed, an object its own read. Lists show
pseudonyms only; one object shows its persons' identities, decrypted by access.py for a participant.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from kompas.accounts.current import current_user
from kompas.accounts.roles import Permission
from kompas.api.pagination import Pages
from kompas.api.serializers.casework import (
    CaseSerializer,
    GroupSerializer,
    OpenedCaseSerializer,
    OpenedGroupSerializer,
    OpenedSignalSerializer,
    SignalSerializer,
)
from kompas.casework import access
from kompas.casework.access import Purpose

# The purposes a user names; ``bewaartermijn`` is the retention job's own.
PURPOSES = [Purpose.APPROACH, Purpose.WEIGHING, Purpose.MEETING]
PURPOSE = OpenApiParameter(
    "doel",
    str,
    required=True,
    enum=[str(p.value) for p in PURPOSES],
    description="Doel van de inzage; komt in de audittrail: "
    + ", ".join(f"{p.value} ({p.label})" for p in PURPOSES),
)


def purpose_of(request: Request) -> Purpose:
    """Return the purpose the caller named (``?doel=``); refuse a call without a known one (400)."""
    chosen = request.query_params.get("doel", "")
    if chosen not in [p.value for p in PURPOSES]:
        raise ValidationError(
            {"doel": _("Geef het doel van de inzage: %(choices)s.") % {"choices": ", ".join(PURPOSES)}}
        )
    return Purpose(chosen)


class _CaseworkList(generics.ListAPIView[Any]):
    """One page of the objects of one kind in the caller's reach, read and audited by access.py."""

    pagination_class = Pages
    required_permission = Permission.VIEW_CASEWORK
    page_for = staticmethod(access.signal_page_for)

    def get_queryset(self) -> Any:
        """Not used: the rows come from access.py (a list view needs the method for its schema)."""
        return []

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Return one page: ``count``, ``next``, ``previous`` and ``results``."""
        purpose = purpose_of(request)
        pages: Pages = self.paginator  # type: ignore[assignment]  # pagination_class above
        limit, offset = pages.get_limit(request) or Pages.max_limit, pages.get_offset(request)
        page = self.page_for(current_user(request), purpose=purpose, offset=offset, limit=limit)
        pages.count, pages.limit, pages.offset, pages.request = page.count, limit, offset, request
        return pages.get_paginated_response(self.get_serializer(page.rows, many=True).data)

    @extend_schema(parameters=[PURPOSE])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Return one page of pseudonymised objects."""
        return self.list(request, *args, **kwargs)


class SignalListView(_CaseworkList):
    """The signals of undermining in the caller's reach."""

    serializer_class = SignalSerializer
    page_for = staticmethod(access.signal_page_for)


class CaseListView(_CaseworkList):
    """The person-centred cases in the caller's reach."""

    serializer_class = CaseSerializer
    page_for = staticmethod(access.case_page_for)  # type: ignore[assignment]  # another kind's page


class GroupListView(_CaseworkList):
    """The youth groups in the caller's reach."""

    serializer_class = GroupSerializer
    page_for = staticmethod(access.group_page_for)  # type: ignore[assignment]  # another kind's page


class _CaseworkDetail(generics.RetrieveAPIView[Any]):
    """One object with its identities for a participant; 404 out of reach; one audit record."""

    required_permission = Permission.VIEW_CASEWORK
    get_for = staticmethod(access.get_signal_for)
    id_kwarg = "signal_id"

    def get_queryset(self) -> Any:
        """Not used: the object comes from access.py."""
        return []

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Return the object read through access.py with the purpose named."""
        purpose = purpose_of(request)
        opened = self.get_for(current_user(request), int(kwargs[self.id_kwarg]), purpose=purpose)
        return Response(self.get_serializer(opened).data)

    @extend_schema(parameters=[PURPOSE])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Return one object with who its persons are."""
        return self.retrieve(request, *args, **kwargs)


class SignalDetailView(_CaseworkDetail):
    """One signal with its persons' identities."""

    serializer_class = OpenedSignalSerializer


class CaseDetailView(_CaseworkDetail):
    """One case with its person's identity."""

    serializer_class = OpenedCaseSerializer
    get_for = staticmethod(access.get_case_for)  # type: ignore[assignment]  # another kind's read
    id_kwarg = "case_id"


class GroupDetailView(_CaseworkDetail):
    """One youth group with its history and its members' identities."""

    serializer_class = OpenedGroupSerializer
    get_for = staticmethod(access.get_group_for)  # type: ignore[assignment]  # another kind's read
    id_kwarg = "group_id"
