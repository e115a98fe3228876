"""The decision register: every decision or opinion adopted, numbered per year (2026-014)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import meetings
from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES
from ess_desk.store import Store, database, first_record, records, rows
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

ENTITY = "decision"


def reference(year: int, number: int) -> str:
    return f"{year}-{number:03d}"


@dataclass(frozen=True)
class Decision:
    id: int
    year: int
    number: int
    meeting_id: int
    item_id: int
    kind: str
    text: str
    status: str

    @property
    def reference(self) -> str:
        return reference(self.year, self.number)


_COLUMNS = "id, year, number, meeting_id, item_id, kind, text, status"


def get(db: Database, decision_id: int) -> Decision:
    found = first_record(
        db, Decision, f"SELECT {_COLUMNS} FROM decisions WHERE id = ?", [decision_id]
    )
    if found is None:
        raise UserError(_("La décision n°{id} n'existe pas.").format(id=decision_id))
    return found


def decisions_of_meeting(db: Database, meeting_id: int) -> list[Decision]:
    return records(
        db,
        Decision,
        f"SELECT {_COLUMNS} FROM decisions WHERE meeting_id = ? ORDER BY year, number",
        [meeting_id],
    )


def decisions_of_item(db: Database, item_id: int) -> list[Decision]:
    return records(
        db,
        Decision,
        f"SELECT {_COLUMNS} FROM decisions WHERE item_id = ? ORDER BY year, number",
        [item_id],
    )


def _minutes_status(db: Database, meeting_id: int) -> str | None:
    found = database.scalar(db, "SELECT status FROM minutes WHERE meeting_id = ?", [meeting_id])
    return None if found is None else str(found)


def _ensure_editable(db: Database, meeting_id: int) -> meetings.Meeting:
    meeting = meetings.get(db, meeting_id)
    if meeting.status in ("cancelled", "postponed"):
        meetings.ensure_open(meeting)
    state = _minutes_status(db, meeting_id)
    if state == "approved":
        raise UserError(
            _(
                "Le procès-verbal de la séance du {day} est approuvé : ses décisions ne peuvent "
                "plus être modifiées."
            ).format(day=display(meeting.day))
        )
    if state == "submitted":
        raise UserError(
            _(
                "Le procès-verbal de la séance du {day} a été soumis : remettez-le en brouillon "
                "pour modifier ses décisions."
            ).format(day=display(meeting.day))
        )
    return meeting


def _clean(kind: Any, text: Any) -> tuple[str, str]:
    kind = str(kind or "")
    if kind not in DECISION_KINDS:
        raise UserError(
            _(
                "Nature de décision inconnue : « {value} » (avis, recommandation ou décision)."
            ).format(value=kind),
            field="kind",
        )
    words = str(text or "").strip()
    if not words:
        raise UserError(_("Le texte de la décision est obligatoire."), field="text")
    return kind, words


def add(db: Database, item_id: int, kind: str, text: str) -> int:
    """Record a decision adopted on an agenda item, inside the caller's transaction; it takes
    the next number of the year of its meeting."""
    return service.insert(db, "decisions", ENTITY, decision_values(db, item_id, kind, text))


def decision_values(
    db: Database,
    item_id: int,
    kind: str,
    text: str,
    next_number: Callable[[int], int] | None = None,
) -> dict[str, Any]:
    """The row `add` writes, its rules checked; `next_number(year)`: the number it takes, when
    the caller keeps the register's numbers (by default, the next of the year in the file)."""
    kind, words = _clean(kind, text)
    item = service.require(db, "agenda_items", item_id, _("Le point"))
    if item["kind"] == "minutes_approval":
        raise UserError(
            _("L'approbation d'un procès-verbal n'est pas une décision du registre."),
            field="item_id",
        )
    meeting = _ensure_editable(db, item["meeting_id"])
    year = meeting.day.year
    if next_number is None:
        number = database.scalar(
            db, "SELECT COALESCE(MAX(number), 0) + 1 FROM decisions WHERE year = ?", [year]
        )
    else:
        number = next_number(year)
    return {
        "year": year,
        "number": number,
        "meeting_id": meeting.id,
        "item_id": item_id,
        "kind": kind,
        "text": words,
        "status": "adopted",
    }


def add_decision(store: Store, item_id: int, kind: str, text: str) -> int:
    with store.write() as db:
        return add(db, item_id, kind, text)


def update_decision(store: Store, decision_id: int, *, kind: Any = None, text: Any = None) -> None:
    """Correct the kind or words of a decision while its minutes are a draft."""
    with store.write() as db:
        current = get(db, decision_id)
        _ensure_editable(db, current.meeting_id)
        new_kind, words = _clean(kind or current.kind, current.text if text is None else text)
        service.update(db, "decisions", ENTITY, decision_id, {"kind": new_kind, "text": words})


def set_status(store: Store, decision_id: int, status: str) -> None:
    """The follow-up status moves on even after approval: the words of the decision do not."""
    if status not in DECISION_STATUSES:
        raise UserError(_("Statut de décision inconnu : « {value} ».").format(value=status))
    with store.write() as db:
        get(db, decision_id)
        service.update(db, "decisions", ENTITY, decision_id, {"status": status})


def delete_decision(store: Store, decision_id: int) -> None:
    """Remove a decision recorded by mistake. Only the last number of its year can go, so that
    the register has no gap; another one is marked « Retirée » instead."""
    with store.write() as db:
        current = get(db, decision_id)
        _ensure_editable(db, current.meeting_id)
        last = database.scalar(
            db, "SELECT MAX(number) FROM decisions WHERE year = ?", [current.year]
        )
        if current.number != last:
            raise UserError(
                _(
                    "La décision {ref} est suivie d'autres numéros : pour ne pas laisser de trou "
                    "dans le registre, marquez-la « Retirée » au lieu de la supprimer."
                ).format(ref=current.reference)
            )
        service.delete(db, "decisions", ENTITY, decision_id)


@dataclass(frozen=True)
class DecisionRow:
    """One line of the Décisions page and of the exports."""

    id: int
    reference: str
    year: int
    number: int
    body_id: int
    body: str
    meeting_id: int
    meeting_title: str
    meeting_date: str  # ISO date
    item_id: int
    item_title: str
    kind: str
    text: str
    status: str
    outcome: str | None  # the vote on the item: adopted / rejected, None without a vote
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    minutes_status: str | None

    @property
    def kind_label(self) -> str:
        from ess_desk.membership.vocabulary import label

        return label(DECISION_KINDS, self.kind)

    @property
    def status_label(self) -> str:
        from ess_desk.membership.vocabulary import label

        return label(DECISION_STATUSES, self.status)

    @property
    def outcome_label(self) -> str:
        from ess_desk.meetings.vocabulary import OUTCOMES
        from ess_desk.meetings.votes import counts_sentence
        from ess_desk.membership.vocabulary import label

        if self.outcome is None:
            return _("Sans vote")
        counts = counts_sentence(
            self.votes_for or 0, self.votes_against or 0, self.abstentions or 0
        )
        return f"{label(OUTCOMES, self.outcome)} ({counts})"


def search(
    db: Database,
    text: str | None = None,
    body_id: int | None = None,
    year: int | None = None,
    kind: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[DecisionRow]:
    """The register, newest first, filtered by words (text, item, body; accents ignored),
    body, year, kind and status; the first `limit` only when given (what a table shows before
    it is scrolled: `count` says how many there are in all)."""
    where, params = _register_where(body_id, year, kind, status)
    words = fold(text or "").split()
    window = f" LIMIT {int(limit)}" if limit is not None and not words else ""
    found = rows(
        db,
        "SELECT d.id, d.year, d.number, m.body_id, b.name AS body, m.id AS meeting_id, "
        "m.title AS meeting_title, substr(m.starts_at, 1, 10) AS meeting_date, d.item_id, "
        "i.title AS item_title, d.kind, d.text, d.status, v.outcome, v.votes_for, "
        "v.votes_against, v.abstentions, mi.status AS minutes_status "
        f"{_REGISTER} LEFT JOIN votes v ON v.item_id = d.item_id "
        "LEFT JOIN minutes mi ON mi.meeting_id = d.meeting_id "
        f"WHERE {where} ORDER BY d.year DESC, d.number DESC{window}",
        params,
    )
    out = [DecisionRow(reference=reference(r["year"], r["number"]), **dict(r)) for r in found]
    if words:
        out = [
            row
            for row in out
            if all(
                w in fold(f"{row.reference} {row.text} {row.item_title} {row.body}") for w in words
            )
        ]
    return out


# The register's rows: a decision, its meeting, body and item.
_REGISTER = (
    "FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id "
    "JOIN agenda_items i ON i.id = d.item_id"
)


def _register_where(
    body_id: int | None, year: int | None, kind: str | None, status: str | None
) -> tuple[str, list[object]]:
    where: list[str] = ["1 = 1"]
    params: list[object] = []
    for column, value in (
        ("m.body_id", body_id),
        ("d.year", year),
        ("d.kind", kind),
        ("d.status", status),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(where), params


def count(
    db: Database,
    body_id: int | None = None,
    year: int | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> int:
    """How many decisions `search` finds with these filters (and no words)."""
    where, params = _register_where(body_id, year, kind, status)
    return int(database.scalar(db, f"SELECT COUNT(*) {_REGISTER} WHERE {where}", params))


def years(db: Database) -> list[int]:
    """The years that have decisions, newest first (for the year filter)."""
    return database.column(db, "SELECT DISTINCT year FROM decisions ORDER BY year DESC")
