"""The Décisions page: the register model, filters as you type, the detail panel, the status,
and the exports read back."""

from __future__ import annotations

import csv

import pytest

from ess_desk.meetings import agenda
from ess_desk.minutes import decisions
from tests.core.test_minutes import build_council
from ui.models_minutes import DecisionsTableModel
from ui.pages.decisions import DecisionsPage
from ui.qt import QSortFilterProxyModel, Qt

D = DecisionsTableModel


@pytest.fixture
def register(store):
    """Decisions over two years: 2026-001 (avis, budget) from the held meeting, then two in
    2027 at the next meeting (a décision and a recommandation)."""
    ids = build_council(store)
    item = agenda.create_item(store, ids["second"], title="Tiers-lieux solidaires", kind="vote")
    ids["tiers"] = decisions.add_decision(
        store, item, "decision", "Le bureau décide de soutenir trois tiers-lieux réalisés en 2027."
    )
    ids["guide"] = decisions.add_decision(
        store, item, "recommendation", "Le bureau recommande un guide de l'achat responsable."
    )
    return ids


@pytest.fixture
def no_open(monkeypatch):
    monkeypatch.setattr("ui.pages.decisions.confirm", lambda *args: False)


def make_page(qtbot, store) -> DecisionsPage:
    page = DecisionsPage(store)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def references(page: DecisionsPage) -> list[str]:
    return [page.proxy.index(r, D.REFERENCE).data() for r in range(page.proxy.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, store, register):
    model = DecisionsTableModel()
    model.set_rows(decisions.search(store.db))
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(D.SORT_ROLE)
    proxy.sort(D.REFERENCE)
    qtmodeltester.check(proxy)
    assert model.headers() == [
        "Numéro",
        "Date",
        "Instance",
        "Séance",
        "Point",
        "Type",
        "Texte",
        "Résultat du vote",
        "Statut",
    ]
    row = model.row_of(register["decision"])
    assert model.index(row, D.REFERENCE).data() == "2026-001"
    assert model.index(row, D.DATE).data() == "10/12/2026"
    assert model.index(row, D.KIND).data() == "Avis"
    assert model.index(row, D.OUTCOME).data().startswith("Adopté (3 pour, 1 contre")
    assert model.index(row, D.STATUS).data() == "Adoptée"
    assert model.index(row, D.TEXT).data(D.DECISION_ID_ROLE) == register["decision"]


def test_filters_by_text_year_and_kind_as_you_type(qtbot, store, register):
    page = make_page(qtbot, store)
    assert references(page) == ["2027-002", "2027-001", "2026-001"]
    assert page.count_label.text() == "3 décisions"
    assert [page.year.itemText(i) for i in range(page.year.count())] == [
        "Toutes les années",
        "2027",
        "2026",
    ]
    qtbot.keyClicks(page.search, "realises")  # accents ignored: « réalisés »
    assert references(page) == ["2027-001"]
    page.search.clear()
    qtbot.keyClicks(page.search, "budget")
    assert references(page) == ["2026-001"]
    page.search.clear()
    page.set_year(2027)
    assert references(page) == ["2027-002", "2027-001"]
    page.set_kind("recommendation")
    assert references(page) == ["2027-002"]
    assert page.count_label.text() == "1 décision"
    page.set_year(2026)
    assert references(page) == []
    assert page.count_label.text() == "Aucune décision ne correspond à la recherche."


def test_detail_panel_and_status_change(qtbot, store, register):
    page = make_page(qtbot, store)
    page.select_decision(register["decision"])
    assert page.detail_title.text() == "Avis 2026-001"
    assert page.full_text.toPlainText().startswith("Avis favorable au budget 2027")
    assert "Budget 2027" in page.details.text()
    page.status_choice.setCurrentIndex(page.status_choice.findData("in_progress"))
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    assert decisions.get(store.db, register["decision"]).status == "in_progress"
    assert page.selected_id() == register["decision"]
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(register["decision"]), 0))
    assert page.proxy.index(row.row(), D.STATUS).data() == "En cours de mise en œuvre"


def test_export_csv_of_the_filtered_register_is_read_back(
    qtbot, store, register, tmp_path, no_open
):
    page = make_page(qtbot, store)
    page.set_year(2027)
    path = tmp_path / "registre.csv"
    with qtbot.waitSignal(page.exported, timeout=10000):
        page.export_to(path)
    assert page.last_export == path
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:3] == ["Numéro", "Date", "Instance"]
    assert [r[0] for r in rows[1:]] == ["2027-002", "2027-001"]
    assert rows[2][6].startswith("Le bureau décide de soutenir")


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_export_xlsx_and_pdf(qtbot, store, register, tmp_path, no_open, suffix):
    page = make_page(qtbot, store)
    path = tmp_path / f"registre{suffix}"
    with qtbot.waitSignal(page.exported, timeout=20000):
        page.export_to(path)
    assert path.stat().st_size > 0


def test_page_is_listed_in_the_window():
    from ui.main_window import page_specs

    spec = next(s for s in page_specs() if s.key == "decisions")
    assert (spec.title, spec.module, spec.class_name) == (
        "Décisions",
        "ui.pages.decisions",
        "DecisionsPage",
    )


def test_an_action_is_created_from_a_decision_with_its_origin(qtbot, store, register, monkeypatch):
    from ess_desk.actions import actions
    from ui.dialogs.action import ActionDialog

    page = make_page(qtbot, store)
    assert not page.action_button.isEnabled()  # no decision chosen yet
    assert "Choisissez d'abord" in page.action_button.toolTip()
    page.select_decision(register["tiers"])
    assert page.action_button.isEnabled()
    seen: list[ActionDialog] = []

    def fill_and_save(dialog):
        seen.append(dialog)
        dialog.title.setText("Lancer l'appel à projets tiers-lieux")
        dialog.person.setCurrentIndex(1)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ActionDialog, "exec", fill_and_save)
    with qtbot.waitSignal(page.actions_changed):
        action_id = page.new_action()
    dialog = seen[0]
    assert "2027-001" in dialog.windowTitle()
    assert dialog.decision.currentData() == register["tiers"]  # shown, not « — aucune — »
    action = actions.get(store.db, action_id)
    decision = decisions.get(store.db, register["tiers"])
    assert action.decision_id == decision.id and action.item_id == decision.item_id
    assert action.meeting_id == decision.meeting_id


def test_an_action_from_an_item_proposes_its_only_decision(qtbot, store, register):
    from ui.dialogs.action import ActionDialog

    budget = decisions.get(store.db, register["decision"]) if "decision" in register else None
    first_item = decisions.decisions_of_meeting(store.db, register["first"])[0].item_id
    dialog = ActionDialog(store, item_id=first_item)
    qtbot.addWidget(dialog)
    only = decisions.decisions_of_item(store.db, first_item)
    assert len(only) == 1 and dialog.decision.currentData() == only[0].id
    assert budget is None or budget.item_id == first_item


def test_the_page_sorts_as_a_sorting_proxy_did_and_keeps_the_selection(qtbot, store, register):
    """The model sorts itself on one key per row: every column, both ways, gives the order a
    stable sorting proxy gave; the selected decision stays selected; a new search keeps the
    order; the export takes the rows in the order shown."""
    page = make_page(qtbot, store)
    rows = decisions.search(store.db)
    reference_model = DecisionsTableModel()
    reference_model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(reference_model)
    proxy.setSortRole(D.SORT_ROLE)
    page.select_decision(register["guide"])
    for column in range(D.COLUMN_COUNT):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page.table.sortByColumn(column, order)
            proxy.sort(column, order)
            expected = [proxy.index(r, 0).data(D.DECISION_ID_ROLE) for r in range(len(rows))]
            shown = [page.proxy.index(r, 0).data(D.DECISION_ID_ROLE) for r in range(len(rows))]
            assert shown == expected, (column, order)
            assert page.selected_id() == register["guide"]
    page.table.sortByColumn(D.TEXT, Qt.SortOrder.AscendingOrder)
    page.search.setText("bureau")
    texts = [page.proxy.index(r, D.TEXT).data() for r in range(page.proxy.rowCount())]
    assert len(texts) == 3 and texts == sorted(texts, key=str.casefold)
    assert [r.text for r in page.model.rows()] == texts


def test_the_newest_decisions_first_then_the_rest_when_needed(qtbot, store, register, monkeypatch):
    """Without words, the page reads the newest decisions (WINDOW) and says how many there are
    in all; the rest comes when the table shows its last row, when sorted on another column,
    when a decision further down is looked for, or when the rows are exported."""
    monkeypatch.setattr("ui.pages.decisions.WINDOW", 2)
    every = [r.id for r in decisions.search(store.db)]
    page = DecisionsPage(store)  # not shown yet: the view asks for nothing
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2 and page.model.canFetchMore()
    assert page.count_label.text() == "3 décisions"
    assert [page.model.decision(r).id for r in range(2)] == every[:2]
    assert page.model.row_of(every[2]) == 2 and not page.model.canFetchMore()  # looked for
    page.apply_filters()
    page.table.sortByColumn(D.TEXT, Qt.SortOrder.AscendingOrder)  # another order: every row
    assert page.model.rowCount() == 3
    page.table.sortByColumn(D.REFERENCE, Qt.SortOrder.DescendingOrder)
    page.apply_filters()
    assert page.model.rowCount() == 2
    assert [r.id for r in page.model.rows()] == every  # what an export takes
    page.apply_filters()
    page.search.setText("bureau")  # words: looked for in every decision at once
    assert page.model.rowCount() == 3 and not page.model.canFetchMore()
    page.search.setText("")
    assert page.model.rowCount() == 2
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # its last row in sight: the rest
    assert decisions.count(store.db) == 3 and decisions.count(store.db, year=2027) == 2
    assert [r.id for r in decisions.search(store.db, limit=1)] == every[:1]
