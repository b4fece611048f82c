# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Encryption at rest of identities and free texts in casework (Fernet, with key rotation).

The keys come from ``CASEWORK_KEYS`` (comma-separated Fernet keys): the first encrypts, every
key decrypts, so a new key can be put in front and the stored tokens re-encrypted with
:func:`rotate_token` (``kompas casework rotate-keys``) before the old key is dropped
(docs/casework.md). The embedded default keeps one generated key in ``var/casework.keys``,
readable by the owner only; a production install without keys refuses to store identities.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class UnreadableIdentityError(RuntimeError):
    """Raised when a stored token cannot be decrypted with any configured key."""


def _embedded_keys(path: Path) -> list[str]:
    """Return the key stored in ``path``, creating it (mode 0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(Fernet.generate_key().decode("ascii"))
    return [line.strip() for line in path.read_text(encoding="ascii").split(",") if line.strip()]


def configured_keys() -> list[str]:
    """Return the configured keys, newest first; raise when none is configured in production."""
    keys = list(settings.CASEWORK_KEYS)
    if keys:
        return keys
    if settings.EMBEDDED or settings.DEBUG:
        return _embedded_keys(Path(settings.CASEWORK_KEY_FILE))
    raise ImproperlyConfigured("CASEWORK_KEYS ontbreekt: zet deze omgevingsvariabele in productie.")


def _fernet() -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in configured_keys()])
    except ValueError as error:
        raise ImproperlyConfigured("CASEWORK_KEYS bevat een sleutel die geen Fernet-sleutel is.") from error


def encrypt(text: str) -> str:
    """Return ``text`` encrypted with the newest key, as ASCII text for a database column."""
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Return the text of ``token``; raise :class:`UnreadableIdentityError` if no key fits."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise UnreadableIdentityError(
            "Geen van de sleutels in CASEWORK_KEYS past op deze gegevens."
        ) from error


def rotate_token(token: str) -> str:
    """Return ``token`` re-encrypted with the newest key (the text never leaves this function)."""
    if not token:
        return token
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise UnreadableIdentityError(
            "Geen van de sleutels in CASEWORK_KEYS past op deze gegevens."
        ) from error
