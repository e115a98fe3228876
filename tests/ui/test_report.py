"""Fichier › Rapport d'activité…: the dialog writes the PDF off the GUI thread, then opens it."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from ess_desk.meetings import meetings, presence
from ess_desk.membership import roster
from tests.ui.test_app import make_window
from ui.dialogs.activity_report import ActivityReportDialog, default_file_name
from ui.qt import QtGui
from ui.widgets import to_qdate

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


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


def test_dialog_writes_the_report_and_opens_it(qtbot, store, council, today, tmp_path, monkeypatch):
    hold_a_meeting(store, council, today - dt.timedelta(days=30))
    opened: list[str] = []
    monkeypatch.setattr(
        QtGui.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    dialog = ActivityReportDialog(store, today=today)
    qtbot.addWidget(dialog)
    # By default: the plenary council, the last full year, a file named after both.
    assert dialog.body.currentText() == "Conseil de l'ESS"
    assert dialog.by_year.isChecked() and dialog.year.value() == today.year - 1
    assert not dialog.start.isEnabled()
    assert dialog.file.text().endswith(f"rapport-activite-{today.year - 1}-conseil-de-l-ess.pdf")
    dialog.by_period.setChecked(True)
    assert dialog.start.isEnabled() and not dialog.year.isEnabled()
    dialog.start.setDate(to_qdate(today - dt.timedelta(days=365)))
    dialog.end.setDate(to_qdate(today))
    path = tmp_path / "rapport.pdf"
    dialog.set_path(path)
    with qtbot.waitSignal(dialog.created, timeout=30_000):
        dialog.create_button.click()
    assert dialog.written == path and opened == [str(path)]
    assert not dialog.result_label.isHidden() and str(path) in dialog.result_label.text()
    assert dialog.create_button.isEnabled()
    text = pdf_text(path)
    assert "Rapport d'activité du" in text and "Conseil de l'ESS" in text
    assert "Hélène Dupré" in text  # consented to publication
    assert "Lefèvre" not in text and "Zoé Martin" not in text  # did not
    assert "Un membre du collège Élus" in text


def test_wrong_period_is_said_under_it_and_writes_nothing(
    qtbot, store, council, today, tmp_path, monkeypatch
):
    opened: list[object] = []
    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog = ActivityReportDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.by_period.setChecked(True)
    dialog.start.setDate(to_qdate(today - dt.timedelta(days=10)))
    dialog.end.setDate(to_qdate(today - dt.timedelta(days=20)))
    dialog.set_path(tmp_path / "rapport.pdf")
    dialog.create_button.click()
    assert "après sa fin" in dialog.errors.message("start")
    assert not (tmp_path / "rapport.pdf").exists() and not opened
    # Without a file name, the file field says so.
    dialog.by_year.setChecked(True)
    dialog.file.setText("")
    dialog.create_button.click()
    assert dialog.errors.message("file") == "Choisissez le fichier à écrire."


def test_file_name_and_no_opening_when_unticked(qtbot, store, council, today, tmp_path):
    from ess_desk.report.figures import Period

    assert (
        default_file_name("Conseil de l'ESS — Métropole", Period(dt.date(2025, 3, 1), today))
        == f"rapport-activite-2025-03-01-{today.isoformat()}-conseil-de-l-ess-metropole.pdf"
    )
    dialog = ActivityReportDialog(store, today=today)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    opened: list[object] = []
    dialog.open_file = opened.append  # type: ignore[method-assign]
    dialog.set_path(tmp_path / "sans-extension")
    with qtbot.waitSignal(dialog.created, timeout=30_000):
        dialog.create_button.click()
    assert dialog.written == tmp_path / "sans-extension.pdf" and not opened
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
