"""The « Procès-verbal » tab: drafting with autosave, undo and redo, bold and lists, decisions,
submission, approval at the next meeting, the frozen read-only state, errata, exports."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.meetings import meetings
from ess_desk.minutes import decisions, history
from ess_desk.minutes import minutes as mn
from ess_desk.store import open_store
from tests.core.test_minutes import build_council, hold_second
from ui.dialogs.decision import DecisionDialog
from ui.dialogs.erratum import ErratumDialog
from ui.models_minutes import HistoryTableModel
from ui.pages.meeting_minutes import MinutesTab
from ui.pages.minutes_texts import AUTOSAVE_MS
from ui.qt import QEvent, Qt, QtGui, QtWidgets

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)

PAGE = "ui.pages.meeting_minutes"


@pytest.fixture
def bureau(store):
    """A held meeting of a bureau (attendance, a vote, a decision) and the next meeting."""
    return build_council(store)


@pytest.fixture
def answers(monkeypatch):
    """Confirmations accepted, message boxes recorded instead of shown."""
    shown: list[str] = []
    # The tab, and its box of the minutes to approve at this meeting, ask and tell.
    for module in (PAGE, "ui.pages.minutes_approvals"):
        monkeypatch.setattr(
            f"{module}.confirm", lambda parent, title, text, yes: yes != "Ouvrir le fichier"
        )
        monkeypatch.setattr(
            f"{module}.show_user_error",
            lambda parent, error, title="": shown.append(error.message),
        )
    return shown


def make_tab(qtbot, store, meeting_id) -> MinutesTab:
    tab = MinutesTab(store, meeting_id)
    qtbot.addWidget(tab)
    tab.resize(1250, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def fill_header(tab: MinutesTab) -> None:
    tab.header.secretary.setText("Marie Dubois")
    tab.header.secretary.editingFinished.emit()
    tab.header.closing_time.setText("20h15")
    tab.header.closing_time.editingFinished.emit()


def held(store, meeting_id) -> None:
    meetings.set_status(store, meeting_id, "convened")
    meetings.set_status(store, meeting_id, "held", now=LATER)


def test_opening_the_tab_starts_the_minutes_of_a_held_meeting(qtbot, store, bureau):
    assert mn.get_minutes(store.db, bureau["first"]) is None
    tab = make_tab(qtbot, store, bureau["first"])
    minutes = mn.get_minutes(store.db, bureau["first"])
    assert minutes is not None and minutes.status == "draft"
    assert tab.top.state_label.text() == "Brouillon"
    assert tab.item_list.count() == 2
    assert tab.item_list.item(0).text() == "1. Budget 2027"
    assert (
        "Adopté" in tab.item_panel.vote_label.text()
        and "3 pour, 1 contre" in tab.item_panel.vote_label.text()
    )
    assert tab.item_panel.decision_list.count() == 1
    assert tab.item_panel.decision_list.item(0).text().startswith("2026-001 — Avis")
    assert "quorum (3) atteint" in tab.header.record_line.text()


def test_a_future_meeting_waits_for_the_start_button(qtbot, store, bureau):
    later = meetings.create(store, body_id=bureau["body"], starts_at="10/06/2099 18:00")
    tab = make_tab(qtbot, store, later)
    assert mn.get_minutes(store.db, later) is None
    assert tab.pages.currentWidget() is tab.placeholder
    assert (
        not tab.placeholder.start_button.isEnabled()
        and "marquée tenue" in tab.placeholder.placeholder_label.text()
    )
    meetings.set_status(store, later, "held", now=dt.datetime(2100, 1, 1))
    tab.refresh()
    assert tab.placeholder.start_button.isEnabled()
    qtbot.mouseClick(tab.placeholder.start_button, Qt.MouseButton.LeftButton)
    assert mn.get_minutes(store.db, later) is not None
    assert tab.pages.currentWidget() is tab.content


def test_typing_is_saved_automatically_and_undo_redo_work(qtbot, store, bureau):
    tab = make_tab(qtbot, store, bureau["first"])
    minutes_id = tab.minutes.id
    tab.select_item(bureau["debate"])
    editor = tab.editor_for(bureau["debate"])
    assert tab.current_editor() is editor and not editor.isReadOnly()
    editor.setFocus()
    qtbot.keyClicks(editor, "Echange nourri sur la commande publique.")
    assert tab.has_unsaved_changes()
    assert tab.top.saved_label.text() == "Modifications en cours…"
    # The timer writes the section within a few seconds of the last keystroke.
    qtbot.waitUntil(
        lambda: (
            mn.section_texts(store.db, minutes_id).get(bureau["debate"])
            == "Echange nourri sur la commande publique."
        ),
        timeout=AUTOSAVE_MS + 3000,
    )
    assert tab.top.saved_label.text().startswith("Enregistré à ")
    assert not tab.has_unsaved_changes()
    entries = history.meeting_history(store.db, bureau["first"])
    assert any(e.entity == "minutes_section" for e in entries)
    assert tab.side.history_model.rowCount() == len(entries)

    # Undo and redo with the keyboard (Ctrl+Z, Ctrl+Y) and with the buttons.
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "Echange nourri sur la commande publique."
    assert tab.item_panel.undo_button.isEnabled()
    qtbot.mouseClick(tab.item_panel.undo_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == ""
    assert tab.item_panel.redo_button.isEnabled()
    qtbot.mouseClick(tab.item_panel.redo_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "Echange nourri sur la commande publique."

    # A focus change saves at once, without waiting for the timer.
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "**Echange nourri sur la commande publique.**"
    tab.header.secretary.setFocus()
    editor.focus_lost.emit()  # offscreen focus changes are not always delivered
    assert mn.section_texts(store.db, minutes_id)[bureau["debate"]].startswith("**Echange")


def test_bold_and_list_buttons(qtbot, store, bureau):
    tab = make_tab(qtbot, store, bureau["first"])
    tab.select_item(bureau["debate"])
    editor = tab.editor_for(bureau["debate"])
    editor.setPlainText("Points soulevés :\nles tiers-lieux\nla commande publique")
    cursor = editor.textCursor()
    cursor.setPosition(len("Points soulevés :\n"))
    cursor.setPosition(len(editor.toPlainText()), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.mouseClick(tab.item_panel.list_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "Points soulevés :\n- les tiers-lieux\n- la commande publique"
    qtbot.mouseClick(tab.item_panel.list_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "Points soulevés :\nles tiers-lieux\nla commande publique"
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.mouseClick(tab.item_panel.bold_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().startswith("**Points** soulevés")
    assert tab.save_pending()
    saved = mn.section_texts(store.db, tab.minutes.id)[bureau["debate"]]
    assert saved.startswith("**Points** soulevés")


def test_header_fields_are_saved_and_checked(qtbot, store, bureau):
    tab = make_tab(qtbot, store, bureau["first"])
    fill_header(tab)
    minutes = mn.get(store.db, tab.minutes.id)
    assert (minutes.secretary, minutes.closing_time) == ("Marie Dubois", "20:15")
    assert tab.header.closing_time.text() == "20:15"
    tab.header.closing_time.setText("tard")
    tab.header.closing_time.editingFinished.emit()
    error = tab.header.field_errors.label("closing_time")
    assert error.isVisibleTo(tab) and "n'est pas une heure" in error.text()
    assert mn.get(store.db, tab.minutes.id).closing_time == "20:15"


def test_decisions_are_added_and_corrected_from_the_item(qtbot, store, bureau, monkeypatch):
    tab = make_tab(qtbot, store, bureau["first"])
    tab.select_item(bureau["debate"])
    assert tab.item_panel.add_decision_button.isEnabled()

    def fill_and_save(dialog: DecisionDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("recommendation"))
        dialog.text.setPlainText("Le bureau recommande un guide d'achat responsable.")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.item_panel.add_decision_button, Qt.MouseButton.LeftButton)
    found = decisions.decisions_of_item(store.db, bureau["debate"])
    assert [(d.reference, d.kind) for d in found] == [("2026-002", "recommendation")]
    assert tab.item_panel.decision_list.count() == 1

    def correct(dialog: DecisionDialog) -> int:
        assert dialog.text.toPlainText().startswith("Le bureau recommande")
        dialog.text.setPlainText("Le bureau recommande un guide d'achat public responsable.")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", correct)
    tab.item_panel.decision_list.setCurrentRow(0)
    qtbot.mouseClick(tab.item_panel.edit_decision_button, Qt.MouseButton.LeftButton)
    assert "public responsable" in decisions.get(store.db, found[0].id).text


def test_decision_dialog_shows_the_error_beside_the_text(qtbot, store, bureau):
    dialog = DecisionDialog(store, bureau["debate"], item_title="Commande publique")
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("   ")
    dialog.save()
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert "obligatoire" in dialog.errors.label("text").text()
    assert decisions.decisions_of_item(store.db, bureau["debate"]) == []


def submit(qtbot, tab: MinutesTab):
    """Click « Soumettre aux membres… », then the dialog's « Soumettre »."""
    qtbot.mouseClick(tab.buttons.submit_button, Qt.MouseButton.LeftButton)
    dialog = tab.submit_dialog
    assert dialog.isVisible() and dialog.submit_button.isEnabled(), dialog.summary.text()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    return dialog


def test_submitting_lists_everything_missing_at_once_with_a_fix_for_each(qtbot, store, bureau):
    tab = make_tab(qtbot, store, bureau["first"])
    meetings.set_status(store, bureau["second"], "cancelled")
    assert (
        "secrétaire de séance" in tab.buttons.submit_button.toolTip()
    )  # why, before even clicking
    qtbot.mouseClick(tab.buttons.submit_button, Qt.MouseButton.LeftButton)
    dialog = tab.submit_dialog
    assert set(dialog.fix_buttons) == {"secretary", "closing_time", "next_meeting"}
    assert not dialog.submit_button.isEnabled()
    # Each thing is fixed right there, by keyboard.
    dialog.secretary.setFocus()
    qtbot.keyClicks(dialog.secretary, "Marie Dubois")
    qtbot.keyClick(dialog.secretary, Qt.Key.Key_Return)
    assert set(dialog.fix_buttons) == {"closing_time", "next_meeting"}
    qtbot.waitUntil(dialog.closing_time.hasFocus)  # the next thing to do
    qtbot.keyClicks(dialog.closing_time, "20 h 15")
    qtbot.keyClick(dialog.closing_time, Qt.Key.Key_Return)
    assert mn.get(store.db, tab.minutes.id).closing_time == "20:15"
    assert tab.header.secretary.text() == "Marie Dubois"  # the tab follows

    def create_meeting(meeting_dialog):
        meeting_dialog.starts_at.enter(
            meetings.get(store.db, bureau["first"]).start.replace(year=2030)
        )
        meeting_dialog.accept()
        return QtWidgets.QDialog.DialogCode.Accepted

    import ui.dialogs.meeting as meeting_dialogs

    original = meeting_dialogs.MeetingDialog.exec
    meeting_dialogs.MeetingDialog.exec = create_meeting
    try:
        dialog.fix_buttons["next_meeting"].click()
    finally:
        meeting_dialogs.MeetingDialog.exec = original
    assert dialog.fix_buttons == {} and dialog.submit_button.isEnabled()
    assert "Tout est prêt" in dialog.summary.text()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert mn.get(store.db, tab.minutes.id).status == "submitted"
    assert tab.top.state_label.text() == "Soumis"


def test_a_meeting_not_held_is_marked_held_from_the_submission(qtbot, store, bureau, monkeypatch):
    later = meetings.create(store, body_id=bureau["body"], starts_at="10/06/2029 18:00")
    meetings.create(store, body_id=bureau["body"], starts_at="10/07/2029 18:00")
    tab = make_tab(qtbot, store, later)
    tab.start_minutes()
    fill_header(tab)
    dialog = tab.submit()
    assert list(dialog.fix_buttons) == ["held"]
    # Before its start time the meeting cannot be held: the dialog says why, nothing changes.
    dialog.clock = lambda: dt.datetime(2029, 6, 10, 17, 0)
    dialog.fix_buttons["held"].click()
    assert meetings.get(store.db, later).status == "planned"
    assert "avant son heure de début" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    # Once begun, the same day: a confirmation, then held.
    questions: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.submit_minutes.confirm",
        lambda parent, title, text, yes: questions.append(text) or True,
    )
    dialog.clock = lambda: dt.datetime(2029, 6, 10, 18, 30)
    dialog.fix_buttons["held"].click()
    assert len(questions) == 1 and "aujourd'hui à 18:00" in questions[0]
    assert meetings.get(store.db, later).status == "held"
    submit_button = dialog.submit_button
    assert submit_button.isEnabled()
    qtbot.waitUntil(submit_button.hasFocus)


def test_submit_approve_at_next_meeting_then_frozen_with_erratum(
    qtbot, store, bureau, answers, monkeypatch
):
    tab = make_tab(qtbot, store, bureau["first"])
    fill_header(tab)
    editor = tab.editor_for(bureau["budget"])
    tab.select_item(bureau["budget"])
    qtbot.keyClicks(editor, "Le budget est presente.")
    # Submitting saves what is typed first.
    submit(qtbot, tab)
    minutes = mn.get(store.db, tab.minutes.id)
    assert minutes.status == "submitted" and answers == []
    assert mn.section_texts(store.db, minutes.id)[bureau["budget"]] == "Le budget est presente."
    assert tab.top.state_label.text() == "Soumis"
    assert editor.isReadOnly() and not tab.buttons.submit_button.isEnabled()
    assert tab.buttons.draft_button.isEnabled() and "Soumis aux membres" in tab.top.banner.text()

    # Back to draft and submitted again: the same approval item.
    qtbot.mouseClick(tab.buttons.draft_button, Qt.MouseButton.LeftButton)
    assert mn.get(store.db, minutes.id).status == "draft" and not editor.isReadOnly()
    submit(qtbot, tab)
    assert mn.get(store.db, minutes.id).status == "submitted"

    # The next meeting's tab lists the minutes to approve; approval waits for it to be held.
    following = make_tab(qtbot, store, bureau["second"])
    assert following.approvals.isVisibleTo(following)
    button = following.approvals.buttons[minutes.id]
    assert not button.isEnabled()
    meetings.set_status(store, bureau["second"], "convened")
    hold_second(store, bureau)
    following.refresh()
    button = following.approvals.buttons[minutes.id]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    approved = mn.get(store.db, minutes.id)
    assert approved.status == "approved" and approved.approved_by_meeting_id == bureau["second"]
    assert minutes.id not in following.approvals.buttons

    # The approved minutes are read-only everywhere in their tab.
    tab.refresh()
    assert tab.top.state_label.text() == "Approuvé"
    assert "approuvé lors de la séance" in tab.top.banner.text()
    assert all(e.isReadOnly() for e in tab.editors.values())
    assert tab.header.secretary.isReadOnly() and tab.header.closing_time.isReadOnly()
    for button in (
        tab.buttons.submit_button,
        tab.buttons.draft_button,
        tab.item_panel.bold_button,
        tab.item_panel.list_button,
        tab.item_panel.undo_button,
        tab.item_panel.add_decision_button,
        tab.item_panel.edit_decision_button,
    ):
        assert not button.isEnabled(), button.objectName()
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText() == "Le budget est presente."
    assert not tab.has_unsaved_changes()

    # A correction is an erratum.
    assert tab.buttons.erratum_button.isEnabled()

    def fill_erratum(dialog: ErratumDialog) -> int:
        dialog.reason.setText("Erreur sur le montant")
        dialog.text.setPlainText("Au point 1, lire « 120 000 € » au lieu de « 12 000 € ».")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ErratumDialog, "exec", fill_erratum)
    qtbot.mouseClick(tab.buttons.erratum_button, Qt.MouseButton.LeftButton)
    corrections = mn.errata(store.db, minutes.id)
    assert [e.reason for e in corrections] == ["Erreur sur le montant"]
    assert tab.side.errata_list.count() == 1
    assert tab.side.errata_list.item(0).text().startswith("Erratum du ")
    assert tab.side.tabText(1) == "Errata (1)"


def test_erratum_dialog_requires_a_reason(qtbot, store, bureau, answers):
    minutes_id = mn.start(store, bureau["first"])
    mn.update(store, minutes_id, secretary="Marie", closing_time="20:00")
    item = mn.submit(store, minutes_id)
    meetings.set_status(store, bureau["second"], "convened")
    hold_second(store, bureau)
    mn.approve(store, item)
    dialog = ErratumDialog(store, minutes_id)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Une correction.")
    dialog.save()
    assert dialog.erratum_id is None
    assert dialog.errors.label("reason").isVisibleTo(dialog)
    assert mn.errata(store.db, minutes_id) == []


def test_exports_run_off_the_gui_thread(qtbot, store, bureau, answers, tmp_path):
    tab = make_tab(qtbot, store, bureau["first"])
    fill_header(tab)
    pdf = tmp_path / "pv.pdf"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(pdf, form="pv", public=True)
    assert pdf.read_bytes().startswith(b"%PDF") and tab.last_export == pdf
    docx = tmp_path / "releve.docx"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(docx, form="releve")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Relevé de décisions" in text and answers == []


def test_read_only_store_disables_every_edit(qtbot, store, bureau, db_path):
    mn.start(store, bureau["first"])
    reader = open_store(db_path, read_only=True)
    try:
        tab = make_tab(qtbot, reader, bureau["first"])
        assert all(e.isReadOnly() for e in tab.editors.values())
        assert (
            not tab.buttons.submit_button.isEnabled()
            and not tab.item_panel.add_decision_button.isEnabled()
        )
        assert "lecture seule" in tab.top.banner.text()
    finally:
        tab.close()
        reader.close()


def test_history_model_passes_qtmodeltester(qtmodeltester, store, bureau):
    minutes_id = mn.start(store, bureau["first"])
    mn.save_section(store, minutes_id, bureau["budget"], "Texte")
    model = HistoryTableModel()
    model.set_entries(history.meeting_history(store.db, bureau["first"]))
    assert model.rowCount() > 0
    assert model.headers() == ["Quand", "Qui", "Changement"]
    assert model.index(0, HistoryTableModel.WHAT).data() == (
        "Texte d'un point du procès-verbal — création"
    )
    qtmodeltester.check(model)


def test_ctrl_b_and_ctrl_y_win_over_window_shortcuts(qtbot, store, bureau):
    tab = make_tab(qtbot, store, bureau["first"])
    editor = tab.editor_for(bureau["budget"])
    override = QtGui.QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
    )
    assert editor.event(override) and override.isAccepted()


def test_approve_is_offered_as_soon_as_the_meeting_is_marked_held(qtbot, store, bureau):
    from tests.core.test_minutes import draft
    from ui.pages.meeting import MeetingView

    minutes_id = draft(store, bureau)
    mn.submit(store, minutes_id)
    view = MeetingView(store, bureau["second"])
    qtbot.addWidget(view)
    view.resize(1200, 700)
    tab = view.show_tab("ui.pages.meeting_minutes")
    button = tab.approvals.buttons[minutes_id]
    assert not button.isEnabled() and "marquée comme tenue" in button.toolTip()
    view.steps.clock = lambda: LATER  # the meeting has begun
    view.steps.held_button.click()  # « Marquer tenue », in the meeting's header
    button = tab.approvals.buttons[minutes_id]
    assert button.isEnabled()  # no need to close and reopen the meeting


def test_an_action_is_created_from_the_minutes_decision(qtbot, store, bureau, monkeypatch):
    from ess_desk.actions import actions
    from ui.dialogs.action import ActionDialog

    tab = make_tab(qtbot, store, bureau["first"])
    tab.select_item(bureau["budget"])
    assert not tab.item_panel.decision_action_button.isEnabled()
    tab.item_panel.decision_list.setCurrentRow(0)
    assert tab.item_panel.decision_action_button.isEnabled()

    def fill_and_save(dialog):
        dialog.title.setText("Présenter le budget aux partenaires")
        dialog.person.setCurrentIndex(1)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ActionDialog, "exec", fill_and_save)
    action_id = tab.item_panel.new_action_from_decision()
    decision_id = tab.item_panel.decision_list.item(0).data(Qt.ItemDataRole.UserRole)
    action = actions.get(store.db, action_id)
    assert action.decision_id == decision_id and action.item_id == bureau["budget"]
