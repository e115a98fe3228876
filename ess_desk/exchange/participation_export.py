"""Participation figures to an Excel workbook: one sheet by member, by organisation and by
college, with real numbers and percentages, and a sheet saying how the rate is counted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.dashboard.participation import (
    BY_COLLEGE,
    BY_MEMBER,
    BY_ORGANISATION,
    Participation,
    ParticipationRow,
    Tally,
)
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange.sheets import keep_text
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

RATE_FORMAT = "0.0 %"


def method_lines() -> list[str]:
    """How the rate is counted, in the words the window's note uses."""
    return [
        _(
            "Séances comptées : les séances tenues (tenues ou closes) de la période dont les "
            "présences ont été saisies."
        ),
        _(
            "Attendu(e)s : les titulaires d'un siège de l'instance le jour de la séance "
            "(membres titulaires, présidence, vice-présidence) ; les suppléants et les invités "
            "permanents ne sont pas comptés."
        ),
        _(
            "Ont participé : présent(e), représenté(e) par un pouvoir, ou remplacé(e) par son "
            "suppléant."
        ),
        _("Taux de participation = ont participé ÷ attendu(e)s."),
    ]


def tally_headers() -> list[str]:
    return [
        _("Attendu(e)s"),
        _("Présent(e)s"),
        _("Représenté(e)s (pouvoir)"),
        _("Remplacé(e)s (suppléant)"),
        _("Excusé(e)s"),
        _("Absent(e)s"),
        _("Ont participé"),
        _("Taux de participation"),
    ]


def tally_values(tally: Tally) -> list[int | float | None]:
    return [
        tally.expected,
        tally.present,
        tally.represented,
        tally.replaced,
        tally.excused,
        tally.absent,
        tally.took_part,
        tally.rate,
    ]


def _sheets() -> list[tuple[str, str, list[str]]]:
    """(grouping, sheet title, leading headers)."""
    return [
        (BY_MEMBER, _("Par membre"), [_("Membre"), _("Structure")]),
        (BY_ORGANISATION, _("Par structure"), [_("Structure")]),
        (BY_COLLEGE, _("Par collège"), [_("Collège"), _("Instance")]),
    ]


def _leading(row: ParticipationRow, width: int) -> list[str]:
    return [row.label, row.detail][:width]


def write_xlsx(figures: Participation, path: Path | str, body_name: str = "") -> Path:
    """The workbook at `path` (written to a temporary name, then renamed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            _("Le fichier {path} doit porter l'extension .xlsx.").format(path=path), field="path"
        )
    bold = Font(bold=True, color="1F5C4A")
    fill = PatternFill("solid", fgColor="E8EFEC")
    workbook = Workbook()
    about = workbook.active
    assert isinstance(about, Worksheet)  # a new workbook opens on one worksheet
    about.title = _("Méthode")
    period = _("du {start} au {end}").format(start=display(figures.start), end=display(figures.end))
    about.append([_("Participation aux séances")])
    about["A1"].font = Font(bold=True, size=14, color="1F5C4A")
    about.append([_("Période"), period])
    about.append([_("Instance"), body_name or _("Toutes les instances")])
    keep_text(about[about.max_row])
    about.append([_("Séances comptées"), figures.meetings])
    if figures.unrecorded:
        about.append(
            [_("Séances tenues sans présences saisies (non comptées)"), figures.unrecorded]
        )
    about.append([_("Taux d'ensemble"), figures.overall.rate])
    about.cell(row=about.max_row, column=2).number_format = RATE_FORMAT
    about.append([])
    for line in method_lines():
        about.append([line])
        about.cell(row=about.max_row, column=1).alignment = Alignment(wrap_text=True)
        about.merge_cells(
            start_row=about.max_row, start_column=1, end_row=about.max_row, end_column=2
        )
        about.row_dimensions[about.max_row].height = 32
    about.column_dimensions["A"].width = 55
    about.column_dimensions["B"].width = 40

    for grouping, title, leading in _sheets():
        sheet = workbook.create_sheet(title)
        headers = [*leading, *tally_headers()]
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        rows = figures.rows(grouping)
        for row in rows:
            sheet.append([*_leading(row, len(leading)), *tally_values(row.tally)])
            keep_text(sheet[sheet.max_row])
        sheet.append([_("Ensemble"), *[""] * (len(leading) - 1), *tally_values(figures.overall)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        rate_column = len(headers)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=rate_column, max_col=rate_column):
            cell.number_format = RATE_FORMAT
        for i in range(1, len(headers) + 1):
            width = 34 if i <= len(leading) else 14
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.row_dimensions[1].height = 32
        sheet.freeze_panes = sheet.cell(row=2, column=len(leading) + 1)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    with atomic_path(path) as tmp:  # an unwritable place raises UserError naming it
        workbook.save(tmp)
    return path


def export_file(db: Database, figures: Participation, path: Path | str) -> Path:
    """`write_xlsx` with the body's name read from the database."""
    name = ""
    if figures.body_id is not None:
        name = database.scalar(db, "SELECT name FROM bodies WHERE id = ?", [figures.body_id]) or ""
    return write_xlsx(figures, path, name)
