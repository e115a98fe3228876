"""The list of the decisions of a meeting (« Liste des délibérations / avis »): every item put to a
vote and every decision of the register, with its number, subject and outcome. Since 1 July 2022
it is posted and put online within a week of the meeting (CGCT L. 2121-25); the delay is a rule of
the body (`decisions_list_days`). Names of people who did not consent to publication are replaced
by their description, as in the public minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.council import get_letterhead
from ess_desk.i18n import _
from ess_desk.meetings import agenda, meetings, votes
from ess_desk.meetings.vocabulary import OUTCOMES
from ess_desk.membership import bodies
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import decisions as decisions_mod
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.minutes.vocabulary import DECISION_KINDS
from ess_desk.publication import public as public_text
from ess_desk.publication import rules

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Entry:
    """One line of the list: a decision of the register, or an item voted without one."""

    reference: str  # « 2026-014 », empty for an item rejected without a decision
    item_position: int
    subject: str  # the agenda item
    kind: str  # the decision's kind label, or « Vote »
    text: str
    outcome: str  # « Adopté » / « Rejeté »
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    voters: int | None = None  # votes cast or counted present (VOTE_REEL)
    actes_code: str = ""
    decision_id: int | None = None


@dataclass(frozen=True)
class DecisionsList:
    council: str
    body: str
    body_id: int
    meeting_id: int
    meeting_title: str
    starts_at: str
    place: str
    due_on: dt.date  # the day by which the list is posted
    entries: tuple[Entry, ...]
    in_office: int | None = None  # members in office (VOTE_EFFECTIF)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts_at)


def due_on(db: Database, meeting: meetings.Meeting) -> dt.date:
    days = rules.rules_of(db, meeting.body_id).decisions_list_days
    return meeting.day + dt.timedelta(days=days)


def _counted(entry: Entry, vote: votes.Vote | None) -> Entry:
    """The line with the counts of the item's vote, when it was voted."""
    if vote is None:
        return entry
    return dataclasses.replace(
        entry,
        votes_for=vote.votes_for,
        votes_against=vote.votes_against,
        abstentions=vote.abstentions,
        voters=_voters(vote),
    )


def _voters(vote: votes.Vote) -> int:
    return vote.votes_for + vote.votes_against + vote.abstentions


def build(db: Database, meeting_id: int, *, public: bool = True) -> DecisionsList:
    """The list of a meeting; `public` (the default: it is posted) rewrites the names of people
    without consent."""
    meeting = meetings.get(db, meeting_id)
    body = bodies.get_body(db, meeting.body_id)
    publication = None
    if public:
        publication = rec.Publication(db, mn.view(db, meeting_id).record)

    def words(text: str) -> str:
        return public_text.without_contacts(publication.text(text)) if publication else text

    codes = rules.decision_codes(db, meeting_id)
    by_item: dict[int, list[decisions_mod.Decision]] = {}
    for d in decisions_mod.decisions_of_meeting(db, meeting_id):
        by_item.setdefault(d.item_id, []).append(d)
    entries: list[Entry] = []
    in_office = None
    for position, item in enumerate(agenda.items(db, meeting_id), start=1):
        vote = votes.vote_for_item(db, item.id)
        if vote is not None and in_office is None:
            in_office = (vote.quorum or {}).get("in_office")
        outcome = label(OUTCOMES, vote.outcome) if vote is not None else label(OUTCOMES, "adopted")
        for d in by_item.get(item.id, ()):
            entries.append(
                _counted(
                    Entry(
                        reference=d.reference,
                        item_position=position,
                        subject=words(item.title),
                        kind=label(DECISION_KINDS, d.kind),
                        text=words(d.text),
                        outcome=outcome,
                        actes_code=codes[d.id],
                        decision_id=d.id,
                    ),
                    vote,
                )
            )
        if vote is not None and not by_item.get(item.id) and item.kind != mn.APPROVAL_KIND:
            entries.append(
                _counted(
                    Entry(
                        reference="",
                        item_position=position,
                        subject=words(item.title),
                        kind=_("Vote"),
                        text="",
                        outcome=outcome,
                    ),
                    vote,
                )
            )
    return DecisionsList(
        council=get_letterhead(db).name,
        body=body.name,
        body_id=body.id,
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        starts_at=meeting.starts_at,
        place=meeting.place,
        due_on=due_on(db, meeting),
        entries=tuple(entries),
        in_office=in_office,
    )
