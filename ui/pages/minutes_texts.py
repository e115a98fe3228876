"""The texts of the minutes' sections in their tab: one editor per agenda item (kept across
refreshes with its undo history), and their autosave — a changed text is written
`AUTOSAVE_MS` after the last keystroke, when its editor loses the focus, or when asked."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.meetings import agenda
from ess_desk.minutes import minutes as mn
from ess_desk.store import Store
from ui import a11y, palette
from ui.pages.minutes_editor import SummaryEditor
from ui.pages.minutes_item import ItemPanel
from ui.qt import QtCore, QTimer, Signal

# A changed section is saved this long after the last keystroke (and at once on focus change).
AUTOSAVE_MS = 2000


class SectionTexts(QtCore.QObject):
    """`SectionTexts(store, panel)`: the editors of the items, shown in `panel`'s stack.
    Signals: `typing` at the first change not yet saved, `saved(time)` once everything typed
    is written, `failed(message)` when a text is refused."""

    typing = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Store, panel: ItemPanel, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.panel = panel
        self.minutes_id: int | None = None
        self.editors: dict[int, SummaryEditor] = {}
        self.editable = False
        # An export reads the database on another thread meanwhile: saving waits for its end.
        self.busy = False
        self.last_save_error: str | None = None
        self._dirty: set[int] = set()
        self._loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_pending)

    def load(self, minutes: mn.Minutes, items: list[agenda.AgendaItem]) -> None:
        """An editor for each item, with its text as saved (frozen once approved); a text being
        typed is left as it is."""
        db = self.store.db
        self.minutes_id = minutes.id
        texts = mn.section_texts(db, minutes.id)
        if minutes.frozen:
            snapshot = mn.approved_record(db, minutes)
            texts = {s.item_id: s.summary for s in snapshot.sections}
        self._loading = True
        try:
            kept = {i.id for i in items}
            for item_id in [i for i in self.editors if i not in kept]:
                gone = self.editors.pop(item_id)
                self.panel.editor_stack.removeWidget(gone)
                gone.deleteLater()
                self._dirty.discard(item_id)
            for item in items:
                editor = self.editors.get(item.id)
                if editor is None:
                    editor = self._new_editor(item)
                    editor.setPlainText(texts.get(item.id, ""))
                    editor.document().clearUndoRedoStacks()
                elif item.id not in self._dirty and editor.toPlainText() != texts.get(item.id, ""):
                    editor.setPlainText(texts.get(item.id, ""))
        finally:
            self._loading = False

    def _new_editor(self, item: agenda.AgendaItem) -> SummaryEditor:
        editor = SummaryEditor()
        editor.setObjectName(f"summary_{item.id}")
        a11y.name(
            editor,
            self.tr("Texte du point {number}. {title}").format(
                number=item.position, title=item.title
            ),
        )
        editor.textChanged.connect(lambda i=item.id: self._text_changed(i))
        editor.focus_lost.connect(self.save_pending)
        editor.undoAvailable.connect(lambda _a: self.panel.apply_tool_state())
        editor.redoAvailable.connect(lambda _a: self.panel.apply_tool_state())
        self.editors[item.id] = editor
        self.panel.editor_stack.addWidget(editor)
        return editor

    def set_editable(self, editable: bool) -> None:
        """Only a draft is typed into; the others are shown on the read-only fill."""
        self.editable = editable
        read_only = palette.color(palette.FILL_READ_ONLY)
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
            editor.setStyleSheet(
                ""
                if editable or read_only is None
                else f"QPlainTextEdit {{ background: {read_only.name()}; }}"
            )

    def _text_changed(self, item_id: int) -> None:
        if self._loading or not self.editable:
            return
        self._dirty.add(item_id)
        self.typing.emit()
        self._autosave.start()

    def has_unsaved_changes(self) -> bool:
        return bool(self._dirty)

    def save_pending(self) -> bool:
        """Write every changed section now. Returns False when something could not be saved
        (`failed` says why)."""
        if not self._dirty or self.minutes_id is None:
            return True
        if self.busy:
            self._autosave.start()
            return True
        self._autosave.stop()
        for item_id in sorted(self._dirty):
            editor = self.editors.get(item_id)
            if editor is None:
                self._dirty.discard(item_id)
                continue
            try:
                mn.save_section(self.store, self.minutes_id, item_id, editor.toPlainText())
            except UserError as error:
                self.last_save_error = error.message
                self.failed.emit(error.message)
                return False
            self._dirty.discard(item_id)
        self.last_save_error = None
        self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
        return True
