"""The Membres page: its model and filter, the page itself, the person dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk import audit
from ess_desk.membership import people
from ui import palette
from ui.dialogs.person import OrganisationDialog, PersonDialog
from ui.models import MembersFilterProxy, MembersTableModel, fold
from ui.pages.members import MembersPage, describe_change, format_count
from ui.qt import Qt

M = MembersTableModel


def names(model) -> list[str]:
    return [
        f"{model.index(r, M.FIRST_NAME).data()} {model.index(r, M.NAME).data()}"
        for r in range(model.rowCount())
    ]


def audit_count(store) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def test_fold_removes_case_and_accents():
    assert fold("Hélène LEFÈVRE Œuvre") == "helene lefevre oeuvre"


def test_model_passes_qtmodeltester(qtmodeltester, store, council):
    model = MembersTableModel(store.db)
    qtmodeltester.check(model)
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("helene")
    qtmodeltester.check(proxy)


def test_model_columns_dates_and_highlights(store, council, today):
    model = MembersTableModel(store.db, at=today)
    assert model.headers() == [
        "Nom",
        "Prénom",
        "Structure",
        "Instances",
        "Collèges",
        "Rôles",
        "Fin de mandat",
        "Courriel",
    ]
    assert model.rowCount() == 5  # the archived person is in the model, hidden by the proxy
    row = model.row_of(council["Hélène"])
    end = today + dt.timedelta(days=30)
    assert model.index(row, M.MANDATE_END).data() == end.strftime("%d/%m/%Y")
    assert model.index(row, M.MANDATE_END).data(M.SORT_ROLE) == end.isoformat()
    assert model.index(row, M.ORGANISATION).data() == "Coopérative Les Tisserands"
    assert model.index(row, M.ROLES).data() == "Président(e)"
    assert model.index(row, M.NAME).data(M.ENDING_SOON_ROLE) is True
    assert model.index(row, M.NAME).data(Qt.ItemDataRole.BackgroundRole) == palette.color(
        M.ENDING_BACKGROUND
    )
    assert "30 jours" in model.index(row, M.MANDATE_END).data(Qt.ItemDataRole.ToolTipRole)

    marc = model.row_of(council["Marc"])
    assert model.index(marc, M.NAME).data(M.ENDING_SOON_ROLE) is False
    assert model.index(marc, M.NAME).data(Qt.ItemDataRole.BackgroundRole) is None

    odile = model.row_of(council["Odile"])
    assert model.index(odile, M.NAME).data(M.ARCHIVED_ROLE) is True
    assert model.index(odile, M.NAME).data(Qt.ItemDataRole.ForegroundRole) == palette.color(
        M.ARCHIVED_FOREGROUND
    )
    assert model.index(odile, M.NAME).data(Qt.ItemDataRole.ToolTipRole) == "Personne archivée"


def test_sorting_by_mandate_end_follows_the_iso_date(store, council, today):
    model = MembersTableModel(store.db, at=today)
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(M.MANDATE_END, Qt.SortOrder.AscendingOrder)
    # 30 days, 500 days, 700 days, then the person without a mandate in force
    assert names(proxy) == ["Hélène Dupré", "Zoé Martin", "Marc Lefèvre", "Karim Benali"]
    proxy.sort(M.NAME, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Zoé Martin", "Marc Lefèvre", "Hélène Dupré", "Karim Benali"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("helene", ["Hélène Dupré"]),
        ("HÉLÈNE", ["Hélène Dupré"]),
        ("lefevre", ["Marc Lefèvre"]),
        ("solidarites", ["Karim Benali", "Marc Lefèvre"]),
        ("tisserands dupre", ["Hélène Dupré"]),
        ("elus", ["Zoé Martin"]),
        ("zoe@ville", ["Zoé Martin"]),
        ("personne inconnue", []),
    ],
)
def test_filter_ignores_case_and_accents_over_every_column(store, council, typed, expected):
    proxy = MembersFilterProxy()
    proxy.setSourceModel(MembersTableModel(store.db))
    proxy.set_filter_text(typed)
    assert names(proxy) == expected


def test_archived_people_are_shown_only_on_request(store, council):
    proxy = MembersFilterProxy()
    proxy.setSourceModel(MembersTableModel(store.db))
    proxy.set_filter_text("odile")
    assert proxy.rowCount() == 0
    proxy.set_show_archived(True)
    assert names(proxy) == ["Odile Ancienne"]


def test_filter_survives_a_reload(store, council):
    model = MembersTableModel(store.db)
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("helene")
    people.create(store, first_name="Hélène", last_name="Arnaud")
    model.reload()
    assert names(proxy) == ["Hélène Arnaud", "Hélène Dupré"]


def test_page_lists_and_filters_as_you_type(qtbot, store, council):
    page = MembersPage(store)
    qtbot.addWidget(page)
    assert page.proxy.rowCount() == 4
    assert page.count_label.text() == "4 personnes"
    qtbot.keyClicks(page.search, "helene")
    assert names(page.proxy) == ["Hélène Dupré"]
    assert page.count_label.text() == "1 sur 4 personnes"
    page.search.clear()
    assert page.proxy.rowCount() == 4
    page.show_archived.setChecked(True)
    assert page.count_label.text() == "5 personnes"


def test_selecting_a_person_shows_details_mandates_and_history(qtbot, store, council):
    people.update(store, council["Hélène"], email="h.dupre@tisserands.fr")
    page = MembersPage(store)
    qtbot.addWidget(page)
    assert not page.edit_button.isEnabled()
    assert page.select_person(council["Hélène"])
    assert page.selected_person_id() == council["Hélène"]
    assert page.edit_button.isEnabled() and page.archive_button.isEnabled()
    assert page.panel.title.text() == "Mme Hélène Dupré"
    assert "Gérante" in page.panel.details.text()
    mandates = [page.panel.mandates.item(i).text() for i in range(page.panel.mandates.count())]
    assert len(mandates) == 1
    assert mandates[0].startswith("Conseil de l'ESS — Président(e)\nStructures de l'ESS · du ")
    history = [page.panel.history.item(i).text() for i in range(page.panel.history.count())]
    assert len(history) == 2
    assert history[0].endswith(
        ": courriel modifié (helene.dupre@tisserands.fr → h.dupre@tisserands.fr)"
    )
    assert history[1].endswith(": fiche créée")


def test_describe_change_reads_like_a_sentence():
    entry = {
        "at": "2026-11-28T14:02:11",
        "os_user": "marie",
        "action": "update",
        "before": {"email": "a@x.fr", "organisation_id": None, "consent_publish": 0},
        "after": {"email": "b@x.fr", "organisation_id": 3, "consent_publish": 1},
    }
    text = describe_change(entry, lambda org_id: {3: "SCOP Alpha"}[org_id])
    assert text == (
        "28/11/2026 14:02 — marie : courriel modifié (a@x.fr → b@x.fr) ; "
        "structure modifié (vide → SCOP Alpha) ; accord de publication modifié (non → oui)"
    )
    archived = {**entry, "before": {"archived": 0}, "after": {"archived": 1}}
    assert describe_change(archived, str).endswith("marie : fiche archivée")


def test_wrong_email_is_shown_beside_the_field_and_nothing_is_written(qtbot, store, council):
    person_id = council["Hélène"]
    before = store.conn.execute("SELECT * FROM people WHERE id = ?", [person_id]).fetchone()
    audits = audit_count(store)
    dialog = PersonDialog(store, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.position_edit.setText("Co-gérante")
    dialog.email_edit.setText("helene.dupre@@tisserands")
    dialog.accept()

    assert dialog.isVisible()  # the dialog stays open
    assert dialog.result() != PersonDialog.DialogCode.Accepted
    label = dialog.errors.label("email")
    assert label.isVisible()
    assert "helene.dupre@@tisserands" in label.text() and "n'est pas valide" in label.text()
    assert not dialog.errors.label("position").isVisible()
    assert not dialog.general_error.isVisible()
    assert dialog.focusWidget() is dialog.email_edit
    after = store.conn.execute("SELECT * FROM people WHERE id = ?", [person_id]).fetchone()
    assert after == before
    assert audit_count(store) == audits

    dialog.email_edit.setText("helene@tisserands.fr")
    dialog.accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert not label.isVisible()
    saved = people.get(store.db, person_id)
    assert (saved.email, saved.position) == ("helene@tisserands.fr", "Co-gérante")
    assert audit_count(store) == audits + 1


def test_new_person_requires_a_last_name_then_is_created(qtbot, store, council):
    dialog = PersonDialog(store)
    qtbot.addWidget(dialog)
    dialog.first_name_edit.setText("Anaïs")
    dialog.accept()
    assert dialog.errors.label("last_name").isVisibleTo(dialog)
    assert "Nom" in dialog.errors.label("last_name").text()
    assert dialog.person_id is None

    dialog.last_name_edit.setText("Roux")
    dialog.organisation_combo.setCurrentText("coopérative les tisserands")
    dialog.consent_contact_check.setChecked(True)
    dialog.accept()
    assert dialog.person_id is not None
    person = people.get(store.db, dialog.person_id)
    assert (person.first_name, person.last_name) == ("Anaïs", "Roux")
    assert person.organisation_id == council["scop"]
    assert person.consent_contact == 1 and person.consent_publish == 0


def test_unknown_organisation_is_refused_beside_its_field(qtbot, store, council):
    dialog = PersonDialog(store, council["Marc"])
    qtbot.addWidget(dialog)
    audits = audit_count(store)
    dialog.organisation_combo.setCurrentText("Structure qui n'existe pas")
    dialog.accept()
    label = dialog.errors.label("organisation_id")
    assert label.isVisibleTo(dialog)
    assert "Structure qui n'existe pas" in label.text()
    assert people.get(store.db, council["Marc"]).organisation_id == council["asso"]
    assert audit_count(store) == audits


def test_bad_postcode_is_refused_beside_its_field(qtbot, store, council):
    dialog = PersonDialog(store, council["Marc"])
    qtbot.addWidget(dialog)
    audits = audit_count(store)
    dialog.postcode_edit.setText("6900")  # a digit short
    dialog.city_edit.setText("Lyon")
    dialog.accept()
    label = dialog.errors.label("postcode")
    assert label.isVisibleTo(dialog)
    assert "« 6900 »" in label.text() and "cinq chiffres" in label.text()
    assert people.get(store.db, council["Marc"]).city == ""
    assert audit_count(store) == audits
    dialog.postcode_edit.setText("69 001")  # spaces typed inside are dropped
    dialog.accept()
    person = people.get(store.db, council["Marc"])
    assert (person.postcode, person.city) == ("69001", "Lyon")


def test_organisation_dialog_checks_the_siret_then_creates(qtbot, store):
    dialog = OrganisationDialog(store, "Régie de quartier")
    qtbot.addWidget(dialog)
    dialog.siret_edit.setText("12345678901234")
    dialog.accept()
    assert dialog.errors.label("siret").isVisibleTo(dialog)
    assert dialog.organisation_id is None
    assert store.conn.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == 0
    dialog.siret_edit.setText("")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("esus"))
    dialog.accept()
    row = store.conn.execute("SELECT name, kind FROM organisations").fetchone()
    assert row == ("Régie de quartier", "esus")


def test_archive_from_the_page(qtbot, store, council, monkeypatch):
    asked: list[str] = []

    def fake_confirm(parent, title, text, yes_text):
        asked.append(text)
        return True

    monkeypatch.setattr("ui.pages.members.confirm", fake_confirm)
    page = MembersPage(store)
    qtbot.addWidget(page)
    page.select_person(council["Karim"])
    page.toggle_archive_selected()
    assert "Karim Benali" in asked[0]
    assert people.get(store.db, council["Karim"]).archived == 1
    assert "Karim Benali" not in names(page.proxy)
    assert page.count_label.text() == "3 personnes"
    entries = audit.history(store.db, "person", council["Karim"])
    assert entries[-1]["after"]["archived"] == 1


def test_the_table_counts_its_rows_before_reading_every_id(
    qtmodeltester, qtbot, store, council, monkeypatch
):
    """The order's first ids and its length are read first (listing.Order): the row count (the
    scroll bar's, a screen reader's) is the whole count at once, and rows, selection, sorting
    and the filter are those of an order read whole."""
    from ess_desk.membership import listing

    whole = MembersTableModel(store.db)
    expected = names(whole)
    monkeypatch.setattr(listing, "FIRST_IDS", 2)
    model = MembersTableModel(store.db)
    model.BLOCK = 2  # rows read by blocks within the first ids
    assert model.rowCount() == 5 and model._ids._rest is not None  # the rest not read yet
    assert model.index(0, M.NAME).data() == whole.index(0, M.NAME).data()
    assert model._ids._rest is not None
    assert names(model) == expected
    qtmodeltester.check(model)

    page = MembersPage(store)
    qtbot.addWidget(page)
    assert page.proxy.rowCount() == 4 and page.count_label.text() == format_count(4, 4)
    assert page.select_person(council["Zoé"]) and page.selected_person_id() == council["Zoé"]
    page.table.sortByColumn(M.FIRST_NAME, Qt.SortOrder.DescendingOrder)
    assert page.selected_person_id() == council["Zoé"]
    assert names(page.proxy)[0].startswith("Zoé")
    page.search.setText("helene")
    assert names(page.proxy) == ["Hélène Dupré"]


def test_the_first_ids_hold_a_first_screen_and_the_block_read_around_it():
    from ess_desk.membership.listing import FIRST_IDS

    # A row near the bottom of a tall first screen (100 rows) reads its block within them.
    assert 100 + M.BLOCK - M.BLOCK // 4 <= FIRST_IDS
