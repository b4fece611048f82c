# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""HTTP middleware for every response and request: the Content-Security-Policy and the body limit.

**Content-Security-Policy.** Pages load scripts, styles, images and fonts from Kompas itself
only, and never inline scripts: htmx is the only script and is served as a static file. Inline
*styles* are allowed, as styles only: the HTML report carries its print stylesheet inline (the
same document is printed to PDF) and htmx adds the style of its progress indicator. Forms post
to Kompas only, and no other site may frame a page.

**Request body limit.** Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` does not count files, and an
upload is written to a temporary file in full before any form sees its size. So a request whose
``Content-Length`` exceeds the upload limit (``IMPORT_MAX_UPLOAD_MB``, plus room for the other
form fields) is answered with 413 before a byte of its body is read. A body without a length
(``Transfer-Encoding: chunked``) is answered with 411: Django would read none of it anyway,
so it is refused before it is sent instead of silently arriving empty.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
# Room for the form fields besides the file: format, options, a mapping or boundary file.
FORM_ALLOWANCE = 2 * 1024 * 1024

Handler = Callable[[HttpRequest], HttpResponse]


class ContentSecurityPolicyMiddleware:
    """Send :data:`POLICY` with every response."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Add the header unless a view set its own."""
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class RequestBodyLimitMiddleware:
    """Refuse a request body beyond the upload limit, or without a length, before reading it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Answer 413 or 411 for a refused body; pass every other request on."""
        return refusal(request) or self.get_response(request)


def body_limit() -> int:
    """Return the largest request body accepted, in bytes."""
    return int(settings.KOMPAS_UPLOAD_MAX_BYTES) + FORM_ALLOWANCE


def refusal(request: HttpRequest) -> HttpResponse | None:
    """Return the response refusing ``request``'s body, or None when it may be read."""
    length = request.META.get("CONTENT_LENGTH") or ""
    if not length and request.META.get("HTTP_TRANSFER_ENCODING"):
        return _refused(
            411,
            _("Lengte van het verzoek ontbreekt"),
            _(
                "Kompas neemt alleen verzoeken aan waarvan de lengte vooraf bekend is (Content-Length). "
                "Verstuur het bestand via de uploadpagina of importeer het met de opdracht kompas import."
            ),
        )
    if length.isdigit() and int(length) > body_limit():
        megabytes = settings.KOMPAS_UPLOAD_MAX_BYTES // (1024 * 1024)
        return _refused(
            413,
            _("Bestand te groot"),
            _(
                "Dit verzoek is groter dan de grens van %(limit)s MB voor uploads en is niet gelezen "
                "(instelling IMPORT_MAX_UPLOAD_MB). Importeer grotere bestanden met de opdracht "
                "kompas import."
            )
            % {"limit": megabytes},
        )
    return None


def _refused(status: int, title: str, message: str) -> HttpResponse:
    body = render_to_string("http/refused.html", {"title": title, "message": message})
    return HttpResponse(body, status=status)
