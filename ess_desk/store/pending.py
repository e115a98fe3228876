"""What the dashboard lists as still to do, kept beside the rows by triggers (migration 0015), so
that it reads the same few rows on a council of any size rather than looking at every meeting:

- `minutes_waiting(meeting_id, starts_at, status)`: the meetings held (or closed) whose minutes
  are not approved (`status` is the minutes' status, NULL when there are none yet);
- `publication_due(meeting_id, rank, due, window_key)`: for every meeting held, what is not done
  yet of its publications (CGCT L. 2121-25, L. 2121-15; ess_desk.publication.deadlines): rank 0
  the list of decisions, once its minutes are approved rank 1 their signature by the chair and the
  secretary and rank 2 their publication; `due` the last day, `window_key` the later of the
  meeting's start and the minutes' approval (the dashboard shows those of the last six months:
  `window_key >= since` is « held since, or approved since »).

Each is a set of rows per meeting, written again for the meetings a change touches, by triggers
on every table it depends on (meetings, bodies, minutes, signed documents, publications), in the
same transaction as the write, whoever writes. The triggers are named `derived_…` so that bulk
writers set them aside with the others and `rebuild` at the end (ess_desk.store.bulk);
`problems` compares them with a recount (`ess-desk check`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

TABLES = ("minutes_waiting", "publication_due")
# What ranks 0 and 2 of publication_due are called in the publications table (and in
# ess_desk.publication.deadlines).
DECISIONS_LIST, MINUTES = "decisions_list", "minutes"
_HELD = "m.status IN ('held', 'closed')"


def _waiting_select(where: str) -> str:
    return (
        "SELECT m.id, m.starts_at, mi.status FROM meetings m "
        "LEFT JOIN minutes mi ON mi.meeting_id = m.id "
        f"WHERE ({where}) AND {_HELD} AND (mi.id IS NULL OR mi.status <> 'approved')"
    )


def _not_published(what: str) -> str:
    return (
        "NOT EXISTS (SELECT 1 FROM publications p WHERE p.meeting_id = m.id "
        f"AND p.what = '{what}' AND p.published_on <> '')"
    )


# Both signatures (chair and secretary) on the signed minutes, not an erratum's.
_UNSIGNED = (
    "(SELECT COUNT(DISTINCT json_extract(j.value, '$.role')) "
    "FROM signed_documents s, json_each(s.signatures) j "
    "WHERE s.minutes_id = mi.id AND s.erratum_id IS NULL "
    "AND json_extract(j.value, '$.role') IN ('president', 'secretaire')) < 2"
)


def _due_selects(where: str) -> list[str]:
    """The SELECTs of publication_due's rows of the meetings `where` (on `m`) picks."""
    window = "max(m.starts_at, COALESCE(mi.approved_on, ''))"
    minutes_due = "date(mi.approved_on, printf('%+d days', b.minutes_publish_days))"
    approved = (
        "FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "JOIN minutes mi ON mi.meeting_id = m.id "
        f"WHERE ({where}) AND {_HELD} AND mi.status = 'approved' "
        "AND COALESCE(mi.approved_on, '') <> ''"
    )
    return [
        "SELECT m.id, 0, date(m.starts_at, printf('%+d days', b.decisions_list_days)), "
        f"{window} FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "LEFT JOIN minutes mi ON mi.meeting_id = m.id "
        f"WHERE ({where}) AND {_HELD} AND {_not_published(DECISIONS_LIST)}",
        f"SELECT m.id, 1, {minutes_due}, {window} {approved} AND {_UNSIGNED}",
        f"SELECT m.id, 2, {minutes_due}, {window} {approved} AND {_not_published(MINUTES)}",
    ]


def _refresh(ids: str) -> str:
    """The statements (for a trigger's body) that write again the rows of the meetings `ids`
    (an SQL list or subquery) from what they hold now."""
    where = f"m.id IN ({ids})"
    out = [
        f"DELETE FROM minutes_waiting WHERE meeting_id IN ({ids});",
        f"INSERT INTO minutes_waiting (meeting_id, starts_at, status) {_waiting_select(where)};",
        f"DELETE FROM publication_due WHERE meeting_id IN ({ids});",
    ]
    out += [
        f"INSERT INTO publication_due (meeting_id, rank, due, window_key) {select};"
        for select in _due_selects(where)
    ]
    return " ".join(out)


def _changed(*columns: str) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _triggers() -> list[str]:
    def trigger(name: str, event: str, table: str, ids: str, when: str = "") -> str:
        when_sql = f" WHEN {when}" if when else ""
        return (
            f"CREATE TRIGGER derived_{name} AFTER {event} ON {table}{when_sql} "
            f"BEGIN {_refresh(ids)} END"
        )

    meeting_cols = ("id", "body_id", "starts_at", "status")
    minutes_cols = ("id", "meeting_id", "status", "approved_on")
    body_cols = ("id", "decisions_list_days", "minutes_publish_days")
    publication_cols = ("meeting_id", "what", "published_on")
    of_minutes = "SELECT meeting_id FROM minutes WHERE id = {r}.minutes_id"
    return [
        trigger("pending_meetings_insert", "INSERT", "meetings", "NEW.id"),
        trigger(
            "pending_meetings_update",
            f"UPDATE OF {', '.join(meeting_cols)}",
            "meetings",
            "OLD.id, NEW.id",
            _changed(*meeting_cols),
        ),
        trigger("pending_meetings_delete", "DELETE", "meetings", "OLD.id"),
        trigger(
            "pending_bodies_update",
            f"UPDATE OF {', '.join(body_cols)}",
            "bodies",
            "SELECT id FROM meetings WHERE body_id IN (OLD.id, NEW.id)",
            _changed(*body_cols),
        ),
        trigger("pending_minutes_insert", "INSERT", "minutes", "NEW.meeting_id"),
        trigger(
            "pending_minutes_update",
            f"UPDATE OF {', '.join(minutes_cols)}",
            "minutes",
            "OLD.meeting_id, NEW.meeting_id",
            _changed(*minutes_cols),
        ),
        trigger("pending_minutes_delete", "DELETE", "minutes", "OLD.meeting_id"),
        trigger("pending_signed_insert", "INSERT", "signed_documents", of_minutes.format(r="NEW")),
        trigger(
            "pending_signed_update",
            "UPDATE OF signatures, minutes_id, erratum_id",
            "signed_documents",
            f"{of_minutes.format(r='OLD')} UNION {of_minutes.format(r='NEW')}",
        ),
        trigger("pending_publications_insert", "INSERT", "publications", "NEW.meeting_id"),
        trigger(
            "pending_publications_update",
            f"UPDATE OF {', '.join(publication_cols)}",
            "publications",
            "OLD.meeting_id, NEW.meeting_id",
            _changed(*publication_cols),
        ),
        trigger("pending_publications_delete", "DELETE", "publications", "OLD.meeting_id"),
    ]


def statements() -> list[str]:
    """The tables and triggers of migration 0015 (filled by `rebuild` right after)."""
    return [
        "CREATE TABLE minutes_waiting (meeting_id INTEGER PRIMARY KEY, starts_at TEXT NOT NULL, "
        "status TEXT)",
        "CREATE INDEX minutes_waiting_start ON minutes_waiting(starts_at, meeting_id)",
        "CREATE TABLE publication_due (meeting_id INTEGER NOT NULL, rank INTEGER NOT NULL, "
        "due TEXT NOT NULL, window_key TEXT NOT NULL, PRIMARY KEY (meeting_id, rank))",
        # The dashboard's read: those of the window, the ones due first first, from the index.
        "CREATE INDEX publication_due_window ON publication_due(window_key, due, meeting_id, rank)",
        *_triggers(),
    ]


def present(db: Database) -> bool:
    """Whether the file has these tables (migration 0015 applied)."""
    return database.has_table(db, "publication_due")


def rebuild(db: Database) -> None:
    """Both tables written again from the rows, in the caller's transaction."""
    db.execute("DELETE FROM minutes_waiting")
    db.execute(
        f"INSERT INTO minutes_waiting (meeting_id, starts_at, status) {_waiting_select('1')}"
    )
    db.execute("DELETE FROM publication_due")
    for select in _due_selects("1"):
        db.execute(f"INSERT INTO publication_due (meeting_id, rank, due, window_key) {select}")


def problems(db: Database) -> list[tuple[str, int, int]]:
    """(table, wrong, missing) for each table whose rows differ from a recount: how many rows
    it keeps that the recount does not give, and how many the recount gives that it lacks."""
    recount = {
        "minutes_waiting": (
            "SELECT meeting_id, starts_at, status FROM minutes_waiting",
            _waiting_select("1"),
        ),
        "publication_due": (
            "SELECT meeting_id, rank, due, window_key FROM publication_due",
            # One SELECT around the three (EXCEPT would bind to the first alone).
            f"SELECT * FROM ({' UNION ALL '.join(_due_selects('1'))})",
        ),
    }
    out = []
    for table, (kept, counted) in recount.items():
        (extra,) = db.execute(f"SELECT COUNT(*) FROM ({kept} EXCEPT {counted})").fetchone()
        (missing,) = db.execute(f"SELECT COUNT(*) FROM ({counted} EXCEPT {kept})").fetchone()
        if extra or missing:
            out.append((table, extra, missing))
    return out
