"""The meeting pack reads its follow-up's actions through a lighter query (`review.pack_rows`,
`queries.FollowUpRow`): the same actions as `review.open_actions`, in the same order, each field
as the full row has it."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.actions import queries, review
from ess_desk.actions.queries import ActionRow, FollowUpRow
from ess_desk.meetings import meetings


@pytest.fixture
def demo(store, on_demo_day):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    return store


def test_pack_rows_are_the_open_actions_with_the_fields_the_pack_reads(demo):
    ids = [r[0] for r in demo.db.execute("SELECT id FROM meetings ORDER BY id")]
    compared: list[ActionRow] = []
    for meeting_id in ids:
        meeting = meetings.get(demo.db, meeting_id)
        for day in (meeting.day, meeting.day + dt.timedelta(days=400)):
            full = review.open_actions(demo.db, meeting, day)
            light = review.pack_rows(demo.db, meeting, day)
            assert [r.id for r in light] == [r.id for r in full]
            for short, row in zip(light, full, strict=True):
                assert type(short) is FollowUpRow
                assert {f: getattr(row, f) for f in FollowUpRow._fields} == vars(short)
                assert short.status_label == row.status_label
                assert short.last_update_text == row.last_update_text
            compared += full
    # (rows overdue and not, with and without an update, a comment, a person as owner; every
    # action of the demo has a theme)
    for field in ("overdue", "last_update_on", "last_update_comment", "owner_person_id"):
        assert {bool(getattr(r, field)) for r in compared} == {False, True}, field


def test_a_follow_up_row_is_a_value_and_its_copies_change_only_what_is_asked(demo):
    meeting = meetings.get(demo.db, demo.db.execute("SELECT MAX(id) FROM meetings").fetchone()[0])
    row = review.pack_rows(demo.db, meeting, meeting.day)[0]
    same = FollowUpRow(**vars(row))
    assert same == row and hash(same) == hash(row) and repr(same).startswith("FollowUpRow(id=")
    changed = queries.with_changes(row, title="Autre")
    assert changed.title == "Autre" and changed != row
    assert {**vars(changed), "title": row.title} == vars(row)
    with pytest.raises(TypeError):
        queries.with_changes(row, description="pas un champ de la ligne du dossier")
    with pytest.raises(AttributeError):
        row.title = "Autre"  # type: ignore[misc]
    assert FollowUpRow._fields != ActionRow._fields
    assert set(FollowUpRow._fields) < set(ActionRow._fields)


def test_the_rows_lateness_is_that_of_the_rules(demo):
    # `_rows` fills each row straight from its columns and counts the days late by their
    # ordinals: the same as `rules.is_overdue` and `rules.days_late`, on days before, inside
    # and after the demo's due dates (a year's end, a leap day).
    from ess_desk.actions import rules

    days = [dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2026, 1, 1), dt.date(2031, 3, 1)]
    seen_late = set()
    for day in days:
        for row in queries.query_actions(demo.db, queries.ActionFilter(), today=day):
            assert row.overdue == rules.is_overdue(row.status, row.due_date, day)
            assert row.days_late == rules.days_late(row.status, row.due_date, day)
            assert type(row.last_update_no_change) is bool
            assert ActionRow(**vars(row)) == row  # (every field, none more)
            seen_late.add(row.days_late > 0)
    assert seen_late == {False, True}
