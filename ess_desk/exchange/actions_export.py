"""The actions table to Excel (XLSX), CSV (Excel's French flavour) or PDF (the tableau de suivi),
with formula injection neutralised in every text cell."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk.actions import queries
from ess_desk.actions.queries import ActionFilter, ActionRow
from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database


def neutralise(value: Any) -> Any:
    """Text is written as `tabular.neutralise` writes it (no control character, an apostrophe
    before what a spreadsheet would run as a formula); other values pass unchanged."""
    from ess_desk.exchange.tabular import neutralise as neutralise_text

    return neutralise_text(value) if isinstance(value, str) else value


def headers() -> list[str]:
    return [
        _("N°"),
        _("Action"),
        _("Description"),
        _("Instance"),
        _("Origine"),
        _("Porteur"),
        _("Courriel du porteur"),
        _("Thème"),
        _("Priorité"),
        _("Échéance"),
        _("Statut"),
        _("Avancement (%)"),
        _("En retard (jours)"),
        _("Créée le"),
        _("Close le"),
        _("Dernier point le"),
        _("Dernier commentaire"),
    ]


def _values(row: ActionRow, as_date: Callable[[str | None], Any]) -> list[Any]:
    return [
        row.id,
        row.title,
        row.description,
        row.body,
        row.origin,
        row.owner,
        row.owner_email,
        row.theme,
        row.priority_label,
        as_date(row.due_date),
        row.status_label,
        row.progress,
        row.days_late if row.overdue else None,
        as_date(row.created_on),
        as_date(row.closed_on),
        as_date(row.last_update_on),
        row.last_update_comment,
    ]


def _day_first(value: str | None) -> str:
    """ISO to dd/mm/yyyy without parsing (tens of thousands of cells)."""
    return f"{value[8:10]}/{value[5:7]}/{value[:4]}" if value else ""


def write_csv(rows: list[ActionRow], path: Path | str) -> Path:
    """UTF-8 with BOM and `;` separators, dates as dd/mm/yyyy: what Excel opens in France."""
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(headers())
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in _values(row, _day_first)])
    return path


DATE_COLUMNS = (10, 14, 15, 16)  # 1-based: due, created, closed, last update
WIDTHS = (7, 45, 40, 22, 34, 28, 26, 30, 10, 12, 12, 10, 10, 12, 12, 12, 40)


def write_xlsx(rows: list[ActionRow], path: Path | str) -> Path:
    """A sheet with real dates and numbers, a frozen header row and a filter on each column
    (streamed: a write-only workbook keeps tens of thousands of rows fast)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Actions"))
    for col, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(WIDTHS))}{len(rows) + 1}"
    bold, fill = Font(bold=True, color="1F5C4A"), PatternFill("solid", fgColor="E8EFEC")
    late_font = Font(color="B3261E", bold=True)
    header_cells = []
    for text in headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill = bold, fill
        header_cells.append(cell)
    sheet.append(header_cells)

    def as_date(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value[:10]) if value else None

    for row in rows:
        values: list[Any] = [neutralise(v) for v in _values(row, as_date)]
        for col in DATE_COLUMNS:
            if values[col - 1] is not None:
                cell = WriteOnlyCell(sheet, value=values[col - 1])
                cell.number_format = "DD/MM/YYYY"
                if col == DATE_COLUMNS[0] and row.overdue:
                    cell.font = late_font
                values[col - 1] = cell
        sheet.append(values)
    with atomic_path(path) as tmp:
        workbook.save(tmp)
    return path


def export_file(
    db: Database,
    path: Path | str,
    filt: ActionFilter | None = None,
    *,
    sort: str = "due_date",
    today: dt.date | None = None,
) -> int:
    """Write the actions that pass the filter to `path` (.xlsx, .csv or .pdf, by its suffix);
    returns how many were written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".pdf"):
        raise UserError(
            _("« {name} » : choisissez un fichier .xlsx, .csv ou .pdf.").format(name=path.name),
            field="output",
        )
    today = today or dt.date.today()
    filt = filt or ActionFilter()
    if suffix == ".pdf":
        from ess_desk.documents import actions_pdf

        rows = queries.query_ids(db, filt, sort=sort, today=today)
        _writable(path, lambda: actions_pdf.build_tableau(db, path, filt, sort=sort, today=today))
        return len(rows)
    rows = queries.query_actions(db, filt, sort=sort, today=today)
    if suffix == ".csv":
        _writable(path, lambda: write_csv(rows, path))
    else:
        _writable(path, lambda: write_xlsx(rows, path))
    return len(rows)


def _writable(path: Path, write: Callable[[], Path]) -> None:
    try:
        write()
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
