"""The dashboard's kept rows (migration 0015, ess_desk.store.pending and the actions' counts by
status in ess_desk.store.derived) stay what a recount gives through every insert, update and
delete of the rows they follow, whoever writes them (plain SQL here), including statements that a
guard trigger refuses; `ess-desk check` says when they no longer do."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from ess_desk.dashboard import overview as ov
from ess_desk.integrity import check_council
from ess_desk.publication import deadlines
from ess_desk.store import derived, open_store, pending

DAYS = ["2026-01-10", "2026-03-02", "2026-06-15", "2026-09-30", "2026-11-20"]
TODAY = dt.date(2026, 12, 1)
STATUSES = ["planned", "convened", "held", "closed", "cancelled"]
MINUTES = ["draft", "submitted", "approved"]
ROLES = [["president"], ["secretaire"], ["president", "secretaire"], []]
ACTIONS = ["todo", "in_progress", "done", "cancelled"]


def _expected_waiting(db) -> dict[int, tuple[str, str | None]]:
    """The meetings held whose minutes are not approved, worked out here in Python."""
    minutes = {m: s for m, s in db.execute("SELECT meeting_id, status FROM minutes")}
    return {
        mid: (start, minutes.get(mid))
        for mid, start, status in db.execute("SELECT id, starts_at, status FROM meetings")
        if status in ("held", "closed") and minutes.get(mid) != "approved"
    }


def _expected_due(db, today: dt.date) -> list[deadlines.Deadline]:
    """What `of_meeting` (meeting by meeting, in Python) says is not done, in the dashboard's
    order, for the meetings held or approved within the six months."""
    since = (today - deadlines.LOOK_BACK).isoformat()
    rank = {"decisions_list": 0, "signature": 1, "minutes": 2}
    found = []
    for (mid,) in db.execute("SELECT id FROM meetings"):
        approved = db.execute(
            "SELECT COALESCE(approved_on, '') FROM minutes WHERE meeting_id = ?", [mid]
        ).fetchone()
        start = db.execute("SELECT starts_at FROM meetings WHERE id = ?", [mid]).fetchone()[0]
        if start < since and (approved is None or approved[0] < since):
            continue
        # Not done: nothing to say of a day (of_meeting gives an emptied day as it is).
        found += [
            d._replace(done_on=None)
            for d in deadlines.of_meeting(db, mid, today)
            if d.state != "done"
        ]
    return sorted(found, key=lambda d: (d.due_on, d.meeting_id, rank[d.what]))


def assert_kept(db) -> None:
    assert pending.problems(db) == []
    assert derived.problems(db) == []
    kept = {
        r[0]: (r[1], r[2])
        for r in db.execute("SELECT meeting_id, starts_at, status FROM minutes_waiting")
    }
    assert kept == _expected_waiting(db)
    assert deadlines.pending(db, TODAY) == _expected_due(db, TODAY)
    by_status = dict(db.execute("SELECT status, n FROM action_status_counts WHERE n != 0"))
    assert by_status == dict(db.execute("SELECT status, COUNT(*) FROM actions GROUP BY 1"))
    listing = ov.pending_minutes(db, TODAY, limit=2)
    waiting = _expected_waiting(db)
    assert listing.total == len(waiting)
    assert listing.to_approve == sum(1 for _s, status in waiting.values() if status == "submitted")
    assert [m.meeting_id for m in listing.items] == [
        mid for mid, _v in sorted(waiting.items(), key=lambda kv: (kv[1][0], kv[0]))
    ][:2]


def _ops():
    pick = st.integers(0, 2)
    return st.lists(
        st.one_of(
            st.tuples(st.just("meeting"), pick, st.sampled_from(STATUSES), st.sampled_from(DAYS)),
            st.tuples(st.just("meeting_update"), pick, st.sampled_from(STATUSES), pick),
            st.tuples(st.just("meeting_delete"), pick),
            st.tuples(
                st.just("minutes"), pick, st.sampled_from(MINUTES), st.sampled_from(DAYS + [None])
            ),
            st.tuples(st.just("minutes_update"), pick, st.sampled_from(MINUTES), pick),
            st.tuples(st.just("minutes_delete"), pick),
            st.tuples(st.just("signed"), pick, st.integers(0, 3)),
            st.tuples(st.just("publish"), pick, st.sampled_from(["decisions_list", "minutes"])),
            st.tuples(st.just("unpublish"), pick),
            st.tuples(st.just("publication_unset"), pick),
            st.tuples(st.just("body_days"), st.integers(1, 2), st.integers(1, 20)),
            st.tuples(st.just("action"), st.sampled_from(ACTIONS)),
            st.tuples(st.just("action_update"), pick, st.sampled_from(ACTIONS)),
            st.tuples(st.just("action_delete"), pick),
        ),
        max_size=25,
    )


def _nth(db, table: str, n: int) -> int | None:
    row = db.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET ?", [n]).fetchone()
    return row[0] if row else None


def _apply(db, op: tuple) -> None:  # noqa: C901 - one branch per kind of write
    kind, *args = op
    now = "2026-01-01T00:00:00"
    meeting = _nth(db, "meetings", args[0]) if kind.startswith(("meeting_", "minutes")) else None
    if kind == "meeting":
        body = 1 + args[0] % 2
        db.execute(
            "INSERT INTO meetings (body_id, title, kind, starts_at, status) "
            "VALUES (?, 'Séance', 'ordinary', ?, ?)",
            [body, f"{args[2]}T18:00", args[1]],
        )
    elif kind == "meeting_update" and meeting:
        db.execute(
            "UPDATE meetings SET status = ?, starts_at = ? WHERE id = ?",
            [args[1], f"{DAYS[args[2] % len(DAYS)]}T09:30", meeting],
        )
    elif kind == "meeting_delete" and meeting:
        db.execute("DELETE FROM meetings WHERE id = ?", [meeting])
    elif kind == "minutes" and meeting:
        db.execute(
            "INSERT INTO minutes (meeting_id, status, created_at, updated_at, approved_on) "
            "VALUES (?, ?, ?, ?, ?)",
            [meeting, args[1], now, now, args[2]],
        )
    elif kind == "minutes_update":
        minutes = _nth(db, "minutes", args[0])
        db.execute(
            "UPDATE minutes SET status = ?, approved_on = ? WHERE id = ?",
            [args[1], DAYS[args[2] % len(DAYS)], minutes],
        )
    elif kind == "minutes_delete":
        db.execute("DELETE FROM minutes WHERE id = ?", [_nth(db, "minutes", args[0])])
    elif kind == "signed":
        minutes = _nth(db, "minutes", args[0])
        if minutes is None:
            return
        signatures = json.dumps([{"role": r, "signed_at": "2026-12-01"} for r in ROLES[args[1]]])
        done = db.execute(
            "UPDATE signed_documents SET signatures = ? WHERE minutes_id = ?",
            [signatures, minutes],
        )
        if done.rowcount == 0:
            db.execute(
                "INSERT INTO signed_documents (minutes_id, approved_sha256, sha256, size, "
                "content, signatures, created_at, updated_at) VALUES (?, '', '', 0, x'', ?, ?, ?)",
                [minutes, signatures, now, now],
            )
    elif kind == "publish":
        target = _nth(db, "meetings", args[0])
        if target:
            db.execute(
                "INSERT OR REPLACE INTO publications (meeting_id, what, published_on) "
                "VALUES (?, ?, '2026-11-25')",
                [target, args[1]],
            )
    elif kind == "publication_unset":
        db.execute(
            "UPDATE publications SET published_on = '' WHERE id = ?",
            [_nth(db, "publications", args[0])],
        )
    elif kind == "unpublish":
        db.execute("DELETE FROM publications WHERE id = ?", [_nth(db, "publications", args[0])])
    elif kind == "body_days":
        db.execute(
            "UPDATE bodies SET decisions_list_days = ?, minutes_publish_days = ? WHERE id = ?",
            [args[1], args[1] + 3, args[0]],
        )
    elif kind == "action":
        db.execute(
            "INSERT INTO actions (body_id, title, status, created_on) VALUES (1, 'A', ?, ?)",
            [args[0], now[:10]],
        )
    elif kind == "action_update":
        db.execute(
            "UPDATE actions SET status = ? WHERE id = ?", [args[1], _nth(db, "actions", args[0])]
        )
    elif kind == "action_delete":
        db.execute("DELETE FROM actions WHERE id = ?", [_nth(db, "actions", args[0])])


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A council file with its two bodies, made once and copied for each example."""
    path = tmp_path_factory.mktemp("pending") / "template.sqlite"
    with open_store(path, auto_backup=False) as store, store.write() as w:
        for name in ("Bureau", "Conseil"):
            w.execute("INSERT INTO bodies (name, kind) VALUES (?, 'bureau')", [name])
    return path


@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=_ops())
def test_kept_rows_follow_every_write(ops, template, tmp_path_factory):
    path = tmp_path_factory.mktemp("pending") / "c.sqlite"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)  # each statement its own transaction
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        for op in ops:
            # A write refused by a guard (approved minutes are frozen…) moves nothing.
            with contextlib.suppress(sqlite3.DatabaseError):
                _apply(db, op)
            assert_kept(db)
    finally:
        conn.close()


# Every table the kept rows follow, inserted, updated and deleted, in an order that makes each
# write change what the dashboard lists (the property test above tries random orders).
SCENARIO = [
    ("meeting", 0, "held", "2026-11-10"),
    ("meeting", 1, "held", "2026-09-30"),
    ("meeting_update", 1, "closed", 1),
    ("minutes", 0, "draft", None),
    ("minutes", 1, "submitted", None),
    ("minutes_update", 0, "submitted", 0),
    ("minutes_update", 0, "approved", 4),
    ("signed", 0, 2),
    ("signed", 0, 0),
    ("signed", 0, 2),
    ("publish", 0, "decisions_list"),
    ("publish", 0, "minutes"),
    ("publish", 1, "decisions_list"),
    ("publication_unset", 1),
    ("unpublish", 0),
    ("body_days", 1, 12),
    ("minutes_delete", 1),
    ("meeting_update", 1, "held", 4),
    ("unpublish", 1),
    ("meeting_delete", 1),
    ("meeting", 0, "held", "2026-11-25"),
    ("meeting_delete", 1),
    ("action", "todo"),
    ("action", "done"),
    ("action_update", 0, "in_progress"),
    ("action_delete", 1),
]


def test_kept_rows_follow_each_kind_of_write(template, tmp_path):
    path = tmp_path / "c.sqlite"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        seen = []
        for op in SCENARIO:
            _apply(db, op)
            assert pending.problems(db) == [], op
            assert_kept(db)
            seen.append(
                db.execute(
                    "SELECT (SELECT group_concat(meeting_id || starts_at || COALESCE(status, '-')) "
                    "FROM minutes_waiting), "
                    "(SELECT group_concat(meeting_id || rank || due || window_key) FROM publication_due), "
                    "(SELECT group_concat(status || n) FROM action_status_counts)"
                ).fetchone()
            )
        # Each write moved something kept (so each trigger was put to the test).
        still = [op for op, a, b in zip(SCENARIO[1:], seen, seen[1:], strict=False) if a == b]
        assert still == [], still
    finally:
        conn.close()


def test_the_check_names_kept_rows_written_behind_its_back(store):
    with store.write() as w:
        w.execute("INSERT INTO bodies (name, kind) VALUES ('Bureau', 'bureau')")
        w.execute(
            "INSERT INTO meetings (body_id, title, kind, starts_at, status) "
            "VALUES (1, 'Séance', 'ordinary', '2026-11-20T18:00', 'held')"
        )
    assert ov.pending_minutes(store.db, TODAY).total == 1
    assert deadlines.pending_page(store.db, TODAY)[0] == 1
    assert not [p for p in check_council(store) if "Tableau de bord" in p]
    with store.write() as w:
        w.execute("DELETE FROM minutes_waiting")
        w.execute("UPDATE publication_due SET due = '2026-01-01'")
    assert pending.problems(store.db) == [
        ("minutes_waiting", 0, 1),
        ("publication_due", 1, 1),
    ]
    found = [p for p in check_council(store) if "Tableau de bord" in p]
    assert len(found) == 1 and "2 listes" in found[0]
    with store.write() as w:
        derived.rebuild(w)
    assert pending.problems(store.db) == []
    assert not [p for p in check_council(store) if "Tableau de bord" in p]
