"""The window's search: Ctrl+F from any page, results as one types grouped by kind with the
words in bold, the keyboard to move and open, Escape to close; the page filters keep
Ctrl+Shift+F."""

from __future__ import annotations

from ess_desk.meetings import agenda, meetings
from ess_desk.membership import people
from ess_desk.search import index
from ui.main_window import MainWindow
from ui.qt import Qt
from ui.search_results import SearchResultsModel, elide_marked, to_html
from ui.settings import AppSettings


def active_window(qtbot, store, page: str = "members"):
    """The window opened on `page`, active: its shortcuts answer the keyboard only then."""
    settings = AppSettings()
    settings.set_last_page(page)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def ctrl_f(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.hasFocus())


def type_and_wait(qtbot, window, text: str) -> None:
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.search.results_visible() and window.search.last_search == text)
    assert window.search.text() == text


def test_ctrl_f_type_results_grouped_enter_opens_the_organisation(qtbot, store, council):
    window = active_window(qtbot, store)
    assert window.action_search.shortcut().toString() == "Ctrl+F"
    assert window.action_find.shortcut().toString() == "Ctrl+Shift+F"
    window.show_page("bodies")  # from any page
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "tisser")
    search = window.search
    rows = search.model.rows
    assert search.groups_shown() == ["person", "organisation"]
    assert [r.text for r in rows if r.role == "header"] == ["Personnes", "Structures"]
    person = rows[1].hit
    assert person.kind == "person" and person.id == council["Hélène"]
    assert "<b>tisserands</b>" in to_html(person.snippet)  # the e-mail where it was found
    organisation = rows[3].hit
    assert to_html(organisation.title) == "Coopérative Les <b>Tisserands</b>"
    # The first hit is current; Down skips the heading to the organisation.
    assert search.current_hit() == person
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert search.current_hit() == organisation
    qtbot.keyClick(search, Qt.Key.Key_Down)  # nothing further: stays
    assert search.current_hit() == organisation
    qtbot.keyClick(search, Qt.Key.Key_Up)
    assert search.current_hit() == person
    qtbot.keyClick(search, Qt.Key.Key_Down)
    with qtbot.waitSignal(search.opened) as opened:
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert opened.args == ["organisation", council["scop"]]
    assert window.current_page_key() == "members"
    assert window.page("members").search.text() == "Coopérative Les Tisserands"
    assert not search.results_visible()


def test_enter_opens_a_meeting_in_its_view(qtbot, store, council):
    meeting = meetings.create(
        store,
        body_id=council["plenary"],
        title="Séance plénière sur l'économie circulaire",
        starts_at="12/03/2026 18:00",
    )
    agenda.create_item(store, meeting, title="Ressourceries et recycleries", kind="debate")
    window = active_window(qtbot, store)
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "economie circ")  # no accent, the last word a prefix
    assert window.search.groups_shown() == ["meeting"]
    hit = window.search.current_hit()
    assert to_html(hit.title) == "Séance plénière sur l'<b>économie</b> <b>circulaire</b>"
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    assert window.current_page_key() == "meetings"
    view = window.page("meetings").view_widget
    assert view is not None and view.meeting_id == meeting
    assert not window.search.hasFocus()  # the keyboard is back on the page


def test_a_person_is_selected_in_membres(qtbot, store, council):
    window = active_window(qtbot, store)
    window.show_page("meetings")
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "zoe mart")
    assert window.search.groups_shown() == ["person"]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    members = window.page("members")
    assert window.current_page_key() == "members"
    assert members.selected_person_id() == council["Zoé"]
    assert members.table.hasFocus()  # Up/Down now move in the list
    # Ctrl+F from a field of the page: the window's search, not the page's filter.
    members.search.setFocus()
    ctrl_f(qtbot, window)
    assert window.search.selectedText() == "zoe mart"


def test_escape_closes_then_gives_the_page_back(qtbot, store, council):
    window = active_window(qtbot, store)
    window.show_page("members")
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "benali")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.search.results_visible() and window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # brings the results back
    assert window.search.results_visible()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.search.hasFocus()
    # Ctrl+F again: the text is selected, the results shown again.
    ctrl_f(qtbot, window)
    assert window.search.selectedText() == "benali" and window.search.results_visible()


def test_page_filter_keeps_ctrl_shift_f(qtbot, store, council):
    window = active_window(qtbot, store)
    members = window.show_page("members")
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: members.search.hasFocus())
    decisions = window.show_page("decisions")
    window.action_find.trigger()
    qtbot.waitUntil(lambda: decisions.search.hasFocus())


def test_more_results_and_nothing_found(qtbot, store, council):
    for n in range(8):
        people.create(store, first_name=f"Camille{n}", last_name="Vautrin")
    window = active_window(qtbot, store)
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "vautrin")
    search = window.search
    hits = [r for r in search.model.rows if r.role == "hit"]
    assert len(hits) == index.DEFAULT_LIMIT
    assert search.model.rows[-1].role == "more"
    for _n in range(index.DEFAULT_LIMIT):
        qtbot.keyClick(search, Qt.Key.Key_Down)
    assert search.model.rows[search.current_row()].role == "more"
    qtbot.keyClick(search, Qt.Key.Key_Return)  # shows all the people
    assert len([r for r in search.model.rows if r.role == "hit"]) == 8
    assert search.results_visible() and search.current_hit().kind == "person"
    type_and_wait(qtbot, window, "introuvable")
    assert [(r.role, r.text) for r in search.model.rows] == [
        ("empty", "Aucun résultat pour « introuvable »")
    ]
    qtbot.keyClick(search, Qt.Key.Key_Return)  # nothing to open: nothing happens
    assert window.current_page_key() == "members"
    # What is not a word never reaches the index: no results, no error.
    for text in ('"', "*", "-", "(", "é"):
        search.setText(text)
        search.flush()
        assert not search.results_visible()
    search.setText("AND (")  # a word like any other
    search.flush()
    assert [r.role for r in search.model.rows] == ["empty"]


def test_gone_record_says_so(qtbot, store, council):
    lonely = people.create(store, first_name="Anatole", last_name="Passager")
    window = active_window(qtbot, store)
    ctrl_f(qtbot, window)
    type_and_wait(qtbot, window, "passager")
    people.delete(store, lonely)  # removed meanwhile (another part of the window)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Cette fiche n'existe plus."


def test_results_model_and_elision(qtbot, qtmodeltester, store, council):
    model = SearchResultsModel()
    model.set_groups(index.search(store.db, "lefevre"), "lefevre", None)
    qtmodeltester.check(model)
    assert [r.role for r in model.rows] == ["header", "hit"]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    metrics = window_metrics(qtbot)
    marked = f"Une {index.MARK_OPEN}coopérative{index.MARK_CLOSE} " + "très longue " * 30
    short = elide_marked(marked, metrics, 200)
    assert short.endswith("…") and metrics.horizontalAdvance(index.plain(short)) <= 210
    assert short.count(index.MARK_OPEN) == short.count(index.MARK_CLOSE) == 1
    cut = elide_marked(f"{index.MARK_OPEN}{'x' * 200}{index.MARK_CLOSE}", metrics, 100)
    assert cut.count(index.MARK_OPEN) == cut.count(index.MARK_CLOSE) == 1


def window_metrics(qtbot):
    from ui.qt import QtGui, QtWidgets

    label = QtWidgets.QLabel()
    qtbot.addWidget(label)
    return QtGui.QFontMetrics(label.font())
