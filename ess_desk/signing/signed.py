"""The signed files of the minutes, kept whole in the council's file: the PDF of the approved text
signed by the chair, then by the secretary (CGCT L. 2121-15), each version with its SHA-256 beside
the approved text's; an erratum recorded after the signature gets a signed erratum sheet of its
own, never a re-signed procès-verbal. The approved text itself is never touched."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk import audit, service
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.minutes import minutes as mn
from ess_desk.signing import pades
from ess_desk.signing.settings import timestamp_url
from ess_desk.store import database

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer
    from sqlite_utils import Database

    from ess_desk.store import Store

ENTITY = "signed_document"
ROLES = ("president", "secretaire")


# What draws the PDF to sign: the approved minutes (or an erratum sheet) as bytes, and where
# each role's signature box landed. The callers pass `documents.minutes_pdf.render` (the core's
# domains do not draw documents).
Render = Callable[[], tuple[bytes, dict[str, Any]]]


@dataclass(frozen=True)
class SignatureEntry:
    role: str
    signer: str
    signed_at: str
    timestamped: bool
    timestamp_server: str = ""


@dataclass(frozen=True)
class SignedDocument:
    id: int
    minutes_id: int
    erratum_id: int | None
    approved_sha256: str
    sha256: str
    size: int
    signatures: tuple[SignatureEntry, ...]
    created_at: str
    updated_at: str

    @property
    def complete(self) -> bool:
        return {s.role for s in self.signatures} >= set(ROLES)

    def signed_by(self, role: str) -> SignatureEntry | None:
        return next((s for s in self.signatures if s.role == role), None)


_COLUMNS = (
    "id, minutes_id, erratum_id, approved_sha256, sha256, size, signatures, created_at, updated_at"
)


def _from_row(r: database.Row) -> SignedDocument:
    return SignedDocument(
        id=r["id"],
        minutes_id=r["minutes_id"],
        erratum_id=r["erratum_id"],
        approved_sha256=r["approved_sha256"],
        sha256=r["sha256"],
        size=r["size"],
        signatures=tuple(SignatureEntry(**e) for e in json.loads(r["signatures"] or "[]")),
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )


def signed_document(
    db: Database, minutes_id: int, erratum_id: int | None = None
) -> SignedDocument | None:
    found = database.row(
        db,
        f"SELECT {_COLUMNS} FROM signed_documents WHERE minutes_id = ? AND erratum_id IS ?",
        [minutes_id, erratum_id],
    )
    return _from_row(found) if found else None


def documents_of(db: Database, minutes_id: int) -> list[SignedDocument]:
    found = database.rows(
        db,
        f"SELECT {_COLUMNS} FROM signed_documents WHERE minutes_id = ? "
        "ORDER BY erratum_id IS NOT NULL, erratum_id",
        [minutes_id],
    )
    return [_from_row(r) for r in found]


def content(db: Database, document_id: int) -> bytes:
    row = database.row(db, "SELECT content FROM signed_documents WHERE id = ?", [document_id])
    if row is None:
        raise UserError(_("Le fichier signé n°{id} n'existe pas.").format(id=document_id))
    return bytes(row["content"])


def role_text(role: str) -> str:
    return {"president": _("Président de séance"), "secretaire": _("Secrétaire de séance")}[role]


def _approved(db: Database, meeting_id: int) -> mn.Minutes:
    minutes = mn.get_minutes(db, meeting_id)
    if minutes is None or not minutes.frozen:
        day = display(meetings.get(db, meeting_id).day)
        raise UserError(
            _(
                "Le procès-verbal de la séance du {day} n'est pas approuvé : seul un "
                "procès-verbal approuvé se signe (CGCT, art. L. 2121-15)."
            ).format(day=day)
        )
    return minutes


def next_role(document: SignedDocument | None) -> str | None:
    """The chair signs first, then the secretary; None when both have signed."""
    for role in ROLES:
        if document is None or document.signed_by(role) is None:
            return role
    return None


def _check_role(document: SignedDocument | None, role: str | None) -> str:
    expected = next_role(document)
    if expected is None:
        raise UserError(
            _(
                "Ce document est déjà signé par le président et le secrétaire de séance : une "
                "correction se fait par un erratum, qui a sa propre feuille signée."
            )
        )
    chosen = role or expected
    if chosen not in ROLES:
        raise UserError(
            _("Rôle inconnu : « {role} » (president ou secretaire).").format(role=chosen),
            field="role",
        )
    if document is not None and document.signed_by(chosen) is not None:
        raise UserError(
            _("{role} a déjà signé ce document.").format(role=role_text(chosen)), field="role"
        )
    if chosen != expected:
        raise UserError(
            _("Le président de séance signe d'abord, le secrétaire de séance ensuite."),
            field="role",
        )
    return chosen


def _fields(boxes: dict[str, Any]) -> tuple[pades.Field, ...]:
    missing = [r for r in ROLES if r not in boxes]
    if missing:
        raise UserError(_("Le document à signer n'a pas de cadre de signature."))
    return tuple(
        pades.Field(
            pades.field_name(r), boxes[r].page, (boxes[r].x1, boxes[r].y1, boxes[r].x2, boxes[r].y2)
        )
        for r in ROLES
    )


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _record(
    db: Database,
    minutes: mn.Minutes,
    erratum_id: int | None,
    before: SignedDocument | None,
    signed: pades.Signed,
    role: str,
) -> SignedDocument:
    entry = SignatureEntry(
        role, signed.signer, signed.signed_at, signed.timestamped, signed.timestamp_server
    )
    entries = [*(before.signatures if before else ()), entry]
    values = {
        "sha256": hashlib.sha256(signed.data).hexdigest(),
        "size": len(signed.data),
        "content": signed.data,
        "signatures": json.dumps([e.__dict__ for e in entries], ensure_ascii=False),
        "updated_at": _now(),
    }
    summary = {k: v for k, v in values.items() if k != "content"}
    if before is None:
        values |= {
            "minutes_id": minutes.id,
            "erratum_id": erratum_id,
            "approved_sha256": minutes.approved_sha256,
            "created_at": values["updated_at"],
        }
        new_id = db.table("signed_documents").insert(values).last_pk
        audit.record(db, ENTITY, new_id, "create", None, summary | {"role": role})
        document_id = new_id
    else:
        db.table("signed_documents").update(before.id, values)
        audit.record(
            db, ENTITY, before.id, "sign", {"sha256": before.sha256}, summary | {"role": role}
        )
        document_id = before.id
    document = signed_document(db, minutes.id, erratum_id)
    assert document is not None and document.id == document_id
    if erratum_id is None and document.complete:
        _mark_signed(db, minutes.id)
    return document


def _mark_signed(db: Database, minutes_id: int) -> None:
    """The day the minutes were signed, in the column the meeting law's migration gives the
    minutes (its compliance check reads it), where it exists."""
    columns = set(database.column(db, "SELECT name FROM pragma_table_info('minutes')"))
    if "signed_on" in columns:
        service.update(
            db, "minutes", mn.ENTITY, minutes_id, {"signed_on": dt.date.today().isoformat()}
        )


def sign(
    store: Store,
    meeting_id: int,
    signer: Signer,
    render: Render,
    *,
    role: str | None = None,
    erratum_id: int | None = None,
    location: str = "",
) -> tuple[SignedDocument, bytes]:
    """Add the signature of `role` (default: the next one, chair first) to the signed minutes of
    a meeting — or to the signed sheet of one of its errata — and keep the new file. The first
    signature signs the PDF `render` draws from the approved text; the second signs the file the
    first made (earlier signatures stay valid). Returns the record and the signed bytes."""
    db = store.db
    minutes = _approved(db, meeting_id)
    if erratum_id is not None:
        _check_erratum(db, minutes, erratum_id)
    before = signed_document(db, minutes.id, erratum_id)
    chosen = _check_role(before, role)
    if before is None:
        data, boxes = render()
        new_fields = _fields(boxes)
    else:
        if before.approved_sha256 != minutes.approved_sha256:
            raise UserError(_("Le texte approuvé a changé depuis la première signature."))
        data, new_fields = content(db, before.id), ()
    signed = pades.sign(
        data,
        chosen,
        role_text(chosen),
        signer,
        location=location,
        new_fields=new_fields,
        timestamp_url=timestamp_url(db),
    )
    with store.write() as wdb:
        again = signed_document(wdb, minutes.id, erratum_id)
        if (again.sha256 if again else None) != (before.sha256 if before else None):
            raise UserError(_("Le document a été signé entre-temps : recommencez."))
        document = _record(wdb, minutes, erratum_id, before, signed, chosen)
    return document, signed.data


def _check_erratum(db: Database, minutes: mn.Minutes, erratum_id: int) -> None:
    if erratum_id not in {e.id for e in mn.errata(db, minutes.id)}:
        raise UserError(
            _("L'erratum n°{id} n'est pas un erratum de ce procès-verbal.").format(id=erratum_id)
        )
    main = signed_document(db, minutes.id)
    if main is None or not main.complete:
        raise UserError(
            _(
                "Le procès-verbal n'est pas encore signé : l'erratum figure dans le procès-verbal "
                "signé ; une feuille d'erratum signée ne sert qu'après sa signature."
            )
        )


def errata_to_sign(db: Database, minutes_id: int) -> list[mn.Erratum]:
    """Errata recorded after the minutes were signed, without their complete signed sheet."""
    main = signed_document(db, minutes_id)
    if main is None or not main.complete:
        return []
    out = []
    for e in mn.errata(db, minutes_id):
        sheet = signed_document(db, minutes_id, e.id)
        if sheet is None or not sheet.complete:
            out.append(e)
    return out


def check(db: Database) -> list[str]:
    """`ess-desk check`: each signed file still has the SHA-256 recorded beside it, and still
    belongs to the approved text whose digest it was made from."""
    if "signed_documents" not in db.table_names():
        return []
    problems = []
    rows = database.each_row(
        db,
        "SELECT s.sha256, s.content, s.approved_sha256 AS signed_digest, "
        "mi.approved_sha256 AS approved_digest, m.starts_at, b.name AS body, s.erratum_id "
        "FROM signed_documents s JOIN minutes mi ON mi.id = s.minutes_id "
        "JOIN meetings m ON m.id = mi.meeting_id JOIN bodies b ON b.id = m.body_id ORDER BY s.id",
    )
    for r in rows:
        day, body = display(r["starts_at"]), r["body"]
        where = _("Procès-verbal signé de la séance du {day} ({body})").format(day=day, body=body)
        if r["erratum_id"] is not None:
            where = _("Feuille d'erratum signée de la séance du {day} ({body})").format(
                day=day, body=body
            )
        if hashlib.sha256(bytes(r["content"])).hexdigest() != r["sha256"]:
            problems.append(
                _(
                    "{where} : le fichier ne correspond plus à son empreinte SHA-256 ; il a été "
                    "modifié en dehors de l'application."
                ).format(where=where)
            )
        elif r["signed_digest"] != r["approved_digest"]:
            problems.append(
                _(
                    "{where} : il a été signé sur un autre texte approuvé que celui du "
                    "procès-verbal."
                ).format(where=where)
            )
    return problems


def signatory_warning(db: Database, meeting_id: int, document: SignedDocument) -> str | None:
    """A sentence when the last certificate names someone else than the chair or the secretary
    the minutes name for that role (the signature stands: a name may be written otherwise)."""
    from ess_desk.minutes import wording
    from ess_desk.text import name_key

    last = document.signatures[-1]
    names = dict((r, n) for r, _title, n in wording.signature_roles(mn.view(db, meeting_id).record))
    expected = names.get(last.role, "")
    if not expected:
        return None
    words = set(name_key(last.signer).split())
    if any(words <= set(name_key(part).split()) for part in expected.split(",")):
        return None
    return _(
        "Attention : le certificat est au nom de {signer}, mais le procès-verbal désigne {name} "
        "comme {role}."
    ).format(signer=last.signer, name=expected, role=role_text(last.role).lower())


def signature_line(document: SignedDocument) -> str:
    """« Signé par X (président de séance) le …, puis par Y (…) le … »."""
    parts = [
        _("{role} : {name}, le {day}").format(
            role=role_text(s.role), name=s.signer, day=display(s.signed_at)
        )
        for s in document.signatures
    ]
    return "; ".join(parts)
