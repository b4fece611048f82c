# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""The area hierarchy as arrays: every area code and group gets an index, every year a parent table.

CBS re-uses codes with other boundaries and moves buurten between wijken, so the parent of an area
depends on the year. An area version is valid from ``valid_from`` through ``valid_to``; the
version valid in a year gives that year's parent. Before a code's first version its first
version is used (sources often start before the oldest boundary file that was loaded); after a
version ends without a successor the code has no parent, and it is no longer expected as a
child either.

Area groups (a region, the G32, a focus area) get their own indices after the areas, at level
``groep``; their members are area codes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from kompas.indicators.models import GROUP_LEVEL

IntArray = npt.NDArray[np.int64]
# Levels a parent can have, from small to large; an area rolls up into its parent only.
PARENT_LEVELS = ("wijk", "gemeente", "regio", "provincie", "land")
MONTHS_PER_YEAR = 12


@dataclass(frozen=True)
class Areas:
    """Area codes, levels and yearly parents as arrays indexed by area index.

    ``parents[y, a]`` is the parent index of area ``a`` in year ``first_year + y`` (−1: none);
    ``children[y, a]`` how many areas have ``a`` as parent that year. Groups come after the
    areas: ``group_ids[g]`` is the database id of group index ``first_group + g``, and
    ``member_group``/``member_area`` list the (group index, member area index) pairs.
    """

    codes: npt.NDArray[np.object_]
    levels: npt.NDArray[np.object_]
    organisations: IntArray
    first_year: int
    parents: IntArray
    children: IntArray
    version_index: dict[int, int]
    first_group: int
    group_ids: IntArray
    group_kinds: npt.NDArray[np.object_]
    member_group: IntArray
    member_area: IntArray

    @property
    def size(self) -> int:
        """Return the number of indices (areas and groups)."""
        return int(self.codes.size)

    def year_rows(self, starts: IntArray) -> IntArray:
        """Return the row of :attr:`parents` for periods starting at month indices ``starts``."""
        rows = starts // MONTHS_PER_YEAR - self.first_year
        return np.clip(rows, 0, self.parents.shape[0] - 1)

    def visible_to(self, owner: int | None) -> Areas:
        """Return the hierarchy with only the groups that are shared or belong to ``owner``.

        An organisation's own indicator is summed and compared only within shared groups and
        its own; a shared indicator within every group (each group's rows belong to its owner).
        """
        if not owner:
            return self
        group_owner = self.organisations[self.member_group]
        keep = (group_owner == 0) | (group_owner == owner)
        return replace(self, member_group=self.member_group[keep], member_area=self.member_area[keep])

    def locate(self, version_ids: npt.NDArray[np.int64]) -> IntArray:
        """Return the area index of each area version id (−1 for versions not loaded)."""
        known = np.asarray(sorted(self.version_index), dtype=np.int64)
        if known.size == 0:
            return np.full(version_ids.size, -1, dtype=np.int64)
        index = np.asarray([self.version_index[v] for v in known.tolist()], dtype=np.int64)
        position = np.minimum(np.searchsorted(known, version_ids), known.size - 1)
        return np.where(known[position] == version_ids, index[position], -1)

    def index_of(self, codes: list[str]) -> IntArray:
        """Return the area indices of ``codes`` (−1 for unknown codes); groups are not looked up."""
        lookup = {code: index for index, code in enumerate(self.codes[: self.first_group])}
        return np.asarray([lookup.get(code, -1) for code in codes], dtype=np.int64)


def build(versions: pd.DataFrame, members: pd.DataFrame, years: tuple[int, int]) -> Areas:
    """Index the area versions and groups for the years ``years`` (first, last inclusive).

    ``versions`` has the columns of ``kompas.areas.queries.area_version_frame``; ``members``
    those of ``kompas.areas.queries.group_member_frame``.
    """
    first, last = min(years), max(years)
    codes = np.asarray(sorted(set(versions["code"])), dtype=object)
    position = {code: index for index, code in enumerate(codes)}
    parents = _yearly_parents(versions, position, first, last)
    groups = members.drop_duplicates("group_id").sort_values("group_id")
    group_count = len(groups)
    all_codes = np.concatenate([codes, groups["group_code"].to_numpy(dtype=object)])
    all_levels = np.concatenate([_levels(versions, codes), np.full(group_count, GROUP_LEVEL, dtype=object)])
    organisations = np.zeros(all_codes.size, dtype=np.int64)
    organisations[codes.size :] = groups["organisation_id"].fillna(0).to_numpy(dtype=np.int64)
    parents = np.hstack([parents, np.full((parents.shape[0], group_count), -1, dtype=np.int64)])
    children = np.zeros_like(parents)
    for row in range(parents.shape[0]):
        known = parents[row] >= 0
        children[row] = np.bincount(parents[row][known], minlength=all_codes.size)
    group_index = {gid: codes.size + i for i, gid in enumerate(groups["group_id"])}
    pairs = members.drop_duplicates(["group_id", "area_code"])
    return Areas(
        codes=all_codes,
        levels=all_levels,
        organisations=organisations,
        first_year=first,
        parents=parents,
        children=children,
        version_index={int(v): position[c] for v, c in zip(versions["id"], versions["code"], strict=True)},
        first_group=int(codes.size),
        group_ids=groups["group_id"].to_numpy(dtype=np.int64),
        group_kinds=groups["kind"].to_numpy(dtype=object),
        member_group=np.asarray([group_index[g] for g in pairs["group_id"]], dtype=np.int64),
        member_area=np.asarray([position.get(c, -1) for c in pairs["area_code"]], dtype=np.int64),
    )


def _yearly_parents(versions: pd.DataFrame, position: dict[str, int], first: int, last: int) -> IntArray:
    """Parent index per year and area: that of the version valid in the year (the latest one if
    several are), or of the first version in years before it; −1 after a version ended."""
    ordered = versions.sort_values(["code", "valid_from"], kind="stable").reset_index(drop=True)
    child = np.asarray([position[c] for c in ordered["code"]], dtype=np.int64)
    parent = np.asarray(
        [position.get(p, -1) if isinstance(p, str) else -1 for p in ordered["parent_code"]], dtype=np.int64
    )
    starts = ordered["valid_from"].to_numpy(dtype=np.int64)
    ends = ordered["valid_to"].fillna(np.iinfo(np.int32).max).to_numpy(dtype=np.int64)
    year = np.arange(first, last + 1, dtype=np.int64)[:, None]
    valid = (starts[None, :] <= year) & (year <= ends[None, :])
    rank = np.where(valid, np.arange(len(ordered))[None, :], -1)
    chosen = np.full((year.size, len(position)), -1, dtype=np.int64)
    rows = np.repeat(np.arange(year.size), len(ordered))
    np.maximum.at(chosen, (rows, np.tile(child, year.size)), rank.reshape(-1))
    earliest = np.full(len(position), len(ordered), dtype=np.int64)
    np.minimum.at(earliest, child, np.arange(len(ordered)))
    before_first = (chosen < 0) & (year < starts[earliest][None, :])
    chosen = np.where(before_first, earliest[None, :], chosen)
    return np.where(chosen >= 0, parent[np.maximum(chosen, 0)], -1)


def _levels(versions: pd.DataFrame, codes: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    """The level of each code (of its latest version)."""
    latest = versions.sort_values("valid_from").drop_duplicates("code", keep="last").set_index("code")
    return latest["level"].reindex(codes).to_numpy(dtype=object)
