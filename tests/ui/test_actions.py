"""The action follow-up in the window: the Actions page (filters, counts, grouping, detail and
timeline), a meeting's review by keyboard, the action, update and themes dialogs."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from ess_desk.actions import actions, queries, themes, updates
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies
from ess_desk.store import open_store
from ui import palette
from ui.dialogs.action import ActionDialog
from ui.dialogs.action_update import ActionUpdateDialog
from ui.dialogs.themes import ThemesDialog
from ui.models_actions import (
    ActionsTableModel,
    CountsTableModel,
    ReviewTableModel,
    ThemesTableModel,
)
from ui.pages.actions import ActionsPage
from ui.pages.meeting_actions import ActionsReviewTab
from ui.qt import QLocale, Qt

A = ActionsTableModel


@pytest.fixture
def follow_up(store, council, today):
    """Two meetings of the plenary (three months ago, with an agenda item; yesterday, where the
    review happens), four actions of the plenary (one overdue, one done) and one overdue action
    of a commission."""
    plenary = council["plenary"]
    commission = bodies.create_body(store, name="Commission achats", kind="commission")
    earlier = today - dt.timedelta(days=90)
    first = meetings.create(store, body_id=plenary, starts_at=f"{earlier} 18:00")
    item = agenda.create_item(store, first, title="Commande publique responsable")
    review_meeting = meetings.create(
        store, body_id=plenary, starts_at=f"{today - dt.timedelta(days=1)} 18:00"
    )
    theme = themes.find(store.db, "Commande publique responsable")

    def new(**values):
        data = {"body_id": plenary, "created_on": earlier.isoformat()} | values
        return actions.create(store, **data)

    ids = {
        "charte": new(
            title="Rédiger la charte de l'économie sociale",
            owner_person_id=council["Hélène"],
            due_date=today - dt.timedelta(days=10),
            theme_id=theme,
            item_id=item,
        ),
        "rencontre": new(
            title="Organiser la rencontre des élus",
            owner_person_id=council["Zoé"],
            due_date=today + dt.timedelta(days=20),
            status="in_progress",
            progress=40,
        ),
        "carte": new(
            title="Cartographier les structures",
            owner_organisation_id=council["asso"],
            due_date=today + dt.timedelta(days=100),
        ),
        "bilan": new(
            title="Publier le bilan annuel",
            owner_person_id=council["Marc"],
            due_date=today - dt.timedelta(days=5),
            status="done",
        ),
        "filiere": actions.create(
            store,
            body_id=commission,
            title="Étudier la filière réemploi",
            owner_person_id=council["Karim"],
            due_date=today - dt.timedelta(days=30),
            created_on=earlier.isoformat(),
        ),
    }
    return ids | {
        "plenary": plenary,
        "commission": commission,
        "first": first,
        "item": item,
        "review": review_meeting,
        "theme": theme,
    }


def titles(model: ActionsTableModel) -> list[str]:
    return [
        model.index(r, A.TITLE).data() for r in range(model.rowCount()) if not model.is_group(r)
    ]


@pytest.fixture
def page(qtbot, store, follow_up):
    widget = ActionsPage(store)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


# --- models -----------------------------------------------------------------------------------


def test_models_pass_qtmodeltester(qtmodeltester, store, follow_up):
    model = ActionsTableModel(store.db)
    model.set_filter(queries.ActionFilter())
    qtmodeltester.check(model)
    model.set_grouped(True)
    qtmodeltester.check(model)
    counts = CountsTableModel()
    counts.set_counts(queries.counts(store.db))
    qtmodeltester.check(counts)
    qtmodeltester.check(ReviewTableModel(store.db, follow_up["review"]))
    qtmodeltester.check(ThemesTableModel(store.db))


def test_the_first_window_then_the_rest_when_scrolled(
    qtmodeltester, qtbot, monkeypatch, store, follow_up
):
    """As the page opens (no filter but body, status, theme) the counts come from those kept
    beside the actions and only the first ids are read; the rest when the table is scrolled
    to them, when an action further down is looked for, or when every id is asked for."""
    monkeypatch.setattr(ActionsTableModel, "WINDOW", 2)
    model = ActionsTableModel(store.db)
    model.set_filter(queries.ActionFilter())
    every = queries.query_ids(store.db, queries.ActionFilter())
    assert model.rowCount() == 2 and model.canFetchMore()
    assert model.action_count() == 5 and model.counts == queries.counts(store.db)
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    assert [model.action_id(r) for r in range(5)] == every
    model.set_sort("title", descending=True)
    assert model.rowCount() == 2
    assert model.row_of(every[-1]) is not None and model.rowCount() == 5  # looked for: read
    model.set_filter(queries.ActionFilter(body_id=follow_up["plenary"]))
    assert model.ids() == queries.query_ids(
        store.db, queries.ActionFilter(body_id=follow_up["plenary"]), sort="title", descending=True
    )
    model.set_filter(queries.ActionFilter(text="charte"))  # counted on the actions: all at once
    assert model.rowCount() == 1 and not model.canFetchMore()
    # In a view: scrolled to the bottom, the rest comes.
    model.set_filter(queries.ActionFilter())
    view = ActionsPage(store)
    qtbot.addWidget(view)
    view.resize(1400, 120)
    view.show()
    assert view.model.rowCount() == 2
    view.view.verticalScrollBar().setValue(view.view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    assert view.summary.text().startswith("5 ")
    tested = ActionsTableModel(store.db)
    tested.set_filter(queries.ActionFilter())
    qtmodeltester.check(tested)  # fetches the rest as a view does
    assert tested.rowCount() == 5


def test_table_model_holds_ids_and_reads_rows_lazily(store, follow_up, today):
    model = ActionsTableModel(store.db)
    model.set_filter(queries.ActionFilter())
    assert model.action_count() == 5
    assert model._cache == {}  # nothing read before a row is shown
    row = model.row_of(follow_up["charte"])
    assert model.index(row, A.TITLE).data() == "Rédiger la charte de l'économie sociale"
    assert len(model._cache) == 5  # its block was read at once
    assert model.index(row, A.OWNER).data() == "Hélène Dupré"
    due = today - dt.timedelta(days=10)
    assert model.index(row, A.DUE).data() == f"{due:%d/%m/%Y} (retard : 10 j)"
    assert (
        model.index(row, A.TITLE).data(Qt.ItemDataRole.ForegroundRole).name() == palette.ERROR.hex
    )
    assert model.index(row, A.DUE).data(Qt.ItemDataRole.ToolTipRole) == "En retard de 10 jours"
    assert model.index(row, A.TITLE).data(A.OVERDUE_ROLE) is True
    assert model.index(row, A.ORIGIN).data().endswith("1. Commande publique responsable")
    done = model.row_of(follow_up["bilan"])
    assert model.index(done, A.STATUS).data() == "Fait"
    assert model.index(done, A.DUE).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.headers()[:3] == ["N°", "Action", "Porteur"]


def test_sorting_by_a_header_requeries(store, follow_up):
    model = ActionsTableModel(store.db)
    model.set_filter(queries.ActionFilter())
    model.sort(A.TITLE, Qt.SortOrder.AscendingOrder)
    ascending = titles(model)
    assert ascending[0] == "Cartographier les structures"
    model.sort(A.TITLE, Qt.SortOrder.DescendingOrder)
    assert titles(model) == ascending[::-1]
    assert model.sort_key == ("title", True)
    model.sort(A.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert titles(model)[0] == "Publier le bilan annuel"


# --- the page ---------------------------------------------------------------------------------


def test_page_filters_rows_and_counts(page, qtbot, follow_up, council):
    assert page.model.action_count() == 5
    assert page.counts_model.value("Actions") == 5
    assert page.counts_model.value("dont en retard") == 2
    assert page.counts_model.value("    Fait") is None  # labels are indented on display only
    assert page.counts_model.value("Fait") == 1
    assert page.counts_model.value("Commande publique responsable") == 1

    page.status_filter.setCurrentIndex(page.status_filter.findData("__open__"))
    assert page.model.action_count() == 4
    assert "Publier le bilan annuel" not in titles(page.model)
    assert page.counts_model.value("Fait") == 0

    page.overdue_filter.setChecked(True)
    assert set(titles(page.model)) == {
        "Rédiger la charte de l'économie sociale",
        "Étudier la filière réemploi",
    }
    assert "2 actions affichées" in page.summary.text()

    page.body_filter.setCurrentIndex(page.body_filter.findData(follow_up["plenary"]))
    assert titles(page.model) == ["Rédiger la charte de l'économie sociale"]
    page.overdue_filter.setChecked(False)
    page.status_filter.setCurrentIndex(0)
    page.body_filter.setCurrentIndex(0)
    assert page.model.action_count() == 5

    page.due_filter.setChecked(True)
    page.due_days.setValue(30)
    qtbot.waitUntil(lambda: titles(page.model) == ["Organiser la rencontre des élus"])
    page.due_filter.setChecked(False)

    page.theme_filter.setCurrentIndex(page.theme_filter.findData(follow_up["theme"]))
    assert titles(page.model) == ["Rédiger la charte de l'économie sociale"]
    page.theme_filter.setCurrentIndex(0)


def test_free_text_is_debounced_and_ignores_accents(page, qtbot):
    qtbot.keyClicks(page.search, "ELUS")
    assert page.model.action_count() == 5  # not yet: the filter waits for the typing to stop
    qtbot.waitUntil(lambda: titles(page.model) == ["Organiser la rencontre des élus"])
    page.search.setText("économie")
    qtbot.waitUntil(lambda: titles(page.model) == ["Rédiger la charte de l'économie sociale"])
    page.search.setText("reemploi")
    qtbot.waitUntil(lambda: titles(page.model) == ["Étudier la filière réemploi"])
    page.search.setText("Solidarités")  # the owner organisation's name
    qtbot.waitUntil(lambda: titles(page.model) == ["Cartographier les structures"])
    page.search.clear()
    page.owner_filter.setText("hélène")
    qtbot.waitUntil(lambda: titles(page.model) == ["Rédiger la charte de l'économie sociale"])
    page.owner_filter.setText("personne")
    qtbot.waitUntil(lambda: page.model.action_count() == 0)
    assert "Aucune action" in page.summary.text()


def test_grouping_by_owner(page, council):
    page.group_toggle.setChecked(True)
    model = page.model
    groups = model.group_rows()
    assert len(groups) == 5  # five owners, one action each
    texts = [model.index(r, 0).data() for r in groups]
    assert "Hélène Dupré — 1 action" in texts
    assert "Association Solidarités Nord — 1 action" in texts
    assert page.view.columnSpan(groups[0], 0) == A.COLUMN_COUNT
    assert model.index(groups[0], 0).data(A.GROUP_ROLE) is True
    assert not model.flags(model.index(groups[0], 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.action_id(groups[0]) is None
    page.group_toggle.setChecked(False)
    assert model.group_rows() == []
    assert page.view.columnSpan(0, 0) == 1


def test_header_click_sorts(page, qtbot):
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(A.TITLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center())
    from ui.qt import QtCore

    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, header.height() // 2)
    )
    key, _descending = page.model.sort_key
    assert key == "title"
    assert titles(page.model)[0] in (
        "Cartographier les structures",
        "Rédiger la charte de l'économie sociale",
    )


def test_detail_panel_shows_fields_origin_and_timeline(page, store, follow_up, today):
    updates.record(store, follow_up["rencontre"], progress=60, comment="Salle réservée")
    page.reload()
    assert page.select_action(follow_up["rencontre"])
    text = page.detail.toPlainText()
    assert "Organiser la rencontre des élus" in text
    assert "Zoé Martin" in text
    assert "Historique" in text
    assert "Action créée : Organiser la rencontre des élus" in text
    assert "Salle réservée" in text
    assert page.edit_button.isEnabled() and page.update_button.isEnabled()

    page.select_action(follow_up["charte"])
    text = page.detail.toPlainText()
    assert "En retard de 10 jours" in text
    assert "Commande publique responsable" in text  # its origin: the agenda item


def test_export_runs_off_the_gui_thread(page, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "ui.pages.action_outputs.inform", lambda _p, title, text: shown.append(text)
    )
    page.overdue_filter.setChecked(True)
    target = tmp_path / "suivi.csv"
    page.export_to(target)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "2 actions exportées" in shown[0]
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == 3 and rows[0][0] == "N°"


@pytest.mark.parametrize("in_processes", [False, True])
def test_reminders_are_written_per_owner(page, qtbot, tmp_path, monkeypatch, in_processes):
    """Also by the worker processes (started afresh, not copies of the window's process), as
    for a thousand owners."""
    from ess_desk.exchange import action_reminders

    shown = []
    monkeypatch.setattr(
        "ui.pages.action_outputs.inform", lambda _p, title, text: shown.append(text)
    )
    if in_processes:
        monkeypatch.setattr(action_reminders, "IN_PROCESSES_FROM", 1)
        monkeypatch.setattr(action_reminders, "CHUNK", 1)
        monkeypatch.setattr("ess_desk.exchange.worker_processes.cores", lambda: 2)
    page.write_reminders_to(tmp_path / "relances")
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    pdfs = sorted((tmp_path / "relances").glob("*.pdf"))
    assert len(pdfs) == 4  # four owners of open actions
    assert len(list((tmp_path / "relances").glob("*.eml"))) == 2  # Hélène and Zoé have e-mails
    assert "4 listes de relance et 2 brouillons de courriel" in shown[0]


# --- review at a meeting, by keyboard ---------------------------------------------------------


def test_review_a_meeting_by_keyboard(qtbot, store, follow_up, today):
    tab = ActionsReviewTab(store, follow_up["review"])
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    model = tab.model
    # The plenary's open actions, the overdue one first; the done one and the commission's
    # are not in the list.
    order = [model.action_row(r).id for r in range(model.rowCount())]
    assert order[0] == follow_up["charte"]
    assert set(order) == {follow_up["charte"], follow_up["rencontre"], follow_up["carte"]}
    assert tab.progress_label.text() == "0 / 3 revues"
    assert tab.current_row() == 0
    assert tab.status.currentData() == "todo"

    # First action: progress and comment typed, Enter records and moves on.
    tab.progress.setValue(50)
    qtbot.keyClicks(tab.comment, "Premier jet ")
    tab.comment.insert("reçu")  # QTest types ASCII only
    qtbot.keyClick(tab.comment, Qt.Key.Key_Return)
    last = updates.timeline(store.db, follow_up["charte"])[-1]
    assert (last.status, last.progress) == ("in_progress", 50)
    assert "Premier jet reçu" in last.text
    assert last.day == (today - dt.timedelta(days=1)).isoformat()  # dated the meeting's day
    assert tab.current_row() == 1
    assert model.index(0, ReviewTableModel.DONE).data() == "✓"
    assert tab.progress_label.text() == "1 / 3 revues"
    assert tab.comment.text() == ""  # ready for the next action

    # Second action: « sans changement » with Ctrl+Espace from the table.
    second = model.action_row(1).id
    qtbot.keyClick(tab.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    entry = updates.timeline(store.db, second)[-1]
    assert entry.text == "Pas de changement"
    assert tab.progress_label.text() == "2 / 3 revues"
    assert tab.current_row() == 2

    # Third: marked done with the keyboard in the status field, Enter from there.
    third = model.action_row(2).id
    tab.status.setFocus()
    tab.status.setCurrentIndex(tab.status.findData("done"))
    qtbot.keyClick(tab.status, Qt.Key.Key_Enter)
    assert actions.get(store.db, third).status == "done"
    assert tab.progress_label.text() == "3 / 3 revues"
    assert model.rowCount() == 3  # closed at this meeting, it stays in the pass
    assert "Toutes les actions ont été revues" in tab.current_title.text()

    # The Actions page shows the update in the first action's timeline.
    page = ActionsPage(store)
    qtbot.addWidget(page)
    page.select_action(follow_up["charte"])
    assert "Premier jet reçu" in page.detail.toPlainText()
    assert "En cours, 50 %" in page.detail.toPlainText()


def test_review_refusal_is_shown_and_nothing_moves(qtbot, store, follow_up, today):
    future = meetings.create(
        store, body_id=follow_up["plenary"], starts_at=f"{today + dt.timedelta(days=7)} 18:00"
    )
    tab = ActionsReviewTab(store, future)
    qtbot.addWidget(tab)
    tab.show()
    before = len(updates.history(store.db, tab.current_action_id()))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.error.isVisible()
    assert "n'a pas encore eu lieu" in tab.error.text()
    assert tab.current_row() == 0
    assert len(updates.history(store.db, tab.current_action_id())) == before


def test_new_action_from_an_agenda_item(qtbot, store, follow_up, council, monkeypatch):
    tab = ActionsReviewTab(store, follow_up["first"])
    qtbot.addWidget(tab)
    created = []

    def fill_and_save(dialog):
        assert dialog.item.currentData() == follow_up["item"]
        assert dialog.meeting.currentData() == follow_up["first"]
        dialog.title.setText("Présenter la charte aux élus")
        dialog.person.setCurrentIndex(dialog.person.findData(council["Zoé"]))
        dialog.save()
        created.append(dialog.saved_id)
        return dialog.result()

    monkeypatch.setattr(ActionDialog, "exec", fill_and_save)
    monkeypatch.setattr(
        "ui.qt.QtWidgets.QInputDialog.getItem",
        lambda *_a, **_k: ("1. Commande publique responsable", True),
    )
    tab.new_action_from_item()
    assert created and created[0]
    new = actions.get(store.db, created[0])
    assert (new.item_id, new.meeting_id) == (follow_up["item"], follow_up["first"])
    assert created[0] in [r.id for r in queries.actions_of_item(store.db, follow_up["item"])]


# --- dialogs ----------------------------------------------------------------------------------


def test_action_dialog_shows_errors_beside_fields(qtbot, store, follow_up, council):
    dialog = ActionDialog(store, body_id=follow_up["plenary"])
    qtbot.addWidget(dialog)
    count = store.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    dialog.person.setCurrentIndex(dialog.person.findData(council["Marc"]))
    dialog.save()
    assert dialog.errors.label("title").isVisibleTo(dialog)
    dialog.title.setText("Lancer l'appel à projets")
    dialog.person.setCurrentIndex(0)
    dialog.save()
    assert "porteur" in dialog.errors.label("owner_person_id").text()
    dialog.person.setEditText("Inconnu Total")
    dialog.save()
    assert "Personne inconnue" in dialog.errors.label("owner_person_id").text()
    assert store.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == count
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(council["scop"]))
    dialog.person.setCurrentIndex(0)
    dialog.save()
    assert dialog.saved_id is not None
    assert actions.get(store.db, dialog.saved_id).owner_organisation_id == council["scop"]


def test_action_dialog_edit_records_a_change_of_state(qtbot, store, follow_up):
    dialog = ActionDialog(store, action_id=follow_up["rencontre"])
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Organiser la rencontre des élus"
    assert dialog.progress.value() == 40
    dialog.progress.setValue(70)
    dialog.comment.setText("Date fixée")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert actions.get(store.db, follow_up["rencontre"]).progress == 70
    assert "Date fixée" in updates.timeline(store.db, follow_up["rencontre"])[-1].text


def test_update_dialog(qtbot, store, follow_up, today):

    dialog = ActionUpdateDialog(store, follow_up["carte"])
    qtbot.addWidget(dialog)
    dialog.on_date.enter(today + dt.timedelta(days=3))
    dialog.save()
    assert "futur" in dialog.errors.label("on_date").text()
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(follow_up["review"]))
    assert not dialog.on_date.isEnabled()
    dialog.progress.setValue(20)
    dialog.comment.setPlainText("Premiers contacts")
    dialog.save()
    entry = updates.history(store.db, follow_up["carte"])[-1]
    assert (entry.meeting_id, entry.progress, entry.comment) == (
        follow_up["review"],
        20,
        "Premiers contacts",
    )


def test_themes_dialog(qtbot, store, follow_up, monkeypatch):
    dialog = ThemesDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 10
    monkeypatch.setattr(
        "ui.qt.QtWidgets.QInputDialog.getText", lambda *_a, **_k: ("Alimentation durable", True)
    )
    dialog.add()
    assert dialog.model.rowCount() == 11 and dialog.changed
    new = themes.find(store.db, "Alimentation durable")
    assert dialog.selected_id() == new
    dialog.move(-1)
    assert dialog.model.ids()[-2] == new
    dialog.toggle_archive()
    assert themes.get(store.db, new).archived == 1
    assert dialog.archive_button.text() == "Réactiver"
    errors = []
    monkeypatch.setattr("ui.dialogs.themes.show_user_error", lambda *a: errors.append(a[1]))
    dialog.select(follow_up["theme"])
    monkeypatch.setattr("ui.dialogs.themes.confirm", lambda *_a: True)
    dialog.delete()  # it files an action: refused, archive it instead
    assert errors and "archivez-le" in errors[0].message


def test_read_only_store_disables_edits(qtbot, store, follow_up, db_path):
    second = open_store(db_path, read_only=True)
    try:
        assert second.read_only
        page = ActionsPage(second)
        qtbot.addWidget(page)
        page.select_action(follow_up["charte"])
        assert not page.new_button.isEnabled()
        assert not page.edit_button.isEnabled()
        assert not page.update_button.isEnabled()
        assert page.export_button.isEnabled()  # reading is still allowed
        tab = ActionsReviewTab(second, follow_up["review"])
        qtbot.addWidget(tab)
        for widget in (tab.record_button, tab.no_change_button, tab.from_item_button, tab.comment):
            assert not widget.isEnabled()
        assert not tab.record_current()
        dialog = ActionDialog(second, action_id=follow_up["charte"])
        qtbot.addWidget(dialog)
        assert not dialog.save_button.isEnabled()
        themes_dialog = ThemesDialog(second)
        qtbot.addWidget(themes_dialog)
        assert not themes_dialog.add_button.isEnabled()
    finally:
        second.close()


def test_summary_groups_the_overdue_count_as_the_shown_count(qtbot, store, council, today):
    """« 1 000 actions affichées — 1 000 en retard »: both counts grouped by the locale (the
    overdue one used to be written bare, « 1000 »)."""
    late = (today - dt.timedelta(days=30)).isoformat()
    with store.write() as db:
        actions.bulk_insert(
            db,
            (
                {
                    "body_id": council["plenary"],
                    "title": f"Relancer le partenaire n° {n}",
                    "owner_person_id": council["Hélène"],
                    "created_on": late,
                    "due_date": late,
                    "status": "todo",
                    "progress": 0,
                    "updates": [],
                }
                for n in range(1000)
            ),
        )
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))  # as ui.app sets it for French
    try:
        widget = ActionsPage(store)
        qtbot.addWidget(widget)
        grouped = QLocale().toString(1000)
        assert grouped != "1000"  # French groups digits, or this test could not fail
        shown, overdue = widget.summary.text().split(" — ")
    finally:
        QLocale.setDefault(before)
    assert shown.startswith(grouped + " ")
    assert overdue.startswith(grouped + " ")
