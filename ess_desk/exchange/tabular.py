"""Spreadsheet files as offices produce them: read CSV (any usual encoding and separator) or XLSX
into rows with their line numbers, and write CSV/XLSX that a French Excel opens safely."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.text import (
    fold,  # noqa: F401 - the importers compare folded headers
    printable,
)

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = (";", ",", "\t")
# A cell starting with one of these is read by spreadsheets as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 (.xls) and other old Office files

# Accents and other marks left apart by NFKD decomposition.

Cell = str | dt.date | int | float | None


class SourceTable(NamedTuple):
    """A file's header row and its data rows, each with its line number as in the file (header = 1
    when it is the first line). Cells are stripped strings; blank rows are left out."""

    path: Path
    headers: list[str]
    rows: list[tuple[int, list[str]]]


def amended(
    table: SourceTable,
    corrections: Mapping[tuple[int, int], str] | None = None,
    left_out: Collection[int] = (),
) -> SourceTable:
    """The table as the secretary corrected it before importing: cells replaced (by the file's
    line and the column's index), whole lines left out. The file itself is never changed."""
    corrections = corrections or {}
    rows = []
    for line, values in table.rows:
        if line in left_out:
            continue
        fixed = list(values)
        for (at, column), value in corrections.items():
            if at == line and column >= 0:
                fixed.extend([""] * (column + 1 - len(fixed)))
                fixed[column] = printable(str(value)).strip()
        rows.append((line, fixed))
    return SourceTable(path=table.path, headers=list(table.headers), rows=rows)


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet could run `value` as a formula: it starts with = + - @, tab or
    carriage return, or with any whitespace (a line feed, spaces) before = + - @ — Excel and
    LibreOffice skip leading whitespace when they decide a cell is a formula."""
    if not value:
        return False
    if value.startswith(FORMULA_STARTS):
        return True
    return value[0].isspace() and value.lstrip()[:1] in ("=", "+", "-", "@")


def neutralise(value: str) -> str:
    """A text cell as exported: its control characters removed, and an apostrophe before it
    when a spreadsheet would run it as a formula (OWASP, CSV injection)."""
    value = printable(value)
    if is_formula_like(value):
        return "'" + value
    return value


def restore_neutralised(value: str) -> str:
    """Undo `neutralise` on a cell read back (an apostrophe before a formula-like text)."""
    if len(value) > 1 and value[0] == "'" and is_formula_like(value[1:]):
        return value[1:]
    return value


# Reading --------------------------------------------------------------------------------------


def read_table(path: Path | str) -> SourceTable:
    """Read a CSV or XLSX file; an unreadable, empty or binary file raises UserError naming it."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UserError(
            _(
                "Le fichier {path} est au format Excel 97-2003 (.xls) : enregistrez-le au format "
                ".xlsx ou .csv depuis votre tableur."
            ).format(path=path)
        )
    if suffix not in TEXT_SUFFIXES | XLSX_SUFFIXES:
        raise UserError(
            _(
                "Le fichier {path} n'est ni un CSV ni un classeur XLSX : choisissez un fichier "
                ".csv ou .xlsx."
            ).format(path=path)
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
    if not raw.strip():
        raise UserError(_("Le fichier {path} est vide.").format(path=path))
    # An Excel workbook saved under a .csv name is read as what it is.
    if suffix in XLSX_SUFFIXES or raw.startswith(ZIP_MAGIC):
        records = _xlsx_records(path, raw)
    elif raw.startswith(OLE_MAGIC):
        raise UserError(
            _(
                "Le fichier {path} est un ancien classeur Excel (.xls) : enregistrez-le au format "
                ".xlsx ou .csv depuis votre tableur."
            ).format(path=path)
        )
    else:
        records = _csv_records(path, _decode(path, raw))
    return _table(path, records)


def _table(path: Path, records: list[tuple[int, list[str]]]) -> SourceTable:
    rows = [(line, cells) for line, cells in records if any(cells)]
    if not rows:
        raise UserError(_("Le fichier {path} est vide.").format(path=path))
    headers = rows[0][1]
    if len(rows) == 1:
        raise UserError(
            _("Le fichier {path} ne contient que la ligne d'en-tête, aucun membre.").format(
                path=path
            )
        )
    width = len(headers)
    while width and not headers[width - 1]:
        width -= 1
    headers = headers[:width]
    data = [
        (line, cells if len(cells) >= width else cells + [""] * (width - len(cells)))
        for line, cells in rows[1:]
    ]
    return SourceTable(path=path, headers=headers, rows=data)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's « Texte Unicode » export: UTF-16 with tabs.
        text = raw.decode("utf-16", errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\r\n")
    if "\x00" in sample or controls > len(sample) // 100:
        raise UserError(
            _(
                "Le fichier {path} n'est pas un fichier texte lisible : attendu un CSV "
                "(séparateur « ; », « , » ou tabulation) ou un classeur .xlsx."
            ).format(path=path)
        )
    return text


_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)


def sniff_delimiter(lines: Sequence[str]) -> str:
    """The separator that splits the header into most columns with the most consistent rows."""
    best, best_score = ";", (False, 0.0, 0)
    for delimiter in DELIMITERS:
        rows = [r for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        if not rows:
            continue
        width = len(rows[0])
        data = rows[1:] or rows
        consistent = sum(1 for r in data if len(r) == width) / len(data)
        score = (width > 1, consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    first_line_end = text.find("\n")
    first_line = text if first_line_end < 0 else text[:first_line_end]
    offset = 0
    sep = _SEP_LINE.match(first_line)
    if sep:
        # Excel's « sep=; » hint on the first line.
        delimiter = sep.group(1)
        text = "" if first_line_end < 0 else text[first_line_end + 1 :]
        offset = 1
    else:
        delimiter = sniff_delimiter(text[:65536].splitlines()[:50])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for cells in reader:
            records.append((previous + 1 + offset, list(map(str.strip, cells))))
            previous = reader.line_num
    except csv.Error as exc:
        raise UserError(
            _("Le fichier {path} est mal formé à la ligne {line} : {reason}.").format(
                path=path, line=reader.line_num + offset, reason=exc
            )
        ) from exc
    return records


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_records(path: Path, raw: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors: all mean "damaged"
        raise UserError(
            _("Le fichier {path} n'est pas un classeur XLSX lisible.").format(path=path)
        ) from exc
    try:
        sheet = workbook.active if workbook.active is not None else workbook.worksheets[0]
        return [
            (line, [_xlsx_cell(v) for v in values])
            for line, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
        ]
    except Exception as exc:  # a sheet damaged past its header
        raise UserError(
            _("Le fichier {path} n'est pas un classeur XLSX lisible.").format(path=path)
        ) from exc
    finally:
        workbook.close()


# Writing --------------------------------------------------------------------------------------


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """UTF-8 with BOM and `;`: a French Excel opens it with its accents. Written then renamed."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return neutralise(str(value))


def write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str = ""
) -> None:
    """A workbook with a bold, frozen header row, filters, fitted column widths, real dates and
    text as text (ess_desk.exchange.sheets)."""
    from ess_desk.exchange import sheets

    sheets.write_xlsx(path, title or _("Composition"), headers, rows)
