# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Casework in the REST API: lists with pseudonyms only, one object with identities for participants.

The serializers read what :mod:`kompas.casework.access` handed over (an object in reach, or an
``Opened`` with the identities it decrypted); they never query casework themselves. Encrypted
columns (identity, signal summary, scan result) are not fields here.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class PseudonymsField(serializers.Field):  # type: ignore[type-arg]  # DRF's Field is generic only in the stubs
    """The pseudonyms of a many-to-many of persons (``persons``, ``members``), sorted."""

    def to_representation(self, value: Any) -> list[str]:
        """Return the pseudonyms, never an identity."""
        return sorted(person.pseudonym for person in value.all())


class IdentitySerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """Who a pseudonym stands for: only in a participant's answer for one object."""

    pseudonym = serializers.CharField()
    name = serializers.CharField()
    birth_date = serializers.CharField(help_text="Geboortedatum zoals vastgelegd (DD-MM-JJJJ), of leeg.")


class ParticipationSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """An organisation taking part under a convenant, with its mandate."""

    organisation = serializers.CharField(source="organisation.name")
    convenant = serializers.CharField(source="convenant.name")
    mandate = serializers.CharField()
    since = serializers.DateField()
    until = serializers.DateField(allow_null=True)


class SignalSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """A signal of undermining (spec §11.3), persons as pseudonyms."""

    id = serializers.IntegerField()
    received_from = serializers.CharField()
    category = serializers.CharField()
    received_on = serializers.DateField()
    area_code = serializers.CharField()
    weighed_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField(help_text="Leeg zolang het signaal niet gewogen is.")
    present = serializers.ListField(child=serializers.CharField())
    recovered_euros = serializers.DecimalField(max_digits=12, decimal_places=2)
    hours_spent = serializers.DecimalField(max_digits=8, decimal_places=1)
    closed_on = serializers.DateField(allow_null=True)
    persons = PseudonymsField()


class CaseSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """A person-centred case (spec §8), the person as a pseudonym."""

    id = serializers.IntegerField()
    list_kind = serializers.CharField()
    person = serializers.CharField(source="person.pseudonym")
    target_group = serializers.CharField(source="person.target_group")
    opened_on = serializers.DateField()
    area_code = serializers.CharField()
    level = serializers.CharField()
    frame = serializers.CharField()
    escalation = serializers.CharField()
    state = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)
    version = serializers.IntegerField()


class GroupSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """A youth group (spec §11.1) under a label that names no one, members as pseudonyms."""

    id = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like Field.label
    area_code = serializers.CharField()
    classification = serializers.CharField()
    meeting = serializers.CharField()
    started_on = serializers.DateField()
    dissolved_on = serializers.DateField(allow_null=True)
    members = PseudonymsField()


class ClassificationSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """One classification of a group from a date (its history)."""

    classification = serializers.CharField()
    since = serializers.DateField()


class OpenedSignalSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """One signal for a participant: the signal, who its persons are, who takes part."""

    signal = SignalSerializer(source="obj")
    identities = IdentitySerializer(many=True, source="identity_rows")
    participations = ParticipationSerializer(many=True)


class OpenedCaseSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """One case for a participant: the case, who the person is, who takes part."""

    case = CaseSerializer(source="obj")
    identities = IdentitySerializer(many=True, source="identity_rows")
    participations = ParticipationSerializer(many=True)


class OpenedGroupSerializer(serializers.Serializer):  # type: ignore[type-arg]  # a plain dict serializer
    """One youth group for a participant: the group, its history, who its members are, who takes part."""

    group = GroupSerializer(source="obj")
    history = ClassificationSerializer(many=True, source="obj.history.all")
    identities = IdentitySerializer(many=True, source="identity_rows")
    participations = ParticipationSerializer(many=True)
