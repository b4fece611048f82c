# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""``politie-statline`` on the raw StatLine exports and the tidy national series."""

from __future__ import annotations

import csv
from pathlib import Path

from kompas.sources import formats

politie_statline = formats.get("politie-statline")

GEMEENTEN = "politie-gemeente-totaal-misdrijven-2022-2024"
NATIONAAL = "politie-nl-misdrijven-overlast-maand-2012-2023"


def _statline_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle, delimiter=";") if len(row) > 1][3:]


def test_misdrijven_2024_export(data: Path) -> None:
    path = data / GEMEENTEN / "Misdrijven_2024.csv"
    raw = _statline_rows(path)
    regions = [
        row
        for row in raw
        if "(RE)" not in row[0] and "niet in te delen" not in row[0] and row[0] != "Buitenland"
    ]
    result = politie_statline.parse(path)
    assert result.ok
    assert result.rows_read == len(raw) == 356
    assert len(result.observations) == len(regions) == 343  # Nederland + 342 gemeenten
    assert sum(o.value for o in result.observations) == sum(int(row[1]) for row in regions)
    values = {o.area_code: o.value for o in result.observations}
    assert (values["GM0164"], values["GM0153"], values["NL00"]) == (
        3752,
        9558,
        805_559,
    )  # Hengelo (O.), Enschede
    # 10 police units, "niet in te delen" (2) and Buitenland; and the one "." (not available) counted
    assert len(result.warnings) == 14
    assert (
        'Misdrijven_2024.csv, kolom "aantal": waarde "." staat in 1 cel en is gelezen als geen waarde '
        "(bij CBS: niet beschikbaar)."
    ) in [warning.message for warning in result.warnings]
    assert {m.code for m in result.measures} == {"misdrijven_totaal"}


def test_misdrijven_2022_2023_export_has_two_periods(data: Path) -> None:
    result = politie_statline.parse(data / GEMEENTEN / "misdrijven_2022_2023.csv")
    hengelo = sorted((o.period_start.year, o.value) for o in result.observations if o.area_code == "GM0164")
    assert result.ok
    assert hengelo == [(2022, 3907), (2023, 3676)]
    assert len(result.observations) == 686


def test_tidy_monthly_series_with_47022ned_codes(data: Path) -> None:
    path = data / NATIONAAL / "nl_misdrijven_maand_soort.csv"
    with path.open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    result = politie_statline.parse(path)
    assert result.ok
    assert result.rows_read == len(raw) == 8496
    assert sum(o.value for o in result.observations) == sum(int(row["frequency"]) for row in raw)
    total = [o for o in result.observations if o.measure_code == "misdrijven_totaal"]
    assert len(total) == 144
    assert sum(o.value for o in total) == 10_618_007  # the file's own total_incident_count
    assert len(result.measures) == 59


def test_tidy_disorder_and_annual_series(data: Path) -> None:
    path = data / NATIONAAL / "nl_overlast_maand_soort.csv"
    with path.open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    disorder = politie_statline.parse(path)
    assert disorder.ok
    e33 = sum(
        int(row["frequency"]) for row in raw if row["crime_type_code"] == "Overlast door verward persoon"
    )
    assert sum(o.value for o in disorder.observations if o.measure_code == "overlast_e33") == e33
    # total_incident_count in this file still counts the removed annual rows (twice the months' sum).
    total = sum(
        int(row["frequency"]) for row in raw if row["crime_type_code"] == "Totaal registraties overlast"
    )
    assert (
        sum(o.value for o in disorder.observations if o.measure_code == "overlast_totaal")
        == total
        == 9_081_780 // 2
    )
    annual = politie_statline.parse(data / NATIONAAL / "nl_misdrijven_jaar_soort.csv")
    assert {
        (o.period_start.year, o.value) for o in annual.observations if o.measure_code == "misdrijven_totaal"
    } >= {(2023, 802_043)}


def test_bad_period_header_and_unknown_municipality(tmp_path: Path) -> None:
    path = tmp_path / "Misdrijven_2024.csv"
    path.write_text(
        '"Titel"\n"Soort misdrijf: Totaal misdrijven"\n""\n"Onderwerp";"Geregistreerde misdrijven"\n'
        '"Perioden";"2024XX00"\n"Regio\'s";"aantal"\n"Nederland";"805559"\n"Bron: Politie"\n',
        encoding="utf-8",
    )
    assert [e.message for e in politie_statline.parse(path).errors] == [
        'Misdrijven_2024.csv, regel 5, kolom "Perioden": waarde "2024XX00" is geen geldige periode; '
        "verwacht: een periodecode zoals 2024JJ00, 2020MM01 of 2016KW03."
    ]
    path.write_text(
        '"Titel"\n"Soort misdrijf: Totaal misdrijven"\n"Onderwerp";"Geregistreerde misdrijven"\n'
        '"Perioden";"2024"\n"Regio\'s";"aantal"\n"Atlantis";"12"\n',
        encoding="utf-8",
    )
    assert [e.message for e in politie_statline.parse(path).errors] == [
        'Misdrijven_2024.csv, regel 6, kolom "Regio\'s": waarde "Atlantis" is geen bekende gemeente; '
        "verwacht: een gemeentenaam uit de 47022NED-regiolijst (zoals Hengelo (O.)) of een CBS-code."
    ]
