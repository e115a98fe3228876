"""Annexes: PDF files attached to a meeting or an item, kept inside the database."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ess_desk import audit, service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_SIZE = 100 * 1024 * 1024


@dataclass(frozen=True)
class Annex:
    id: int
    meeting_id: int
    item_id: int | None
    name: str
    size: int
    pages: int
    sha256: str


def count_pages(content: bytes, name: str) -> int:
    """The number of pages of a readable PDF; anything else is refused, naming the file."""
    if not content.startswith(b"%PDF"):
        raise UserError(_("Le fichier « {name} » n'est pas un PDF.").format(name=name))
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise UserError(
                _("Le fichier « {name} » est protégé par un mot de passe.").format(name=name)
            )
        pages = len(reader.pages)
    except UserError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UserError(
            _("Le fichier « {name} » n'est pas un PDF lisible ({reason}).").format(
                name=name, reason=exc
            )
        ) from exc
    if pages == 0:
        raise UserError(_("Le fichier « {name} » ne contient aucune page.").format(name=name))
    return pages


def attach(store: Store, meeting_id: int, path: Path | str, item_id: int | None = None) -> int:
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as exc:
        from ess_desk.failures import from_os_error

        raise from_os_error(exc, path) from exc
    if len(content) > MAX_SIZE:
        raise UserError(_("Le fichier « {name} » dépasse 100 Mo.").format(name=path.name))
    pages = count_pages(content, path.name)
    with store.write() as db:
        meeting = meetings.get(db, meeting_id)
        if meeting.status in ("closed", "cancelled", "postponed"):
            meetings.ensure_open(meeting)
        if item_id is not None:
            item = service.require(db, "agenda_items", item_id, _("Le point"))
            if item["meeting_id"] != meeting_id:
                raise UserError(_("Ce point appartient à une autre séance."))
        cursor = db.execute(
            "INSERT INTO annexes (meeting_id, item_id, name, size, pages, sha256, content) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                meeting_id,
                item_id,
                path.name,
                len(content),
                pages,
                hashlib.sha256(content).hexdigest(),
                content,
            ],
        )
        annex_id = int(cursor.lastrowid)
        audit.record(
            db,
            "annex",
            annex_id,
            "create",
            None,
            {"meeting_id": meeting_id, "item_id": item_id, "name": path.name, "pages": pages},
        )
        return annex_id


def list_annexes(db: Database, meeting_id: int) -> list[Annex]:
    rows = db.execute(
        "SELECT a.id, a.meeting_id, a.item_id, a.name, a.size, a.pages, a.sha256 FROM annexes a "
        "LEFT JOIN agenda_items i ON i.id = a.item_id "
        "WHERE a.meeting_id = ? ORDER BY i.position IS NOT NULL, i.position, a.id",
        [meeting_id],
    ).fetchall()
    return [Annex(*r) for r in rows]


def content(db: Database, annex_id: int) -> bytes:
    row = db.execute("SELECT content FROM annexes WHERE id = ?", [annex_id]).fetchone()
    if row is None:
        raise UserError(_("L'annexe n°{id} n'existe pas.").format(id=annex_id))
    return bytes(row[0])


def detach(store: Store, annex_id: int) -> None:
    with store.write() as db:
        row = db.execute("SELECT meeting_id, name FROM annexes WHERE id = ?", [annex_id]).fetchone()
        if row is None:
            raise UserError(_("L'annexe n°{id} n'existe pas.").format(id=annex_id))
        meetings.ensure_open(meetings.get(db, row[0]))
        db.execute("DELETE FROM annexes WHERE id = ?", [annex_id])
        audit.record(db, "annex", annex_id, "delete", {"name": row[1]}, None)
