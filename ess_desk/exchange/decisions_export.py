"""The decision register exported for spreadsheets: XLSX, or CSV for Excel (UTF-8 with BOM, « ; »),
with formula injection neutralised."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange.tabular import neutralise
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.minutes.decisions import DecisionRow
from ess_desk.text import printable


def header() -> list[str]:
    return [
        _("Numéro"),
        _("Date"),
        _("Instance"),
        _("Séance"),
        _("Point"),
        _("Nature"),
        _("Texte"),
        _("Vote"),
        _("Statut"),
    ]


def row_values(row: DecisionRow) -> list[str]:
    return [
        row.reference,
        display(row.meeting_date),
        row.body,
        row.meeting_title,
        row.item_title,
        row.kind_label,
        row.text,
        row.outcome_label,
        row.status_label,
    ]


def write_csv(rows: Sequence[DecisionRow], path: Path | str) -> Path:
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header())
        for row in rows:
            writer.writerow([neutralise(v) for v in row_values(row)])
    return path


def write_xlsx(rows: Sequence[DecisionRow], path: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _("Décisions")
    sheet.append(header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([printable(v) for v in row_values(row)])
        for cell in sheet[sheet.max_row]:
            # openpyxl would store "=…" as a formula: every cell here is text.
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for n, width in enumerate((10, 11, 22, 24, 30, 15, 60, 30, 16), start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    path = Path(path)
    with atomic_path(path) as tmp:
        book.save(str(tmp))
    return path


def export(rows: Sequence[DecisionRow], path: Path | str, title: str = "") -> Path:
    """Write the register in the format the file name asks for (.xlsx, .csv or .pdf)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(rows, path)
    if suffix == ".csv":
        return write_csv(rows, path)
    if suffix == ".pdf":
        from ess_desk.documents import decisions_pdf

        return decisions_pdf.build(rows, path, title=title)
    raise UserError(
        _("Format inconnu pour {path} : choisissez un fichier .xlsx, .csv ou .pdf.").format(
            path=path.name
        )
    )
