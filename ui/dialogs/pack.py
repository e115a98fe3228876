"""The « Dossier de séance » dialog: which variant of the meeting pack."""

from __future__ import annotations

from ess_desk.meetings.meetings import Meeting
from ui import palette
from ui.dialogs.common import finish_dialog, save_cancel_buttons
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
    """`PackDialog(meeting, parent)`; after `exec()`, `variant()` says which pack to build (the
    page then asks where to save it, ui.exporting)."""

    def __init__(self, meeting: Meeting, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dossier de séance"))
        self._meeting = meeting

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
            radio = QtWidgets.QRadioButton(QCoreApplication.translate("PackDialog", str(name)))
            radio.setObjectName(f"variant_{key}")
            note = QtWidgets.QLabel(QCoreApplication.translate("PackDialog", str(description)))
            note.setWordWrap(True)
            note.setContentsMargins(22, 0, 0, 6)
            note.setStyleSheet(palette.text_css(palette.MUTED))
            radio.setAccessibleDescription(note.text())
            self.buttons_group.addButton(radio)
            self._radios[key] = radio
            variants.addWidget(radio)
            variants.addWidget(note)
        box = QtWidgets.QGroupBox(self.tr("Version"))
        box.setLayout(variants)

        buttons, self.create_button = save_cancel_buttons(
            self, self.tr("Créer le dossier…"), self.accept, writable=True
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self._radios["membre"].setChecked(True)
        finish_dialog(self)

    def variant(self) -> str:
        return next(key for key, radio in self._radios.items() if radio.isChecked())

    def set_variant(self, variant: str) -> None:
        self._radios[variant].setChecked(True)

    def file_name(self) -> str:
        return default_file_name(self._meeting, self.variant())
