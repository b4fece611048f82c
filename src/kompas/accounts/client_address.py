# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The client's address for lockout and audit, also behind a reverse proxy.

``X-Forwarded-For`` is anyone's to write, so it is read only when the direct peer
(``REMOTE_ADDR``) is one of ``KOMPAS_TRUSTED_PROXIES``. Each proxy appends the address it
received the request from, so the header is read from the right: trusted proxies are
skipped and the first address that is not a trusted proxy is the client. Whatever a client
put in the header itself lies further left and is never reached.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """Return the trusted networks (the setting was checked when the settings were read)."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(text: str) -> Address | None:
    """Return ``text`` as an address (a port after IPv4 or a bracketed IPv6 is dropped)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str | None:
    """Return the client's IP address: the peer, or the rightmost untrusted forwarded hop."""
    peer = request.META.get("REMOTE_ADDR") or None
    networks = _trusted(tuple(settings.KOMPAS_TRUSTED_PROXIES))
    peer_address = _address(peer) if peer else None
    if peer_address is None or not _is_trusted(peer_address, networks):
        return peer
    client = peer_address
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            # Garbage between trusted hops: stop at the last address a trusted proxy vouched for.
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)
