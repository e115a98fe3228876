"""Accessibility helpers (RGAA 4.1 / WCAG 2.1 AA): names for what a screen reader meets, labels
tied to their field, multi-line fields that Tab leaves, and status changes announced.

- `labelled(text, field)`: a QLabel (with its « & » mnemonic) whose buddy is the field itself,
  and the field named after it; `add_row(form, text, field, beside=None)` does it in a
  QFormLayout, with an optional widget (an error label) beside the field.
- `name(widget, text, description="")`: a name for a control that has no label (a table, a
  search field with only a placeholder, an editor).
- `multiline(edit)`: Tab and Shift+Tab leave a QPlainTextEdit/QTextEdit; Ctrl+Tab types a tab.
- `announce(widget, text)`: say a status change aloud (the quorum banner) through
  QAccessibleAnnouncementEvent; `announcer().announced` lets tests follow it.

`tests/ui/test_accessibility.py` walks every page and dialog and holds them to these rules.
"""

from __future__ import annotations

import functools
from typing import TypeVar, cast

from ui.qt import QObject, Qt, QtCore, QtGui, QtWidgets, Signal

View = TypeVar("View", bound=QtWidgets.QAbstractItemView)


def strip_mnemonic(text: str) -> str:
    """« &Titre » → « Titre » (« && » stays one « & »)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def name(widget: QtWidgets.QWidget, text: str, description: str = "") -> QtWidgets.QWidget:
    widget.setAccessibleName(strip_mnemonic(text))
    if description:
        widget.setAccessibleDescription(description)
    return widget


def labelled(
    text: str, field: QtWidgets.QWidget, parent: QtWidgets.QWidget | None = None
) -> QtWidgets.QLabel:
    """A label for `field`: its buddy is the field (Alt+letter goes there) and the field takes
    its name, whatever widget ends up holding the field."""
    label = QtWidgets.QLabel(text, parent)
    label.setBuddy(field)
    if not field.accessibleName():
        field.setAccessibleName(strip_mnemonic(text).rstrip(" :"))
    return label


def add_row(
    form: QtWidgets.QFormLayout,
    text: str,
    field: QtWidgets.QWidget,
    beside: QtWidgets.QWidget | None = None,
) -> QtWidgets.QLabel:
    """One row of a form: the label (buddy: the field), the field and what stands beside it
    (its error label)."""
    label = labelled(text, field)
    if beside is None:
        form.addRow(label, field)
        return label
    box = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field)
    row.addWidget(beside, 1)
    form.addRow(label, box)
    return label


class _CtrlTabTypesTab(QObject):
    """In a multi-line field whose Tab moves the focus, Ctrl+Tab still types a tab."""

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if (
            event.type() in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.ShortcutOverride)
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QtCore.QEvent.Type.ShortcutOverride:
                event.accept()  # ours, not the tab widget's « next tab »
                return True
            editor = watched
            if isinstance(editor, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
                if not editor.isReadOnly():
                    editor.insertPlainText("\t")
                return True
        return False


def multiline(
    edit: QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit,
) -> QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit:
    """Tab leaves the field (Shift+Tab goes back); Ctrl+Tab types a tab character."""
    edit.setTabChangesFocus(True)
    if edit.property("ctrl_tab_types_tab") is None:
        edit.installEventFilter(_CtrlTabTypesTab(edit))
        edit.setProperty("ctrl_tab_types_tab", True)
        hint = QtCore.QCoreApplication.translate(
            "Accessibility", "Tab passe au champ suivant ; Ctrl+Tab insère une tabulation."
        )
        if not edit.accessibleDescription():
            edit.setAccessibleDescription(hint)
    return edit


class Announcer(QObject):
    """Emits `announced(widget, text)` for each announcement (tests and logs follow it)."""

    announced = Signal(object, str)


_announcer: Announcer | None = None


def tab_leaves(view: View) -> View:
    """Tab leaves a table for the next control (WCAG 2.1.2, no keyboard trap): a table moves
    from cell to cell with Tab by default and wraps round, so Tab never left it; the arrows
    move between its cells."""
    view.setTabKeyNavigation(False)
    return view


def _takes_tab(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    return bool(
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.isVisibleTo(top)
        and widget.isEnabled()
    )


def focus_first(top: QtWidgets.QWidget, fallback: QtWidgets.QWidget | None = None) -> bool:
    """Give the focus to the first control of `top` that Tab would reach (else `fallback`);
    False when neither could take it."""
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top and top.isAncestorOf(widget):
        if _takes_tab(widget, top):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = widget.nextInFocusChain()
    if fallback is not None:
        fallback.setFocus(Qt.FocusReason.TabFocusReason)
        return True
    return False


def focus_after(container: QtWidgets.QWidget) -> None:
    """Give the focus to the control Tab reaches after `container` (whose controls are going
    away): a keyboard user goes on from there instead of from nowhere."""
    top = container.window()
    widget = container.nextInFocusChain()
    for _ in range(5000):
        if widget is None or widget is container:
            return
        if not container.isAncestorOf(widget) and _takes_tab(widget, top):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def announcer() -> Announcer:
    global _announcer
    if _announcer is None:
        _announcer = Announcer()
    return _announcer


def announce(widget: QtWidgets.QWidget, text: str, *, assertive: bool = False) -> None:
    """Tell assistive technologies that `widget` now says `text` (a live region): its
    accessible name follows, and the text is announced (politely unless `assertive`)."""
    if widget.accessibleName() != text:
        widget.setAccessibleName(text)
    event = QtGui.QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QtGui.QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QtGui.QAccessible.AnnouncementPoliteness.Polite
    )
    QtGui.QAccessible.updateAccessibility(event)
    announcer().announced.emit(widget, text)


def accessible_name(widget: QtWidgets.QWidget) -> str:
    """What a screen reader reads as the widget's name (Qt's own accessibility interface)."""
    interface = QtGui.QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QtGui.QAccessible.Text.Name).strip()


# -- a dialog or page made whole ------------------------------------------------------------
@functools.cache
def field_types() -> tuple[type[QtWidgets.QWidget], ...]:
    """The widgets that hold a value and take a label. Made at the first call: PySide makes a Qt
    class (and its enumerations) the first time it is named, and a page without labelled fields
    (the dashboard, at every start) would otherwise pay for a dozen classes it never shows."""
    return (
        QtWidgets.QLineEdit,
        QtWidgets.QAbstractSpinBox,
        QtWidgets.QComboBox,
        QtWidgets.QTextEdit,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QCheckBox,
        QtWidgets.QRadioButton,
        QtWidgets.QAbstractItemView,
        QtWidgets.QAbstractSlider,
        QtWidgets.QCalendarWidget,
        QtWidgets.QKeySequenceEdit,
        QtWidgets.QPushButton,
        QtWidgets.QToolButton,
    )


def _first_field(container: QtWidgets.QWidget) -> QtWidgets.QWidget | None:
    for child in container.findChildren(QtWidgets.QWidget):
        if (
            isinstance(child, field_types())
            and child.focusPolicy() & Qt.FocusPolicy.TabFocus
            and child.focusProxy() is None
        ):
            return child
    return None


def _mnemonic(text: str) -> str | None:
    """The letter after a single « & » (lower case), if any."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].lower()


def _positions(text: str) -> list[int]:
    """Where a mnemonic may go in `text`: a word's first letter first, then the others."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha() and ch.lower().isascii()]
    starts = [i for i in letters if i == 0 or not text[i - 1].isalpha()]
    return starts + [i for i in letters if i not in starts]


def _letters(text: str) -> set[str]:
    return {text[i].lower() for i in _positions(text)}


def _with_mnemonic(text: str, used: set[str]) -> str:
    """`text` with a « & » before the first letter not taken yet, a word's first letter if
    possible; unchanged when every letter is taken."""
    for index in _positions(text):
        letter = text[index].lower()
        if letter not in used:
            used.add(letter)
            return text[:index] + "&" + text[index:]
    return text


def _texts_with_mnemonics(top: QtWidgets.QWidget) -> set[str]:
    used: set[str] = set()
    for widget in top.findChildren(QtWidgets.QWidget):
        for getter in ("text", "title"):
            value = getattr(widget, getter, None)
            if callable(value) and not isinstance(widget, QtWidgets.QLineEdit):
                try:
                    text = value()
                except TypeError:
                    continue
                if isinstance(text, str):
                    letter = _mnemonic(text)
                    if letter:
                        used.add(letter)
    return used


def finish(top: QtWidgets.QWidget, *, mnemonics: bool = True) -> None:
    """What every dialog (and page) needs once built: each label's buddy is the field itself
    (not the box holding it and its error), the field is named after its label, multi-line
    fields are left with Tab, and (`mnemonics`) each label of a field gets a letter of its
    own for Alt+letter, and Tab leaves tables. Explicit choices (a name, an « & ») are kept."""
    labels = [label for label in top.findChildren(QtWidgets.QLabel) if label.buddy() is not None]
    for label in labels:
        buddy = label.buddy()
        if not isinstance(buddy, field_types()):
            field = _first_field(buddy)
            label.setBuddy(field)  # type: ignore[arg-type]  # None (Qt takes it): no buddy then
            if field is None:
                continue
            buddy = field
        text = label.text()
        if (
            text.strip()
            and not buddy.accessibleName()
            and label.textFormat() != Qt.TextFormat.RichText
        ):
            buddy.setAccessibleName(strip_mnemonic(text).strip().rstrip(" :"))
    # Text fields are found by their Qt class name among the scroll areas: naming QPlainTextEdit,
    # QTextEdit and QTextBrowser to PySide would make those classes on a page that has none.
    for area in top.findChildren(QtWidgets.QAbstractScrollArea):
        if (area.inherits("QPlainTextEdit") or area.inherits("QTextEdit")) and not area.inherits(
            "QTextBrowser"
        ):
            multiline(cast("QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit", area))
    for view in top.findChildren(QtWidgets.QAbstractItemView):
        tab_leaves(view)
    if not mnemonics:
        return
    used = _texts_with_mnemonics(top)
    wanting = [
        label
        for label in labels
        if label.buddy() is not None
        and label.text().strip()
        and _mnemonic(label.text()) is None
        and "<" not in label.text()
    ]
    # The labels with the fewest letters to choose from choose first.
    wanting.sort(key=lambda label: len(_letters(label.text()) - used))
    for label in wanting:
        label.setText(_with_mnemonic(label.text(), used))
