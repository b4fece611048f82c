# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Reading files whatever their format: bytes, lines, tables, cells, geometries and their limits.

What every format in :mod:`kompas.sources.formats` shares: encodings and separators
(:mod:`.encoding`, :mod:`.csvdialect`), tables of rows (:mod:`.tables`, :mod:`.blocks`), checked
cells (:mod:`.cells`, :mod:`.numbers`, :mod:`.periods`, :mod:`.areacodes`, :mod:`.options`),
geographic features (:mod:`.features`, :mod:`.topojson`, :mod:`.geometry`), the stream of chunks
(:mod:`.streaming`, :mod:`.chunks`, :mod:`.duplicates`) and the limits that keep a hostile file
cheap (:mod:`.limits`). Nothing here knows a particular source.
"""
