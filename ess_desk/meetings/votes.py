"""Votes on agenda items: counts, the body's majority rule, quorum at the moment of the vote."""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import meetings, presence
from ess_desk.membership import bodies

if TYPE_CHECKING:
    from sqlite_utils import Database

VOTED_KINDS = ("vote", "minutes_approval")


def outcome(
    votes_for: int,
    votes_against: int,
    abstentions: int,
    rule: str = "simple",
    casting_vote: str | None = None,
) -> str:
    """'adopted' or 'rejected' by the body's majority rule. Abstentions are not votes cast
    (suffrages exprimés) except under the absolute majority of those voting. A tie goes to the
    chair's casting vote when the body allows one and it was given, else the motion fails."""
    if rule == "absolute":
        voting = votes_for + votes_against + abstentions
        return "adopted" if voting and votes_for * 2 > voting else "rejected"
    cast = votes_for + votes_against
    if rule == "two_thirds":
        return "adopted" if cast and Fraction(votes_for, cast) >= Fraction(2, 3) else "rejected"
    if votes_for > votes_against:
        return "adopted"
    if votes_for == votes_against and cast and casting_vote in ("for", "against"):
        return "adopted" if casting_vote == "for" else "rejected"
    return "rejected"


@dataclass(frozen=True)
class Vote:
    id: int
    meeting_id: int
    item_id: int
    taken_at: str | None
    votes_for: int
    votes_against: int
    abstentions: int
    not_voting: int
    by_college: dict[str, dict[str, int]] | None
    casting_vote: str | None
    outcome: str
    quorum_reached: bool
    quorum: dict[str, Any]


def _count(value: Any, field: str) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError) as exc:
        raise UserError(_("Les voix se comptent en nombres entiers."), field=field) from exc
    if number < 0:
        raise UserError(_("Un nombre de voix ne peut pas être négatif."), field=field)
    return number


def record_vote(
    store,
    item_id: int,
    *,
    votes_for: Any,
    votes_against: Any,
    abstentions: Any = 0,
    not_voting: Any = 0,
    taken_at: Any = None,
    by_college: dict[str, dict[str, int]] | None = None,
    casting_vote: str | None = None,
) -> Vote:
    """Record (or correct) the vote on an item; the counts may not exceed the votes present or
    represented at that moment, and a vote without quorum is recorded as such."""
    counts = {
        "votes_for": _count(votes_for, "votes_for"),
        "votes_against": _count(votes_against, "votes_against"),
        "abstentions": _count(abstentions, "abstentions"),
        "not_voting": _count(not_voting, "not_voting"),
    }
    moment = presence.parse_time(taken_at, "taken_at")
    with store.write() as db:
        item = service.require(db, "agenda_items", item_id, _("Le point"))
        if item["kind"] not in VOTED_KINDS:
            raise UserError(_("Ce point n'appelle pas de vote (il n'est pas de type avis / vote)."))
        meeting = meetings.get(db, item["meeting_id"])
        meetings.ensure_open(meeting)
        body = bodies.get_body(db, meeting.body_id)
        count = presence.quorum(db, meeting.id, moment)
        total = sum(counts.values())
        if total > count.votes_available:
            raise UserError(
                ngettext(
                    "{total} voix déclarées, mais {available} personne seulement vote à ce moment "
                    "(présente ou représentée).",
                    "{total} voix déclarées, mais seules {available} personnes votent à ce moment "
                    "(présentes ou représentées).",
                    count.votes_available,
                ).format(total=total, available=count.votes_available),
                field="votes_for",
            )
        if by_college:
            sums = {key: 0 for key in ("votes_for", "votes_against", "abstentions", "not_voting")}
            for college_counts in by_college.values():
                for key in sums:
                    sums[key] += _count(college_counts.get(key, 0), key)
            if sums != counts:
                raise UserError(
                    _("Les voix par collège ne correspondent pas aux totaux."), field="by_college"
                )
        if casting_vote not in (None, "for", "against"):
            raise UserError(_("Voix prépondérante inconnue."), field="casting_vote")
        if casting_vote and not body.chair_casting_vote:
            raise UserError(
                _(
                    "Le règlement de « {body} » ne donne pas de voix prépondérante à la présidence."
                ).format(body=body.name),
                field="casting_vote",
            )
        result = outcome(
            counts["votes_for"],
            counts["votes_against"],
            counts["abstentions"],
            body.majority_rule,
            casting_vote,
        )
        values = counts | {
            "meeting_id": meeting.id,
            "item_id": item_id,
            "taken_at": moment.isoformat(timespec="minutes") if moment else None,
            "by_college": json.dumps(by_college, ensure_ascii=False) if by_college else None,
            "casting_vote": casting_vote,
            "outcome": result,
            "quorum_reached": 1 if count.reached else 0,
            "quorum": presence.count_as_json(count),
        }
        row = db.execute("SELECT id FROM votes WHERE item_id = ?", [item_id]).fetchone()
        if row:
            service.update(db, "votes", "vote", row[0], values)
            vote_id = row[0]
        else:
            vote_id = service.insert(db, "votes", "vote", values)
        return get_vote(db, vote_id)


def _from_row(r: tuple) -> Vote:
    return Vote(
        id=r[0],
        meeting_id=r[1],
        item_id=r[2],
        taken_at=r[3],
        votes_for=r[4],
        votes_against=r[5],
        abstentions=r[6],
        not_voting=r[7],
        by_college=json.loads(r[8]) if r[8] else None,
        casting_vote=r[9],
        outcome=r[10],
        quorum_reached=bool(r[11]),
        quorum=json.loads(r[12]),
    )


_COLUMNS = (
    "id, meeting_id, item_id, taken_at, votes_for, votes_against, abstentions, not_voting, "
    "by_college, casting_vote, outcome, quorum_reached, quorum"
)


def get_vote(db: Database, vote_id: int) -> Vote:
    row = db.execute(f"SELECT {_COLUMNS} FROM votes WHERE id = ?", [vote_id]).fetchone()
    if row is None:
        raise UserError(_("Le vote n°{id} n'existe pas.").format(id=vote_id))
    return _from_row(row)


def votes_of_meeting(db: Database, meeting_id: int) -> list[Vote]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM votes WHERE meeting_id = ? ORDER BY id", [meeting_id]
    ).fetchall()
    return [_from_row(r) for r in rows]


def vote_for_item(db: Database, item_id: int) -> Vote | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM votes WHERE item_id = ?", [item_id]).fetchone()
    return _from_row(row) if row else None
