"""« Suivi des actions » at a meeting: the open actions of its body, overdue first, each with its
last update; record an update (or « pas de changement ») for each, during or after the meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk.actions import queries, rules, updates
from ess_desk.actions.queries import ActionFilter, ActionRow, FollowUpRow
from ess_desk.meetings import meetings
from ess_desk.store import Store, database

if TYPE_CHECKING:
    from sqlite_utils import Database


def review_list(
    db: Database,
    meeting_id: int,
    today: dt.date | None = None,
    include_closed_here: bool = False,
) -> list[ActionRow]:
    """The open actions of the meeting's body that existed by the meeting's day, overdue ones
    first, then by due date; each row carries its last update.

    A closed action leaves the list. With `include_closed_here`, the actions closed by an entry
    recorded at this very meeting stay in it (for the minutes: « fait » at this meeting).
    """
    return open_actions(db, meetings.get(db, meeting_id), today, include_closed_here)


def open_actions(
    db: Database,
    meeting: meetings.Meeting,
    today: dt.date | None = None,
    include_closed_here: bool = False,
) -> list[ActionRow]:
    """`review_list` of a meeting already loaded (the meeting pack's record)."""
    rows = queries.query_actions(db, _open_ones(meeting), sort=_OPEN_ORDER, today=today)
    if include_closed_here:
        closed = [
            r
            for r in queries.query_actions(
                db,
                _of_the_body(meeting)._replace(statuses=rules.CLOSED_STATUSES),
                sort="due_date",
                today=today,
            )
            if r.last_update_meeting_id == meeting.id
        ]
        rows += closed
    return rows


def pack_rows(
    db: Database, meeting: meetings.Meeting, today: dt.date | None = None
) -> list[FollowUpRow]:
    """`open_actions` as the meeting pack prints them: the same actions in the same order, each
    with what the pack's follow-up reads (`queries.FollowUpRow`)."""
    return queries.follow_up_rows(
        db, _open_ones(meeting), sort=_OPEN_ORDER, today=today or dt.date.today()
    )


# The open actions' order, in the review and in the pack alike: overdue ones first.
_OPEN_ORDER = "overdue_first"


def _of_the_body(meeting: meetings.Meeting) -> ActionFilter:
    """The actions of the meeting's body that existed by the meeting's day."""
    return ActionFilter(body_id=meeting.body_id, created_until=meeting.day.isoformat())


def _open_ones(meeting: meetings.Meeting) -> ActionFilter:
    """The open ones among them: what the review lists and the pack's follow-up reads (one
    filter for both, so that they list the same actions)."""
    return _of_the_body(meeting)._replace(statuses=rules.OPEN_STATUSES)


def reviewed_here(row: ActionRow, meeting_id: int) -> bool:
    """Whether the row's last update was recorded at this meeting (the pass is done for it)."""
    return row.last_update_meeting_id == meeting_id


@dataclass(frozen=True)
class ReviewProgress:
    reviewed: int
    total: int

    @property
    def done(self) -> bool:
        return self.reviewed == self.total


def review_progress(db: Database, meeting_id: int, today: dt.date | None = None) -> ReviewProgress:
    """How far the secretary has gone through the meeting's list."""
    rows = review_list(db, meeting_id, today, include_closed_here=True)
    return ReviewProgress(sum(reviewed_here(r, meeting_id) for r in rows), len(rows))


def record_review(
    store: Store,
    meeting_id: int,
    action_id: int,
    *,
    status: Any = None,
    progress: Any = None,
    comment: str = "",
    author_person_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """The update given to an action at a meeting; dated the meeting's day."""
    return updates.record(
        store,
        action_id,
        status=status,
        progress=progress,
        comment=comment,
        meeting_id=meeting_id,
        author_person_id=author_person_id,
        today=today,
    )


def record_no_change(
    store: Store,
    meeting_id: int,
    action_ids: list[int],
    *,
    author_person_id: int | None = None,
    today: dt.date | None = None,
) -> list[int]:
    """« Pas de changement » for these actions at this meeting, in one transaction."""
    return updates.record_no_change(
        store, action_ids, meeting_id=meeting_id, author_person_id=author_person_id, today=today
    )


@dataclass(frozen=True)
class PackFollowUp:
    """What the meeting pack lists of the body's open actions: those overdue or due by `until`
    (the body's next meeting, or 90 days on when none is planned), and how many others."""

    rows: list[ActionRow | FollowUpRow]
    others: int
    until: dt.date
    next_meeting: bool


PACK_HORIZON = dt.timedelta(days=90)


def for_the_pack(
    db: Database, meeting_id: int, rows: Sequence[ActionRow | FollowUpRow]
) -> PackFollowUp:
    """Of `rows` (the open actions of the meeting's body), those the pack lists."""
    return pack_selection(db, meetings.get(db, meeting_id), rows)


def pack_selection(
    db: Database, meeting: meetings.Meeting, rows: Sequence[ActionRow | FollowUpRow]
) -> PackFollowUp:
    """`for_the_pack` for a meeting already loaded (the meeting pack's record)."""
    following = database.scalar(
        db,
        "SELECT starts_at FROM meetings WHERE body_id = ? AND starts_at > ? "
        "AND status NOT IN ('cancelled', 'postponed') ORDER BY starts_at LIMIT 1",
        [meeting.body_id, meeting.starts_at],
    )
    if following is not None:
        until, next_meeting = dt.date.fromisoformat(following[:10]), True
    else:
        until, next_meeting = meeting.day + PACK_HORIZON, False
    limit = until.isoformat()
    shown = [r for r in rows if r.overdue or (r.due_date is not None and r.due_date[:10] <= limit)]
    return PackFollowUp(shown, len(rows) - len(shown), until, next_meeting)
