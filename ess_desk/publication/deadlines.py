"""When the list of decisions and the signed minutes are due, and whether they are done:

- the list of decisions of a meeting is posted and put online within a week of it (CGCT
  L. 2121-25; the body's `decisions_list_days`);
- the minutes, approved at the next meeting, are signed by the chair and the secretary and
  published within the week after that meeting (L. 2121-15; the body's `minutes_publish_days`
  where the meeting law's rules give it, else 7 days).

The dashboard lists what is due or late; `compliance(db, meeting_id)` gives the same as checks of
one meeting, each with its source, for the meeting's compliance check."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ess_desk.dates import display
from ess_desk.i18n import _
from ess_desk.record import Record
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

DEFAULT_DAYS = 7
DECISIONS_LIST, MINUTES, SIGNATURE = "decisions_list", "minutes", "signature"
DUE, LATE, DONE = "due", "late", "done"
# How far back the dashboard looks for what is still to do.
LOOK_BACK = dt.timedelta(days=180)
SOURCES = {
    DECISIONS_LIST: "CGCT, art. L. 2121-25",
    SIGNATURE: "CGCT, art. L. 2121-15",
    MINUTES: "CGCT, art. L. 2121-15",
}


class Deadline(NamedTuple):
    what: str  # DECISIONS_LIST, SIGNATURE, MINUTES
    meeting_id: int
    body: str
    meeting_day: str  # ISO
    due_on: str  # ISO
    done_on: str | None
    state: str  # DUE, LATE, DONE

    @property
    def source(self) -> str:
        return SOURCES[self.what]

    def describe(self) -> str:
        day = display(self.meeting_day)
        texts = {
            DECISIONS_LIST: _("Liste des délibérations de la séance du {day} ({body})"),
            SIGNATURE: _("Signature du procès-verbal de la séance du {day} ({body})"),
            MINUTES: _("Publication du procès-verbal de la séance du {day} ({body})"),
        }
        return texts[self.what].format(day=day, body=self.body)

    def short(self) -> str:
        """What is to do, in a few words (the dashboard's line)."""
        return {
            DECISIONS_LIST: _("Liste des délibérations"),
            SIGNATURE: _("Procès-verbal à signer"),
            MINUTES: _("Procès-verbal à publier"),
        }[self.what]

    def meeting_text(self) -> str:
        return _("séance du {day} · {body}").format(day=display(self.meeting_day), body=self.body)

    def status_text(self) -> str:
        if self.state == DONE:
            return _("fait le {day}").format(day=display(self.done_on))
        if self.state == LATE:
            return _("en retard : à faire au plus tard le {day}").format(day=display(self.due_on))
        return _("à faire au plus tard le {day}").format(day=display(self.due_on))


def body_days(db: Database, body_id: int) -> tuple[int, int]:
    """(days for the list of decisions, days for the minutes) of a body: the latter is the
    body's `minutes_publish_days` where the meeting law's migration added it, else a week. Read
    with plain SELECTs: the dashboard asks at start-up."""
    row = database.row(
        db,
        f"SELECT decisions_list_days, {_minutes_days_column(db)} AS minutes_days "
        "FROM bodies b WHERE id = ?",
        [body_id],
    )
    if row is None:
        return (DEFAULT_DAYS, DEFAULT_DAYS)
    return (int(row["decisions_list_days"]), int(row["minutes_days"]))


def _state(due: dt.date, done: str | None, today: dt.date) -> str:
    if done:
        return DONE
    return LATE if today > due else DUE


def published_on(db: Database, meeting_id: int, what: str) -> str | None:
    row = database.row(
        db,
        "SELECT published_on FROM publications WHERE meeting_id = ? AND what = ?",
        [meeting_id, what],
    )
    return row["published_on"] if row else None


def record_published(store: Store, items: list[tuple[int, str, str]], day: dt.date) -> None:
    """Record the day each (meeting, what, sha256) went into a publication folder; a later
    publication of the same document keeps the first day."""
    from ess_desk import service

    with store.write() as db:
        for meeting_id, what, digest in items:
            if published_on(db, meeting_id, what) is None:
                service.insert(
                    db,
                    "publications",
                    "publication",
                    {
                        "meeting_id": meeting_id,
                        "what": what,
                        "published_on": day.isoformat(),
                        "sha256": digest,
                    },
                )
            if what == MINUTES:
                _mark_minutes_published(db, meeting_id, day)


def _mark_minutes_published(db: Database, meeting_id: int, day: dt.date) -> None:
    """The day in the minutes' own column where the meeting law's migration added it."""
    columns = set(database.column(db, "SELECT name FROM pragma_table_info('minutes')"))
    if "published_on" not in columns:
        return
    row = database.row(
        db, "SELECT id, published_on FROM minutes WHERE meeting_id = ?", [meeting_id]
    )
    if row and not row["published_on"]:
        from ess_desk import service

        service.update(db, "minutes", "minutes", row["id"], {"published_on": day.isoformat()})


def _signed_on(db: Database, minutes_id: int) -> str | None:
    signatures = database.row(
        db,
        "SELECT signatures FROM signed_documents WHERE minutes_id = ? AND erratum_id IS NULL",
        [minutes_id],
    )
    if signatures is None:
        return None
    import json

    roles = {s["role"]: s["signed_at"] for s in json.loads(signatures["signatures"] or "[]")}
    if {"president", "secretaire"} <= set(roles):
        return max(roles.values())[:10]
    return None


def of_meeting(db: Database, meeting_id: int, today: dt.date | None = None) -> list[Deadline]:
    """The deadlines of one meeting held: its list of decisions, and once its minutes are
    approved, their signature and publication."""
    today = today or dt.date.today()
    row = database.row(
        db,
        "SELECT m.body_id, b.name AS body, date(m.starts_at) AS day, m.status FROM meetings m "
        "JOIN bodies b ON b.id = m.body_id WHERE m.id = ?",
        [meeting_id],
    )
    if row is None or row["status"] not in ("held", "closed"):
        return []
    body_id, body, day = row["body_id"], row["body"], row["day"]
    list_days, minutes_days = body_days(db, body_id)
    out = []
    due = dt.date.fromisoformat(day) + dt.timedelta(days=list_days)
    done = published_on(db, meeting_id, DECISIONS_LIST)
    out.append(
        Deadline(
            DECISIONS_LIST, meeting_id, body, day, due.isoformat(), done, _state(due, done, today)
        )
    )
    minutes = database.row(
        db,
        "SELECT id, approved_on FROM minutes WHERE meeting_id = ? AND status = 'approved'",
        [meeting_id],
    )
    if minutes is not None and minutes["approved_on"]:
        due = dt.date.fromisoformat(minutes["approved_on"]) + dt.timedelta(days=minutes_days)
        signed_on = _signed_on(db, minutes["id"])
        out.append(
            Deadline(
                SIGNATURE,
                meeting_id,
                body,
                day,
                due.isoformat(),
                signed_on,
                _state(due, signed_on, today),
            )
        )
        done = published_on(db, meeting_id, MINUTES)
        out.append(
            Deadline(
                MINUTES, meeting_id, body, day, due.isoformat(), done, _state(due, done, today)
            )
        )
    return out


def _minutes_days_column(db: Database) -> str:
    columns = set(database.column(db, "SELECT name FROM pragma_table_info('bodies')"))
    return "b.minutes_publish_days" if "minutes_publish_days" in columns else str(DEFAULT_DAYS)


def pending_page(
    db: Database, today: dt.date | None = None, limit: int | None = None
) -> tuple[int, list[Deadline]]:
    """What is due or late, the ones due first first, for the dashboard: meetings held in the
    last six months, or whose minutes were approved in them (older ones are the archive's
    business). Returns how many in all and the first `limit` of them (all when None).

    Read from what is kept undone for each meeting held (`publication_due`, migration 0015,
    ess_desk.store.pending: what `of_meeting` gives, kept by triggers), through its index: the
    count and the first lines whatever the years of meetings behind them."""
    today = today or dt.date.today()
    if not database.has_table(db, "publication_due"):  # migration 0015 applied
        return 0, []
    since = (today - LOOK_BACK).isoformat()
    total = database.count(
        db, "SELECT COUNT(*) FROM publication_due WHERE window_key >= ?", [since]
    )
    # The first lines from the index alone (their rowids: as the columns of a subquery in FROM,
    # SQLite copied each row of the window into the sorter, twice the work of sorting them, 939
    # on the huge demo), then their rows, meeting and body.
    found = database.rows(
        db,
        "SELECT d.rank, d.meeting_id, b.name AS body, date(m.starts_at) AS day, d.due "
        "FROM publication_due d JOIN meetings m ON m.id = d.meeting_id "
        "JOIN bodies b ON b.id = m.body_id WHERE d.rowid IN ("
        "  SELECT rowid FROM publication_due WHERE window_key >= ? "
        "  ORDER BY due, meeting_id, rank LIMIT ?"
        ") ORDER BY d.due, d.meeting_id, d.rank",
        [since, -1 if limit is None else int(limit)],
    )
    whats = (DECISIONS_LIST, SIGNATURE, MINUTES)
    return total, [
        Deadline(
            whats[r["rank"]],
            r["meeting_id"],
            r["body"],
            r["day"],
            r["due"],
            None,
            LATE if today.isoformat() > r["due"] else DUE,
        )
        for r in found
    ]


def pending(db: Database, today: dt.date | None = None) -> list[Deadline]:
    """Every deadline `pending_page` counts, in its order."""
    return pending_page(db, today)[1]


class Finding(Record):
    """One check of a meeting's compliance: passed or not, what it says, its source."""

    __slots__ = _fields = ("ok", "text", "source")
    ok: bool
    text: str
    source: str

    def __init__(self, ok: bool, text: str, source: str) -> None:
        self.ok = ok
        self.text = text
        self.source = source


def compliance(db: Database, meeting_id: int, today: dt.date | None = None) -> list[Finding]:
    """The publication checks of a meeting, for its compliance check (the meeting law's check
    adds these to its own)."""
    return [
        Finding(
            d.state != LATE,
            _("{what} : {state}").format(what=d.describe(), state=d.status_text()),
            d.source,
        )
        for d in of_meeting(db, meeting_id, today)
    ]
