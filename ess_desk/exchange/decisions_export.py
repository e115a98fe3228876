"""The decision register exported for spreadsheets: XLSX (dates as dates, text as text), or CSV
for Excel (UTF-8 with BOM, « ; », formula injection neutralised by an apostrophe)."""

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
    """The register as a sheet: the meeting's date a real date, every text as text (no
    apostrophe shows: a text cell is not a formula), wrapped, a frozen header with filters."""
    import datetime as dt

    from ess_desk.exchange import sheets

    values = (
        [
            v if n != 1 else dt.date.fromisoformat(row.meeting_date[:10])
            for n, v in enumerate(row_values(row))
        ]
        for row in rows
    )
    sheets.write_xlsx(
        path,
        _("Décisions"),
        header(),
        values,
        widths=(10, 11, 22, 24, 30, 15, 60, 30, 16),
        frozen_columns=1,
        wrap=True,
    )
    return Path(path)


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
