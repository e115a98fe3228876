"""The law of meetings in the window: a member remote, a withdrawal from an item, a roll-call vote
with the casting vote applied by itself, reconvening after a failed quorum, the compliance panel
turning green, and a body's ready-made rule set."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.meetings import agenda, compliance, meetings, notice, presence, votes
from ess_desk.membership import bodies, mandates, people
from ui.dialogs.body import BodyDialog
from ui.dialogs.meeting import ReconveneDialog
from ui.dialogs.vote import VoteDialog
from ui.dialogs.withdrawals import WithdrawalsDialog
from ui.models_meetings import AttendanceTableModel
from ui.pages.meeting import MeetingView

LATER = dt.datetime(2099, 1, 1)
NAMES = ["Hélène", "François", "Zoé", "Luc", "Inès", "Paul"]


@pytest.fixture
def council(store):
    """A consultative commission (décret n° 2006-672: remote members count, casting vote) of six
    voting members, Hélène presiding; a meeting on 10 December 2030 with one vote item."""
    body = bodies.create_body(store, name="Commission", kind="commission", rule_set="consultative")
    college = bodies.create_college(store, body, name="Membres", seats=6)
    m = {}
    for n, name in enumerate(NAMES):
        pid = people.create(store, first_name=name, last_name="Test")
        m[name] = mandates.create(
            store, person_id=pid, body_id=body, college_id=college,
            role="president" if n == 0 else "member", start_date="2030-01-01",
        )  # fmt: skip
    meeting = meetings.create(store, body_id=body, starts_at="2030-12-10T18:00")
    item = agenda.create_item(store, meeting, title="Subvention au tiers-lieu", kind="vote")
    return {"body": body, "m": m, "meeting": meeting, "item": item}


@pytest.fixture
def view(qtbot, store, council, monkeypatch):
    for module in ("ui.pages.meeting", "ui.pages.meeting_steps"):
        monkeypatch.setattr(f"{module}.show_user_error", lambda *_a: None)
        monkeypatch.setattr(f"{module}.confirm", lambda *_a: True)
    widget = MeetingView(store, council["meeting"])
    widget.steps.clock = lambda: LATER
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    return widget


def test_mark_a_member_remote_and_see_the_quorum(view, council):
    tab = view.show_tab("attendance")
    model = tab.model
    rows = {model.attendee(r).name: r for r in range(model.rowCount())}
    for name in ("Hélène Test", "François Test"):
        assert model.set_status(rows[name], "present")
    assert model.set_status(rows["Zoé Test"], "remote")
    assert (
        model.index(rows["Zoé Test"], AttendanceTableModel.STATUS).data().startswith("À distance")
    )
    # 2 present + 1 remote = 3 of 6: « la moitié au moins » is reached.
    assert tab.reached and "1 à distance" in tab.banner.text()
    assert "= 3 / 3 requis" in tab.banner.text()


def test_withdraw_a_member_from_an_item(qtbot, view, store, council):
    m = council["m"]
    for name in NAMES[:4]:
        presence.record(store, council["meeting"], m[name], "present")
    tab = view.show_tab("votes")
    tab.view.selectRow(0)
    dialog = WithdrawalsDialog(store, agenda.items(store.db, council["meeting"])[0], tab)
    qtbot.addWidget(dialog)
    dialog.set_checked(m["Zoé"])
    dialog.reason.setText("administratrice du tiers-lieu")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert presence.withdrawn(store.db, council["item"]) == {m["Zoé"]}
    count = presence.quorum(store.db, council["meeting"], item_id=council["item"])
    assert (count.present, count.withdrawn, count.reached) == (3, 1, True)
    # …and taken back.
    dialog = WithdrawalsDialog(store, agenda.items(store.db, council["meeting"])[0], tab)
    qtbot.addWidget(dialog)
    dialog.set_checked(m["Zoé"], False)
    dialog.accept()
    assert presence.withdrawn(store.db, council["item"]) == set()


def test_record_a_roll_call_vote_with_the_casting_vote(qtbot, store, council):
    m = council["m"]
    for name in NAMES[:5]:
        presence.record(store, council["meeting"], m[name], "present")
    presence.record(store, council["meeting"], m["Paul"], "represented", proxy_to=m["Luc"])
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    dialog = VoteDialog(store, agenda.items(store.db, council["meeting"])[0])
    qtbot.addWidget(dialog)
    dialog.taken_at.enter(dt.time(18, 30))
    dialog.kind.setCurrentIndex(dialog.kind.findData("roll_call"))
    assert not dialog.roll_call.isHidden() and len(dialog.roll_call.choices) == 6
    assert dialog.votes_for.isReadOnly()
    # A tie, 3 – 3: Hélène (presiding), François and Paul (by Luc's proxy) for; Zoé, Luc and
    # Inès against. The president's own vote « pour » settles it.
    for name, choice in [
        ("Hélène", "for"),
        ("François", "for"),
        ("Paul", "for"),
        ("Zoé", "against"),
        ("Luc", "against"),
        ("Inès", "against"),
    ]:
        dialog.roll_call.set_choice(m[name], choice)
    assert (dialog.votes_for.value(), dialog.votes_against.value()) == (3, 3)
    assert dialog.preview.text() == "Adopté"  # the president voted for
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    vote = votes.vote_for_item(store.db, council["item"])
    assert (vote.kind, vote.outcome, vote.casting_vote) == ("roll_call", "adopted", "for")
    ballots = {b.name: b for b in votes.ballots_of(store.db, vote.id)}
    assert ballots["Paul Test"].by_proxy and ballots["Paul Test"].cast_by_name == "Luc Test"


def test_reconvene_after_a_failed_quorum(qtbot, view, store, council, monkeypatch):
    m = council["m"]
    presence.record(store, council["meeting"], m["Hélène"], "present")
    tab = view.show_tab("attendance")
    assert view.steps.reconvene_button not in view.steps.wanted()
    tab.opening_time.enter(dt.time(18, 15))
    tab.record_opening()  # 1 of 6: no quorum
    assert view.steps.reconvene_button in view.steps.wanted()
    opened = []
    view.open_requested.connect(opened.append)

    def answer(dialog):
        dialog.starts_at.enter(dt.datetime(2030, 12, 17, 18, 0))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReconveneDialog, "exec", answer)
    view.steps.reconvene()
    again = meetings.reconvened_by(store.db, council["meeting"])
    assert again is not None and opened == [again.id]
    assert again.day == dt.date(2030, 12, 17)
    assert view.steps.reconvene_button not in view.steps.wanted()
    assert meetings.get(store.db, council["meeting"]).status == "held"
    # The reconvened meeting deliberates without quorum on the items it takes up.
    presence.record(store, again.id, m["Luc"], "present")
    assert presence.quorum(
        store.db, again.id, item_id=agenda.items(store.db, again.id)[0].id
    ).reached


def test_the_compliance_panel_turns_green(qtbot, view, store, council):
    m = council["m"]
    tab = view.show_tab("ui.pages.meeting_compliance")
    tab.today = lambda: dt.date(2030, 12, 31)
    tab.reload()
    assert not tab.passing  # no notice recorded, its deadline is past
    assert "en échec" in tab.summary.text()
    assert "Convocation envoyée dans le délai à chaque membre" in tab.summary.text()
    assert tab.view.selectionModel().isRowSelected(0)  # the first failing check, in view
    notice.record_sent(store, council["meeting"], "04/12/2030")
    for name in NAMES[:4]:
        presence.record(store, council["meeting"], m[name], "present")
    presence.record_opening(store, council["meeting"], "18:00")
    meetings.set_status(store, council["meeting"], "held", now=LATER)
    votes.record_vote(store, council["item"], votes_for=3, votes_against=1)
    tab.reload()
    assert tab.passing, [c.detail for c in compliance.failing(tab.model.checks())]
    assert "Aucune vérification en échec" in tab.summary.text()
    statuses = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert statuses[0] == "✓ Conforme" and "✗ En échec" not in statuses
    assert tab.model.index(2, 3).data() == "décret n° 2006-672, art. 11"


def whole_rows(table) -> bool:
    """Each row at least as tall as its wrapped text asks."""
    rows = range(table.model().rowCount())
    return all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in rows)


def test_compliance_rows_show_their_whole_reason_at_any_width(qtbot, view):
    tab = view.show_tab("ui.pages.meeting_compliance")
    view.show()
    qtbot.waitExposed(view)
    table = tab.view
    for width in (1200, 760):
        view.resize(width, 760)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        viewport = table.viewport().width()
        # The check's title and the source wrap within their share; the reason takes the rest.
        assert table.columnWidth(1) <= viewport // 4 and table.columnWidth(3) <= viewport // 5
        assert table.columnWidth(2) > viewport // 3
        qtbot.waitUntil(lambda: whole_rows(table))


def test_body_dialog_applies_a_ready_made_rule_set(qtbot, store):
    dialog = BodyDialog(store)
    qtbot.addWidget(dialog)
    dialog.name.setText("Conseil municipal")
    dialog.apply_rule_set("deliberative")
    assert "CGCT, art. L. 2121-17" in dialog.rule_source.text()
    assert dialog.quorum_formula.currentData() == "more_than"
    assert not dialog.counts_represented.isChecked() and not dialog.remote_allowed.isChecked()
    dialog.notice.setValue(3)  # a commune under 3 500 inhabitants (L. 2121-11)
    dialog.save()
    body = bodies.get_body(store.db, dialog.body_id)
    assert (body.rule_set, body.quorum_formula, body.notice_clear_days) == (
        "deliberative",
        "more_than",
        3,
    )
    assert (body.reconvene_notice_days, body.minutes_publish_days) == (3, 7)


def test_the_dashboard_says_the_check_is_running_then_lists_the_failing_meeting(
    qtbot, store, council
):
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(store, today=dt.date(2030, 12, 31))
    qtbot.addWidget(page)
    card = page.cards["compliance"]
    # Not yet read: it says so, never the all-clear.
    assert card.empty.text() == "Contrôle de régularité en cours…" and card.count.text() == "…"
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: card.count.text() == "1")
    assert card.line(0).record_id == council["meeting"] and card.empty.isHidden()
