"""The secretary's year, by keyboard only (Tab, arrows, letters, Entrée, Espace, shortcuts): set
up the council, import members correcting one row in the preview, schedule a meeting by typing
its date, build the agenda, record attendance, a vote, the minutes, submit them, approve them at
the next meeting, make the pack, create an action from a decision. Only the system's file
dialogs are answered for the test (they are the system's, not the window's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtTest import QTest

from ess_desk import council
from ess_desk.actions import actions
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.membership import bodies
from ess_desk.minutes import decisions
from ess_desk.minutes import minutes as mn
from tests.ui.helpers import export_message
from ui.main_window import MainWindow
from ui.qt import QCoreApplication, Qt, QtCore, QtGui, QTimer, QtWidgets
from ui.settings import AppSettings

MEMBERS = (
    "Civilité;Nom;Prénom;Courriel;Structure;Collège;Rôle;Début de mandat\n"
    "Mme;Dupré;Hélène;helene.dupre@tisserands.fr;Les Tisserands;Structures de l'ESS;"
    "Présidente;01/01/2026\n"
    "M.;Lefèvre;Marc;marc.lefevre@@solidarites;Solidarités Nord;Structures de l'ESS;"
    "Titulaire;01/01/2026\n"
    "Mme;Martin;Zoé;zoe.martin@ville.fr;Ville de Lyon;Élus;Titulaire;01/01/2026\n"
)


def window_manager() -> None:
    """What the system's window manager does and offscreen does not: a dialog that opens is
    activated, and the window gets its focus back when its dialog closes or when another top
    level (a window an earlier test of the same worker closed, a popup) took the activation
    and left nothing focused."""
    active = QtWidgets.QApplication.activeWindow()
    modal = QtWidgets.QApplication.activeModalWidget()
    if modal is not None and modal.isVisible():
        top = modal
    elif active is None or QtWidgets.QApplication.focusWidget() is None:
        top = next(
            w
            for w in reversed(QtWidgets.QApplication.topLevelWidgets())
            if isinstance(w, MainWindow) and w.isVisible()
        )
    else:
        return
    if active is top and QtWidgets.QApplication.focusWidget() is not None:
        return
    top.activateWindow()
    # A deadline rather than a count of short waits: on a loaded machine the activation's
    # events can take more than a few hundred milliseconds to come.
    deadline = QtCore.QDeadlineTimer(10_000)
    while not deadline.hasExpired():
        if (
            QtWidgets.QApplication.activeWindow() is top
            and QtWidgets.QApplication.focusWidget() is not None
        ):
            return
        QTest.qWait(10)


def focused() -> QtWidgets.QWidget:
    window_manager()
    widget = QtWidgets.QApplication.focusWidget()
    assert widget is not None, (
        f"nothing has the keyboard focus (active window: {QtWidgets.QApplication.activeWindow()!r})"
    )
    return widget


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifiers)
    QCoreApplication.processEvents()  # what the event loop does between two keystrokes


def type_text(qtbot, text: str) -> None:
    """Type `text` where the focus is, accented letters too (QTest knows ASCII only: those
    come as the key events of a French keyboard's own keys, with their text)."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
            continue
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            event = QtGui.QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QtWidgets.QApplication.sendEvent(focused(), event)


def tab_to(qtbot, target: QtWidgets.QWidget | Callable[[], QtWidgets.QWidget], limit: int = 120):
    """Tab from wherever the focus is until `target` (or the widget `target()` gives each time:
    a button rebuilt when its tab reloads) has it: reached by keyboard, or fail."""
    seen: list[str] = []
    for _ in range(limit):
        widget = target() if callable(target) else target
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(f"{type(focused()).__name__} {focused().accessibleName()!r}")
    raise AssertionError(
        f"Tab never reaches {widget!r} ({widget.accessibleName()!r}): {seen[-30:]}"
    )


def close_modal_dialogs() -> None:
    """Close what a failed step left open, so that the failure is reported instead of a hang."""
    for _ in range(20):
        widget = QtWidgets.QApplication.activeModalWidget()
        if widget is None:
            return
        if isinstance(widget, QtWidgets.QDialog):
            widget.reject()
        else:
            widget.close()
        widget.hide()


def in_window(window: QtWidgets.QWidget, widget: QtWidgets.QWidget | None) -> bool:
    return widget is not None and (widget is window or window.isAncestorOf(widget))


def answer(qtbot, cls: type, act: Callable[[QtWidgets.QWidget], None]) -> list:
    """Have `act(dialog)` run on the next modal dialog of `cls` (shown with exec(), which
    blocks the key press that opened it); the dialogs handled are listed. A failing `act`
    closes the dialogs (the exception is reported by pytest-qt)."""
    handled: list = []
    tries = [0]

    def poll() -> None:
        widget = QtWidgets.QApplication.activeModalWidget()
        if isinstance(widget, cls) and widget.isVisible() and widget not in handled:
            handled.append(widget)
            widget.activateWindow()
            try:
                qtbot.waitUntil(lambda: in_window(widget, QtWidgets.QApplication.focusWidget()))
                act(widget)
            except BaseException:
                close_modal_dialogs()
                raise
            return
        tries[0] += 1
        if tries[0] < 250:
            QTimer.singleShot(20, poll)
        else:
            close_modal_dialogs()
            raise AssertionError(f"no {cls.__name__} came (modal: {widget!r})")

    QTimer.singleShot(0, poll)
    return handled


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)


@pytest.fixture
def window(qtbot, store, monkeypatch, tmp_path):
    members = tmp_path / "membres.csv"
    members.write_text(MEMBERS, encoding="utf-8-sig")
    pack = tmp_path / "dossier.pdf"
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(members), "")
    )
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pack), ""))
    w = MainWindow(store, AppSettings())
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.focusWidget() is not None)
    w.pack_path = pack
    return w


@dataclass
class Year:
    """What the steps pass on to the next ones."""

    window: MainWindow
    db: Any
    values: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None


def step_council(qtbot, y: Year) -> None:
    # -- the council: its letterhead, then its plenary body, from the first steps ------------
    db, window = y.db, y.window
    dashboard = window.page("dashboard")

    def letterhead(dialog):
        assert dialog.name.hasFocus(), focused()
        type_text(qtbot, "Conseil de l'ESS de Lyon")
        press(qtbot, Qt.Key.Key_Tab)
        assert dialog.address.hasFocus()
        type_text(qtbot, "1 place de la Comédie")
        press(qtbot, Qt.Key.Key_Tab)  # one Tab leaves the address
        assert dialog.email.hasFocus()
        type_text(qtbot, "conseil.ess@lyon.fr")
        press(qtbot, Qt.Key.Key_Return)

    tab_to(qtbot, dashboard.findChild(QtWidgets.QPushButton, "welcome_letterhead"))
    done = answer(qtbot, QtWidgets.QDialog, letterhead)
    press(qtbot, Qt.Key.Key_Space)
    assert done and council.get_letterhead(db).council_name == "Conseil de l'ESS de Lyon"

    def new_body(dialog):
        tab_to(qtbot, dialog.name)
        type_text(qtbot, "Conseil de l'ESS")
        assert dialog.kind.currentData() == "plenary"
        press(qtbot, Qt.Key.Key_Return)

    tab_to(qtbot, dashboard.findChild(QtWidgets.QPushButton, "welcome_new_body"))
    answer(qtbot, QtWidgets.QDialog, new_body)
    press(qtbot, Qt.Key.Key_Space)
    plenary = bodies.plenary_body(db)
    assert plenary is not None
    y.values.update(plenary=plenary)


def step_members(qtbot, y: Year) -> None:
    # -- the members, one bad e-mail corrected in the preview --------------------------------
    db = y.db

    def preview(dialog):
        wait_idle(qtbot, dialog)
        assert not dialog.import_button.isEnabled()
        tab_to(qtbot, dialog.problems)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)  # to the problem's cell
        assert dialog.table.preview.hasFocus()
        press(qtbot, Qt.Key.Key_F2)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "marc.lefevre@solidarites.org")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(dialog.table.preview_model.corrections))
        wait_idle(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=15_000)
        tab_to(qtbot, dialog.import_button)
        press(qtbot, Qt.Key.Key_Space)

    answer(qtbot, QtWidgets.QDialog, preview)
    press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 3
    assert db.execute("SELECT email FROM people WHERE last_name = 'Lefèvre'").fetchone() == (
        "marc.lefevre@solidarites.org",
    )


def step_meeting(qtbot, y: Year) -> None:
    # -- a meeting scheduled by typing its date ----------------------------------------------
    db, window = y.db, y.window
    plenary = y.plenary
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.page("meetings")
    assert window.current_page_key() == "meetings"
    assert page.isAncestorOf(focused())  # the keyboard goes with the page

    def new_meeting(dialog):
        tab_to(qtbot, dialog.starts_at)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "21/01/2027 18:00")
        press(qtbot, Qt.Key.Key_Tab)
        assert dialog.ends_at.hasFocus()
        press(qtbot, Qt.Key.Key_Return)

    tab_to(qtbot, page.new_button)
    answer(qtbot, QtWidgets.QDialog, new_meeting)
    press(qtbot, Qt.Key.Key_Space)
    view = page.view_widget
    meeting = meetings.get(db, view.meeting_id)
    assert meeting.start.isoformat() == "2027-01-21T18:00:00" and meeting.body_id == plenary
    y.values.update(page=page, view=view, meeting=meeting)


def step_agenda(qtbot, y: Year) -> None:
    # -- the agenda ---------------------------------------------------------------------------
    db = y.db
    view, meeting = y.view, y.meeting
    agenda_tab = view.tab("agenda")

    def agenda_item(dialog):
        assert dialog.title.hasFocus()
        type_text(qtbot, "Budget 2027")
        tab_to(qtbot, dialog.kind)
        while dialog.kind.currentData() != "vote":
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)

    tab_to(qtbot, agenda_tab.view)
    answer(qtbot, QtWidgets.QDialog, agenda_item)
    press(qtbot, Qt.Key.Key_Insert)
    items = agenda.items(db, meeting.id)
    assert [(i.title, i.kind) for i in items] == [("Budget 2027", "vote")]
    y.values.update(items=items)


def step_attendance(qtbot, y: Year) -> None:
    # -- attendance, typed in the grid ---------------------------------------------------------
    db = y.db
    view, meeting = y.view, y.meeting
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Convocation
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Présences
    attendance_tab = view.tab("attendance")
    assert view.tabs.currentWidget() is attendance_tab
    type_everyone_present(qtbot, attendance_tab)
    assert presence.quorum(db, meeting.id).reached
    assert attendance_tab.reached


def type_everyone_present(qtbot, attendance_tab) -> None:
    """Each member typed `p` (present) in the attendance grid, row by row."""
    tab_to(qtbot, attendance_tab.view)
    grid = attendance_tab.model
    status_column = type(grid).STATUS
    for row in range(grid.rowCount()):
        view = attendance_tab.view
        view.setCurrentIndex(grid.index(row, 0))  # where the arrows led
        for _ in range(status_column):  # the columns the width hides are stepped over
            if view.currentIndex().column() == status_column:
                break
            press(qtbot, Qt.Key.Key_Right)
        assert view.currentIndex().column() == status_column
        type_text(qtbot, "p")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda row=row: grid.status_of(grid.attendee(row).mandate_id) == "present")


def step_held(qtbot, y: Year) -> None:
    # -- the meeting marked held (votes and minutes come after it: CGCT L. 2121-20) -------------
    db = y.db
    view, meeting = y.view, y.meeting
    view.steps.clock = lambda: dt.datetime(2027, 1, 22, 9, 0)  # the day after the meeting
    tab_to(qtbot, view.steps.held_button)
    press(qtbot, Qt.Key.Key_Space)
    assert meetings.get(db, meeting.id).status == "held"
    view.tabs.setFocus()
    while view.tabs.currentWidget() is not view.tab("attendance"):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)


def step_vote(qtbot, y: Year) -> None:
    # -- a vote ---------------------------------------------------------------------------------
    db = y.db
    view, items = y.view, y.items
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Votes
    votes_tab = view.tab("votes")
    tab_to(qtbot, votes_tab.view)

    def vote(dialog):
        tab_to(qtbot, dialog.votes_for)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "3")
        press(qtbot, Qt.Key.Key_Return)

    answer(qtbot, QtWidgets.QDialog, vote)
    press(qtbot, Qt.Key.Key_Return)
    recorded = votes.vote_for_item(db, items[0].id)
    assert recorded is not None and recorded.votes_for == 3 and recorded.outcome == "adopted"


def step_minutes(qtbot, y: Year) -> None:
    # -- the minutes ---------------------------------------------------------------------------
    db = y.db
    view, items = y.view, y.items
    view.tabs.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Procès-verbal
    minutes_tab = view.tab("ui.pages.meeting_minutes")
    assert view.tabs.currentWidget() is minutes_tab
    editor = minutes_tab.editor_for(items[0].id)
    tab_to(qtbot, editor)
    type_text(qtbot, "Le budget 2027 est présenté et adopté.")
    tab_to(qtbot, minutes_tab.header.secretary)
    type_text(qtbot, "Camille Roux")
    tab_to(qtbot, minutes_tab.header.closing_time)
    type_text(qtbot, "20 h 10")
    press(qtbot, Qt.Key.Key_Tab)

    def decision(dialog):
        tab_to(qtbot, dialog.text)
        type_text(qtbot, "Le conseil adopte le budget 2027.")
        tab_to(qtbot, dialog.save_button)
        press(qtbot, Qt.Key.Key_Space)

    tab_to(qtbot, minutes_tab.item_panel.add_decision_button)
    answer(qtbot, QtWidgets.QDialog, decision)
    press(qtbot, Qt.Key.Key_Space)
    adopted = decisions.decisions_of_item(db, items[0].id)
    assert len(adopted) == 1
    y.values.update(minutes_tab=minutes_tab, adopted=adopted)


def step_submit(qtbot, y: Year) -> None:
    # -- submitted, with the next meeting created from the list of what is missing ----------
    db = y.db
    minutes_tab, meeting = y.minutes_tab, y.meeting
    tab_to(qtbot, minutes_tab.buttons.submit_button)
    press(qtbot, Qt.Key.Key_Space)
    submit = minutes_tab.submit_dialog
    qtbot.waitUntil(submit.isVisible)
    assert set(submit.fix_buttons) == {"next_meeting"}

    def next_meeting(dialog):
        tab_to(qtbot, dialog.starts_at)
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "18/2/27 18h")
        press(qtbot, Qt.Key.Key_Return)

    tab_to(qtbot, submit.fix_buttons["next_meeting"])
    answer(qtbot, QtWidgets.QDialog, next_meeting)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is submit.submit_button)  # the next thing to do
    press(qtbot, Qt.Key.Key_Space)
    record = mn.get_minutes(db, meeting.id)
    assert record.status == "submitted"
    following = meetings.next_meeting_of_body(db, meeting.id)
    assert following.start.isoformat() == "2027-02-18T18:00:00"
    y.values.update(record=record, following=following)


def step_pack(qtbot, y: Year) -> None:
    # -- the pack of the meeting ---------------------------------------------------------------
    window = y.window
    view = y.view
    tab_to(qtbot, view.steps.pack_button)
    answer(qtbot, QtWidgets.QDialog, lambda dialog: press(qtbot, Qt.Key.Key_Return))
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: export_message(view) is not None, timeout=30_000)
    assert window.pack_path.read_bytes().startswith(b"%PDF")
    export_message(view).close()


def step_approval(qtbot, y: Year) -> None:
    # -- approved at the next meeting ------------------------------------------------------------
    db = y.db
    page, following, record, meeting = y.page, y.following, y.record, y.meeting
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back to the list
    assert page.view_widget is None and page.table.hasFocus()
    while page.current_meeting_id() != following.id:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    view = page.view_widget
    assert view.meeting_id == following.id
    view.tabs.setFocus()
    while view.tabs.currentWidget() is not view.tab("attendance"):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    type_everyone_present(qtbot, view.tab("attendance"))  # it approves only with its quorum
    assert presence.quorum(db, following.id).reached
    view.steps.clock = lambda: dt.datetime(2027, 2, 19, 9, 0)  # the day after the next meeting
    tab_to(qtbot, view.steps.held_button)
    press(qtbot, Qt.Key.Key_Space)
    view.tabs.setFocus()
    while view.tabs.currentWidget() is not view.tab("ui.pages.meeting_minutes"):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)

    def approve():
        return view.tab("ui.pages.meeting_minutes").approvals.buttons[record.id]

    assert approve().isEnabled()

    def confirm(box):
        yes = next(b for b in box.buttons() if b.text() == "Approuver")
        tab_to(qtbot, yes)
        press(qtbot, Qt.Key.Key_Space)

    tab_to(qtbot, approve)
    answer(qtbot, QtWidgets.QMessageBox, confirm)
    press(qtbot, Qt.Key.Key_Space)
    assert mn.get_minutes(db, meeting.id).status == "approved"


def step_action(qtbot, y: Year) -> None:
    # -- an action that follows the decision -----------------------------------------------------
    db, window = y.db, y.window
    adopted, meeting = y.adopted, y.meeting
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    register = window.page("decisions")
    tab_to(qtbot, register.table)
    press(qtbot, Qt.Key.Key_Down)
    assert register.selected_id() == adopted[0].id

    def new_action(dialog):
        assert dialog.title.hasFocus()
        type_text(qtbot, "Présenter le budget aux partenaires")
        tab_to(qtbot, dialog.person)
        type_text(qtbot, dialog.person.itemText(1))
        tab_to(qtbot, dialog.save_button)
        press(qtbot, Qt.Key.Key_Space)

    tab_to(qtbot, register.action_button)
    answer(qtbot, QtWidgets.QDialog, new_action)
    press(qtbot, Qt.Key.Key_Space)
    made = db.execute("SELECT id FROM actions").fetchall()
    assert len(made) == 1
    action = actions.get(db, made[0][0])
    assert action.decision_id == adopted[0].id and action.meeting_id == meeting.id
    QCoreApplication.processEvents()


def test_a_year_of_the_secretary_by_keyboard_only(on_demo_day, qtbot, store, window):
    # on_demo_day: the year's meetings are typed at fixed dates (January and February 2027), which
    # must lie ahead of the clock whatever day the suite runs.
    y = Year(window, store.db)
    for step in (
        step_council,
        step_members,
        step_meeting,
        step_agenda,
        step_attendance,
        step_held,
        step_vote,
        step_minutes,
        step_submit,
        step_pack,
        step_approval,
        step_action,
    ):
        step(qtbot, y)
