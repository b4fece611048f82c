# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The settings that decide what a file means, as the import used them: stored with the run, shown.

A file's encoding, delimiter and decimal mark are detected or derived when not given, a CRS may
have a default: each changes what the numbers, places and times mean. None of them may be a
silent guess, so every import run keeps them with where each came from (given as an option or in
the mapping, detected in the file, derived from another setting, or the format's default), and
the report prints them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kompas.sources.formats import Format, _mapping_spec
from kompas.sources.reading.options import Options
from kompas.sources.reading.tables import detected

LABELS = {
    "encoding": gettext_lazy("tekencodering"),
    "delimiter": gettext_lazy("scheidingsteken"),
    "decimal": gettext_lazy("decimaalteken"),
    "timezone": gettext_lazy("tijdzone"),
    "crs": gettext_lazy("coördinatenstelsel"),
}
ORIGINS = {
    "opgegeven": gettext_lazy("opgegeven"),
    "herkend": gettext_lazy("herkend in het bestand"),
    "afgeleid": gettext_lazy("afgeleid van het scheidingsteken"),
    "standaard": gettext_lazy("standaard van het formaat"),
    "organisatie": gettext_lazy("standaard van de organisatie"),
}
# The CRS a format reads when none is given (incidenten: lon/lat columns).
DEFAULT_CRS = {"incidenten": "EPSG:4326"}


def assumptions(
    path: Path,
    reader: Format,
    options: Mapping[str, object],
    *,
    from_organisation: frozenset[str] = frozenset(),
) -> dict[str, dict[str, str]]:
    """Return the meaning-changing settings of importing ``path``: name → value and origin.

    ``from_organisation`` names the options that came from the organisation's import defaults.
    """
    given = dict(options)
    if reader.name == "mapping" and given.get("mapping"):
        spec = _mapping_spec.load(Path(str(given["mapping"])))
        if not isinstance(spec, list):
            given = spec.file_options | given
    opts = Options(given, path.name)
    found: dict[str, dict[str, str]] = {}
    if "encoding" in reader.options:
        for name, (value, was_given) in detected(path, opts).items():
            origin = "opgegeven" if was_given else ("afgeleid" if name == "decimal" else "herkend")
            found[name] = {"value": value, "origin": origin}
    if "timezone" in reader.options and opts.has("timezone"):
        origin = "organisatie" if "timezone" in from_organisation else "opgegeven"
        found["timezone"] = {"value": opts.text("timezone"), "origin": origin}
    if opts.has("crs"):
        found["crs"] = {"value": opts.text("crs"), "origin": "opgegeven"}
    elif reader.name in DEFAULT_CRS:
        found["crs"] = {"value": DEFAULT_CRS[reader.name], "origin": "standaard"}
    return found


def describe(stored: Mapping[str, Mapping[str, str]]) -> str:
    """Return the stored settings as one Dutch line: "tekencodering utf-8 (herkend in het bestand), …"."""
    parts = []
    for name, setting in stored.items():
        label, origin = (
            LABELS.get(name, name),
            ORIGINS.get(setting.get("origin", ""), setting.get("origin", "")),
        )
        parts.append(
            _("%(label)s %(value)s (%(origin)s)")
            % {"label": label, "value": setting.get("value", ""), "origin": origin}
        )
    return ", ".join(parts)
