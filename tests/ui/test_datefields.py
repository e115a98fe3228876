"""Date and time fields: French office typing, an error beside the field for what they cannot
read (the text stays as typed), one Tab to leave them, the calendar popup by keyboard."""

from __future__ import annotations

import datetime as dt

from ui.datefields import DateField, DateTimeField, TimeField, boxed, check_fields
from ui.qt import Qt, QtWidgets


def form_with(qtbot, *fields):
    """The fields in a small window, each followed by a plain line edit."""
    window = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(window)
    after = []
    for field in fields:
        layout.addWidget(boxed(field))
        nxt = QtWidgets.QLineEdit()
        layout.addWidget(nxt)
        after.append(nxt)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, after


def type_into(qtbot, field, text):
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_typed_date_and_time_are_read_and_one_tab_leaves(qtbot):
    field = DateTimeField(dt.datetime(2026, 12, 24, 18, 0))
    _window, (nxt,) = form_with(qtbot, field)
    changes = []
    field.value_changed.connect(changes.append)
    type_into(qtbot, field, "21/01/2027 18:00")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert nxt.hasFocus()  # one Tab: the next field, nothing typed is lost
    assert field.value() == dt.datetime(2027, 1, 21, 18, 0)
    assert field.text() == "21/01/2027 18:00"
    assert changes == [dt.datetime(2027, 1, 21, 18, 0)]
    qtbot.keyClicks(nxt, "Salle 3")
    assert nxt.text() == "Salle 3"


def test_short_forms_are_shown_whole_once_read(qtbot):
    day, hour, moment = DateField(None, optional=True), TimeField(None), DateTimeField(None)
    _window, _after = form_with(qtbot, day, hour, moment)
    type_into(qtbot, day, "21/1/27")
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    assert day.text() == "21/01/2027" and day.value() == dt.date(2027, 1, 21)
    type_into(qtbot, hour, "18 h 30")
    qtbot.keyClick(hour, Qt.Key.Key_Tab)
    assert hour.text() == "18:30" and hour.value() == dt.time(18, 30)
    type_into(qtbot, moment, "21/01/2027 18h")
    qtbot.keyClick(moment, Qt.Key.Key_Return)
    assert moment.value() == dt.datetime(2027, 1, 21, 18, 0)


def test_what_cannot_be_read_stays_as_typed_with_an_error_beside(qtbot):
    field = DateField(dt.date(2026, 12, 24))
    _window, (nxt,) = form_with(qtbot, field)
    type_into(qtbot, field, "32/01/2027")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "32/01/2027"  # never silently changed
    assert field.value() is None and not field.is_valid()
    assert "n'existe pas" in field.error_label.text() and field.error_label.isVisible()
    assert field.accessibleDescription() == field.error_label.text()
    assert not check_fields(field) and field.hasFocus()  # a dialog refuses and goes there
    field.selectAll()
    qtbot.keyClicks(field, "31/01/2027")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == dt.date(2027, 1, 31) and field.error_label.isHidden()


def test_an_empty_required_field_says_so_and_an_optional_one_gives_none(qtbot):
    required, optional = (
        DateField(dt.date(2026, 1, 1)),
        DateField(dt.date(2026, 1, 1), optional=True),
    )
    _window, _after = form_with(qtbot, required, optional)
    required.clear()
    optional.clear()
    assert not required.check() and "remplir" in required.error()
    assert optional.check() and optional.value() is None


def test_a_date_typed_alone_keeps_the_hour_shown(qtbot):
    field = DateTimeField(dt.datetime(2026, 12, 24, 18, 30))
    _window, _after = form_with(qtbot, field)
    type_into(qtbot, field, "21/01/2027")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.value() == dt.datetime(2027, 1, 21, 18, 30)
    assert field.text() == "21/01/2027 18:30"  # what was completed is shown


def test_calendar_opens_with_alt_down_and_enter_chooses(qtbot):
    field = DateTimeField(dt.datetime(2027, 1, 21, 18, 0))
    _window, _after = form_with(qtbot, field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field._popup
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.selectedDate().toPython() == dt.date(2027, 1, 21)
    focused = QtWidgets.QApplication.focusWidget()  # the calendar's grid, where keys go
    assert focused is calendar or calendar.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.value() == dt.datetime(2027, 1, 22, 18, 0)  # the hour is kept
    # the icon inside the field takes no focus: Tab never stops on it
    assert all(
        not (b.focusPolicy() & Qt.FocusPolicy.TabFocus)
        for b in field.findChildren(QtWidgets.QToolButton)
    )


def test_meeting_dialog_reads_the_start_as_typed(qtbot, store, council):
    from ess_desk.meetings import meetings
    from ui.dialogs.meeting import MeetingDialog

    dialog = MeetingDialog(store, body_id=council["plenary"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    type_into(qtbot, dialog.starts_at, "21/01/2027 18:00")
    qtbot.keyClick(dialog.starts_at, Qt.Key.Key_Tab)
    assert dialog.ends_at.hasFocus()
    assert dialog.ends_at.value() == dt.datetime(2027, 1, 21, 20, 0)  # the duration follows
    assert dialog.title.placeholderText() == "Par défaut : « Séance plénière du 21/01/2027 »"
    dialog.accept()
    saved = meetings.get(store.db, dialog.meeting_id)
    assert saved.start == dt.datetime(2027, 1, 21, 18, 0)
    assert saved.title == "Séance plénière du 21/01/2027"


def test_meeting_dialog_refuses_an_unreadable_date_beside_the_field(qtbot, store, council):
    from ui.dialogs.meeting import MeetingDialog

    dialog = MeetingDialog(store, body_id=council["plenary"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.starts_at.setText("21/13/2027 18:00")
    dialog.accept()
    assert dialog.meeting_id is None and dialog.isVisible()
    assert dialog.starts_at.error_label.isVisible()
