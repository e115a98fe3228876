"""UI test set-up: settings in a temporary folder, a small council built with the core services."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from ui.qt import QCoreApplication, QSettings
from ui.settings import APPLICATION, ORGANISATION

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def compiled_catalogue(ts: Path, folder: Path) -> Path:
    """A .ts compiled afresh by the environment's lrelease (not the .qm `make translations` wrote)."""
    bin_folder = Path(sys.executable).parent
    lrelease = next(
        (
            bin_folder / n
            for n in ("pyside6-lrelease", "pyside6-lrelease.exe")
            if (bin_folder / n).exists()
        ),
        None,
    )
    if lrelease is None:
        pytest.fail(f"pyside6-lrelease not found in {bin_folder}")
    qm = folder / ts.with_suffix(".qm").name
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return qm


@pytest.fixture(scope="session", autouse=True)
def _french_plural_forms(qapp, tmp_path_factory):
    """The window in French reads its counted words from ess_desk_fr.qm (« 1 jour », « 2 jours »),
    as ui.app installs it: without it Qt would show the plural source text for every number."""
    from ui.qt import QTranslator

    translator = QTranslator()
    qm = compiled_catalogue(TRANSLATIONS / "ess_desk_fr.ts", tmp_path_factory.mktemp("fr_qm"))
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _no_focus_ring_left(qapp):
    """A test that starts the window (ui.app installs the focus ring) leaves no ring behind
    for the tests after it: those that want it install it (tests/ui/test_focus.py)."""
    yield
    from ui import focus

    focus.uninstall()


@pytest.fixture(autouse=True)
def _no_mouse_button_left_down(qapp):
    """A test that leaves a mouse button down (QTest's double-click sends no release) fails here,
    and the button is let go: left down, it made every later test of the same process see its
    clicks as drags and its keyboard focus as a click's (ui.focus draws no ring then), so a test
    file failed or passed by which files pytest-xdist had run before it in that process."""
    yield
    from PySide6.QtTest import QTest

    from ui.qt import Qt, QtWidgets

    held = QtWidgets.QApplication.mouseButtons()
    if held == Qt.MouseButton.NoButton:
        return
    spare = QtWidgets.QWidget()
    for button in (
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.RightButton,
        Qt.MouseButton.MiddleButton,
    ):
        if held & button:
            QTest.mouseRelease(spare, button)
    spare.deleteLater()
    pytest.fail(
        f"the test left a mouse button down ({held}): follow QTest/qtbot.mouseDClick with a "
        "mouseRelease",
        pytrace=False,
    )


@pytest.fixture(autouse=True)
def _temporary_qsettings(qapp, tmp_path_factory):
    """QSettings written to a fresh temporary folder for every test, never the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def opened(monkeypatch) -> list[str]:
    """What the window hands to the system (files, folders, links): recorded, never opened."""
    from ui.qt import QtGui

    urls: list[str] = []

    def record(url) -> bool:
        urls.append(url.toLocalFile() or url.toString())
        return True

    monkeypatch.setattr(QtGui.QDesktopServices, "openUrl", record)
    return urls


@pytest.fixture
def export_to(monkeypatch):
    """Answer the next save dialogs with these paths (and folder dialogs with folders)."""
    from ui.qt import QtWidgets

    answers: list[object] = []

    def save(*_args, **_kwargs):
        return (str(answers.pop(0)), "") if answers else ("", "")

    def folder(*_args, **_kwargs):
        return str(answers.pop(0)) if answers else ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory", folder)
    return answers


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture
def council(store, today):
    """A small council: a plenary with two colleges, five people (accents, an archived one,
    a mandate ending within 90 days). Returns the ids by first name."""
    from ess_desk.membership import bodies, mandates, organisations, people

    plenary = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    structures = bodies.create_college(store, plenary, name="Structures de l'ESS", seats=10)
    elus = bodies.create_college(store, plenary, name="Élus", seats=5)
    scop = organisations.create(store, name="Coopérative Les Tisserands", kind="scop")
    asso = organisations.create(store, name="Association Solidarités Nord", kind="association")
    ids = {
        "Hélène": people.create(
            store,
            civility="Mme",
            first_name="Hélène",
            last_name="Dupré",
            email="helene.dupre@tisserands.fr",
            organisation_id=scop,
            position="Gérante",
            consent_publish=True,
            consent_contact=True,
        ),
        "Marc": people.create(
            store, civility="M.", first_name="Marc", last_name="Lefèvre", organisation_id=asso
        ),
        "Zoé": people.create(
            store,
            civility="Mme",
            first_name="Zoé",
            last_name="Martin",
            email="zoe@ville.fr",
            consent_contact=True,
        ),
        "Karim": people.create(
            store, civility="M.", first_name="Karim", last_name="Benali", organisation_id=asso
        ),
        "Odile": people.create(store, civility="Mme", first_name="Odile", last_name="Ancienne"),
    }
    start = today - dt.timedelta(days=400)
    mandates.create(
        store,
        person_id=ids["Hélène"],
        body_id=plenary,
        college_id=structures,
        role="president",
        start_date=start,
        end_date=today + dt.timedelta(days=30),
    )
    mandates.create(
        store,
        person_id=ids["Marc"],
        body_id=plenary,
        college_id=structures,
        role="member",
        start_date=start,
        end_date=today + dt.timedelta(days=700),
    )
    mandates.create(
        store,
        person_id=ids["Zoé"],
        body_id=plenary,
        college_id=elus,
        role="member",
        start_date=start,
        end_date=today + dt.timedelta(days=500),
    )
    people.archive(store, ids["Odile"])
    ids.update(plenary=plenary, structures=structures, elus=elus, scop=scop, asso=asso)
    return ids
