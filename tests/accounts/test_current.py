# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``current_user``: the typed logged-in user of a view's request; anonymous is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject

from kompas.accounts.current import current_user
from kompas.accounts.models import User


def test_returns_the_kompas_user_also_behind_the_middleware_s_lazy_object() -> None:
    user = User(username="ans")
    request = RequestFactory().get("/")
    request.user = SimpleLazyObject(lambda: user)
    assert current_user(request) == user


def test_anonymous_is_refused() -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        current_user(request)
