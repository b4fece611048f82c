# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The logged-in Kompas user of a request, typed, for views behind a login."""

from __future__ import annotations

from typing import Protocol

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from kompas.accounts.models import User


class _Request(Protocol):
    """A Django or REST framework request: both carry the user the middleware found."""

    @property
    def user(self) -> AbstractBaseUser | AnonymousUser: ...


def current_user(request: _Request) -> User:
    """Return the logged-in user of ``request``, with their organisation.

    Views call this behind ``requires`` (or the API's permission class), which sends anonymous
    visitors to the login page first; an anonymous request here is refused (403), never served.
    """
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
