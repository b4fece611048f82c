# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Linkage counts (Borne pilot): three domains, overlap counted by hand, no key left behind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kompas.accounts.models import AuditRecord, Organisation
from kompas.casework.linkage import DomainFile, count_overlaps, pseudonymise, record_linkage
from kompas.casework.models import LinkageCount, LinkageRun

SECRET = b"gedeeld-geheim-van-de-bronnen-test"  # the sources' shared secret; Kompas never gets it
# Fictitious households and where each domain saw them (wijk, period).
DOMAINS = {
    "schulden": [
        ("Huishouden 1", "WK016401", "2025KW01"),
        ("Huishouden 1", "WK016401", "2025KW01"),  # delivered twice: still one household
        ("Huishouden 2", "WK016401", "2025KW01"),
        ("Huishouden 3", "WK016402", "2025KW01"),
        ("Huishouden 4", "WK016401", "2025KW02"),
    ],
    "jeugdzorg": [
        ("Huishouden 1", "WK016401", "2025KW01"),
        ("Huishouden 3", "WK016402", "2025KW01"),
        ("Huishouden 5", "WK016401", "2025KW01"),
        ("Huishouden 4", "WK016401", "2025KW01"),  # another period than in schulden
    ],
    "politie": [
        ("Huishouden 1", "WK016401", "2025KW01"),
        ("Huishouden 2", "WK016401", "2025KW01"),
        ("Huishouden 6", "WK016402", "2025KW01"),
    ],
}
# By hand: WK016401 2025KW01 holds households 1 (3 domains), 2 (2), 4 (1), 5 (1): 4, of which 2 in
# two or more; WK016401 2025KW02 holds household 4 (1): 1, 0; WK016402 2025KW01 holds 3 (2), 6 (1): 2, 1.
BY_HAND = [("WK016401", "2025KW01", 4, 2), ("WK016401", "2025KW02", 1, 0), ("WK016402", "2025KW01", 2, 1)]


def _text(rows: list[tuple[str, str, str]]) -> str:
    lines = ["huishouden;wijk;periode"] + [f"{pseudonymise(SECRET, h)};{w};{p}" for h, w, p in rows]
    return "\n".join(lines) + "\n"


def _files() -> list[DomainFile]:
    return [DomainFile(domain, _text(rows)) for domain, rows in DOMAINS.items()]


def test_three_domains_give_the_overlap_counted_by_hand() -> None:
    found = [(o.area_code, o.period, o.households, o.in_two_or_more) for o in count_overlaps(_files())]
    assert found == BY_HAND


def _everything_stored() -> str:
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  # table names from introspection
            found += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found)


@pytest.mark.django_db
def test_only_counts_are_stored_and_no_key_is_left_in_the_database(org_a: Organisation) -> None:
    run = record_linkage(actor=None, organisation=org_a, files=_files())
    stored = [
        (c.area_code, c.period, c.households, c.in_two_or_more) for c in LinkageCount.objects.filter(run=run)
    ]
    assert stored == BY_HAND
    everything = _everything_stored()
    for rows in DOMAINS.values():
        for household, _wijk, _period in rows:
            assert pseudonymise(SECRET, household) not in everything
            assert household not in everything
    assert SECRET.decode() not in everything
    assert AuditRecord.objects.filter(action="casework.linkage.counted").count() == 1


@pytest.mark.django_db
def test_a_plain_identifier_refuses_the_whole_delivery_without_repeating_it(org_a: Organisation) -> None:
    files = [*_files()[:2], DomainFile("politie", "huishouden;wijk;periode\n123456782;WK016401;2025KW01\n")]
    with pytest.raises(ValidationError) as refused:
        record_linkage(actor=None, organisation=org_a, files=files)
    assert refused.value.messages == [
        "politie, regel 2: geen pseudoniem van 64 hexadecimale tekens (HMAC-SHA256)."
    ]
    assert "123456782" not in str(refused.value)
    assert not LinkageRun.objects.exists()


def test_one_domain_is_not_a_linkage() -> None:
    with pytest.raises(ValidationError, match="ten minste twee bestanden"):
        count_overlaps(_files()[:1])


@pytest.mark.django_db
def test_the_command_counts_stores_and_prints_counts_only(org_a: Organisation, tmp_path: Path) -> None:
    paths = []
    for file in _files():
        path = tmp_path / f"{file.domain}.csv"
        path.write_text(file.text, encoding="utf-8")
        paths.append(str(path))
    out = io.StringIO()
    call_command("casework_link", *paths, "--organisation", org_a.code, stdout=out)
    printed = out.getvalue()
    assert "WK016401 2025KW01: 4 huishoudens, 2 in twee of meer domeinen" in printed
    assert pseudonymise(SECRET, "Huishouden 1") not in printed
    with pytest.raises(CommandError, match="Onbekende organisatie"):
        call_command("casework_link", *paths, "--organisation", "nergens")
