# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``kompas serve``: run Kompas under gunicorn, the same server as in production."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser
from django.core.wsgi import get_wsgi_application
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from gunicorn.app.base import BaseApplication

from kompas.commandbase import TranslatedCommand
from kompas.sources.runs import report_abandoned_runs


class _Server(BaseApplication):  # type: ignore[misc]  # gunicorn is untyped
    """Gunicorn configured from the command's options instead of its own command line."""

    def __init__(self, application: Any, options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


class Command(TranslatedCommand):
    """Serve Kompas over HTTP."""

    help_text = gettext_lazy("Start de webserver (gunicorn) van Kompas.")

    def add_arguments(self, parser: CommandParser) -> None:
        """Declare --bind, --workers and --threads."""
        parser.add_argument("--bind", default="127.0.0.1:8000", help=_("Adres en poort."))
        parser.add_argument("--workers", type=int, default=2, help=_("Aantal processen."))
        parser.add_argument("--threads", type=int, default=4, help=_("Threads per proces."))

    def handle(self, *args: Any, **options: Any) -> None:
        """Mark imports a previous server left "bezig" as failed, then serve until interrupted."""
        report_abandoned_runs(self.stdout.write)
        self.stdout.write(
            _("Kompas draait op http://%(bind)s/ (stoppen met Ctrl+C)") % {"bind": options["bind"]}
        )
        self.stdout.flush()
        # The application kompas.wsgi serves in production, made before gunicorn forks its workers.
        _Server(
            get_wsgi_application(),
            {
                "bind": options["bind"],
                "workers": options["workers"],
                "threads": options["threads"],
                "accesslog": None,
                "timeout": 120,
            },
        ).run()
