# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""HTML to PDF with WeasyPrint, using only Kompas' own static files: never the network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import weasyprint
from django.conf import settings
from weasyprint.urls import URLFetcher


def static_root() -> Path:
    """Return the folder whose files documents may embed (fonts, CSS, images)."""
    return (Path(settings.BASE_DIR) / "static").resolve()


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
    """Fetch ``data:`` URLs and files below the static folder; refuse every other URL.

    A refused resource is left out of the document (WeasyPrint logs it), so a stray link in a
    text never makes a report fail and never opens a connection.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        """Refuse files outside the static folder, then fetch as WeasyPrint does."""
        if url.startswith("file:"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not path.is_relative_to(static_root()):
                raise ValueError(f"Buiten de statische map: {url}")
        return super().fetch(url, headers)


def render_pdf(html: str) -> bytes:
    """Render a complete HTML document to PDF bytes; relative URLs resolve under ``static/``."""
    document = weasyprint.HTML(
        string=html, base_url=static_root().as_uri() + "/", url_fetcher=LocalOnlyFetcher()
    )
    pdf: bytes = document.write_pdf()
    return pdf
