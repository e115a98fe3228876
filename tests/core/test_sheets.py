"""XLSX sheets: dates and times as date cells in French formats, text as text (no apostrophe
shows), a frozen bold header with filters, widths fitted, rows streamed from a generator."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from ess_desk.exchange import sheets


def test_cells_are_typed_and_the_sheet_is_ready_to_filter(tmp_path):
    read: list[int] = []

    def rows():
        for n in range(1200):
            read.append(n)
            yield [
                f"=SOMME(A{n})" if n == 0 else f"Structure {n}",
                dt.date(2026, 1, 1) + dt.timedelta(days=n),
                dt.datetime(2026, 12, 10, 18, 30),
                dt.time(9, 5),
                sheets.Percent(0.425),
                n,
                None,
            ]

    headers = ["Nom", "Date", "Début", "Heure", "Taux", "Nombre", "Vide"]
    path = tmp_path / "essai.xlsx"
    assert sheets.write_xlsx(path, "Essai : [1/2]", headers, rows()) == 1200
    assert len(read) == 1200
    book = load_workbook(path)
    sheet = book.active
    assert sheet.title == "Essai    1 2"  # what Excel refuses in a sheet name, left out
    assert [c.value for c in sheet[1]] == headers and all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G1201"
    first = sheet[2]
    assert first[0].value == "=SOMME(A0)" and first[0].data_type == "s" and first[0].quotePrefix
    assert first[1].is_date and first[1].number_format == "DD/MM/YYYY"
    assert first[2].number_format == "DD/MM/YYYY HH:MM" and first[2].value.hour == 18
    assert first[3].number_format == "HH:MM"
    assert first[4].value == 0.425 and first[4].number_format == "0 %"
    assert first[5].data_type == "n" and first[6].value is None
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    assert sheet.column_dimensions["A"].width >= len("Structure 499")
    assert sheet.column_dimensions["B"].width >= 10
