"""Annexes: PDF files attached to a meeting or an item, kept inside the database."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ess_desk import audit, service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.store import Row, Store, inserted_id, row, rows

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
    public: bool = False  # may go into the public pack
    # Sent to the members with the convocation (a working document for the secretariat is not).
    for_members: bool = True


class UnreadableAnnex(UserError):
    """A file that cannot be an annex: the message names it, `reason` says why in words (the
    pack repeats it for an annex found unreadable later)."""

    def __init__(self, name: str, reason: str):
        super().__init__(
            _("Le fichier « {name} » ne peut pas être joint : {reason}.").format(
                name=name, reason=reason
            )
        )
        self.name = name
        self.reason = reason


def damaged(detail: object) -> str:
    return _("le fichier est endommagé ({detail})").format(detail=detail)


def open_pdf(content: bytes, name: str) -> PdfReader:
    """A reader over an annex, decrypted when it opens without a password (a PDF that only
    restricts printing or copying, AES-256 included); UnreadableAnnex otherwise, with the
    reason in words: not a PDF, a password needed to open it, an encryption it cannot read, or
    damaged (never « damaged » for an encrypted file)."""
    if b"%PDF" not in content[:1024]:
        raise UnreadableAnnex(name, _("ce n'est pas un fichier PDF"))
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            _decrypt(reader, name)
        if len(reader.pages) == 0:
            raise UnreadableAnnex(name, _("le fichier ne contient aucune page"))
    except UnreadableAnnex:
        raise
    except FileNotDecryptedError as exc:
        raise UnreadableAnnex(name, _needs_password()) from exc
    except NotImplementedError as exc:  # a security handler pypdf does not know
        if b"/Encrypt" not in content:
            raise UnreadableAnnex(name, damaged(exc)) from exc
        raise UnreadableAnnex(name, _unknown_encryption(exc)) from exc
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise UnreadableAnnex(name, damaged(exc)) from exc
    return reader


def _needs_password() -> str:
    return _(
        "il faut un mot de passe pour l'ouvrir ; ouvrez-le avec son mot de passe, "
        "enregistrez-en une copie sans mot de passe et joignez cette copie"
    )


def _unknown_encryption(detail: object) -> str:
    return _("il est chiffré d'une façon que ESS Desk ne sait pas lire ({detail})").format(
        detail=detail
    )


def _decrypt(reader: PdfReader, name: str) -> None:
    from pypdf import PasswordType

    try:
        opened = reader.decrypt("")
    except NotImplementedError as exc:  # certificate security, an unknown handler
        raise UnreadableAnnex(name, _unknown_encryption(exc)) from exc
    except DependencyError as exc:  # cryptography is a dependency: a broken installation
        raise UnreadableAnnex(
            name,
            _("il est chiffré et le module de déchiffrement manque ({detail})").format(detail=exc),
        ) from exc
    if opened == PasswordType.NOT_DECRYPTED:
        raise UnreadableAnnex(name, _needs_password())


def count_pages(content: bytes, name: str) -> int:
    """The number of pages of a PDF that opens; anything else is refused, naming the file
    and the reason."""
    return len(open_pdf(content, name).pages)


def attach(
    store: Store,
    meeting_id: int,
    path: Path | str,
    item_id: int | None = None,
    *,
    public: bool = False,
) -> int:
    """Keep the PDF at `path` as an annex of the meeting (or of one of its items), as it is;
    `public`: it may go into the public pack."""
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
            "INSERT INTO annexes (meeting_id, item_id, name, size, pages, sha256, content, public) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                meeting_id,
                item_id,
                path.name,
                len(content),
                pages,
                hashlib.sha256(content).hexdigest(),
                content,
                int(public),
            ],
        )
        annex_id = inserted_id(cursor)
        audit.record(
            db,
            "annex",
            annex_id,
            "create",
            None,
            {
                "meeting_id": meeting_id,
                "item_id": item_id,
                "name": path.name,
                "pages": pages,
                "public": bool(public),
            },
        )
        return annex_id


def list_annexes(db: Database, meeting_id: int) -> list[Annex]:
    found = rows(
        db,
        "SELECT a.id, a.meeting_id, a.item_id, a.name, a.size, a.pages, a.sha256, a.public, "
        "a.for_members FROM annexes a "
        "LEFT JOIN agenda_items i ON i.id = a.item_id "
        "WHERE a.meeting_id = ? ORDER BY i.position IS NOT NULL, i.position, a.id",
        [meeting_id],
    )
    return [
        Annex(
            id=r["id"],
            meeting_id=r["meeting_id"],
            item_id=r["item_id"],
            name=r["name"],
            size=r["size"],
            pages=r["pages"],
            sha256=r["sha256"],
            public=bool(r["public"]),
            for_members=bool(r["for_members"]),
        )
        for r in found
    ]


def _stored(db: Database, annex_id: int) -> Row:
    """The annex's meeting, name and flags; a clear message when there is no such annex."""
    found = row(
        db, "SELECT meeting_id, name, public, for_members FROM annexes WHERE id = ?", [annex_id]
    )
    if found is None:
        raise UserError(_("L'annexe n°{id} n'existe pas.").format(id=annex_id))
    return found


def set_for_members(store: Store, annex_id: int, for_members: bool) -> None:
    """Whether the annex goes to the members with the convocation."""
    with store.write() as db:
        stored = _stored(db, annex_id)
        meetings.ensure_open(meetings.get(db, stored["meeting_id"]))
        if bool(stored["for_members"]) == for_members:
            return
        db.execute("UPDATE annexes SET for_members = ? WHERE id = ?", [int(for_members), annex_id])
        audit.record(
            db,
            "annex",
            annex_id,
            "update",
            {"for_members": bool(stored["for_members"])},
            {"for_members": for_members},
        )


def content(db: Database, annex_id: int) -> bytes:
    found = row(db, "SELECT content FROM annexes WHERE id = ?", [annex_id])
    if found is None:
        raise UserError(_("L'annexe n°{id} n'existe pas.").format(id=annex_id))
    return bytes(found["content"])


def detach(store: Store, annex_id: int) -> None:
    with store.write() as db:
        stored = _stored(db, annex_id)
        meetings.ensure_open(meetings.get(db, stored["meeting_id"]))
        db.execute("DELETE FROM annexes WHERE id = ?", [annex_id])
        audit.record(db, "annex", annex_id, "delete", {"name": stored["name"]}, None)


def set_public(store: Store, annex_id: int, public: bool) -> None:
    """Whether the annex may go into the public pack (it is listed there by title otherwise)."""
    with store.write() as db:
        was_public = bool(_stored(db, annex_id)["public"])
        if was_public == bool(public):
            return
        db.execute("UPDATE annexes SET public = ? WHERE id = ?", [int(public), annex_id])
        audit.record(
            db, "annex", annex_id, "update", {"public": was_public}, {"public": bool(public)}
        )
