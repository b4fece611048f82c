# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Settings read from the environment, declared as data so docs and checks share one list.

The embedded default (SQLite, DEBUG off, a generated development key) needs no variables;
a production deployment must set ``SECRET_KEY`` and fails loudly without it.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = PROJECT_DIR / "var"


@dataclass(frozen=True)
class EnvSetting:
    """One environment variable Kompas reads, with its default and help text."""

    name: str
    default: str
    help_nl: str
    help_en: str


ENV_SETTINGS: tuple[EnvSetting, ...] = (
    EnvSetting(
        "DATABASE_URL",
        "sqlite:///var/kompas.sqlite3",
        "Database, bijv. postgres://gebruiker:wachtwoord@host:5432/kompas. "
        "Standaard een SQLite-bestand in var/ van de projectmap.",
        "Database URL; defaults to a SQLite file in var/ of the project folder.",
    ),
    EnvSetting(
        "SECRET_KEY",
        "",
        "Geheime sleutel voor sessies en tokens. Verplicht als DEBUG uit staat en "
        "KOMPAS_EMBEDDED niet aan staat.",
        "Secret key for sessions and tokens. Required in production.",
    ),
    EnvSetting(
        "ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Komma-gescheiden hostnamen waarop Kompas antwoordt.",
        "Comma-separated host names Kompas answers on.",
    ),
    EnvSetting(
        "CSRF_TRUSTED_ORIGINS",
        "",
        "Komma-gescheiden origins (https://kompas.gemeente.nl) voor formulieren achter een proxy.",
        "Comma-separated trusted origins for forms behind a proxy.",
    ),
    EnvSetting("DEBUG", "false", "Foutopsporing aan (alleen ontwikkeling).", "Debug mode."),
    EnvSetting(
        "KOMPAS_EMBEDDED",
        "true",
        "Ingebouwde modus (SQLite, http op 127.0.0.1, taken direct uitgevoerd). "
        "Zet op false in productie: dan gelden HTTPS-cookies, HSTS en een verplichte SECRET_KEY.",
        "Embedded mode (SQLite, plain http on 127.0.0.1, inline tasks). Set false in production.",
    ),
    EnvSetting("EMAIL_HOST", "", "SMTP-server voor e-mail; leeg: e-mail naar de console.", "SMTP host."),
    EnvSetting("EMAIL_PORT", "587", "SMTP-poort.", "SMTP port."),
    EnvSetting("EMAIL_HOST_USER", "", "SMTP-gebruikersnaam.", "SMTP user."),
    EnvSetting("EMAIL_HOST_PASSWORD", "", "SMTP-wachtwoord.", "SMTP password."),
    EnvSetting("EMAIL_USE_TLS", "true", "STARTTLS gebruiken.", "Use STARTTLS."),
    EnvSetting("DEFAULT_FROM_EMAIL", "kompas@localhost", "Afzender van e-mail.", "Sender address."),
    EnvSetting(
        "IMPORT_MAX_UPLOAD_MB",
        "200",
        "Grootste bestand dat via de uploadpagina geïmporteerd kan worden, in MB. Een verzoek dat "
        "groter is, wordt geweigerd (HTTP 413) voordat het wordt ingelezen; grotere bestanden gaan "
        "met kompas import.",
        "Largest file the upload page accepts, in MB; larger requests are refused (413) before reading.",
    ),
    EnvSetting(
        "IMPORT_MAX_UNPACKED_MB",
        "2048",
        "Een gecomprimeerd importbestand (gzip) of XLSX-werkmap mag uitgepakt hoogstens zoveel MB "
        "zijn; het lezen stopt zodra dat wordt overschreden.",
        "Largest unpacked size of a gzip or XLSX import file, in MB; reading stops beyond it.",
    ),
    EnvSetting(
        "IMPORT_MAX_EXPANSION",
        "100",
        "Een gecomprimeerd importbestand (gzip of XLSX) mag uitgepakt hoogstens zoveel keer zo groot "
        "zijn als gecomprimeerd (boven 16 MB uitgepakt); tegen zip- en gzipbommen.",
        "Largest unpacking ratio of a gzip or XLSX import file (checked above 16 MB unpacked).",
    ),
    EnvSetting(
        "IMPORT_MAX_LINE_KB",
        "1024",
        "Langste regel van een tekstbestand (CSV) bij importeren, in kB.",
        "Longest line of a text import file, in kB.",
    ),
    EnvSetting(
        "IMPORT_MAX_XLSX_CELLS",
        "20000000",
        "Grootste aantal cellen van een werkblad bij importeren, zowel de opgegeven afmeting van het "
        "blad als de gelezen cellen.",
        "Largest number of cells of an imported worksheet, declared or read.",
    ),
    EnvSetting(
        "SURVEY_MIN_N",
        "30",
        "Kleinste aantal respondenten (n) waarbij een enquêtecijfer getoond en gebruikt wordt. Daaronder "
        "staat er 'te weinig waarnemingen' in plaats van het cijfer, op pagina's, in exports, API en "
        "rapportages, en telt het niet mee voor trends, indexen en het oordeel over streefwaarden. Bij "
        "n = 30 is de 95%-marge van een percentage rond 50 % al ±18 procentpunten; daaronder zegt het "
        "cijfer niets meer. Na een wijziging: kompas compute --full.",
        "Smallest number of respondents (n) for a survey figure to be shown and used; below it "
        "'te weinig waarnemingen' replaces the value everywhere (default 30: the 95% margin of a "
        "percentage near 50% is already ±18 points). Run kompas compute --full after a change.",
    ),
    EnvSetting(
        "SESSION_IDLE_SECONDS",
        "1800",
        "Sessie verloopt na zoveel seconden zonder activiteit.",
        "Session expires after this many idle seconds.",
    ),
    EnvSetting(
        "LOGIN_FAILURE_LIMIT",
        "5",
        "Aantal mislukte inlogpogingen waarna een account tijdelijk wordt geblokkeerd.",
        "Failed logins before a temporary lockout.",
    ),
    EnvSetting(
        "KOMPAS_TRUSTED_PROXIES",
        "",
        "Komma-gescheiden IP-adressen of CIDR-bereiken (10.0.0.5, 10.0.0.0/24) van de eigen reverse "
        "proxies. Alleen van deze adressen geldt de kop X-Forwarded-For: het meest rechtse adres dat "
        "geen vertrouwde proxy is, telt als adres van de gebruiker voor blokkade en audittrail. Leeg: "
        "het directe adres telt en X-Forwarded-For wordt genegeerd.",
        "Comma-separated IPs or CIDR ranges of your reverse proxies; only from these is "
        "X-Forwarded-For read (the rightmost untrusted hop is the client). Empty: the header is ignored.",
    ),
    EnvSetting(
        "LOGIN_LOCKOUT_MINUTES",
        "30",
        "Duur van de blokkade na te veel mislukte inlogpogingen, in minuten.",
        "Lockout duration in minutes.",
    ),
    EnvSetting(
        "REPORT_JOBS_PER_USER",
        "2",
        "Zoveel rapportages mag één gebruiker tegelijk laten maken of in de wachtrij hebben.",
        "Reports one user may have waiting or in progress at a time.",
    ),
    EnvSetting(
        "REPORT_JOBS_TOTAL",
        "4",
        "Zoveel rapportages worden in de hele installatie tegelijk gemaakt of wachten daarop.",
        "Reports waiting or in progress in the whole installation at a time.",
    ),
    EnvSetting(
        "REPORT_RETENTION_HOURS",
        "24",
        "Na zoveel uur wordt een gemaakte rapportage verwijderd.",
        "Hours a made report is kept before it is deleted.",
    ),
    EnvSetting(
        "CASEWORK_KEYS",
        "",
        "Komma-gescheiden Fernet-sleutels (base64, 32 bytes) waarmee identiteiten van personen in de "
        "casuïstiek versleuteld worden opgeslagen; de eerste versleutelt, de andere ontsleutelen nog "
        "(sleutelwissel: docs/casework.md). Verplicht in productie; ingebouwd: een sleutel in var/.",
        "Comma-separated Fernet keys for person identities in casework; the first encrypts, the "
        "others still decrypt (rotation: docs/casework.md). Required in production.",
    ),
    EnvSetting(
        "CASEWORK_SUPPRESSION_THRESHOLD",
        "5",
        "Aantallen uit de casuïstiek onder deze grens (maar groter dan 0) verlaten de casuïstiek niet "
        "voor wie geen deelnemer is: ze worden onderdrukt in cijfers, exports en waarnemingen.",
        "Casework counts below this (and above 0) are suppressed for non-participants.",
    ),
    EnvSetting(
        "CASEWORK_RETENTION_NO_ACTION_DAYS",
        "365",
        "Een signaal dat zonder actie is afgesloten, wordt na zoveel dagen verwijderd.",
        "Days a signal closed without action is kept.",
    ),
    EnvSetting(
        "CASEWORK_RETENTION_CLOSED_DAYS",
        "1826",
        "Een afgehandeld signaal, een afgesloten casus en een opgeheven jeugdgroep worden na zoveel "
        "dagen verwijderd, met hun gepseudonimiseerde personen die nergens anders voorkomen.",
        "Days a handled signal, closed case or dissolved youth group is kept.",
    ),
)

_BY_NAME = {setting.name: setting for setting in ENV_SETTINGS}


def env(name: str) -> str:
    """Return the environment value of a declared setting, or its default."""
    return os.environ.get(name, _BY_NAME[name].default)


def env_bool(name: str) -> bool:
    """Return a declared setting as a boolean (1/true/yes/ja/on)."""
    return env(name).strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str) -> list[str]:
    """Return a declared comma-separated setting as a list without empty items."""
    return [item.strip() for item in env(name).split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """Return a declared list of IP addresses and CIDR ranges; raise ValueError on a bad one."""
    entries = env_list(name)
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as error:
            raise ValueError(f"{name}: '{entry}' is geen IP-adres of CIDR-bereik.") from error
    return entries
