"""The demonstration council: its size, its determinism, and that it keeps every rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3

import pytest
from stdnum.fr import siret

from ess_desk import demo, service
from ess_desk.cli import main
from ess_desk.errors import UserError
from ess_desk.integrity import check_council
from ess_desk.meetings import meetings, presence, votes
from ess_desk.membership import mandates, people, roster
from ess_desk.minutes import minutes, record
from ess_desk.store import open_store

DATA_TABLES = ("organisations", "people", "bodies", "colleges", "mandates")
MEETING_TABLES = (
    "meetings",
    "agenda_items",
    "attendance",
    "guests",
    "votes",
    "minutes",
    "minutes_sections",
    "decisions",
    "actions",
    "action_updates",
)
# When a row was typed, not what it says: the services stamp these with the wall clock.
WALL_CLOCK = {"created_at", "updated_at", "recorded_at"}


def rows_of(db, table: str, order: str = "id") -> list[tuple]:
    """The table's rows in that order, without their wall-clock times."""
    cursor = db.execute(f"SELECT * FROM [{table}] ORDER BY {order}")
    keep = [n for n, c in enumerate(cursor.description) if c[0] not in WALL_CLOCK]
    return [tuple(r[n] for n in keep) for r in cursor.fetchall()]


def without_clock(text: str | None):
    if text is None:
        return None
    value = json.loads(text)
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k not in WALL_CLOCK}
    return value


def dump(db) -> dict[str, list]:
    """Every data row, and the audit log, without wall-clock times and OS user."""
    out = {t: rows_of(db, t) for t in DATA_TABLES + MEETING_TABLES}
    out["audit_log"] = [
        (entity, entity_id, action, without_clock(before), without_clock(after))
        for entity, entity_id, action, before, after in db.execute(
            "SELECT entity, entity_id, action, before, after FROM audit_log ORDER BY id"
        )
    ]
    return out


def sample_dates(first: dt.date, last: dt.date, step_days: int) -> list[dt.date]:
    days = [first + dt.timedelta(days=d) for d in range(0, (last - first).days + 1, step_days)]
    return [*days, last]


def assert_every_rule_kept(db) -> None:
    """Each mandate passes the same validation a secretary's edit would (overlap, seats, pairs)."""
    ids = [r[0] for r in db.execute("SELECT id FROM mandates ORDER BY id")]
    for mandate_id in ids:
        row = service.require(db, "mandates", mandate_id, "mandat")
        mandates.clean(db, row, mandate_id)


def assert_no_college_over_its_seats(db, dates: list[dt.date]) -> None:
    body_ids = [r[0] for r in db.execute("SELECT id FROM bodies")]
    for body_id in body_ids:
        for day in dates:
            for college in roster.vacant_seats(db, body_id, day):
                if college.seats is not None:
                    assert college.filled <= college.seats, (body_id, college.name, day)


def test_small_demo_is_a_council_of_about_sixty(store):
    summary = demo.fill_demo(store, "small", seed=2026)
    assert "Démonstration créée" in summary
    db = store.db
    count = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    assert 50 <= count <= 75
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM bodies GROUP BY kind").fetchall())
    assert kinds == {"plenary": 1, "bureau": 1, "commission": 3}
    plenary = db.execute("SELECT id, name FROM bodies WHERE kind = 'plenary'").fetchone()
    assert plenary[1].startswith("Conseil de l'ESS de ")
    colleges = roster.vacant_seats(db, plenary[0], dt.date(2026, 6, 1))
    assert [c.name for c in colleges] == [
        "Élus",
        "Structures de l'ESS",
        "Réseaux",
        "Partenaires",
        "Personnes qualifiées",
    ]
    assert all(c.seats for c in colleges)
    assert [c.voting for c in colleges].count(False) == 1
    # Commissions and bureau hang under the plenary and have their own colleges.
    children = db.execute(
        "SELECT COUNT(*) FROM bodies WHERE parent_id = ? AND kind IN ('bureau', 'commission')",
        [plenary[0]],
    ).fetchone()[0]
    assert children == 4
    assert (
        db.execute(
            "SELECT COUNT(DISTINCT body_id) FROM colleges WHERE body_id != ?", [plenary[0]]
        ).fetchone()[0]
        == 4
    )
    roles = dict(db.execute("SELECT role, COUNT(*) FROM mandates GROUP BY role").fetchall())
    for role in ("president", "co_president", "member", "substitute", "permanent_guest"):
        assert roles.get(role), role
    assert roles["secretariat"] >= 2
    # Substitutes are paired with a member of the same college.
    pairs = db.execute(
        "SELECT s.college_id = m.college_id FROM mandates s JOIN mandates m "
        "ON m.id = s.substitute_for_id"
    ).fetchall()
    assert pairs and all(p[0] for p in pairs)


def test_small_demo_has_history_and_renewals_to_prepare(store):
    demo.fill_demo(store, "small")
    db = store.db
    anchor = demo.SMALL.anchor
    ending = roster.mandates_ending(db, 60, anchor)
    assert 2 <= len(ending) <= 10
    past = db.execute(
        "SELECT COUNT(*) FROM mandates WHERE end_date < ?", [anchor.isoformat()]
    ).fetchone()[0]
    assert past >= 1
    archived = db.execute("SELECT id FROM people WHERE archived = 1").fetchall()
    assert len(archived) >= 1
    assert people.has_history(db, archived[0][0])
    consents = db.execute(
        "SELECT COUNT(DISTINCT consent_publish), COUNT(DISTINCT consent_contact) FROM people"
    ).fetchone()
    assert consents == (2, 2)
    # Names carry their accents; organisations of every kind.
    first_names = " ".join(r[0] for r in db.execute("SELECT first_name FROM people"))
    assert any(ch in first_names for ch in "éèëïçô")
    kinds = {r[0] for r in db.execute("SELECT DISTINCT kind FROM organisations")}
    assert {"association", "scic", "scop", "mutuelle", "fondation", "esus"} <= kinds
    assert {"collectivite", "reseau", "universite"} <= kinds
    # Everything written through the services is in the audit log.
    audited = db.execute(
        "SELECT COUNT(DISTINCT entity || entity_id) FROM audit_log "
        "WHERE entity IN ('organisation', 'person', 'body', 'college', 'mandate')"
    ).fetchone()[0]
    rows = sum(db.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in DATA_TABLES)
    assert audited == rows


def test_small_demo_keeps_every_rule_and_passes_check(store):
    demo.fill_demo(store, "small")
    assert check_council(store) == []
    assert_every_rule_kept(store.db)
    assert_no_college_over_its_seats(
        store.db, sample_dates(demo.SMALL.first_start, dt.date(2027, 3, 1), 14)
    )


def test_every_siret_is_valid(store):
    demo.fill_demo(store, "small")
    numbers = [r[0] for r in store.db.execute("SELECT siret FROM organisations")]
    given = [n for n in numbers if n]
    assert len(given) >= len(numbers) * 0.7
    assert all(siret.is_valid(n) for n in given)
    assert len(set(given)) == len(given)
    # The council's own SIRET (a public body's SIREN starts with 2), which the publication
    # folder's SCDL file needs: the demo can be published as it is.
    from ess_desk.council import get_letterhead

    own = get_letterhead(store.db).council_siret
    assert siret.is_valid(own) and own.startswith("2") and own not in given


def test_part_of_the_demo_has_a_postal_address_of_its_own(store):
    """Letters by post go to the person's own address, else to their organisation's: a
    convened meeting of the demo has letters of both kinds."""
    from ess_desk.meetings import convening
    from ess_desk.membership.validation import postcode

    demo.fill_demo(store, "small")
    db = store.db
    rows = db.execute("SELECT address, postcode, city, organisation_id FROM people").fetchall()
    own = [r for r in rows if r[0]]
    assert len(rows) * 0.2 <= len(own) <= len(rows) * 0.6
    assert all(r[1] == postcode(r[1]) and r[2] for r in own)  # complete, French postcodes
    assert any("\n" in r[0] for r in own)  # a building or flat line before the street
    without_org = [r for r in rows if r[3] is None]
    assert sum(1 for r in without_org if r[0]) >= len(without_org) * 0.6
    sources: set[str] = set()
    for (meeting_id,) in db.execute("SELECT id FROM meetings WHERE status = 'convened'"):
        for a in convening.addressees(db, meeting_id):
            if a.channel != "email" and a.postal:
                sources.add("organisation" if a.organisation in a.postal else "own")
    assert sources == {"organisation", "own"}


def test_make_siret_always_valid():
    import random

    rng = random.Random(1)
    assert all(siret.is_valid(demo.make_siret(rng)) for _i in range(500))


def test_same_seed_same_council_other_seed_other_council(tmp_path):
    dumps = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with open_store(tmp_path / f"{name}.sqlite") as s:
            demo.fill_demo(s, "small", seed=seed)
            dumps.append(dump(s.db))
    assert dumps[0] == dumps[1]
    assert dumps[0]["people"] != dumps[2]["people"]


def test_refuses_a_database_that_has_people(store):
    people.create(store, first_name="Hélène", last_name="Durand")
    with pytest.raises(UserError, match="contient déjà 1 personne"):
        demo.fill_demo(store, "small")
    assert store.db.execute("SELECT COUNT(*) FROM bodies").fetchone()[0] == 0


def test_refuses_a_second_demo_and_an_unknown_size(store):
    demo.fill_demo(store, "small")
    before = dump(store.db)
    with pytest.raises(UserError, match="base vide"):
        demo.fill_demo(store, "small")
    with pytest.raises(UserError, match="inconnue"):
        demo.fill_demo(store, "medium")
    assert dump(store.db) == before


def test_cli_demo_then_check(db_path, capsys):
    assert main(["--db", str(db_path), "demo", "--size", "small", "--seed", "3"]) == 0
    assert "Démonstration créée" in capsys.readouterr().out
    assert main(["--db", str(db_path), "check"]) == 0
    assert main(["--db", str(db_path), "demo"]) == 1
    assert "base vide" in capsys.readouterr().err


def test_progress_is_reported(store):
    seen: list[tuple[int, int]] = []
    demo.fill_demo(store, "small", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def reduced_large(**changes) -> demo.Profile:
    """The large profile cut down for a test: an eighth of its organisations (three at least),
    400 people, and `changes` (the history's start, the actions)."""
    return dataclasses.replace(
        demo.LARGE,
        organisations=tuple((kind, max(3, n // 8)) for kind, n in demo.LARGE.organisations),
        people=400,
        **changes,
    )


def test_reduced_large_profile_is_written_in_bulk_and_keeps_the_rules(store):
    profile = reduced_large(meetings_from=dt.date(2025, 9, 1), actions=1500, updates_per_action=3)
    demo.fill_profile(store, profile, seed=5)
    db = store.db
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] >= 400
    assert check_council(store) == []
    assert_every_rule_kept(db)
    # Meetings of every body over the shortened period, attendance and votes written in bulk.
    assert 70 <= count(db, "SELECT COUNT(*) FROM meetings") <= 110
    assert count(db, "SELECT COUNT(DISTINCT body_id) FROM meetings") >= 8
    assert_meetings_keep_the_rules(db)
    assert_minutes_and_actions_hang_together(db)
    assert 1300 <= count(db, "SELECT COUNT(*) FROM actions") <= 1700
    per_action = count(db, "SELECT COUNT(*) FROM action_updates") / 1500
    assert 1.5 <= per_action <= 4
    assert count(db, "SELECT COUNT(*) FROM minutes WHERE status = 'approved'") >= 50
    attendance = db.execute("SELECT * FROM attendance ORDER BY id DESC LIMIT 1")
    names = [c[0] for c in attendance.description]
    row = dict(zip(names, attendance.fetchone(), strict=True))
    after = db.execute(
        "SELECT after FROM audit_log WHERE entity = 'attendance' AND entity_id = ?", [row["id"]]
    ).fetchone()[0]
    assert json.loads(after) == row
    # Bulk rows are audited like service writes, values as stored.
    person = db.execute("SELECT * FROM people ORDER BY id LIMIT 1")
    names = [c[0] for c in person.description]
    row = dict(zip(names, person.fetchone(), strict=True))
    after = db.execute(
        "SELECT after FROM audit_log WHERE entity = 'person' AND entity_id = ?", [row["id"]]
    ).fetchone()[0]
    assert json.loads(after) == row


@pytest.mark.slow
def test_large_demo(tmp_path):
    with open_store(tmp_path / "large.sqlite") as s:
        summary = demo.fill_demo(s, "large", seed=2026)
        db = s.db
        assert "2000 personnes" in summary
        assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 2000
        assert db.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 800
        kinds = dict(db.execute("SELECT kind, COUNT(*) FROM bodies GROUP BY kind").fetchall())
        assert kinds["plenary"] == 1 and kinds["bureau"] == 1
        assert kinds["commission"] + kinds["working_group"] >= 8
        starts = {r[0] for r in db.execute("SELECT DISTINCT start_date FROM mandates")}
        for renewal in ("2017-01-01", "2020-01-01", "2023-01-01", "2026-01-01"):
            assert renewal in starts
        assert check_council(s) == []
        assert_every_rule_kept(db)
        assert_no_college_over_its_seats(
            db, sample_dates(dt.date(2017, 1, 1), dt.date(2026, 12, 31), 61)
        )
        audited = db.execute(
            "SELECT COUNT(*) FROM audit_log WHERE entity IN ('person', 'organisation', 'mandate')"
        ).fetchone()[0]
        mandate_count = db.execute("SELECT COUNT(*) FROM mandates").fetchone()[0]
        assert audited >= 2000 + 800 + mandate_count
        assert 540 <= count(db, "SELECT COUNT(*) FROM meetings") <= 660
        assert count(db, "SELECT MIN(starts_at) FROM meetings") < "2017-03-01"
        assert 28_000 <= count(db, "SELECT COUNT(*) FROM actions") <= 32_000
        assert 90_000 <= count(db, "SELECT COUNT(*) FROM action_updates") <= 110_000
        assert count(db, "SELECT COUNT(*) FROM minutes WHERE status = 'approved'") >= 500
        assert_meetings_keep_the_rules(db)
        assert_minutes_and_actions_hang_together(db)


def test_demo_database_file_is_plain_sqlite(tmp_path):
    path = tmp_path / "demo.sqlite"
    with open_store(path) as s:
        demo.fill_demo(s, "small")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


# --------------------------------------------------------------------------- meetings, minutes


def count(db, sql: str, params=()) -> int:
    return db.execute(sql, params).fetchone()[0]


def assert_meetings_keep_the_rules(db) -> None:
    """Every meeting held: no proxy or substitute problem at the opening nor at any vote, proxies
    within the body's limit, and no vote counts more voices than there were voters."""
    held = db.execute(
        "SELECT m.id, b.proxies_per_holder FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "WHERE m.status IN ('held', 'closed')"
    ).fetchall()
    assert held
    for meeting_id, limit in held:
        opening = presence.quorum(db, meeting_id)
        assert opening.problems == [], (meeting_id, opening.problems)
        recorded = presence.quorum(
            db,
            meeting_id,
            dt.time.fromisoformat(meetings.get(db, meeting_id).opening_time),
        )
        assert recorded.problems == []
        carried = db.execute(
            "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM attendance WHERE meeting_id = ? "
            "AND status = 'represented' GROUP BY proxy_to_mandate_id)",
            [meeting_id],
        ).fetchone()[0]
        assert (carried or 0) <= limit
        for vote in votes.votes_of_meeting(db, meeting_id):
            at = presence.quorum(
                db, meeting_id, dt.time.fromisoformat(vote.taken_at), item_id=vote.item_id
            )
            assert at.problems == []
            cast = vote.votes_for + vote.votes_against + vote.abstentions + vote.not_voting
            cast += vote.blank + vote.spoilt
            assert 0 < cast <= at.votes_available
            # The showcase's tie goes to the chair's casting vote, by the plenary's rule.
            assert vote.outcome == votes.outcome(
                vote.votes_for, vote.votes_against, vote.abstentions, casting_vote=vote.casting_vote
            )


def assert_minutes_and_actions_hang_together(db) -> None:
    # Every meeting held has minutes, with a section for every item of its agenda.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM meetings m LEFT JOIN minutes mi ON mi.meeting_id = m.id "
            "WHERE m.status IN ('held', 'closed') AND mi.id IS NULL",
        )
        == 0
    )
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM agenda_items i JOIN minutes mi ON mi.meeting_id = i.meeting_id "
            "LEFT JOIN minutes_sections s ON s.item_id = i.id WHERE s.id IS NULL OR s.summary = ''",
        )
        == 0
    )
    # Approved minutes were approved at a later meeting of the same body, which was held.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id "
            "JOIN meetings a ON a.id = mi.approved_by_meeting_id WHERE mi.status = 'approved' "
            "AND (a.body_id != m.body_id OR a.starts_at <= m.starts_at "
            "OR a.status NOT IN ('held', 'closed') OR m.status != 'closed')",
        )
        == 0
    )
    # Decisions are numbered 1, 2, 3… within each year, from adopted votes only.
    for year, first, last, n in db.execute(
        "SELECT year, MIN(number), MAX(number), COUNT(*) FROM decisions GROUP BY year"
    ):
        assert (first, last) == (1, n), year
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM decisions d LEFT JOIN votes v ON v.item_id = d.item_id "
            "WHERE v.outcome IS NOT 'adopted'",
        )
        == 0
    )
    # Actions come from meetings held, their reviews from later meetings of the same body.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM actions a JOIN meetings m ON m.id = a.meeting_id "
            "WHERE m.status NOT IN ('held', 'closed') OR a.created_on != substr(m.starts_at, 1, 10) "
            "OR a.body_id != m.body_id",
        )
        == 0
    )
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM action_updates u JOIN actions a ON a.id = u.action_id "
            "JOIN meetings m ON m.id = u.meeting_id WHERE m.body_id != a.body_id "
            "OR u.on_date <= a.created_on",
        )
        == 0
    )
    # The action's state is that of its latest update; done is 100 %.
    assert count(db, "SELECT COUNT(*) FROM actions WHERE status = 'done' AND progress != 100") == 0
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM actions a JOIN action_updates u ON u.id = (SELECT id FROM "
            "action_updates WHERE action_id = a.id ORDER BY on_date DESC, id DESC LIMIT 1) "
            "WHERE (u.status, u.progress) != (a.status, a.progress)",
        )
        == 0
    )


def test_small_demo_has_a_year_of_meetings(store):
    demo.fill_demo(store, "small")
    db = store.db
    per_body = dict(
        db.execute(
            "SELECT b.kind || ':' || b.id, COUNT(*) FROM meetings m JOIN bodies b "
            "ON b.id = m.body_id WHERE m.status != 'postponed' GROUP BY b.id"
        ).fetchall()
    )
    plenary = [n for k, n in per_body.items() if k.startswith("plenary")]
    bureau = [n for k, n in per_body.items() if k.startswith("bureau")]
    commissions = [n for k, n in per_body.items() if k.startswith("commission")]
    # One commission has two more: a meeting without quorum and its reconvened meeting.
    assert plenary == [4] and bureau == [11] and sorted(commissions) == [6, 6, 8]
    assert count(db, "SELECT COUNT(*) FROM meetings WHERE substr(starts_at, 6, 2) = '08'") == 0
    anchor = demo.SMALL.anchor.isoformat()
    statuses = dict(db.execute("SELECT status, COUNT(*) FROM meetings GROUP BY status").fetchall())
    assert statuses["cancelled"] == 1 and statuses["postponed"] == 1
    assert statuses["closed"] >= 15 and statuses.get("held", 0) >= 1
    assert statuses["planned"] + statuses.get("convened", 0) >= 5
    # Past meetings were held (or cancelled, postponed); upcoming ones are not.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM meetings WHERE starts_at < ? AND status IN ('planned', 'convened')",
            [anchor],
        )
        == 0
    )
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM meetings WHERE starts_at >= ? AND status NOT IN "
            "('planned', 'convened')",
            [anchor],
        )
        == 0
    )
    postponed = db.execute(
        "SELECT m.starts_at, r.starts_at, r.status FROM meetings m JOIN meetings r "
        "ON r.id = m.replaced_by_id WHERE m.status = 'postponed'"
    ).fetchone()
    assert postponed[1] > postponed[0] and postponed[2] == "closed"
    # Agendas: French ESS items with durations and presenters, questions diverses last.
    titles = " | ".join(r[0] for r in db.execute("SELECT title FROM agenda_items"))
    for words in ("Approbation du procès-verbal", "Commande publique", "PTCE", "Questions"):
        assert words in titles, words
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM agenda_items WHERE kind NOT IN ('minutes_approval', "
            "'other_business') AND presenter_person_id IS NULL AND presenter_text = '' "
            "AND title != 'Suivi des actions'",
        )
        == 0
    )
    assert count(db, "SELECT COUNT(*) FROM agenda_items WHERE duration_minutes <= 0") == 0
    # Notices: every meeting held was convened, a few late with their warning.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM meetings WHERE status IN ('held', 'closed') "
            "AND notice_sent_on IS NULL",
        )
        == 0
    )
    assert 1 <= count(db, "SELECT COUNT(*) FROM meetings WHERE notice_warning != ''") <= 5
    # Attendance: mostly present, some excused, absent, represented, replaced.
    kinds = dict(db.execute("SELECT status, COUNT(*) FROM attendance GROUP BY status").fetchall())
    # every status, remote included (a member of the plenary takes part by video)
    assert set(kinds) == {"present", "remote", "excused", "absent", "represented", "replaced"}
    assert kinds["present"] > sum(kinds.values()) / 2
    assert count(db, "SELECT COUNT(*) FROM guests") >= 1
    assert count(db, "SELECT COUNT(*) FROM votes") >= 10
    assert_meetings_keep_the_rules(db)


def test_small_demo_minutes_decisions_and_actions(store):
    demo.fill_demo(store, "small")
    db = store.db
    states = dict(db.execute("SELECT status, COUNT(*) FROM minutes GROUP BY status").fetchall())
    held = count(db, "SELECT COUNT(*) FROM meetings WHERE status IN ('held', 'closed')")
    assert sum(states.values()) == held
    assert states["approved"] > held / 2 and states.get("draft", 0) >= 1
    assert count(db, "SELECT COUNT(*) FROM decisions") >= 5
    assert 60 <= count(db, "SELECT COUNT(*) FROM actions") <= 100
    assert count(db, "SELECT COUNT(*) FROM action_updates WHERE meeting_id IS NOT NULL") >= 40
    statuses = {r[0] for r in db.execute("SELECT DISTINCT status FROM actions")}
    assert {"todo", "in_progress", "done"} <= statuses
    assert count(db, "SELECT COUNT(*) FROM actions WHERE decision_id IS NOT NULL") >= 1
    # Overdue open actions exist on the anchor day: the follow-up has something to chase.
    assert (
        count(
            db,
            "SELECT COUNT(*) FROM actions WHERE status IN ('todo', 'in_progress', 'postponed') "
            "AND due_date < ?",
            [demo.SMALL.anchor.isoformat()],
        )
        >= 1
    )
    assert_minutes_and_actions_hang_together(db)
    # The approved text is the record as composed at approval, and its digest matches.
    minutes_id = db.execute("SELECT id FROM minutes WHERE status = 'approved' LIMIT 1").fetchone()
    approved = minutes.get(db, minutes_id[0])
    assert record.digest(approved.approved_text) == approved.approved_sha256
    assert minutes.check_digests(db) == []
    # Everything went through the services: every row of the meeting tables is audited.
    for table, entity in (
        ("meetings", "meeting"),
        ("attendance", "attendance"),
        ("votes", "vote"),
        ("minutes", "minutes"),
        ("decisions", "decision"),
        ("actions", "action"),
    ):
        audited = count(
            db,
            "SELECT COUNT(DISTINCT entity_id) FROM audit_log WHERE entity = ? "
            "AND action = 'create'",
            [entity],
        )
        assert audited == count(db, f"SELECT COUNT(*) FROM [{table}]"), table


def test_a_change_behind_the_back_of_the_demo_is_caught(store):
    demo.fill_demo(store, "small")
    db = store.db
    minutes_id = db.execute("SELECT id FROM minutes WHERE status = 'approved' LIMIT 1").fetchone()
    db.execute("DROP TRIGGER minutes_frozen_update")
    db.execute("UPDATE minutes SET approved_text = approved_text || ' ' WHERE id = ?", minutes_id)
    assert any("empreinte" in p for p in check_council(store))
