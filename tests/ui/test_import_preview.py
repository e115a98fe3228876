"""The import preview: mapping, problems beside their cells, the import itself; the export dialog."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from ess_desk.errors import UserError
from ess_desk.exchange.members_import import read_table
from ess_desk.membership import bodies
from ess_desk.store import open_store
from tests.ui.helpers import export_message
from ui import palette
from ui.dialogs.export_roster import ExportRosterDialog, default_file_name
from ui.dialogs.import_preview import ImportPreviewDialog, ProblemsTableModel
from ui.dialogs.import_table import PreviewTableModel
from ui.qt import Qt, QtWidgets

HEADER = "Civilité;Nom;Prénom;Courriel;Structure;Collège;Rôle;Début de mandat;Fin de mandat\n"
GOOD_ROWS = [
    "Mme;Dupré;Hélène;helene.dupre@tisserands.fr;Coopérative Les Tisserands;Structures de l'ESS;"
    "Titulaire;01/01/2025;31/12/2027",
    "M.;Lefèvre;Marc;marc.lefevre@solidarites.org;Association Solidarités Nord;Structures de l'ESS;"
    "Suppléant;01/01/2025;31/12/2027",
    "Mme;Martin;Zoé;zoe.martin@ville.fr;Ville de Lille;Élus;Titulaire;15/03/2025;",
    "M.;Benali;Karim;;Réseau Alliances;Réseaux;Titulaire;2025-01-01;31/12/2027",
]


def _write(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]


@pytest.fixture
def plenary(store):
    return bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")


@pytest.fixture
def bad_file(tmp_path) -> Path:
    rows = list(GOOD_ROWS)
    rows[1] = rows[1].replace("marc.lefevre@solidarites.org", "marc.lefevre@@solidarites")
    rows[3] = rows[3].replace("2025-01-01", "le 1er janvier")
    return _write(tmp_path / "membres à vérifier.csv", rows)


@pytest.fixture
def good_file(tmp_path) -> Path:
    return _write(tmp_path / "membres.csv", GOOD_ROWS)


def _open(store, path: Path, qtbot) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(store, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog


def _problems(dialog: ImportPreviewDialog) -> list[tuple[str, str, str]]:
    model = dialog.problems_model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_bad_file_lists_every_problem_with_line_and_column(store, plenary, bad_file, qtbot):
    dialog = _open(store, bad_file, qtbot)
    problems = _problems(dialog)
    assert [(line, column) for line, column, _m in problems] == [
        ("3", "Courriel"),
        ("5", "Début de mandat"),
    ]
    assert "marc.lefevre@@solidarites" in problems[0][2]
    assert "le 1er janvier" in problems[1][2]
    assert not dialog.import_button.isEnabled()
    assert "2 problèmes" in dialog.status.text()
    # The same cells are highlighted in the preview (rows are file lines 2, 3, 4, 5).
    preview = dialog.table.preview_model
    assert preview.shown_lines == [2, 3, 4, 5]
    email, start = 3, 7
    background = preview.index(1, email).data(Qt.ItemDataRole.BackgroundRole)
    assert background == palette.color(PreviewTableModel.PROBLEM_BACKGROUND)
    assert preview.index(0, email).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "marc.lefevre@@solidarites" in preview.index(1, email).data(Qt.ItemDataRole.ToolTipRole)
    assert preview.is_marked(3, email) and preview.is_marked(5, start)
    assert not preview.is_marked(2, email) and not preview.is_marked(3, start)
    assert preview.headerData(1, Qt.Orientation.Vertical) == "Ligne 3"
    dialog.start_import()  # refused while problems remain
    assert _count(store, "people") == 0


def test_a_cell_is_corrected_and_a_row_left_out_in_the_preview(store, plenary, bad_file, qtbot):
    """One bad e-mail no longer blocks the good rows: corrected where it is shown (by keyboard),
    or its row left out (Suppr); each change is checked again at once."""
    dialog = _open(store, bad_file, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    email = 3
    # From the problem to its cell, by keyboard, and typed over.
    dialog.problems.setFocus()
    qtbot.waitUntil(dialog.problems.hasFocus)
    dialog.problems.setCurrentIndex(dialog.problems_model.index(0, 0))
    qtbot.keyClick(dialog.problems, Qt.Key.Key_Return)
    assert dialog.table.preview.hasFocus() and dialog.isVisible()
    assert dialog.table.preview.currentIndex().column() == email
    qtbot.keyClick(dialog.table.preview, Qt.Key.Key_F2)
    editor = QtWidgets.QApplication.focusWidget()
    assert isinstance(editor, QtWidgets.QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "marc.lefevre@solidarites.org")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: bool(dialog.table.preview_model.corrections)
    )  # committed (queued by Qt)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None)
    assert [(line, column) for line, column, _m in _problems(dialog)] == [("5", "Début de mandat")]
    corrected = dialog.table.preview_model.index(1, email)
    assert corrected.data() == "marc.lefevre@solidarites.org"
    assert "marc.lefevre@@solidarites" in corrected.data(Qt.ItemDataRole.ToolTipRole)
    # The row whose date cannot be read is left out: nothing is left to fix.
    dialog.table.preview.setCurrentIndex(dialog.table.preview_model.index(3, 0))
    qtbot.keyClick(dialog.table.preview, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None)
    assert _problems(dialog) == [] and dialog.import_button.isEnabled()
    assert dialog.table.preview_model.headerData(3, Qt.Orientation.Vertical) == "Ligne 5 (de côté)"
    assert dialog.table.leave_out_button.text() == "Reprendre la ligne"
    assert "Lignes laissées de côté : 5" in dialog.summary.text()
    assert bad_file.read_text(encoding="utf-8-sig").count("@@") == 1  # the file is unchanged
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    assert _count(store, "people") == 3
    marc = store.db.execute("SELECT email FROM people WHERE last_name = 'Lefèvre'").fetchone()
    assert marc[0] == "marc.lefevre@solidarites.org"


def test_good_file_imports_on_accept(store, plenary, good_file, qtbot):
    dialog = _open(store, good_file, qtbot)
    assert _problems(dialog) == []
    assert dialog.import_button.isEnabled()
    assert "4 personnes" in dialog.summary.text()
    assert dialog.body_name() == "Conseil de l'ESS"
    assert _count(store, "people") == 0  # the preview writes nothing
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert _count(store, "people") == 4
    assert _count(store, "mandates") == 4
    assert dialog.import_result.mandates == 4


def test_the_preview_says_which_organisation_names_it_folds(store, plenary, tmp_path, qtbot):
    rows = [
        *GOOD_ROWS,
        GOOD_ROWS[3]
        .replace("Benali;Karim", "Roux;Léa")
        .replace("Réseau Alliances", "RESEAU  alliances"),
    ]
    dialog = _open(store, _write(tmp_path / "membres.csv", rows), qtbot)
    assert _problems(dialog) == []
    text = dialog.summary.text()
    assert "5 personnes, 4 structures" in text
    assert "« RESEAU alliances » → « Réseau Alliances »" in text.splitlines()[-1]
    dialog.reject()


def test_mapping_an_unknown_column_by_hand_replans(store, plenary, tmp_path, qtbot):
    header = HEADER.replace("Courriel", "Adresse de contact perso")
    rows = [GOOD_ROWS[0].replace("helene.dupre@tisserands.fr", "pas-une-adresse")]
    dialog = _open(store, _write(tmp_path / "contacts.csv", rows, header), qtbot)
    combo = dialog.table.header.combos[3]
    assert combo.currentData() is None and combo.currentText() == "— ignorer —"
    assert dialog.import_button.isEnabled()  # the column is ignored, so nothing is wrong
    dialog.set_mapping(3, "email")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None)
    assert dialog.plan.mapping[3] == "email"
    assert [(line, column) for line, column, _m in _problems(dialog)] == [
        ("2", "Adresse de contact perso")
    ]
    assert not dialog.import_button.isEnabled()


def test_unreadable_file_is_said_once_and_the_dialog_is_not_opened(
    store, plenary, tmp_path, qtbot, monkeypatch
):
    path = tmp_path / "membres.csv"
    path.write_bytes(b"")
    said: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox,
        "warning",
        lambda _parent, _title, text, *a, **k: said.append(text),
    )
    dialog = ImportPreviewDialog(store, path)
    qtbot.addWidget(dialog)
    assert dialog.exec() == QtWidgets.QDialog.DialogCode.Rejected
    assert len(said) == 1 and "membres.csv" in said[0]
    assert not dialog.isVisible()
    with pytest.raises(UserError, match="membres.csv"):
        ImportPreviewDialog.open_file(store, path)


def test_read_only_store_never_enables_importer(store, plenary, good_file, qtbot, db_path):
    second = open_store(db_path, read_only=True)
    try:
        dialog = _open(second, good_file, qtbot)
        assert _problems(dialog) == []
        assert not dialog.import_button.isEnabled()
    finally:
        second.close()


def test_preview_and_problem_models(store, plenary, bad_file, qtbot, qtmodeltester):
    dialog = _open(store, bad_file, qtbot)
    qtmodeltester.check(dialog.table.preview_model)
    qtmodeltester.check(dialog.problems_model)
    standalone = PreviewTableModel(read_table(bad_file))
    qtmodeltester.check(standalone)
    assert ProblemsTableModel().headers() == ["Ligne", "Colonne", "Problème"]


# Export ----------------------------------------------------------------------------------------


def test_export_dialog_writes_the_roster_and_says_where(
    store, plenary, good_file, qtbot, tmp_path, export_to
):
    dialog = _open(store, good_file, qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    export = ExportRosterDialog(store, window)
    assert export.body.currentData() == "Conseil de l'ESS"
    export.date.set_value(dt.date(2025, 6, 1))
    assert export.format.currentData() == ".csv"
    assert export.file_name() == "composition-conseil-de-l-ess-2025-06-01.csv"
    target = tmp_path / "composition"
    export_to.append(target)
    export.export_button.click()
    qtbot.waitUntil(lambda: export.written is not None, timeout=10000)
    assert export.written == (tmp_path / "composition.csv", 4)  # the suffix of the format
    message = export_message(window)
    assert (
        "composition.csv" in message.text() and "Lignes écrites : 4." in message.informativeText()
    )
    with (tmp_path / "composition.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == 5 and rows[0][0] == "Nom"


def test_export_dialog_says_what_could_not_be_written(store, plenary, qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.common.show_user_error", lambda _p, error, _t="": shown.append(error.message)
    )
    export = ExportRosterDialog(store)
    qtbot.addWidget(export)
    (tmp_path / "x.csv").mkdir()  # a folder where the file should go
    operation = export.export(tmp_path / "x.csv")
    with qtbot.waitSignal(operation.finished, timeout=10000):
        pass
    assert export.written is None and len(shown) == 1 and "x.csv" in shown[0]


def test_default_file_name_is_plain():
    assert default_file_name("Conseil de l'ESS", dt.date(2026, 3, 5), ".csv") == (
        "composition-conseil-de-l-ess-2026-03-05.csv"
    )


def test_postal_addresses_are_shown_checked_and_imported(store, plenary, tmp_path, qtbot):
    """Address columns are read (English headers too): a postcode that is not French is a
    problem beside its cell, a postcode whose leading zero the spreadsheet dropped is restored
    and shown « À vérifier », and the new people keep their address."""
    header = "Nom;Prénom;Collège;Street address;ZIP;Town;Début de mandat\n"
    rows = [
        'Dupré;Hélène;Élus;"Résidence Les Pins\n12 rue des Lilas";69003;Lyon;01/01/2025',
        "Martin;Zoé;Élus;3 place Carnot;1000;Bourg-en-Bresse;01/01/2025",
        "Benali;Karim;Élus;5 chemin Vert;F-74000;Annecy;01/01/2025",
    ]
    dialog = _open(store, _write(tmp_path / "members.csv", rows, header), qtbot)
    assert [c.currentData() for c in dialog.table.header.combos[3:6]] == [
        "address",
        "postcode",
        "city",
    ]
    problems = _problems(dialog)
    # Lines as in the file: the first row's street spans lines 2 and 3.
    assert problems[0][:2] == ("5", "ZIP") and "« F-74000 » n'est pas valide" in problems[0][2]
    assert problems[1][:2] == ("4", "ZIP")
    assert problems[1][2].startswith("À vérifier : Code postal « 1000 » lu « 01000 »")
    assert not dialog.import_button.isEnabled()
    preview = dialog.table.preview_model
    zip_column = 4
    assert preview.index(1, zip_column).data(Qt.ItemDataRole.BackgroundRole) == palette.color(
        PreviewTableModel.WARNING_BACKGROUND
    )
    assert preview.index(2, zip_column).data(Qt.ItemDataRole.BackgroundRole) == palette.color(
        PreviewTableModel.PROBLEM_BACKGROUND
    )
    dialog.table.correct(5, zip_column, "74000")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.plan is not None)
    assert [p[:2] for p in _problems(dialog)] == [("4", "ZIP")]
    assert dialog.import_button.isEnabled() and dialog.problems.isVisibleTo(dialog)
    assert "Un point à vérifier ci-dessous" in dialog.status.text()
    assert "3 nouvelles personnes ont une adresse postale" in dialog.summary.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.import_button.click()
    found = store.db.execute(
        "SELECT last_name, address, postcode, city FROM people ORDER BY last_name"
    ).fetchall()
    assert found == [
        ("Benali", "5 chemin Vert", "74000", "Annecy"),
        ("Dupré", "Résidence Les Pins\n12 rue des Lilas", "69003", "Lyon"),
        ("Martin", "3 place Carnot", "01000", "Bourg-en-Bresse"),
    ]
