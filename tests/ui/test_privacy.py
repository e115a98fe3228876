"""Personal data in the window: a person's file exported and a person anonymised from the Membres
page, and the Revue de conservation dialog (list, retention setting, anonymisation)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from ess_desk.membership import mandates, people
from ess_desk.privacy import person_file, retention
from ui.dialogs import privacy as privacy_ui
from ui.dialogs.privacy import RetentionDialog, ReviewTableModel
from ui.pages.members import MembersPage


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes answered without a screen: confirmations accepted (or not), what they
    said recorded."""
    said: dict[str, list] = {"confirm": [], "inform": [], "error": []}
    answer = {"confirm": True}

    def confirm(parent, title, text, yes_text):
        said["confirm"].append(text)
        return answer["confirm"]

    monkeypatch.setattr(privacy_ui, "confirm", confirm)
    monkeypatch.setattr(
        privacy_ui, "inform", lambda parent, title, text: said["inform"].append(text)
    )
    monkeypatch.setattr(
        privacy_ui,
        "show_user_error",
        lambda parent, exc, title="": said["error"].append(exc.message),
    )
    said["answer"] = answer  # type: ignore[assignment]
    return said


@pytest.fixture
def gone(store, council):
    """Someone whose only mandate ended in 2015."""
    person_id = people.create(
        store, civility="M.", first_name="Gérard", last_name="Parti", email="gerard@ancien.fr"
    )
    mandates.create(
        store,
        person_id=person_id,
        body_id=council["plenary"],
        college_id=council["structures"],
        start_date="2012-01-01",
        end_date="2015-06-30",
    )
    return person_id


def make_page(qtbot, store) -> MembersPage:
    page = MembersPage(store)
    qtbot.addWidget(page)
    page.show()
    return page


def wait(qtbot, operation) -> None:
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass


def test_privacy_menu_follows_the_selection(qtbot, store, council):
    page = make_page(qtbot, store)
    assert not page.privacy_button.isEnabled()
    assert page.privacy_button.text() == "Données personnelles"
    assert [a.text() for a in page.privacy_button.menu().actions()] == [
        "Exporter la fiche (RGPD)…",
        "Anonymiser…",
    ]
    assert page.select_person(council["Zoé"])
    assert page.privacy_button.isEnabled()
    assert page.export_file_action.isEnabled() and page.anonymise_action.isEnabled()


@pytest.mark.parametrize("suffix", [".pdf", ".json"])
def test_export_file_from_members(qtbot, store, council, tmp_path, suffix):
    page = make_page(qtbot, store)
    page.select_person(council["Zoé"])
    path = tmp_path / f"fiche{suffix}"
    wait(qtbot, page.export_selected_file(path))
    assert path.exists()
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["person"]["email"] == "zoe@ville.fr"
        assert [m["body"] for m in data["mandates"]] == ["Conseil de l'ESS"]
    else:
        text = " ".join(p.extract_text() for p in PdfReader(path).pages)
        assert "Zoé Martin" in text and "zoe@ville.fr" in text


def test_export_failure_is_reported(qtbot, store, council, tmp_path, dialogs):
    page = make_page(qtbot, store)
    page.select_person(council["Zoé"])
    wait(qtbot, page.export_selected_file(tmp_path / "fiche.txt"))
    assert dialogs["error"] and ".json ou .pdf" in dialogs["error"][0]


def test_anonymise_from_members(qtbot, store, council, gone, dialogs):
    page = make_page(qtbot, store)
    page.show_archived.setChecked(True)
    page.select_person(gone)
    # Declined: nothing happens.
    dialogs["answer"]["confirm"] = False
    assert page.anonymise_selected() is None
    assert people.get(store.db, gone).last_name == "Parti"
    assert "irréversible" in dialogs["confirm"][0] and "Gérard Parti" in dialogs["confirm"][0]
    dialogs["answer"]["confirm"] = True
    with qtbot.waitSignal(page.people_changed, timeout=20000):
        page.anonymise_selected()
    card = people.get(store.db, gone)
    assert card.last_name == f"Personne anonymisée n°{gone}" and card.email == ""
    assert person_file.is_anonymised(store.db, gone)
    assert "est anonymisé(e)" in dialogs["inform"][0]
    # The table shows the new identity; anonymising again is not offered.
    assert page.select_person(gone)
    assert page.model.index(page.model.row_of(gone), 0).data() == f"Personne anonymisée n°{gone}"
    assert not page.anonymise_action.isEnabled() and page.export_file_action.isEnabled()
    assert page.panel.history.item(0).text().endswith("fiche anonymisée (RGPD)")


def test_anonymise_refused_for_a_sitting_member(qtbot, store, council, dialogs):
    page = make_page(qtbot, store)
    page.select_person(council["Zoé"])
    wait(qtbot, page.anonymise_selected())
    assert "mandat en cours ou à venir" in dialogs["error"][0]
    assert people.get(store.db, council["Zoé"]).last_name == "Martin"


def test_review_model_passes_qtmodeltester(qtmodeltester, store, council, gone):
    model = ReviewTableModel()
    model.set_rows(retention.due_for_review(store.db))
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, ReviewTableModel.NAME).data() == "Gérard Parti"
    assert model.index(0, ReviewTableModel.MANDATE_END).data() == "30/06/2015"


def test_review_dialog_lists_sets_years_and_anonymises(qtbot, store, council, gone, dialogs):
    dialog = RetentionDialog(store, today=dt.date(2026, 11, 28))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.years.value() == 5
    assert dialog.model.rowCount() == 1 and dialog.count_label.text() == "1 personne à revoir"
    assert not dialog.anonymise_button.isEnabled()
    # A longer retention: nobody is due yet; the setting is saved once the spin box rests.
    dialog.years.setValue(12)
    assert dialog.model.rowCount() == 0
    assert "aucune trace de plus de 12 ans" in dialog.count_label.text()
    qtbot.waitUntil(lambda: retention.retention_years(store.db) == 12, timeout=5000)
    dialog.years.setValue(5)
    dialog.table.selectRow(0)
    assert dialog.selected_ids() == [gone] and dialog.anonymise_button.isEnabled()
    with qtbot.waitSignal(dialog.people_changed, timeout=20000):
        dialog.anonymise_selected()
    assert person_file.is_anonymised(store.db, gone) and dialog.changed
    assert dialog.model.rowCount() == 0
    assert "Gérard Parti" in dialogs["confirm"][0]
    dialog.accept()
    assert retention.retention_years(store.db) == 5  # the pending save is made on closing


def test_review_dialog_exports_the_selected_file(qtbot, store, council, gone, tmp_path):
    dialog = RetentionDialog(store, today=dt.date(2026, 11, 28))
    qtbot.addWidget(dialog)
    dialog.select_ids([gone])
    path = tmp_path / "gerard.json"
    wait(qtbot, dialog.export_selected(path))
    assert json.loads(path.read_text(encoding="utf-8"))["person"]["last_name"] == "Parti"


def test_window_menu_opens_the_review(qtbot, store, council, monkeypatch):
    from tests.ui.test_app import make_window

    opened = []
    monkeypatch.setattr(RetentionDialog, "exec", lambda self: opened.append(self) or 0)
    from ui.settings import AppSettings

    AppSettings().set_last_page("members")  # the window opens on Membres, where RGPD lives
    window = make_window(qtbot, store)
    assert window.action_retention.text() == "Revue de conservation (RGPD)…"
    window.action_retention.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Revue de conservation (RGPD)"
