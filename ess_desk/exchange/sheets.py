"""XLSX sheets as a French office expects them, written in bounded memory: dates and times as
real date cells with French formats, numbers as numbers, text as text (never a visible
apostrophe: a text cell is not a formula, whatever it starts with), a bold frozen header row
with a filter on every column, and columns fitted to what they hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ess_desk.exchange.tabular import is_formula_like
from ess_desk.fileio import atomic_path
from ess_desk.text import printable

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# What a cell of ours holds: text, a number (a Percent is one), a day, a time, or nothing.
CellValue = str | int | float | dt.date | dt.datetime | dt.time | None

DATE_FORMAT = "DD/MM/YYYY"  # shown « 05/03/2026 » (jj/mm/aaaa in a French Excel)
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
TIME_FORMAT = "HH:MM"
PERCENT_FORMAT = "0 %"
HEADER_COLOUR, HEADER_FILL = "1F5C4A", "E8EFEC"
MEASURED_ROWS = 500  # widths are fitted to the header and the first rows (then streamed)
MAX_WIDTH = 60


class Percent(float):
    """A rate from 0 to 1, shown « 42 % »."""


class Row(NamedTuple):
    """A row whose cells at `alert` indexes stand out (red, bold: an overdue date)."""

    values: Sequence[CellValue]
    alert: frozenset[int] = frozenset()


def _shown_width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, dt.time):
        return 5
    if isinstance(value, Percent):
        return 6
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


class SheetWriter:
    """One sheet of a write-only workbook (its rows never all in memory at once). `write(rows)`
    then `save(path)`; a workbook may hold several sheets (`add_sheet`)."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.workbook = Workbook(write_only=True)
        self._wrap: Alignment | None = None
        self._alert: Font | None = None

    def add_sheet(
        self,
        title: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[CellValue] | Row],
        *,
        widths: Sequence[int] | None = None,
        frozen_columns: int = 0,
        wrap: bool = False,
    ) -> int:
        """A sheet of `rows` under `headers`; returns how many rows were written."""
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        sheet = self.workbook.create_sheet(sheet_title(title))
        rows = iter(rows)
        first = list(islice(rows, MEASURED_ROWS))
        first_values = [r.values if isinstance(r, Row) else r for r in first]
        if widths is None:
            widths = [
                max([len(h), *(_shown_width(r[i]) for r in first_values if i < len(r))])
                for i, h in enumerate(headers)
            ]
        for n, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(n)].width = min(max(width + 2, 6), MAX_WIDTH)
        sheet.freeze_panes = sheet_cell(frozen_columns + 1, 2)
        header_font = Font(bold=True, color=HEADER_COLOUR)
        header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self._wrap = Alignment(wrap_text=True, vertical="top") if wrap else None
        self._alert = Font(bold=True, color="B3261E")
        cells = []
        for text in headers:
            cell = self._text_cell(sheet, text)
            cell.font, cell.fill = header_font, header_fill
            cells.append(cell)
        sheet.append(cells)
        count = 0
        for row in chain(first, rows):
            if isinstance(row, Row):
                cells = [self._cell(sheet, v) for v in row.values]
                for n in row.alert:
                    cells[n].font = self._alert
            else:
                cells = [self._cell(sheet, v) for v in row]
            sheet.append(cells)
            count += 1
        if headers:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
        return count

    def _text_cell(self, sheet: WriteOnlyWorksheet, text: str) -> Cell:
        from openpyxl.cell import WriteOnlyCell

        text = printable(text)
        cell = WriteOnlyCell(sheet, value=text)
        # Text is stored as text: a value starting with « = » is not a formula, and no
        # apostrophe shows; quotePrefix keeps it text if someone edits the cell too.
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True
        if self._wrap is not None:
            cell.alignment = self._wrap
        return cell

    def _cell(self, sheet: WriteOnlyWorksheet, value: CellValue) -> Cell:
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, str):
            return self._text_cell(sheet, value)
        cell = WriteOnlyCell(sheet)
        cell.value = value
        if isinstance(value, dt.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, dt.time):
            cell.number_format = TIME_FORMAT
        elif isinstance(value, Percent):
            cell.number_format = PERCENT_FORMAT
        return cell

    def save(self, path: Path | str) -> Path:
        path = Path(path)
        with atomic_path(path) as tmp:
            self.workbook.save(tmp)
        return path


def sheet_cell(column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: no [ ] : * ? / \\, at most 31 characters."""
    import re

    cleaned = re.sub(r"[\\/*?:\[\]]", " ", printable(title)).strip() or "Feuille"
    return cleaned[:31]


def write_xlsx(
    path: Path | str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[CellValue] | Row],
    *,
    widths: Sequence[int] | None = None,
    frozen_columns: int = 0,
    wrap: bool = False,
) -> int:
    """One sheet to `path` (written then renamed); returns how many rows were written."""
    writer = SheetWriter()
    count = writer.add_sheet(
        title, headers, rows, widths=widths, frozen_columns=frozen_columns, wrap=wrap
    )
    writer.save(path)
    return count


def keep_text(cells: Iterable[Cell | MergedCell]) -> None:
    """Cells of an ordinary (not write-only) sheet: a text that looks like a formula stays text,
    without a visible apostrophe (openpyxl would otherwise store « =… » as a formula)."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.value = printable(cell.value)
            cell.data_type = "s"
            if is_formula_like(cell.value):
                cell.quotePrefix = True
