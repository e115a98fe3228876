"""The actions table to Excel (XLSX), CSV (Excel's French flavour) or PDF (the tableau de suivi),
with formula injection neutralised in every text cell."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
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


def write_csv(rows: Iterable[ActionRow], path: Path | str) -> int:
    """UTF-8 with BOM and `;` separators, dates as dd/mm/yyyy: what Excel opens in France; a
    text a spreadsheet would run as a formula gets its apostrophe (CSV has no cell types).
    Rows are written as they come (any number in bounded memory); returns how many."""
    path = Path(path)
    count = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(headers())
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in _values(row, _day_first)])
            count += 1
    return count


DUE_COLUMN = 9  # from 0: the due date, red when overdue
WIDTHS = (7, 45, 40, 22, 34, 28, 26, 30, 10, 12, 12, 10, 10, 12, 12, 12, 40)


def _as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def write_xlsx(rows: Iterable[ActionRow], path: Path | str) -> int:
    """A sheet with real dates and numbers, text as text (no apostrophe shows), a frozen header
    row and a filter on each column, the due date red when overdue; streamed (a write-only
    workbook: any number of rows in bounded memory). Returns how many rows."""
    from ess_desk.exchange import sheets

    late = frozenset({DUE_COLUMN})
    return sheets.write_xlsx(
        path,
        _("Actions"),
        headers(),
        (sheets.Row(_values(row, _as_date), late if row.overdue else frozenset()) for row in rows),
        widths=WIDTHS,
        frozen_columns=2,
    )


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

        return _writable(
            path, lambda: actions_pdf.build_tableau(db, path, filt, sort=sort, today=today)
        )
    rows = queries.iter_actions(db, filt, sort=sort, today=today)  # read as they are written
    if suffix == ".csv":
        return _writable(path, lambda: write_csv(rows, path))
    return _writable(path, lambda: write_xlsx(rows, path))


def _writable(path: Path, write: Callable[[], int]) -> int:
    try:
        return write()
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
