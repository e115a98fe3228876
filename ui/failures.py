"""The window's error boundary: a failure of the disk or the file is one sentence, a bug is told
as such with the details support needs (traceback, the log's path) and a button to copy them.

`report_failure` is what a page calls when work failed; `install_window_hooks` sends every error
nobody caught (in a slot, in a worker, in any thread) through the same place, after the log.
"""

from __future__ import annotations

from pathlib import Path

from ess_desk import logs
from ess_desk.errors import StoreError, UserError
from ess_desk.failures import DAMAGED, StorageFailure, damaged_what, user_error_for
from ui.qt import QCoreApplication, QObject, Qt, QtGui, QtWidgets, Signal


class UnexpectedErrorDialog(QtWidgets.QDialog):
    """A bug: what happened in one sentence, then "Détails" (the traceback and where the log is)
    and "Copier" to paste them into a message to whoever helps."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        exc: BaseException,
        what: str = "",
        log_path: Path | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("unexpected_error")
        self.setWindowTitle(QCoreApplication.translate("Failures", "ESS Desk — erreur inattendue"))
        self.log_path = log_path
        self.count = 0
        icon = QtWidgets.QLabel()
        style = self.style()
        icon.setPixmap(
            style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40)
        )
        if what:
            headline = QCoreApplication.translate(
                "Failures", "L'opération « {what} » n'a pas abouti : une erreur inattendue."
            ).format(what=what)
        else:
            headline = QCoreApplication.translate(
                "Failures", "Une erreur inattendue s'est produite."
            )
        self.message = QtWidgets.QLabel(
            headline
            + "\n"
            + QCoreApplication.translate(
                "Failures",
                "Une écriture en cours est annulée en entier : la base reste telle qu'avant. "
                "Vous pouvez continuer à travailler ; si l'erreur revient, copiez les détails et "
                "envoyez-les à la personne qui vous aide.",
            )
        )
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.details_button = QtWidgets.QToolButton()
        self.details_button.setObjectName("details_button")
        self.details_button.setText(QCoreApplication.translate("Failures", "Détails"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._toggle_details)
        self.details = QtWidgets.QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(220)
        self.details.setVisible(False)
        if log_path is not None:
            self.details.setPlainText(
                QCoreApplication.translate("Failures", "Journal : {path}").format(path=log_path)
            )
        else:
            self.details.setPlainText(
                QCoreApplication.translate(
                    "Failures", "Journal : aucun (le dossier des journaux est inaccessible)"
                )
            )
        self.add_error(exc)
        buttons = QtWidgets.QDialogButtonBox()
        self.copy_button = buttons.addButton(
            QCoreApplication.translate("Failures", "Copier"),
            QtWidgets.QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.copy_button.setObjectName("copy")
        self.copy_button.setToolTip(
            QCoreApplication.translate("Failures", "Copie les détails dans le presse-papiers")
        )
        self.copy_button.clicked.connect(self.copy_details)
        close = buttons.addButton(
            QCoreApplication.translate("Failures", "Fermer"),
            QtWidgets.QDialogButtonBox.ButtonRole.RejectRole,
        )
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def add_error(self, exc: BaseException) -> None:
        """Another error while the dialog is open: its traceback goes under the first."""
        self.count += 1
        text = logs.describe_exception(exc).rstrip()
        self.details.appendPlainText("\n" + text)

    def details_text(self) -> str:
        return self.details.toPlainText()

    def copy_details(self) -> None:
        QtGui.QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(QCoreApplication.translate("Failures", "Copié"))

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.adjustSize()


def _database_of(parent: QtWidgets.QWidget | None) -> Path | None:
    """The database the window that failed works on (SQLite's errors name no file)."""
    window = parent.window() if parent is not None else None
    store = getattr(window, "store", None)
    return getattr(store, "path", None)


def user_sentence(parent: QtWidgets.QWidget | None, exc: BaseException) -> UserError | None:
    """The sentence for a refusal or a failure of the disk or the file, None for a bug. Damage
    found in the window's own database comes with the newest backup that passes the check."""
    database = _database_of(parent)
    error = user_error_for(exc, database)
    if (
        isinstance(error, StorageFailure)
        and error.kind == DAMAGED
        and database is not None
        and error.path == database
        and getattr(error, "offer", None) is None
    ):
        from ess_desk.store.recovery import refuse_damaged

        return refuse_damaged(database, damaged_what(database))
    return error


def replace_damaged_database(window: QtWidgets.QWidget, error: StoreError) -> None:
    """In the running window: close the damaged database, put the offered backup in its place
    (the damaged file is kept aside), and open it again."""
    from ess_desk.store import open_store
    from ui.app import ask_restore, restore_offered

    if not ask_restore(window, error.message):
        return
    path = window.store.path  # type: ignore[attr-defined]
    window.store.close()  # type: ignore[attr-defined]
    restore_offered(window, error)
    try:
        window.store = open_store(path)  # type: ignore[attr-defined]
    except Exception as exc:
        report_failure(None, exc, QCoreApplication.translate("Failures", "Rouvrir la base"))
        QtWidgets.QApplication.quit()
        return
    window.settings.set_last_database(path)  # type: ignore[attr-defined]
    window._apply_store_state()  # type: ignore[attr-defined]
    window._rebuild_pages()  # type: ignore[attr-defined]


def report_failure(
    parent: QtWidgets.QWidget | None, exc: BaseException, what: str = "", *, modal: bool = True
) -> QtWidgets.QDialog:
    """Tell the user that work failed: a sentence for what is not a bug, the details dialog for
    what is (written to the log first). Returns the dialog (shown, or run when `modal`)."""
    from ui.dialogs.common import user_error_box

    error = user_sentence(parent, exc)
    window = parent.window() if parent is not None else None
    offered = getattr(error, "offer", None) is not None
    if isinstance(error, StoreError) and offered and window and hasattr(window, "store"):
        replace_damaged_database(window, error)
        return QtWidgets.QDialog()
    if error is not None:
        dialog: QtWidgets.QDialog = user_error_box(parent, error, what)
    else:
        dialog = UnexpectedErrorDialog(parent, exc, what, logs.log_unexpected(exc, what or "?"))
    if modal:
        dialog.exec()
    else:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
    return dialog


class _Relay(QObject):
    """Carries an error caught on any thread to the GUI thread (queued by Qt)."""

    caught = Signal(object, str)


class WindowHooks:
    """`sys.excepthook` and `threading.excepthook` for the window: the error is logged (by the
    core's hooks), then shown without blocking; while one details dialog is open, the next
    errors are added to it rather than stacking windows."""

    def __init__(self) -> None:
        self._relay = _Relay()
        self._relay.caught.connect(self._show)
        self.dialog: UnexpectedErrorDialog | None = None
        self.shown: list[QtWidgets.QDialog] = []

    def install(self) -> None:
        logs.install_hooks(self._report)

    def _report(self, exc: BaseException, _where: str) -> None:
        self._relay.caught.emit(exc, _where)

    def _parent(self) -> QtWidgets.QWidget | None:
        return QtWidgets.QApplication.activeWindow()

    def _show(self, exc: BaseException, _where: str) -> None:
        parent = self._parent()
        error = user_sentence(parent, exc)
        if error is not None:
            from ui.dialogs.common import user_error_box

            box = user_error_box(parent, error, "")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()
            self.shown.append(box)
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_error(exc)
            return
        # The core's hook has just logged it: the dialog names the file without logging again.
        self.dialog = UnexpectedErrorDialog(parent, exc, "", logs.current_log_file())
        self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.shown.append(self.dialog)

    def _closed(self) -> None:
        self.dialog = None


_hooks: WindowHooks | None = None


def install_window_hooks() -> WindowHooks:
    """Install (once) the hooks that show every uncaught error in the window."""
    global _hooks
    if _hooks is None:
        _hooks = WindowHooks()
    _hooks.install()
    return _hooks
