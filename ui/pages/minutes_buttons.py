"""The row of steps of the « Procès-verbal » tab: submit, back to draft, erratum, chair,
signatures, and the export menu (PDF or Word, full minutes or list of decisions, public or
not); each button shown and enabled for the state the minutes are in, saying why it waits."""

from __future__ import annotations

import re
from pathlib import Path

from ess_desk.meetings import meetings
from ess_desk.membership.vocabulary import label
from ess_desk.minutes import minutes as mn
from ess_desk.minutes.vocabulary import FORMS
from ess_desk.store import Store
from ess_desk.store.database import row
from ui.dialogs.common import documents_folder
from ui.qt import Qt, QtWidgets, Signal


class MinutesButtons(QtWidgets.QWidget):
    """The buttons; the tab connects their `clicked`. `export_chosen(suffix, form, public)`
    when an entry of « Exporter » is chosen."""

    export_chosen = Signal(str, str, bool)

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.submit_button = self._button(
            "submit_minutes",
            self.tr("Soumettre aux membres…"),
            self.tr(
                "Inscrit l'approbation du procès-verbal à l'ordre du jour de la prochaine séance "
                "de l'instance."
            ),
        )
        self.draft_button = self._button("return_to_draft", self.tr("Revenir au brouillon"))
        self.erratum_button = self._button("add_erratum", self.tr("Ajouter un erratum…"))
        self.chairs_button = self._button(
            "minutes_chairs",
            self.tr("Présidence…"),
            self.tr("Qui a présidé la séance, et qui a pris la présidence en cours de séance"),
        )
        self.signing_button = self._button(
            "minutes_signatures",
            self.tr("Signatures…"),
            self.tr(
                "Signer électroniquement le procès-verbal approuvé (président puis secrétaire de "
                "séance) et vérifier ses signatures"
            ),
        )
        self.export_button = QtWidgets.QToolButton()
        self.export_button.setObjectName("export_minutes")
        self.export_button.setText(self.tr("Exporter"))
        self.export_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_button.setMenu(self._export_menu())
        buttons = QtWidgets.QHBoxLayout(self)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.erratum_button)
        buttons.addWidget(self.chairs_button)
        buttons.addWidget(self.signing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

    @staticmethod
    def _button(name: str, text: str, tip: str = "") -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        return button

    def _export_menu(self) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self.export_button)
        for text, suffix, form, public in (
            (self.tr("Procès-verbal (PDF)…"), ".pdf", "pv", False),
            (self.tr("Procès-verbal public (PDF)…"), ".pdf", "pv", True),
            (self.tr("Relevé de décisions (PDF)…"), ".pdf", "releve", False),
            (self.tr("Relevé de décisions public (PDF)…"), ".pdf", "releve", True),
            (None, "", "", False),
            (self.tr("Procès-verbal (Word)…"), ".docx", "pv", False),
            (self.tr("Procès-verbal public (Word)…"), ".docx", "pv", True),
            (self.tr("Relevé de décisions (Word)…"), ".docx", "releve", False),
        ):
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, s=suffix, f=form, p=public: self.export_chosen.emit(s, f, p)
            )
        return menu

    def apply(self, store: Store, minutes: mn.Minutes | None) -> None:
        """Show and enable each step for the state of `minutes` (None: not started)."""
        writable = not store.read_only and minutes is not None
        status = minutes.status if minutes else None
        self.submit_button.setEnabled(writable and status == "draft")
        self.submit_button.setToolTip(self._submit_tooltip(store, minutes))
        self.draft_button.setEnabled(writable and status == "submitted")
        self.draft_button.setVisible(status != "approved")
        self.erratum_button.setEnabled(writable and status == "approved")
        self.erratum_button.setVisible(status == "approved")
        self.signing_button.setVisible(status == "approved")
        self.chairs_button.setVisible(status != "approved")
        self.chairs_button.setEnabled(writable and status == "draft")
        self.submit_button.setVisible(status != "approved")

    def _submit_tooltip(self, store: Store, minutes: mn.Minutes | None) -> str:
        """Why « Soumettre » waits, or what it will do."""
        if store.read_only:
            return self.tr("Base ouverte en lecture seule.")
        if minutes is None or minutes.status != "draft":
            return self.tr("Seul un brouillon se soumet.")
        missing = mn.submission_missing(store.db, minutes.id)
        if missing:
            return self.tr("Avant de soumettre : {list}").format(
                list=" ".join(f"• {m.message}" for m in missing)
            )
        return self.tr(
            "Inscrit l'approbation du procès-verbal à l'ordre du jour de la prochaine séance "
            "de l'instance."
        )

    def ask_export_path(
        self,
        store: Store,
        meeting: meetings.Meeting,
        suffix: str,
        form: str,
        public: bool,
    ) -> Path | None:
        """Where to write the minutes (`suffix` .pdf or .docx), asked with a name ready; None when
        the secretary cancels."""
        body = row(store.db, "SELECT name FROM bodies WHERE id = ?", [meeting.body_id])
        name = f"{label(FORMS, form)} - {body['name'] if body else ''} - {meeting.day.isoformat()}"
        if public:
            name += " " + self.tr("(public)")
        name = re.sub(r'[\\/:*?"<>|]', "-", name)
        if suffix == ".pdf":
            filters = self.tr("Document PDF (*.pdf)")
        else:
            filters = self.tr("Document Word (*.docx)")
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Exporter le procès-verbal"),
            str(documents_folder() / (name + suffix)),
            filters,
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
