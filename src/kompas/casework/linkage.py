# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Linkage counts for early signalling (Borne pilot, spec §12.4 R59): overlap, never the keys.

Each source (debt counselling, youth care, police, …) turns its household identifier into a
keyed hash with a secret the sources share and Kompas never sees: HMAC-SHA256 of the
identifier, written as 64 hexadecimal characters (:func:`pseudonymise` shows how). Each
delivers a CSV ``huishouden;wijk;periode``. Kompas reads the files in memory, counts per wijk
and period how many distinct households appear and how many appear in two or more domains,
and stores only those counts. The pseudonyms are never written to the database, a log or
the audit trail; a line that is not a 64-hex pseudonym (say, a plain BSN) is refused with
the whole file, so identifiers cannot slip in by mistake.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.accounts import audit
from kompas.accounts.models import Organisation, User
from kompas.casework.models import LinkageCount, LinkageRun

PSEUDONYM = re.compile(r"[0-9a-f]{64}")
WIJK = re.compile(r"WK\d{6}")
PERIOD = re.compile(r"\d{4}(KW0[1-4]|JJ00)")
HEADER = ["huishouden", "wijk", "periode"]


def pseudonymise(secret: bytes, household_id: str) -> str:
    """Return the keyed hash a source writes for ``household_id`` (HMAC-SHA256, hexadecimal)."""
    return hmac.new(secret, household_id.strip().encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class DomainFile:
    """One domain's delivery: its name (``schulden``, ``jeugdzorg``) and the CSV text."""

    domain: str
    text: str

    @classmethod
    def read(cls, path: Path, domain: str | None = None) -> DomainFile:
        """Read ``path``; the domain defaults to the file name without extension."""
        return cls(domain or path.stem, path.read_text(encoding="utf-8-sig"))


@dataclass(frozen=True)
class Overlap:
    """Households in one wijk and period: how many appear, how many in two or more domains."""

    area_code: str
    period: str
    households: int
    in_two_or_more: int


def _rows(file: DomainFile, problems: list[str]) -> list[tuple[str, str, str]]:
    reader = csv.reader(io.StringIO(file.text), delimiter=";")
    header = next(reader, [])
    if [cell.strip().lower() for cell in header] != HEADER:
        problems.append(
            _("%(domain)s: de kopregel moet 'huishouden;wijk;periode' zijn.") % {"domain": file.domain}
        )
        return []
    rows = []
    for line, row in enumerate(reader, start=2):
        cells = [cell.strip() for cell in row]
        if len(cells) != 3 or not PSEUDONYM.fullmatch(cells[0].lower()):
            # The value is not repeated: it might be an identifier that should never have been sent.
            problems.append(
                _("%(domain)s, regel %(line)s: geen pseudoniem van 64 hexadecimale tekens (HMAC-SHA256).")
                % {"domain": file.domain, "line": line}
            )
            continue
        if not WIJK.fullmatch(cells[1]) or not PERIOD.fullmatch(cells[2]):
            problems.append(
                _("%(domain)s, regel %(line)s: wijk (WK016401) of periode (2024KW01, 2024JJ00) ongeldig.")
                % {"domain": file.domain, "line": line}
            )
            continue
        rows.append((cells[0].lower(), cells[1], cells[2]))
    return rows


def count_overlaps(files: list[DomainFile]) -> list[Overlap]:
    """Return the overlap per wijk and period of two or more domain files; refuse bad files whole."""
    problems: list[str] = []
    if len(files) < 2 or len({f.domain for f in files}) != len(files):
        problems.append(_("Geef ten minste twee bestanden van verschillende domeinen."))
    domains: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for file in files:
        for key, wijk, period in _rows(file, problems):
            domains[(wijk, period, key)].add(file.domain)
    if problems:
        raise ValidationError(problems)
    households: dict[tuple[str, str], int] = defaultdict(int)
    multiple: dict[tuple[str, str], int] = defaultdict(int)
    for (wijk, period, _key), seen in domains.items():
        households[(wijk, period)] += 1
        multiple[(wijk, period)] += len(seen) >= 2
    return [Overlap(w, p, households[(w, p)], multiple[(w, p)]) for (w, p) in sorted(households)]


@transaction.atomic
def record_linkage(*, actor: User | None, organisation: Organisation, files: list[DomainFile]) -> LinkageRun:
    """Count the overlaps of ``files`` and store the counts only (no pseudonym, no file)."""
    overlaps = count_overlaps(files)
    run = LinkageRun.objects.create(
        organisation=organisation, actor=actor, domains=sorted(f.domain for f in files)
    )
    LinkageCount.objects.bulk_create(
        LinkageCount(
            run=run,
            area_code=o.area_code,
            period=o.period,
            households=o.households,
            in_two_or_more=o.in_two_or_more,
        )
        for o in overlaps
    )
    changes = {"domains": run.domains, "cells": len(overlaps)}
    audit.record(
        "casework.linkage.counted", actor=actor, target=run, changes=changes, organisation_id=organisation.pk
    )
    return run
