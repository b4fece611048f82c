# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The ``kompas`` command: Django's management commands under friendly names.

``kompas early-warning`` runs the management command ``early_warning``; ``kompas check plan``
runs ``check_plan``. ``--lang en`` (or ``KOMPAS_LANG=en``) shows help and messages in English.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The commands a user of Kompas needs, in the order the overview shows them.
COMMANDS: dict[str, Promise] = {
    "demo": _("Maak een demodatabase met voorbeeldorganisaties en start de server."),
    "serve": _("Start de webserver (standaard op http://127.0.0.1:8000)."),
    "worker": _("Start een takenverwerker voor de database-takenwachtrij (productie)."),
    "migrate": _("Werk de databasestructuur bij."),
    "organisation create": _("Maak een organisatie aan (gemeente, regio, politie, partner …)."),
    "organisation list": _("Toon alle organisaties."),
    "setup": _("Richt een gemeente in: gebieden, standaardindicatoren, signalering; toont wat ontbreekt."),
    "createuser": _("Maak een gebruiker aan in een organisatie."),
    "check": _("Controleer de installatie (--deploy voor productie)."),
    "alerts run": _("Voer de signalering uit op alle reeksen (nachtelijke taak)."),
    "alerts digest": _("Verstuur de wekelijkse samenvatting van nieuwe signaleringen."),
    "early-warning": _("Signaleer ongewone stijgingen in de reeksen van een CSV-bestand (zonder database)."),
    "early-warning-backtest": _("Toon wat een signaleringsinstelling kost: detectiekans en valse alarmen."),
    "check plan": _("Controleer het veiligheidsplan: meetbaarheid, sommen, trekkers, PM-posten."),
    "plan export": _("Exporteer het veiligheidsplan als JSON, XLSX of PDF."),
    "import": _("Importeer een bestand (alles of niets), met foutenrapport per regel en kolom."),
    "export observations": _("Exporteer waarnemingen (CSV, XLSX), eventueel opgeteld per niveau of periode."),
    "indicators load": _("Laad indicatordefinities uit een TOML-definitiebestand."),
    "indicators dump": _("Schrijf de indicatordefinities als TOML-definitiebestand."),
    "compute": _("Bereken indicatorwaarden, trends, benchmarkindex, rangen en voortgang (incrementeel)."),
    "export indicators": _("Exporteer indicatorwaarden met interval, trend, index, rang en status."),
    "report": _("Maak een rapportage (voortgang, themablad, veiligheidsbeeld, plan) als PDF, XLSX of HTML."),
    "audit verify": _("Controleer de audittrail op verwijderde, gewijzigde of ingevoegde regels."),
    "docs": _("Genereer de documentatie die uit de code volgt (rechten, auditacties, CLI, instellingen)."),
}
# Friendly names that cannot be a Django command's module name (``import`` is a Python keyword).
ALIASES = {"import": "import_file"}


def command_name(argv: Sequence[str], known: Collection[str] = ()) -> tuple[str, list[str]]:
    """Translate the friendly command at the start of ``argv`` into a Django command name.

    Two words name one command when that command exists: ``check plan`` runs ``check_plan``,
    ``export observations`` runs ``export_observations``; dashes become underscores.
    """
    if len(argv) >= 2:
        joined = f"{argv[0]}_{argv[1]}".replace("-", "_")
        if joined in known:
            return joined, list(argv[2:])
    name = argv[0].replace("-", "_")
    return ALIASES.get(name, name), list(argv[1:])


def _pop_language(argv: list[str]) -> str:
    """Remove ``--lang X`` from ``argv`` and return the language (default Dutch)."""
    language = os.environ.get("KOMPAS_LANG", "nl")
    if "--lang" in argv:
        index = argv.index("--lang")
        language = argv[index + 1] if index + 1 < len(argv) else language
        del argv[index : index + 2]
    return language


def overview() -> str:
    """Return the top-level help text in the active language."""
    lines = [str(_("Gebruik: kompas [--lang nl|en] OPDRACHT [opties]")), "", str(_("Opdrachten:"))]
    lines += [f"  {name:<24} {text}" for name, text in COMMANDS.items()]
    lines += ["", str(_("Meer over een opdracht: kompas OPDRACHT --help"))]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a Kompas command; return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompas.settings")
    language = _pop_language(args)
    import django
    from django.core.management import ManagementUtility, get_commands
    from django.utils import translation

    django.setup()
    translation.activate(language)
    if not args or args[0] in {"-h", "--help", "help"}:
        sys.stdout.write(overview() + "\n")
        return 0
    name, rest = command_name(args, get_commands())
    try:
        ManagementUtility(["kompas", name, *rest]).execute()
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    return 0


if __name__ == "__main__":  # ``python -m kompas.site.cli``, as the installed ``kompas`` script runs
    sys.exit(main())
