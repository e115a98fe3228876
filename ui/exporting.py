"""One way for every export: a save dialog that starts in the folder last used for that kind of
export (Documents the first time), then one message saying what was written with « Ouvrir » and
« Ouvrir le dossier ».

    path = ask_save_path(self, "minutes", self.tr("Exporter le procès-verbal"),
                         "PV - Bureau - 2027-01-21.pdf", self.tr("Document PDF (*.pdf)"))
    if path is not None:
        ... write it (off the GUI thread: ui.workers.Operation) ...
        export_done(self, self.tr("Export terminé"), path)

    folder = ask_folder(self, "convocations", self.tr("Dossier des convocations"))
    ... export_done(self, title, folder, summary)      # a folder: « Ouvrir le dossier » only

`kind` names the kind of export ("minutes", "pack", "decisions", "actions", "roster"…): each
remembers its own folder. `open_path()` is the one place that hands a file to the system (tests
replace `QDesktopServices.openUrl`); when no program opens it, the message says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ui.qt import QCoreApplication, QSettings, QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.workers import Operation


def documents_folder() -> Path:
    """The user's Documents folder (the system's), else their home."""
    location = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.DocumentsLocation
    )
    for candidate in (Path(location) if location else None, Path.home() / "Documents"):
        if candidate is not None and candidate.is_dir():
            return candidate
    return Path.home()


def last_folder(kind: str) -> Path:
    """Where the save dialog of `kind` starts: the folder last used for it, if it still exists."""
    value = QSettings().value(f"exports/{kind}/folder", "")
    if value:
        folder = Path(str(value))
        if folder.is_dir():
            return folder
    return documents_folder()


def remember_folder(kind: str, folder: Path) -> None:
    QSettings().setValue(f"exports/{kind}/folder", str(folder))


def safe_file_name(name: str) -> str:
    """A file name Windows accepts: no \\ / : * ? " < > |, no trailing dot or space."""
    return re.sub(r'[\\/:*?"<>|]', "-", name).strip().rstrip(".") or "export"


def _suffixes(filters: str) -> list[str]:
    """['.pdf', '.docx'] from "Document PDF (*.pdf);;Word (*.docx)"."""
    return [f".{s}" for s in re.findall(r"\*\.([A-Za-z0-9]+)", filters)]


def ask_save_path(
    parent: QtWidgets.QWidget | None,
    kind: str,
    title: str,
    file_name: str,
    filters: str,
) -> Path | None:
    """The save dialog; the file's suffix follows the filter chosen when the name has none
    of the filters' suffixes. None when cancelled."""
    start = last_folder(kind) / safe_file_name(file_name)
    name, chosen = QtWidgets.QFileDialog.getSaveFileName(parent, title, str(start), filters)
    if not name:
        return None
    path = Path(name)
    allowed = _suffixes(filters)
    if allowed and path.suffix.lower() not in allowed:
        wanted = _suffixes(chosen) or allowed
        path = path.with_name(path.name + wanted[0])
    remember_folder(kind, path.parent)
    return path


def ask_folder(parent: QtWidgets.QWidget | None, kind: str, title: str) -> Path | None:
    """A folder to write several files into; None when cancelled."""
    name = QtWidgets.QFileDialog.getExistingDirectory(parent, title, str(last_folder(kind)))
    if not name:
        return None
    folder = Path(name)
    remember_folder(kind, folder)
    return folder


def open_path(parent: QtWidgets.QWidget | None, path: Path) -> bool:
    """Hand a file or folder to the system; say so when nothing could open it."""
    if QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path))):
        return True
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Export", "Ouvrir"))
    box.setText(
        QCoreApplication.translate(
            "Export",
            "Aucun programme n'a pu ouvrir « {name} ». Le fichier est enregistré dans {folder}.",
        ).format(name=path.name, folder=path.parent if path.is_file() else path)
    )
    box.addButton(
        QCoreApplication.translate("Export", "Fermer"), QtWidgets.QMessageBox.ButtonRole.AcceptRole
    )
    box.open()
    return False


class ExportDone(QtWidgets.QMessageBox):
    """« Fichier enregistré » with « Ouvrir », « Ouvrir le dossier » and « Fermer »; shown
    without blocking (window-modal). `open_button` is None for a folder."""

    def __init__(self, parent: QtWidgets.QWidget | None, title: str, path: Path, detail: str = ""):
        super().__init__(parent)
        self.setObjectName("export_done")
        self.path = Path(path)
        self.setIcon(QtWidgets.QMessageBox.Icon.Information)
        self.setWindowTitle(title)
        folder = self.path if self.path.is_dir() else self.path.parent
        self.folder = folder
        if self.path.is_dir():
            self.setText(
                QCoreApplication.translate(
                    "Export", "Les fichiers sont enregistrés dans {folder}."
                ).format(folder=folder)
            )
        else:
            self.setText(
                QCoreApplication.translate(
                    "Export", "« {name} » est enregistré dans {folder}."
                ).format(name=self.path.name, folder=folder)
            )
        if detail:
            self.setInformativeText(detail)
        self.open_button: QtWidgets.QPushButton | None = None
        if not self.path.is_dir():
            self.open_button = self.addButton(
                QCoreApplication.translate("Export", "&Ouvrir"),
                QtWidgets.QMessageBox.ButtonRole.ActionRole,
            )
            self.open_button.clicked.connect(lambda: open_path(parent, self.path))
        self.folder_button = self.addButton(
            QCoreApplication.translate("Export", "Ouvrir le &dossier"),
            QtWidgets.QMessageBox.ButtonRole.ActionRole,
        )
        self.folder_button.clicked.connect(lambda: open_path(parent, folder))
        self.close_button = self.addButton(
            QCoreApplication.translate("Export", "Fermer"),
            QtWidgets.QMessageBox.ButtonRole.RejectRole,
        )
        self.setDefaultButton(self.open_button or self.folder_button)
        self.setEscapeButton(self.close_button)


def export_done(
    parent: QtWidgets.QWidget | None, title: str, path: Path, detail: str = ""
) -> ExportDone:
    """Say what was written; returns the message (already shown, not blocking)."""
    box = ExportDone(parent, title, path, detail)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def write_failed(parent: QtWidgets.QWidget | None, error: Exception, title: str) -> None:
    """Why an export failed: the core's sentence, the system's reason for a file that could not
    be written; anything else is shown as unexpected."""
    from ess_desk.errors import UserError
    from ui.dialogs.common import show_unexpected_error, show_user_error

    if isinstance(error, UserError):
        show_user_error(parent, error, title)
    elif isinstance(error, OSError):
        message = QCoreApplication.translate(
            "Export", "Le fichier {path} n'a pas pu être écrit : {reason}"
        ).format(path=error.filename or "", reason=error.strerror or error)
        show_user_error(parent, UserError(message), title)
    else:
        show_unexpected_error(parent, error, title)


def run_export(
    parent: QtWidgets.QWidget,
    kind: str,
    title: str,
    file_name: str,
    filters: str,
    work: Callable[[Path, Callable[[int, int], None]], Any],
    *,
    progress: str,
    detail: Callable[[Any], str] | None = None,
    path: Path | None = None,
    on_done: Callable[[Path, Any], None] | None = None,
    on_failed: Callable[[Exception], None] | None = None,
    folder: bool = False,
) -> Operation | None:
    """The whole export: ask where (unless `path` is given: tests, or a path already chosen),
    run `work(path, progress)` off the GUI thread with a progress dialog, then say what was
    written (`detail(result)` adds a line) with « Ouvrir » and « Ouvrir le dossier ».
    `folder=True` asks for a folder (`file_name` and `filters` unused). Returns the running
    operation (its `finished` signal follows the end), None when the user cancelled."""
    from ui.workers import Operation

    if path is None:
        path = (
            ask_folder(parent, kind, title)
            if folder
            else ask_save_path(parent, kind, title, file_name, filters)
        )
    if path is None:
        return None
    target = path

    def succeeded(result: Any) -> None:
        written = result if isinstance(result, Path) else target
        if on_done is not None:
            on_done(written, result)
        export_done(parent, title, written, detail(result) if detail is not None else "")

    def failed(error: Exception) -> None:
        if on_failed is not None:
            on_failed(error)
        else:
            write_failed(parent, error, title)

    operation = Operation(parent, lambda report: work(target, report))
    operation.success(succeeded).failure(failed).run_with_progress(progress)
    return operation
