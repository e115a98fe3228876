"""The « Dossier de séance » dialog: which variant of the meeting pack, and which file."""

from __future__ import annotations

from pathlib import Path

from ess_desk.meetings.meetings import Meeting
from ui.dialogs.common import FieldErrors, save_cancel_buttons
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QtWidgets

# (variant, what the button says, what it holds): the variants of ess_desk.documents.pack.
VARIANT_CHOICES = (
    (
        "membre",
        QT_TRANSLATE_NOOP("PackDialog", "Membres"),
        QT_TRANSLATE_NOOP(
            "PackDialog",
            "Le dossier complet : convocation, ordre du jour, PV à approuver, suivi des actions, "
            "composition avec coordonnées, feuille d'émargement, pouvoir et annexes.",
        ),
    ),
    (
        "animation",
        QT_TRANSLATE_NOOP("PackDialog", "Animation"),
        QT_TRANSLATE_NOOP(
            "PackDialog",
            "Pour la présidence et l'animation : conducteur minuté avec les notes de chaque "
            "point, contrôle du quorum à cocher et liste des orateurs.",
        ),
    ),
    (
        "public",
        QT_TRANSLATE_NOOP("PackDialog", "Public"),
        QT_TRANSLATE_NOOP(
            "PackDialog",
            "À publier : sans coordonnées, sans le nom des personnes qui n'y ont pas consenti, "
            "sans feuille d'émargement ni pouvoir.",
        ),
    ),
)


def default_file_name(meeting: Meeting, variant: str) -> str:
    suffix = "" if variant == "membre" else f"-{variant}"
    return f"dossier-seance-{meeting.day.isoformat()}{suffix}.pdf"


class PackDialog(QtWidgets.QDialog):
    """`PackDialog(meeting, folder, parent)`; after `exec()`, `variant()` and `path()` say what
    to build (the file always ends in .pdf)."""

    def __init__(
        self, meeting: Meeting, folder: Path | None = None, parent: QtWidgets.QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dossier de séance"))
        self._meeting = meeting
        self._folder = folder or Path.home()
        self._typed = False  # the file name follows the variant until the user changes it

        intro = QtWidgets.QLabel(
            self.tr("Un seul PDF, numéroté de bout en bout, annexes comprises : {title}.").format(
                title=meeting.title
            )
        )
        intro.setWordWrap(True)

        self.buttons_group = QtWidgets.QButtonGroup(self)
        variants = QtWidgets.QVBoxLayout()
        self._radios: dict[str, QtWidgets.QRadioButton] = {}
        for key, name, description in VARIANT_CHOICES:
            radio = QtWidgets.QRadioButton(QCoreApplication.translate("PackDialog", name))
            radio.setObjectName(f"variant_{key}")
            radio.toggled.connect(self._variant_changed)
            note = QtWidgets.QLabel(QCoreApplication.translate("PackDialog", description))
            note.setWordWrap(True)
            note.setContentsMargins(22, 0, 0, 6)
            note.setStyleSheet("color: #5f6b6d;")
            self.buttons_group.addButton(radio)
            self._radios[key] = radio
            variants.addWidget(radio)
            variants.addWidget(note)
        box = QtWidgets.QGroupBox(self.tr("Version"))
        box.setLayout(variants)

        self.file_edit = QtWidgets.QLineEdit()
        self.file_edit.setObjectName("pack_file")
        self.file_edit.textEdited.connect(self._file_typed)
        browse = QtWidgets.QPushButton(self.tr("Choisir…"))
        browse.clicked.connect(self.browse)
        self.errors = FieldErrors()
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        file_box = QtWidgets.QWidget()
        file_box.setLayout(row)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Fichier"), self.errors.wrap("path", file_box))

        buttons, self.create_button = save_cancel_buttons(
            self, self.tr("Créer le dossier"), self.accept_if_valid, writable=True
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self._radios["membre"].setChecked(True)
        self.resize(560, self.sizeHint().height())

    def variant(self) -> str:
        return next(key for key, radio in self._radios.items() if radio.isChecked())

    def set_variant(self, variant: str) -> None:
        self._radios[variant].setChecked(True)

    def path(self) -> Path:
        path = Path(self.file_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def set_path(self, path: Path | str) -> None:
        self.file_edit.setText(str(path))
        self._typed = True

    def _file_typed(self, _text: str) -> None:
        self._typed = True

    def _variant_changed(self, checked: bool) -> None:
        if checked and not self._typed:
            self.file_edit.setText(
                str(self._folder / default_file_name(self._meeting, self.variant()))
            )

    def browse(self) -> None:
        name, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Dossier de séance"), self.file_edit.text(), self.tr("PDF (*.pdf)")
        )
        if name:
            self.set_path(name)

    def accept_if_valid(self) -> None:
        from ess_desk.errors import UserError

        text = self.file_edit.text().strip()
        if not text:
            self.errors.show(UserError(self.tr("Indiquez le fichier à écrire."), field="path"))
            return
        folder = self.path().parent
        if not folder.is_dir():
            self.errors.show(
                UserError(
                    self.tr("Le dossier {folder} n'existe pas.").format(folder=folder),
                    field="path",
                )
            )
            return
        self.accept()
