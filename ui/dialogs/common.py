"""Shared dialog helpers: red messages beside fields, message boxes for user errors, confirmations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ess_desk.errors import UserError
from ui.qt import QCoreApplication, QtWidgets


def error_label(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    """A red label placed under a field, hidden while it has nothing to say."""
    from ui import palette

    label = QtWidgets.QLabel(parent)
    label.setStyleSheet(palette.text_css(palette.ERROR))
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FieldErrors:
    """Maps the field names the core uses (`UserError.field`) to a widget and its error label.

    `show(error)` writes the message under the field concerned (or in the general label when the
    error names no known field) and moves the focus there.
    """

    def __init__(self, general: QtWidgets.QLabel | None = None):
        if general is None:
            general = error_label()
            general.setObjectName("error_general")
        self.general = general
        self._fields: dict[str, tuple[QtWidgets.QWidget, QtWidgets.QLabel]] = {}

    def add(self, field: str, widget: QtWidgets.QWidget) -> QtWidgets.QLabel:
        label = error_label(widget.parentWidget())
        label.setObjectName(f"error_{field}")
        self._fields[field] = (widget, label)
        return label

    def attach(self, field: str, widget: QtWidgets.QWidget, label: QtWidgets.QLabel) -> None:
        """A field that shows its errors in a label of its own (a date field's)."""
        label.setObjectName(f"error_{field}")
        self._fields[field] = (widget, label)

    def label(self, field: str) -> QtWidgets.QLabel:
        return self._fields[field][1]

    def wrap(self, field: str, widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
        """The widget with its (hidden) error label under it, to place in a form; a date or
        time field (ui.datefields) keeps its own error label, beside it. A form label given
        this box is tied to the field inside by ui.a11y.finish (finish_dialog)."""
        box = QtWidgets.QWidget()
        own = getattr(widget, "error_label", None)
        if isinstance(own, QtWidgets.QLabel):
            row = QtWidgets.QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget)
            row.addWidget(own, 1)
            self.attach(field, widget, own)
            return box
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label()
        label.setObjectName(f"error_{field}")
        layout.addWidget(label)
        self._fields[field] = (widget, label)
        return box

    def message(self, field: str) -> str:
        """The message shown under a field ('' when none): what the tests and the eye read."""
        label = self._fields[field][1]
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.setVisible(False)
        self.general.clear()
        self.general.setVisible(False)

    def show(self, error: UserError) -> None:
        self.clear()
        target = self._fields.get(error.field or "")
        if target is None:
            self.general.setText(error.message)
            self.general.setVisible(True)
            return
        widget, label = target
        label.setText(error.message)
        label.setVisible(True)
        widget.setFocus()
        if isinstance(widget, QtWidgets.QLineEdit):
            widget.selectAll()

    def show_message(self, field: str, message: str) -> None:
        self.show(UserError(message, field=field))

    def show_write_failure(self, error: Exception, path: object, field: str = "file") -> None:
        """Why a file could not be written, under its field; anything else is a bug: raised."""
        if isinstance(error, UserError):
            self.show(error if error.field else UserError(error.message, field=field))
        elif isinstance(error, OSError):
            from ess_desk.failures import from_os_error

            sentence = from_os_error(error, Path(str(path)) if path else None)
            self.show(UserError(sentence.message, field=field))
        else:
            raise error


def user_error_box(
    parent: QtWidgets.QWidget | None, error: UserError, title: str = ""
) -> QtWidgets.QMessageBox:
    """The message box of a refused action (not yet shown): the core's sentence, and its list
    of problems if any."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Dialogs", "ESS Desk"))
    box.setText(error.message)
    if error.problems:
        box.setInformativeText("\n".join(f"• {p}" for p in error.problems[:20]))
    box.addButton(
        QCoreApplication.translate("Dialogs", "Fermer"), QtWidgets.QMessageBox.ButtonRole.AcceptRole
    )
    return box


def show_user_error(parent: QtWidgets.QWidget | None, error: UserError, title: str = "") -> None:
    """A message box for a refused action: the core's sentence, and its list of problems if any."""
    user_error_box(parent, error, title).exec()


def show_unexpected_error(parent: QtWidgets.QWidget | None, exc: BaseException, what: str) -> None:
    """Work that failed for another reason than the user's input: a full disk, a read-only
    file… is one sentence; a bug is logged and shown with its details (ui.failures)."""
    from ui.failures import report_failure

    report_failure(parent, exc, what)


def confirm(
    parent: QtWidgets.QWidget | None, title: str, text: str, yes_text: str, no_text: str = ""
) -> bool:
    """Ask before an action; the buttons name the action rather than "Oui / Non" (`no_text`
    when « Annuler » would be read as the action itself: « Annuler la séance »)."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(yes_text, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        no_text or QCoreApplication.translate("Dialogs", "Annuler"),
        QtWidgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(
        QCoreApplication.translate("Dialogs", "Fermer"), QtWidgets.QMessageBox.ButtonRole.AcceptRole
    )
    box.exec()


def save_cancel_buttons(
    dialog: QtWidgets.QDialog, save_text: str, on_save: Callable[[], None], *, writable: bool
) -> tuple[QtWidgets.QDialogButtonBox, QtWidgets.QPushButton]:
    """The dialog's save and cancel buttons; saving is disabled on a read-only database."""
    buttons = QtWidgets.QDialogButtonBox()
    save = buttons.addButton(save_text, QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
    save.setEnabled(writable)
    cancel = QCoreApplication.translate("Dialogs", "Annuler")
    buttons.addButton(cancel, QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons, save


def action_close_buttons(
    dialog: QtWidgets.QDialog, action_text: str, on_action: Callable[[], object]
) -> tuple[QtWidgets.QDialogButtonBox, QtWidgets.QPushButton, QtWidgets.QPushButton]:
    """The foot of a dialog that makes something (a report, an export): its action button
    (« Créer le rapport… ») and « Fermer »."""
    buttons = QtWidgets.QDialogButtonBox()
    action = buttons.addButton(action_text, QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
    close = buttons.addButton(
        QCoreApplication.translate("Dialogs", "Fermer"),
        QtWidgets.QDialogButtonBox.ButtonRole.RejectRole,
    )
    buttons.accepted.connect(lambda: on_action())
    buttons.rejected.connect(dialog.reject)
    return buttons, action, close


def show_failure(
    dialog: QtWidgets.QWidget, errors: FieldErrors, error: Exception, title: str
) -> None:
    """A refusal that names one of the dialog's fields goes beside it; anything else (a file
    that could not be written) in a message (ui.exporting.write_failed)."""
    from ui import exporting

    if isinstance(error, UserError) and error.field not in (None, "file"):
        errors.show(error)
    else:
        exporting.write_failed(dialog, error, title)


def database_files_filter() -> str:
    """The file dialogs' filter for a council's file (and any file, to pick an old one)."""
    return QCoreApplication.translate(
        "MainWindow", "Base ESS Desk (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)"
    )


def documents_folder(current: str = "") -> Path:
    """Where a file to write is suggested: beside the one already typed, else the user's
    Documents folder, else their home."""
    current = current.strip()
    if current:
        return Path(current).expanduser().parent
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def field_with_button(field: QtWidgets.QWidget, button: QtWidgets.QPushButton) -> QtWidgets.QWidget:
    """A field that takes the width, its button beside it (« Parcourir… », « Essayer »): one
    form row (its label's buddy is set to the field by ui.a11y.finish)."""
    row = QtWidgets.QWidget()
    layout = QtWidgets.QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return row


def finish_dialog(dialog: QtWidgets.QDialog) -> QtWidgets.QDialog:
    """The last line of every dialog's constructor: labels tied to their fields with a
    mnemonic each, fields named, Tab leaving multi-line fields (ui.a11y.finish), and the
    content in a scroll area within the screen, the buttons always visible (ui.fitting)."""
    from ui import a11y, fitting

    a11y.finish(dialog)
    fitting.fit_dialog(dialog)
    return dialog
