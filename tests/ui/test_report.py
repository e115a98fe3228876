"""Fichier › Rapport d'activité…: the dialog writes the PDF off the GUI thread, then opens it."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from ess_desk.meetings import meetings, presence
from ess_desk.membership import roster
from ess_desk.report.figures import default_year
from tests.documents import plain
from tests.ui.helpers import export_message
from tests.ui.test_app import make_window
from ui.dialogs.activity_report import ActivityReportDialog, default_file_name
from ui.qt import QtWidgets

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)


def pdf_text(path) -> str:
    return plain(" ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split()))


def hold_a_meeting(store, council, day: dt.date) -> int:
    meeting = meetings.create(
        store, body_id=council["plenary"], starts_at=f"{day.strftime('%d/%m/%Y')} 18:00"
    )
    meetings.set_status(store, meeting, "convened")
    meetings.set_status(store, meeting, "held", now=LATER)
    for entry in roster.roster(store.db, council["plenary"], day):
        presence.record(store, meeting, entry.mandate_id, "present")
    presence.record_opening(store, meeting, "18:05")
    return meeting


def test_dialog_writes_the_report_where_asked_and_offers_to_open_it(
    qtbot, store, council, today, tmp_path, export_to, opened
):
    hold_a_meeting(store, council, today - dt.timedelta(days=30))
    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    dialog = ActivityReportDialog(store, parent=window, today=today)
    # By default: the plenary council, its year to report (ess_desk.report.figures.default_year).
    assert dialog.body.currentText() == "Conseil de l'ESS"
    assert dialog.by_year.isChecked()
    assert dialog.year.value() == default_year(store.db, council["plenary"], today)
    assert not dialog.start.isEnabled()
    dialog.by_period.setChecked(True)
    assert dialog.start.isEnabled() and not dialog.year.isEnabled()
    dialog.start.set_value(today - dt.timedelta(days=365))
    dialog.end.set_value(today)
    path = tmp_path / "rapport.pdf"
    export_to.append(path)
    with qtbot.waitSignal(dialog.created, timeout=30_000):
        dialog.create_button.click()
    assert dialog.written == path and not dialog.isVisible()
    message = export_message(window)
    assert message is not None and "rapport.pdf" in message.text()
    message.open_button.click()
    assert opened == [str(path)]
    text = pdf_text(path)
    assert "Rapport d'activité du" in text and "Conseil de l'ESS" in text
    assert "Hélène Dupré" in text  # consented to publication
    assert "Lefèvre" not in text and "Zoé Martin" not in text  # did not
    assert "Un membre du collège Élus" in text


def test_wrong_period_is_said_under_it_and_writes_nothing(
    qtbot, store, council, today, tmp_path, export_to
):
    dialog = ActivityReportDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.by_period.setChecked(True)
    dialog.start.set_value(today - dt.timedelta(days=10))
    dialog.end.set_value(today - dt.timedelta(days=20))
    export_to.append(tmp_path / "rapport.pdf")
    dialog.create_button.click()
    assert "après sa fin" in dialog.errors.message("start")
    assert export_to  # not even asked where
    assert not (tmp_path / "rapport.pdf").exists()
    # A day that cannot be read is said beside its field.
    dialog.end.setText("31/02/2026")
    dialog.create_button.click()
    assert "n'existe pas" in dialog.end.error_label.text()


def test_file_name_and_suffix_added(qtbot, store, council, today, tmp_path):
    from ess_desk.report.figures import Period

    assert (
        default_file_name("Conseil de l'ESS — Métropole", Period(dt.date(2025, 3, 1), today))
        == f"rapport-activite-2025-03-01-{today.isoformat()}-conseil-de-l-ess-metropole.pdf"
    )
    dialog = ActivityReportDialog(store, today=today)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.created, timeout=30_000):
        dialog.create(tmp_path / "sans-extension")
    assert dialog.written == tmp_path / "sans-extension.pdf"
    assert "Aucune séance sur la période." in pdf_text(dialog.written)


def test_menu_opens_the_dialog(qtbot, store, council, monkeypatch):
    window = make_window(qtbot, store)
    shown: list[ActivityReportDialog] = []
    monkeypatch.setattr(ActivityReportDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.action_activity_report in file_menu.actions()
    assert window.action_activity_report.text() == "Rapport d'activité…"
    window.action_activity_report.trigger()
    assert len(shown) == 1 and shown[0].body.currentText() == "Conseil de l'ESS"
