# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Format ``cbs-gebieden``: CBS boundaries of buurten, wijken and gemeenten.

Reads GeoJSON, TopoJSON (the national CBS files) and shapefiles. The level and parent follow
from the CBS code (BU01640100 → WK016401 → GM0164); coordinates in RD New are reprojected to WGS84;
invalid polygons are repaired with ``make_valid`` and reported as warnings, as are features
without geometry (the area is kept without a boundary). Water parts of municipalities
(``water = JA``) are skipped. Kerncijfers on the features (``aantal_inwoners``,
``aantal_huishoudens``) become observations for 1 January of the boundary year.

Options: ``year`` (else the year in the file name), ``code_property``, ``name_property``, ``crs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from kompas.sources.formats import _area_features
from kompas.sources.reading.chunks import Chunk, ErrorBuffer, ObservationBatch, error_chunk
from kompas.sources.reading.features import FeatureSource, open_features
from kompas.sources.reading.options import Options
from kompas.sources.reading.periods import parse_year
from kompas.sources.records import ParseError

CHUNK_FEATURES = 5000


def iter_chunks(path: Path, *, options: Mapping[str, object] | None = None) -> Iterator[Chunk]:
    """Yield the areas (and kerncijfers) of a boundary file, 5.000 features per chunk."""
    opts = Options(options, path.name)
    year = opts.parsed("year", parse_year, 0) or year_in_name(path)
    source = open_features(path)
    problems = opts.errors + ([] if year else [no_year(path)])
    if isinstance(source, ParseError):
        problems.append(source)
    if problems or isinstance(source, ParseError):
        yield error_chunk(problems)
        return
    yield from chunks(source, year, opts)


def chunks(source: FeatureSource, year: int, opts: Options) -> Iterator[Chunk]:
    """Yield the areas of ``source`` valid from ``year``; shared with ``cbs-bevolking``."""
    reader = _area_features.Reader(source, year, opts)
    batch: list[_area_features.Parsed] = []
    for feature in source.features:
        batch.append(reader.read(feature))
        if len(batch) >= CHUNK_FEATURES:
            yield _chunk(batch)
            batch = []
    yield _chunk(batch)
    yield Chunk(measures=reader.measures_used())


def _chunk(batch: list[_area_features.Parsed]) -> Chunk:
    errors = ErrorBuffer()
    for parsed in batch:
        errors.extend(parsed.errors)
    observations = [record for parsed in batch for record in parsed.observations]
    return Chunk(
        observations=ObservationBatch.from_records(observations),
        areas=tuple(parsed.area for parsed in batch if parsed.area is not None),
        errors=tuple(errors.kept),
        error_count=errors.count,
        warnings=tuple(warning for parsed in batch for warning in parsed.warnings),
        rows_read=len(batch),
    )


def year_in_name(path: Path) -> int:
    """Return the year in a file name such as ``twente_buurten_2014.geojson`` (0 when none)."""
    match = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", path.name)
    return int(match.group(1)) if match else 0


def no_year(path: Path) -> ParseError:
    expected = _("de optie year (het jaar van de gebiedsindeling) of een jaartal in de bestandsnaam")
    return ParseError(path.name, 0, _("optie year"), "", expected, _("ontbreekt"))
