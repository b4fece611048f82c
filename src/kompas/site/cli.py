# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The ``kompas`` command: Django's management commands under friendly names.

A command that acts on one kind of thing is named noun, then verb: ``kompas plan check`` runs the
management command ``plan_check``, ``kompas early-warning run`` runs ``early_warning_run``. One
word acts on the whole installation (``kompas compute``). ``--lang en`` (or ``KOMPAS_LANG=en``)
shows help and messages in English.
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
    "user create": _("Maak een gebruiker aan in een organisatie."),
    "check": _("Controleer de installatie (--deploy voor productie)."),
    "alerts run": _("Voer de signalering uit op alle reeksen (nachtelijke taak)."),
    "alerts digest": _("Verstuur de wekelijkse samenvatting van nieuwe signaleringen."),
    "early-warning run": _(
        "Signaleer ongewone stijgingen in de reeksen van een CSV-bestand (zonder database)."
    ),
    "early-warning backtest": _("Toon wat een signaleringsinstelling kost: detectiekans en valse alarmen."),
    "plan check": _("Controleer het veiligheidsplan: meetbaarheid, sommen, trekkers, PM-posten."),
    "plan export": _("Exporteer het veiligheidsplan als JSON, XLSX of PDF."),
    "import": _("Importeer een bestand (alles of niets), met foutenrapport per regel en kolom."),
    "import configure": _("Toon of zet de standaardtijdzone van de imports van een organisatie."),
    "import withdraw": _("Trek een importrun in: toegevoegde waarden weg, gewijzigde waarden terug."),
    "observations export": _("Exporteer waarnemingen (CSV, XLSX), eventueel opgeteld per niveau of periode."),
    "observations reaggregate": _(
        "Herverdeel aantallen van een oude wijk- of buurtindeling naar een nieuwe (gemarkeerd)."
    ),
    "indicators load": _("Laad indicatordefinities uit een TOML-definitiebestand."),
    "indicators dump": _("Schrijf de indicatordefinities als TOML-definitiebestand."),
    "compute": _("Bereken indicatorwaarden, trends, benchmarkindex, rangen en voortgang (incrementeel)."),
    "indicators export": _("Exporteer indicatorwaarden met interval, trend, index, rang en status."),
    "figures check": _("Toon per organisatie de indicatoren zonder waarden en waarom (teller, noemer, n …)."),
    "report": _("Maak een rapportage (voortgang, themablad, veiligheidsbeeld, plan) als PDF, XLSX of HTML."),
    "registry run": _(
        "Nachtelijke taak van de registers: namen van deelnemers na de bewaartermijn verwijderen."
    ),
    "audit verify": _("Controleer de audittrail op verwijderde, gewijzigde of ingevoegde regels."),
    "hotspots backtest": _(
        "Toets voorspelmethoden voor hotspots op een incidentenbestand (trefkans, PAI, PEI)."
    ),
    "hotspots forecast": _(
        "Voorspel de hotspots van volgende week op een raster, met de gemeten nauwkeurigheid."
    ),
    "casework retention": _("Verwijder casuïstiek na de bewaartermijn (nachtelijke taak; --dry-run)."),
    "casework rotate-keys": _("Versleutel identiteiten in de casuïstiek opnieuw met de nieuwste sleutel."),
    "casework link": _("Tel huishoudens die in twee of meer domeinen voorkomen (gepseudonimiseerd)."),
    "casework publish": _("Sla cijfers uit de casuïstiek op als waarnemingen (kleine aantallen onderdrukt)."),
    "platform report": _("Maak het jaarplan, jaarverslag, de marap of een projectblad van het Platform IVZ."),
    "platform remind": _("Mail de regiocoördinatoren wat achterstallig is bij het platform (wekelijks)."),
    "contributions": _("Bereken de bijdragen van de Twentse gemeenten aan het Platform IVZ."),
    "docs": _("Genereer de documentatie die uit de code volgt (rechten, auditacties, CLI, instellingen)."),
}
# Friendly names that cannot be a Django command's module name (``import`` is a Python keyword).
ALIASES = {"import": "import_file"}
# Old names, still working for one release with a warning (issue 13): old name -> new name.
RENAMED = {
    "check plan": "plan check",
    "createuser": "user create",
    "early-warning": "early-warning run",
    "early-warning-backtest": "early-warning backtest",
    "export indicators": "indicators export",
    "export observations": "observations export",
}


def command_name(argv: Sequence[str], known: Collection[str] = ()) -> tuple[str, list[str]]:
    """Translate the friendly command at the start of ``argv`` into a Django command name.

    Two words name one command when that command exists: ``plan check`` runs ``plan_check``,
    ``observations export`` runs ``observations_export``; dashes become underscores.
    """
    if len(argv) >= 2:
        joined = f"{argv[0]}_{argv[1]}".replace("-", "_")
        if joined in known:
            return joined, list(argv[2:])
    name = argv[0].replace("-", "_")
    return ALIASES.get(name, name), list(argv[1:])


def _key(words: Sequence[str]) -> str:
    """Return the Django form of a name, so ``check plan``, ``check_plan`` and ``check-plan`` match."""
    return "_".join(words).replace("-", "_")


def renamed(argv: Sequence[str]) -> tuple[list[str], str] | None:
    """If ``argv`` starts with an old command name, return it with the new name, and the old name."""
    if len(argv) >= 2 and _key(argv[:2]) in {_key(name.split()) for name in COMMANDS}:
        return None  # a current name (``early-warning run``), though its first word is an old one
    old_names = {_key(old.split()): old for old in RENAMED}
    for size in (2, 1):
        old = old_names.get(_key(argv[:size])) if len(argv) >= size else None
        if old is not None:
            return [*RENAMED[old].split(), *argv[size:]], old
    return None


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
    old = renamed(args)
    if old is not None:
        args, old_name = old
        notice = _("'%(old)s' heet nu '%(new)s'; de oude naam verdwijnt in de volgende versie.")
        sys.stderr.write(str(notice) % {"old": old_name, "new": RENAMED[old_name]} + "\n")
    name, rest = command_name(args, get_commands())
    try:
        ManagementUtility(["kompas", name, *rest]).execute()
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    return 0


if __name__ == "__main__":  # ``python -m kompas.site.cli``, as the installed ``kompas`` script runs
    sys.exit(main())
