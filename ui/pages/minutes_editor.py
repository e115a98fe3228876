"""The text editor of one agenda item in the « Procès-verbal » tab: plain text where « - » starts
a list line and **text** is bold, shown as it will print, with its own undo stack."""

from __future__ import annotations

import re

from ui import palette
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def bold_font(widget: QtWidgets.QWidget, scale: float = 1.0) -> QtGui.QFont:
    """The widget's font in bold, `scale` times its size."""
    font = QtGui.QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


class SummaryHighlighter(QtGui.QSyntaxHighlighter):
    """Shows the little markup as it will print: **bold** in bold, list dashes in colour."""

    def __init__(self, document: QtGui.QTextDocument):
        super().__init__(document)
        self._bold = QtGui.QTextCharFormat()
        self._bold.setFontWeight(QtGui.QFont.Weight.Bold)
        self._marker = QtGui.QTextCharFormat()
        marker = palette.color(palette.MUTED)
        if marker is not None:
            self._marker.setForeground(marker)
        self._bullet = QtGui.QTextCharFormat()
        bullet = palette.color(palette.ACCENT)
        if bullet is not None:
            self._bullet.setForeground(bullet)
        self._bullet.setFontWeight(QtGui.QFont.Weight.Bold)

    def highlightBlock(self, text: str) -> None:
        bullet = _BULLET.match(text)
        if bullet:
            self.setFormat(0, bullet.end(), self._bullet)
        for match in _BOLD.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._bold)
            self.setFormat(match.start(), 2, self._marker)
            self.setFormat(match.end() - 2, 2, self._marker)


class SummaryEditor(QtWidgets.QPlainTextEdit):
    """The text of one agenda item: plain text, "- " lists and **bold**, its own undo stack.
    Ctrl+B makes the selection bold, Ctrl+Z / Ctrl+Y undo and redo on every platform."""

    focus_lost = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(
            self.tr(
                "Résumé des échanges sur ce point. Laissez une ligne vide entre deux "
                "paragraphes ; commencez une ligne par « - » pour une liste ; **gras**."
            )
        )
        self.highlighter = SummaryHighlighter(self.document())

    def toggle_bold(self) -> None:
        """Wrap the selection in ** (or unwrap it); without a selection, insert a pair."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            start = cursor.selectionStart()
            text = cursor.selectedText().replace("\u2029", "\n")
            if len(text) >= 4 and text.startswith("**") and text.endswith("**"):
                inner = text[2:-2]
            else:
                inner = "**" + text + "**"
            cursor.insertText(inner)
            cursor.setPosition(start)
            cursor.setPosition(start + len(inner), QtGui.QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.insertText("****")
            cursor.movePosition(QtGui.QTextCursor.MoveOperation.Left, n=2)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def toggle_list(self) -> None:
        """Start each selected line with "- " (or take the dashes away if all have one)."""
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        all_bullets = all(_BULLET.match(b.text()) for b in blocks)
        edit = QtGui.QTextCursor(document)
        edit.beginEditBlock()
        for block in blocks:
            edit.setPosition(block.position())
            if all_bullets:
                marker = _BULLET.match(block.text())
                if marker:
                    edit.setPosition(
                        block.position() + marker.end(), QtGui.QTextCursor.MoveMode.KeepAnchor
                    )
                    edit.removeSelectedText()
            elif not _BULLET.match(block.text()):
                edit.insertText("- ")
        edit.endEditBlock()

    def event(self, event: QtCore.QEvent) -> bool:
        # Ctrl+B and Ctrl+Y belong to the editor while it has the focus, whatever the window's
        # menus bind them to.
        if (
            event.type() == QtCore.QEvent.Type.ShortcutOverride
            and isinstance(event, QtGui.QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_B, Qt.Key.Key_Y)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if control and not shift and event.key() == Qt.Key.Key_B:
            self.toggle_bold()
            return
        if control and not shift and event.key() == Qt.Key.Key_Y:
            self.redo()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()
