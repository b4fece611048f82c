# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The caller, users and organisations in the REST API."""

from __future__ import annotations

from rest_framework import serializers

from kompas.accounts.models import Organisation, User


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    """An organisation as the API shows it."""

    class Meta:
        model = Organisation
        fields = ["code", "name", "kind", "cbs_code"]


class UserSerializer(serializers.ModelSerializer[User]):
    """A user of the caller's organisation (personal data: beheerder only)."""

    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "email", "role", "is_active"]


class MeSerializer(serializers.Serializer[User]):
    """The caller: id, role and organisation."""

    id = serializers.IntegerField()
    role = serializers.CharField()
    organisation = OrganisationSerializer()
