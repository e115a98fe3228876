"""Votes on agenda items: counts, the body's majority rule, quorum at the moment of the vote."""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import N_, _, ngettext
from ess_desk.meetings import meetings, presence
from ess_desk.membership import bodies
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

VOTED_KINDS = ("vote", "minutes_approval")

# How a vote is taken: an open count (à main levée), a roll call (scrutin public: each voter and
# what they voted, CGCT L. 2121-21) or a secret ballot (counts only, blank and spoilt papers).
VOTE_KINDS: dict[str, str] = {
    "open": N_("À main levée"),
    "roll_call": N_("Appel nominal (scrutin public)"),
    "secret": N_("Scrutin secret"),
}
CHOICES: dict[str, str] = {
    "for": N_("Pour"),
    "against": N_("Contre"),
    "abstention": N_("Abstention"),
    "not_voting": N_("Ne prend pas part au vote"),
}


@dataclass(frozen=True)
class Result:
    """The outcome, and the side the chair's casting vote gave when it settled a tie."""

    outcome: str
    casting: str | None = None


def decide(
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    rule: str = "simple",
    *,
    chair_vote: str | None = None,
    casting_allowed: bool = False,
    secret: bool = False,
    blank: int = 0,
    spoilt: int = 0,
) -> Result:
    """'adopted' or 'rejected' by the body's majority rule. Abstentions, blank and spoilt papers
    are not votes cast (suffrages exprimés) except under the absolute majority of those voting.
    A tie goes by itself to the side the chair voted for when the body's rules give the chair a
    casting vote (CGCT L. 2121-20, décret n° 2006-672 art. 12) — never in a secret ballot, where
    the chair's vote is not known (L. 2121-20: « sauf cas de scrutin secret ») — and fails
    otherwise. A chair who abstained has no casting vote."""
    if rule == "absolute":
        voting = votes_for + votes_against + abstentions + blank + spoilt
        if voting and votes_for * 2 > voting:
            return Result("adopted")
        tie = bool(voting) and votes_for * 2 == voting
    else:
        cast = votes_for + votes_against
        if rule == "two_thirds":
            adopted = cast and Fraction(votes_for, cast) >= Fraction(2, 3)
            return Result("adopted" if adopted else "rejected")
        if votes_for > votes_against:
            return Result("adopted")
        tie = bool(cast) and votes_for == votes_against
    if tie and casting_allowed and not secret and chair_vote in ("for", "against"):
        return Result("adopted" if chair_vote == "for" else "rejected", chair_vote)
    return Result("rejected")


def counts_sentence(votes_for: int, votes_against: int, abstentions: int) -> str:
    """The one sentence of a vote's counts, « 3 pour, 1 contre, 0 abstention », wherever a vote
    is shown: the register of decisions, the meeting's votes tab, the minutes tab."""
    return ngettext(
        "{votes_for} pour, {votes_against} contre, {abstentions} abstention",
        "{votes_for} pour, {votes_against} contre, {abstentions} abstentions",
        abstentions,
    ).format(votes_for=votes_for, votes_against=votes_against, abstentions=abstentions)


def outcome(
    votes_for: int,
    votes_against: int,
    abstentions: int,
    rule: str = "simple",
    casting_vote: str | None = None,
) -> str:
    """The outcome alone, a tie settled by `casting_vote` when given (see `decide`)."""
    return decide(
        votes_for,
        votes_against,
        abstentions,
        rule,
        chair_vote=casting_vote,
        casting_allowed=casting_vote is not None,
    ).outcome


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
    casting_vote: str | None  # the side the chair's casting vote gave, when it settled a tie
    outcome: str
    quorum_reached: bool
    quorum: dict[str, Any]
    kind: str = "open"
    blank: int = 0
    spoilt: int = 0
    chair_vote: str | None = None  # what the chair voted (for, against, abstention), if known

    @property
    def tie(self) -> bool:
        return self.casting_vote is not None


@dataclass(frozen=True)
class Ballot:
    """One member's vote in a roll call, and who cast it (themselves, their substitute, or the
    holder of their proxy)."""

    mandate_id: int
    name: str
    cast_by_mandate_id: int
    cast_by_name: str
    choice: str

    @property
    def by_proxy(self) -> bool:
        return self.mandate_id != self.cast_by_mandate_id


def _count(value: Any, field: str) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError) as exc:
        raise UserError(_("Les voix se comptent en nombres entiers."), field=field) from exc
    if number < 0:
        raise UserError(_("Un nombre de voix ne peut pas être négatif."), field=field)
    return number


def _roll_call_counts(
    ballots: dict[int, str], count: Any, withdrawn: set[int], names: dict[int, str]
) -> dict[str, int]:
    """The totals of a roll call, every voter of the moment answering (silence: not voting)."""
    for mandate_id, choice in ballots.items():
        if choice not in CHOICES:
            raise UserError(_("Choix de vote inconnu : « {value} ».").format(value=choice))
        if mandate_id in withdrawn:
            raise UserError(
                _(
                    "{name} s'est déporté(e) sur ce point : son vote ne peut pas être compté."
                ).format(name=names.get(mandate_id, "?")),
                field="ballots",
            )
        if mandate_id not in count.cast_by:
            raise UserError(
                _("{name} ne vote pas à ce moment (ni présent(e), ni représenté(e)).").format(
                    name=names.get(mandate_id, "?")
                ),
                field="ballots",
            )
    totals = {"votes_for": 0, "votes_against": 0, "abstentions": 0, "not_voting": 0}
    key = {"for": "votes_for", "against": "votes_against", "abstention": "abstentions"}
    for member in count.cast_by:
        totals[key.get(ballots.get(member, "not_voting"), "not_voting")] += 1
    return totals


def chair_mandates(db: Database, meeting: meetings.Meeting) -> list[int]:
    """The mandates of the body's president or co-presidents in office on the meeting's day."""
    return database.column(
        db,
        "SELECT id FROM mandates WHERE body_id = ? AND role IN ('president', 'co_president') "
        "AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY role, id",
        [meeting.body_id, meeting.day.isoformat(), meeting.day.isoformat()],
    )


def _check_by_college(by_college: dict[str, dict[str, int]] | None, counts: dict[str, int]) -> None:
    """The counts given college by college add up to the totals."""
    if not by_college:
        return
    sums = {key: 0 for key in ("votes_for", "votes_against", "abstentions", "not_voting")}
    for college_counts in by_college.values():
        for key in sums:
            sums[key] += _count(college_counts.get(key, 0), key)
    if sums != counts:
        raise UserError(
            _("Les voix par collège ne correspondent pas aux totaux."), field="by_college"
        )


def _chair_vote(body: bodies.Body, chair_vote: str | None, casting_vote: str | None) -> str | None:
    """What the chair voted (`casting_vote` is the older name, for or against only, and only
    where the body's rules give the chair a casting vote)."""
    if casting_vote not in (None, "for", "against"):
        raise UserError(_("Voix prépondérante inconnue."), field="casting_vote")
    if casting_vote and not body.chair_casting_vote:
        raise UserError(
            _(
                "Le règlement de « {body} » ne donne pas de voix prépondérante à la présidence."
            ).format(body=body.name),
            field="casting_vote",
        )
    chair = chair_vote if chair_vote is not None else casting_vote
    if chair not in (None, "for", "against", "abstention", "not_voting"):
        raise UserError(_("Vote de la présidence inconnu."), field="chair_vote")
    return chair


def record_vote(
    store: Store,
    item_id: int,
    *,
    votes_for: Any = 0,
    votes_against: Any = 0,
    abstentions: Any = 0,
    not_voting: Any = 0,
    taken_at: Any = None,
    by_college: dict[str, dict[str, int]] | None = None,
    casting_vote: str | None = None,
    kind: str = "open",
    ballots: dict[int, str] | None = None,
    blank: Any = 0,
    spoilt: Any = 0,
    chair_vote: str | None = None,
) -> Vote:
    """Record (or correct) the vote on an item of a held meeting. `kind`: open count, roll call
    (`ballots`: member's mandate -> for/against/abstention/not_voting, the counts follow) or
    secret ballot (counts with blank and spoilt papers). The counts may not exceed the votes
    present or represented at that moment, withdrawn members left out; a vote without quorum
    is recorded as such. `chair_vote` (or `casting_vote`, the older name): what the chair voted,
    which settles a tie by itself where the body's rules say so."""
    if kind not in VOTE_KINDS:
        raise UserError(
            _("Mode de scrutin inconnu : « {value} ».").format(value=kind), field="kind"
        )
    counts = {
        "votes_for": _count(votes_for, "votes_for"),
        "votes_against": _count(votes_against, "votes_against"),
        "abstentions": _count(abstentions, "abstentions"),
        "not_voting": _count(not_voting, "not_voting"),
    }
    papers = {"blank": _count(blank, "blank"), "spoilt": _count(spoilt, "spoilt")}
    if kind != "secret" and any(papers.values()):
        raise UserError(
            _("Les bulletins blancs et nuls n'existent qu'au scrutin secret."), field="blank"
        )
    if kind == "secret" and counts["abstentions"]:
        raise UserError(
            _("Au scrutin secret, une abstention est un bulletin blanc."), field="abstentions"
        )
    moment = presence.parse_time(taken_at, "taken_at")
    with store.write() as db:
        item = service.require(db, "agenda_items", item_id, _("Le point"))
        if item["kind"] not in VOTED_KINDS:
            raise UserError(_("Ce point n'appelle pas de vote (il n'est pas de type avis / vote)."))
        meeting = meetings.get(db, item["meeting_id"])
        meetings.ensure_open(meeting)
        meetings.ensure_held(meeting, _("Un vote"))
        body = bodies.get_body(db, meeting.body_id)
        count = presence.quorum(db, meeting.id, moment, item_id=item_id)
        out_of_item = presence.withdrawn(db, item_id)
        names = {a.mandate_id: a.name for a in presence.expected_attendees(db, meeting.id)}
        if kind == "roll_call":
            counts = _roll_call_counts(ballots or {}, count, out_of_item, names)
            chairs = [m for m in chair_mandates(db, meeting) if m in (ballots or {})]
            if chairs and chair_vote is None and casting_vote is None:
                chair_vote = (ballots or {})[chairs[0]]
        total = sum(counts.values()) + sum(papers.values())
        if total > count.votes_available:
            raise UserError(
                ngettext(
                    "{total} voix déclarées, mais {available} personne seulement vote à ce moment "
                    "(présente ou représentée, déports déduits).",
                    "{total} voix déclarées, mais seules {available} personnes votent à ce moment "
                    "(présentes ou représentées, déports déduits).",
                    count.votes_available,
                ).format(total=total, available=count.votes_available),
                field="votes_for",
            )
        _check_by_college(by_college, counts)
        chair = _chair_vote(body, chair_vote, casting_vote)
        result = decide(
            counts["votes_for"],
            counts["votes_against"],
            counts["abstentions"],
            body.majority_rule,
            chair_vote=chair,
            casting_allowed=bool(body.chair_casting_vote),
            secret=kind == "secret",
            **papers,
        )
        values = (
            counts
            | papers
            | {
                "meeting_id": meeting.id,
                "item_id": item_id,
                "taken_at": moment.isoformat(timespec="minutes") if moment else None,
                "by_college": json.dumps(by_college, ensure_ascii=False) if by_college else None,
                "casting_vote": result.casting,
                "outcome": result.outcome,
                "quorum_reached": 1 if count.reached else 0,
                "quorum": presence.count_as_json(count),
                "kind": kind,
                "chair_vote": None if kind == "secret" else chair,
            }
        )
        recorded = database.scalar(db, "SELECT id FROM votes WHERE item_id = ?", [item_id])
        if recorded is not None:
            service.update(db, "votes", "vote", recorded, values)
            vote_id = int(recorded)
        else:
            vote_id = service.insert(db, "votes", "vote", values)
        _write_ballots(db, meeting.id, vote_id, count, ballots if kind == "roll_call" else None)
        return get_vote(db, vote_id)


def _write_ballots(
    db: Database, meeting_id: int, vote_id: int, count: Any, ballots: dict[int, str] | None
) -> None:
    """The roll call's ballots replace the vote's previous ones (none for other kinds)."""
    for (ballot_id,) in db.execute(
        "SELECT id FROM vote_ballots WHERE vote_id = ?", [vote_id]
    ).fetchall():
        service.delete(db, "vote_ballots", "vote_ballot", ballot_id)
    if ballots is None:
        return
    for member, cast_by in count.cast_by.items():
        service.insert(
            db,
            "vote_ballots",
            "vote_ballot",
            {
                "meeting_id": meeting_id,
                "vote_id": vote_id,
                "mandate_id": member,
                "cast_by_mandate_id": cast_by,
                "choice": ballots.get(member, "not_voting"),
            },
        )


def ballots_of(db: Database, vote_id: int) -> list[Ballot]:
    """The roll call of a vote, in the order of names."""
    return database.records(
        db,
        Ballot,
        "SELECT b.mandate_id, p.first_name || ' ' || p.last_name AS name, "
        "b.cast_by_mandate_id, q.first_name || ' ' || q.last_name AS cast_by_name, b.choice "
        "FROM vote_ballots b "
        "JOIN mandates m ON m.id = b.mandate_id JOIN people p ON p.id = m.person_id "
        "JOIN mandates c ON c.id = b.cast_by_mandate_id JOIN people q ON q.id = c.person_id "
        "WHERE b.vote_id = ? ORDER BY p.last_name, p.first_name",
        [vote_id],
    )


def _from_row(r: database.Row) -> Vote:
    return Vote(
        id=r["id"],
        meeting_id=r["meeting_id"],
        item_id=r["item_id"],
        taken_at=r["taken_at"],
        votes_for=r["votes_for"],
        votes_against=r["votes_against"],
        abstentions=r["abstentions"],
        not_voting=r["not_voting"],
        by_college=json.loads(r["by_college"]) if r["by_college"] else None,
        casting_vote=r["casting_vote"],
        outcome=r["outcome"],
        quorum_reached=bool(r["quorum_reached"]),
        quorum=json.loads(r["quorum"]),
        kind=r["kind"],
        blank=r["blank"],
        spoilt=r["spoilt"],
        chair_vote=r["chair_vote"],
    )


_COLUMNS = (
    "id, meeting_id, item_id, taken_at, votes_for, votes_against, abstentions, not_voting, "
    "by_college, casting_vote, outcome, quorum_reached, quorum, kind, blank, spoilt, chair_vote"
)


def get_vote(db: Database, vote_id: int) -> Vote:
    found = database.row(db, f"SELECT {_COLUMNS} FROM votes WHERE id = ?", [vote_id])
    if found is None:
        raise UserError(_("Le vote n°{id} n'existe pas.").format(id=vote_id))
    return _from_row(found)


def votes_of_meeting(db: Database, meeting_id: int) -> list[Vote]:
    found = database.rows(
        db, f"SELECT {_COLUMNS} FROM votes WHERE meeting_id = ? ORDER BY id", [meeting_id]
    )
    return [_from_row(r) for r in found]


def vote_for_item(db: Database, item_id: int) -> Vote | None:
    found = database.row(db, f"SELECT {_COLUMNS} FROM votes WHERE item_id = ?", [item_id])
    return _from_row(found) if found else None
