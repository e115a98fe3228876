"""Walk every page, every tab and every dialog of the window, and check each against the rules of
issue 15 (fit on office screens, accessibility). Pages come from `page_specs()`, the meeting's
tabs from `MeetingView.tab_keys()` (so `EXTRA_TABS` others add), inner tabs and stacks from the
widgets themselves, and dialogs from every `QDialog` subclass defined under `ui/`: a dialog added
later is walked without anyone listing it. A dialog whose constructor asks for a parameter the
walker cannot provide fails with the parameter's name: add it to `PROVIDERS`.

Run alone (the fit test does, once per screen): `python -m tests.ui.walk --out report.json`
under `QT_QPA_PLATFORM=offscreen:configfile=…` and `QT_SCALE_FACTOR`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import json
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6

from ui.a11y import field_types
from ui.qt import QtCore, QtGui, QtWidgets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
IMPORT_FILE = FIXTURES / "import" / "membres_erreurs.csv"

# Widgets that hold a value and take a label: a label's buddy must be one of these.
FIELDS = field_types()
# Their accessible interface gives their value, not a name: they need a name of their own.
VALUE_NAMED = (QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox)


@dataclass
class Report:
    """Problems found, by rule; each a sentence naming the view and the widget."""

    fit: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    buddies: list[str] = field(default_factory=list)
    multiline: list[str] = field(default_factory=list)
    mnemonics: list[str] = field(default_factory=list)
    keyboard: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[str]]:
        return dict(self.__dict__)


# -- describing a widget ----------------------------------------------------------------------
def describe(widget: QtWidgets.QWidget) -> str:
    parts = [type(widget).__name__]
    if widget.objectName():
        parts[0] += f"#{widget.objectName()}"
    for getter in ("text", "placeholderText", "title", "windowTitle"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if isinstance(text, str) and text.strip():
                parts.append(f"« {text.strip()[:40]} »")
                break
    owner = widget.parentWidget()
    chain = []
    while owner is not None and len(chain) < 3:
        if owner.objectName() and not owner.objectName().startswith("qt_"):
            chain.append(owner.objectName())
        elif type(owner).__module__.startswith("ui."):
            chain.append(type(owner).__name__)
        owner = owner.parentWidget()
    where = f" in {' › '.join(reversed(chain))}" if chain else ""
    return " ".join(parts) + where


def shown(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.window() is top


def focusable(widget: QtWidgets.QWidget) -> bool:
    if widget.focusProxy() is not None or isinstance(widget, QtWidgets.QScrollBar):
        return False
    return bool(widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)


# -- the rules --------------------------------------------------------------------------------
def check_names(top: QtWidgets.QWidget, where: str) -> list[str]:
    from ui.a11y import accessible_name

    buddies = {
        id(label.buddy())
        for label in top.findChildren(QtWidgets.QLabel)
        if label.buddy() is not None and label.text().strip()
    }
    problems = []
    for widget in top.findChildren(QtWidgets.QWidget):
        if not shown(widget, top) or not focusable(widget):
            continue
        if isinstance(widget, VALUE_NAMED):
            named = bool(widget.accessibleName().strip()) or id(widget) in buddies
        else:
            named = bool(accessible_name(widget))
        if not named:
            problems.append(f"{where}: {describe(widget)} has no accessible name")
    return problems


def check_buddies(top: QtWidgets.QWidget, where: str) -> list[str]:
    problems = []
    for label in top.findChildren(QtWidgets.QLabel):
        buddy = label.buddy()
        if buddy is not None and not isinstance(buddy, FIELDS):
            problems.append(
                f"{where}: the label « {label.text()} » has for buddy {describe(buddy)}, "
                "not a field"
            )
    return problems


def check_multiline(top: QtWidgets.QWidget, where: str) -> list[str]:
    problems = []
    for edit in top.findChildren(QtWidgets.QPlainTextEdit) + top.findChildren(QtWidgets.QTextEdit):
        if isinstance(edit, QtWidgets.QTextBrowser) or edit.isReadOnly():
            continue
        if not edit.tabChangesFocus():
            problems.append(f"{where}: Tab does not leave {describe(edit)} (a11y.multiline)")
    return problems


def field_labels(top: QtWidgets.QWidget) -> Iterator[QtWidgets.QLabel]:
    """The labels of a form's rows whose field side holds a field (not a value shown)."""
    for form in top.findChildren(QtWidgets.QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            field_item = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.FieldRole)
            field = field_item.widget() if field_item is not None else None
            if not isinstance(label, QtWidgets.QLabel) or not label.text().strip():
                continue
            if field is None and field_item is not None and field_item.layout() is not None:
                inner = field_item.layout()
                widgets = [inner.itemAt(i).widget() for i in range(inner.count())]
                holds = any(
                    w is not None and (isinstance(w, FIELDS) or _holds_field(w)) for w in widgets
                )
            else:
                holds = field is not None and (isinstance(field, FIELDS) or _holds_field(field))
            if holds:
                yield label


def _holds_field(widget: QtWidgets.QWidget) -> bool:
    return any(
        focusable(child)
        for child in widget.findChildren(QtWidgets.QWidget)
        if isinstance(child, FIELDS)
    )


def _in_rows_of_records(widget: QtWidgets.QWidget) -> bool:
    """In a list of records shown as form rows (one per voter): no mnemonic is asked there."""
    owner = widget.parentWidget()
    while owner is not None:
        if owner.property("rows_of_records"):
            return True
        owner = owner.parentWidget()
    return False


def check_mnemonics(top: QtWidgets.QDialog, where: str) -> list[str]:
    """In a dialog, each field's label has a mnemonic (Alt+letter) and the field for buddy."""
    from ui.a11y import strip_mnemonic

    problems = []
    for label in field_labels(top):
        if not shown(label, top) or _in_rows_of_records(label):
            continue
        text = label.text()
        if strip_mnemonic(text) == text:
            problems.append(f"{where}: the label « {text} » has no mnemonic (&)")
        if label.buddy() is None:
            problems.append(f"{where}: the label « {text} » has no buddy")
    return problems


def check_keyboard(top: QtWidgets.QWidget, where: str, *, dialog: bool) -> list[str]:
    """Tab leaves every table (no keyboard trap), and a dialog opens on its content, its
    buttons last in the Tab order."""
    problems = [
        f"{where}: Tab moves inside {describe(view)} and never leaves it (a11y.tab_leaves)"
        for view in top.findChildren(QtWidgets.QAbstractItemView)
        if shown(view, top) and focusable(view) and view.tabKeyNavigation()
    ]
    if dialog:
        from ui.fitting import tab_chain

        stops = [w for w in tab_chain(top) if shown(w, top) and w.isEnabled()]
        boxes = top.findChildren(QtWidgets.QDialogButtonBox)
        in_box = [any(b.isAncestorOf(w) for b in boxes) for w in stops]
        if stops and in_box[0] and not all(in_box):
            problems.append(f"{where}: Tab reaches {describe(stops[0])} before the fields")
    return problems


def _scroll_viewport(widget: QtWidgets.QWidget) -> bool:
    owner = widget.parentWidget()
    return isinstance(owner, QtWidgets.QAbstractScrollArea) and widget is owner.viewport()


def _cut_by_ancestor(
    widget: QtWidgets.QWidget, top: QtWidgets.QWidget, *, scrolled: bool = False
) -> bool:
    """Part of the widget lies outside a box that holds it and does not scroll (`scrolled`:
    or that scrolls)."""
    rect, child, owner = widget.rect(), widget, widget.parentWidget()
    while owner is not None and child is not top:
        rect = rect.translated(child.pos())  # in the owner's coordinates
        if _scroll_viewport(owner) and not scrolled:
            return False
        if not owner.rect().contains(rect):
            return True
        child, owner = owner, owner.parentWidget()
    return False


def clipped_text(widget: QtWidgets.QWidget) -> str:
    """How the text of a label, a check box or a button is cut, or ''."""
    width, height = widget.width(), widget.height()
    if isinstance(widget, QtWidgets.QLabel):
        if not widget.text().strip() or widget.property("elides"):
            return ""
        if widget.wordWrap():
            needed = widget.heightForWidth(width)
            if needed > height + 1:
                return f"{height} px high for the {needed} its lines need"
            return ""
        hint = widget.sizeHint()
        if hint.width() > width + 1:
            return f"{width} px wide for the {hint.width()} its text needs"
        if hint.height() > height + 1:
            return f"{height} px high for the {hint.height()} its text needs"
        return ""
    icon_only = (
        isinstance(widget, QtWidgets.QToolButton)
        and widget.toolButtonStyle() == QtCore.Qt.ToolButtonStyle.ToolButtonIconOnly
        and not widget.icon().isNull()
    )
    if isinstance(widget, QtWidgets.QAbstractButton) and widget.text().strip() and not icon_only:
        hint = widget.sizeHint()
        if hint.width() > width + 1:
            return f"{width} px wide for the {hint.width()} its text needs"
    return ""


def clipped_painted(text: Any, owner: QtWidgets.QWidget) -> str:
    """How a text a widget paints in a label's place (ui.card_text.CardText) is cut, or ''."""
    if not text.isVisible() or not text.text().strip():
        return ""
    rect = text.rect()
    if text.hasHeightForWidth():
        needed = text.heightForWidth(rect.width())
        if needed > rect.height() + 1:
            return f"{rect.height()} px high for the {needed} its lines need"
    else:
        hint = text.sizeHint()
        if hint.width() > rect.width() + 1:
            return f"{rect.width()} px wide for the {hint.width()} its text needs"
        if hint.height() > rect.height() + 1:
            return f"{rect.height()} px high for the {hint.height()} its text needs"
    if not owner.rect().contains(rect):
        return "partly outside the widget that paints it"
    return ""


def check_clipped(top: QtWidgets.QWidget, where: str) -> list[str]:
    """No text cut: every label, check box and button shown has the room its text needs, and
    lies whole within the boxes that hold it (a scroll area's content excepted); so does every
    text a widget paints in a label's place (a dashboard card's title, count, subtitle)."""
    problems = []
    for widget in top.findChildren(QtWidgets.QLabel) + top.findChildren(QtWidgets.QAbstractButton):
        if not shown(widget, top):
            continue
        how = clipped_text(widget)
        if not how and _cut_by_ancestor(widget, top):
            how = "partly outside the box that holds it"
        if how:
            problems.append(f"{where}: the text of {describe(widget)} is cut: {how}")
    for widget in top.findChildren(QtWidgets.QFrame):
        painted = getattr(widget, "painted_texts", None)
        if painted is None or not shown(widget, top):
            continue
        for text in painted():
            how = clipped_painted(text, widget)
            if how:
                problems.append(
                    f"{where}: the text « {text.text()} » of {describe(widget)} is cut: {how}"
                )
    return problems


# -- visible focus ----------------------------------------------------------------------------
_LINEAR = [
    c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    for c in (v / 255 for v in range(256))
]


def _luminance(pixel: bytes) -> float:
    r, g, b = pixel[:3]
    return 0.2126 * _LINEAR[r] + 0.7152 * _LINEAR[g] + 0.0722 * _LINEAR[b]


def _rgb(image: QtGui.QImage) -> Any:
    from PIL import Image

    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    size = (image.width(), image.height())
    data = bytes(image.constBits())
    return Image.frombuffer("RGB", size, data, "raw", "RGB", image.bytesPerLine(), 1)


def indicator_area(before: QtGui.QImage, after: QtGui.QImage) -> int:
    """The pixels that change by at least 3:1 of contrast between two states (WCAG 1.4.11 and
    2.4.13's measure of a focus indicator)."""
    from PIL import ImageChops

    from ui.palette import MINIMUM_GRAPHIC_CONTRAST

    first, second = _rgb(before), _rgb(after)
    changed = ImageChops.difference(first, second).convert("L").tobytes()
    a, b = first.tobytes(), second.tobytes()
    count = 0
    for index, change in enumerate(changed):
        if change:
            at = 3 * index
            la, lb = _luminance(a[at : at + 3]), _luminance(b[at : at + 3])
            if (max(la, lb) + 0.05) / (min(la, lb) + 0.05) >= MINIMUM_GRAPHIC_CONTRAST:
                count += 1
    return count


@dataclass
class FocusWalk:
    """The kinds of control whose focus ring was measured in pixels."""

    measured: set[str] = field(default_factory=set)


def _focus_shown(widget: QtWidgets.QWidget) -> str:
    """'' when the focus ring stands on the focused `widget`, else what is wrong."""
    from ui import focus

    if not widget.hasFocus():
        return "does not take the focus"
    ring = focus.installed().ring()
    target = focus.ringed(widget)
    if ring.target is not target or not ring.isVisible() or ring.geometry() != target.rect():
        return "shows no focus ring"
    return ""


def _whole_in_view(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    """No box that holds the widget (a scrolled page, a splitter) hides a part of it."""
    return not _cut_by_ancestor(widget, top, scrolled=True)


def check_focus(top: QtWidgets.QWidget, where: str, done: FocusWalk) -> list[str]:
    """Every focusable control, given the focus by the keyboard, shows it: the ring stands on
    it, and (once per kind of control, one seen whole) the pixels it changes by at least 3:1
    cover at least a one-pixel outline of the control (of a tab bar, of its current tab)."""
    from ui import focus

    problems = []
    ratio = top.devicePixelRatioF()
    for widget in top.findChildren(QtWidgets.QWidget):
        if not shiboken6.isValid(widget):
            continue  # gone while another took the focus (a progress dialog that ended)
        if not shown(widget, top) or not focusable(widget) or not widget.isEnabled():
            continue
        if widget.property("walk_focus_checked"):
            continue  # the window's own controls, met again on every page
        widget.setProperty("walk_focus_checked", True)
        kind = type(widget).__name__
        measure = kind not in done.measured and _whole_in_view(widget, top)
        rect = QtCore.QRect(widget.mapTo(top, QtCore.QPoint(0, 0)), widget.size())
        if measure:
            top.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)  # no control has it
            QtWidgets.QApplication.processEvents()
            before = top.grab(rect).toImage()
        widget.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
        QtWidgets.QApplication.processEvents()
        wrong = _focus_shown(widget)
        if not wrong and measure:
            done.measured.add(kind)
            area = indicator_area(before, top.grab(rect).toImage())
            ringed = focus.area(focus.ringed(widget) or widget)
            outline = 2 * (ringed.width() + ringed.height()) * ratio * ratio
            if area < outline:
                wrong = (
                    f"changes {area} pixels by 3:1 when focused, less than a 1 px outline "
                    f"({outline:.0f})"
                )
        if wrong:
            problems.append(f"{where}: {describe(widget)} {wrong}")
    return problems


# On a screen below the office screens (1366×768 at 150 %: 911×480 points) a page may
# scroll down, never sideways: `python -m tests.ui.walk --pages-scroll-down`.
PAGES_SCROLL_DOWN = False


def _inside_scroll_area(widget: QtWidgets.QWidget, top: QtWidgets.QWidget) -> bool:
    owner = widget.parentWidget()
    while owner is not None and owner is not top:
        # The window's pages scroll only on screens smaller than the ones tested (check_fit).
        if isinstance(owner, QtWidgets.QAbstractScrollArea) and (
            owner.objectName() != "page_scroll" or PAGES_SCROLL_DOWN
        ):
            return True
        owner = owner.parentWidget()
    return False


def check_fit(top: QtWidgets.QWidget, where: str) -> list[str]:
    screen = (top.screen() or QtGui.QGuiApplication.primaryScreen()).availableGeometry()
    problems = []
    frame = top.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(
            f"{where}: {frame.width()}×{frame.height()} does not fit the screen's "
            f"{screen.width()}×{screen.height()}"
        )
    minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
    if minimum.width() > screen.width() or minimum.height() > screen.height():
        problems.append(
            f"{where}: needs at least {minimum.width()}×{minimum.height()} on a "
            f"{screen.width()}×{screen.height()} screen"
        )
    pages = top.findChild(QtWidgets.QScrollArea, "page_scroll")
    if pages is not None and shown(pages, top):
        bars = [(pages.horizontalScrollBar(), "wide")]
        if not PAGES_SCROLL_DOWN:
            bars.append((pages.verticalScrollBar(), "tall"))
        for bar, how in bars:
            if bar.maximum() > 0:
                problems.append(f"{where}: the page is {bar.maximum()} px too {how}: it scrolls")
    inner = top.rect()
    for button in top.findChildren(QtWidgets.QAbstractButton):
        if not shown(button, top) or _inside_scroll_area(button, top):
            continue
        rect = QtCore.QRect(button.mapTo(top, QtCore.QPoint(0, 0)), button.size())
        if not inner.contains(rect):
            problems.append(
                f"{where}: {describe(button)} lies outside the window "
                f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()} in {inner.width()}×"
                f"{inner.height()})"
            )
    return problems


def check_all(
    top: QtWidgets.QWidget,
    where: str,
    report: Report,
    *,
    dialog: bool,
    focus: FocusWalk | None = None,
) -> None:
    for _ in range(8):  # a layout request goes up one level per turn of the event loop
        QtWidgets.QApplication.processEvents()
    report.fit += check_fit(top, where)
    report.clipped += check_clipped(top, where)
    report.names += check_names(top, where)
    report.buddies += check_buddies(top, where)
    report.multiline += check_multiline(top, where)
    report.keyboard += check_keyboard(top, where, dialog=dialog)
    if dialog:
        report.mnemonics += check_mnemonics(top, where)
    if focus is not None:
        report.focus += check_focus(top, where, focus)


# -- the council walked -----------------------------------------------------------------------
@dataclass
class Council:
    """The demo council, and one record of each kind the dialogs need."""

    store: Any
    meeting_id: int
    body_id: int
    item: Any
    values: dict[str, Any]


def demo_council(path: Path) -> Council:
    from ess_desk.demo import fill_demo
    from ess_desk.meetings import agenda
    from ess_desk.store import open_store

    store = open_store(path)
    fill_demo(store, "small")
    db = store.db
    held = db.execute(
        "SELECT m.id, m.body_id FROM meetings m JOIN minutes n ON n.meeting_id = m.id "
        "WHERE m.status IN ('held', 'closed') ORDER BY n.status = 'draft' DESC, m.starts_at DESC"
    ).fetchone()
    meeting_id, body_id = held
    items = agenda.items(db, meeting_id)
    vote_item = next((i for i in items if i.kind in ("vote", "approval")), items[0])

    def first(sql: str) -> Any:
        row = db.execute(sql).fetchone()
        return row[0] if row else None

    from ess_desk.meetings import meetings
    from ui.settings import AppSettings

    values: dict[str, Any] = {
        "store": store,
        "meeting_id": meeting_id,
        "body_id": body_id,
        "parent_body_id": None,
        "item": vote_item,
        "item_id": vote_item.id,
        "item_title": vote_item.title,
        "meeting": meetings.get(db, meeting_id),
        "action_id": first("SELECT id FROM actions ORDER BY id"),
        "decision_id": first("SELECT id FROM decisions ORDER BY id"),
        "person_id": first("SELECT id FROM people ORDER BY id"),
        "mandate_id": first("SELECT id FROM mandates ORDER BY id"),
        "college_id": first(f"SELECT id FROM colleges WHERE body_id = {int(body_id)}"),
        "minutes_id": first("SELECT id FROM minutes WHERE status = 'approved' ORDER BY id"),
        "settings": AppSettings(),
        "db_path": store.path,
        "path": IMPORT_FILE,
        "title": "ESS Desk",
        "name": "",
        "start": None,
        "day": None,
        "folder": None,
        "detail": "",
        "today": None,
        "exc": RuntimeError("erreur d'exemple pour la revue de l'interface"),
        "what": "",
        "log_path": None,
    }
    return Council(store, meeting_id, body_id, vote_item, values)


# Parameters a dialog may ask for beyond those above: name → how to get it from the council.
def _mail_session(council: Council) -> Any:
    from ui.mail.session import MailSession

    return MailSession(lambda: council.store)


PROVIDERS: dict[str, Callable[[Council], Any]] = {"session": _mail_session}


def _meeting_to_convene(council: Council) -> Any:
    return council.store.db.execute(
        "SELECT id FROM meetings WHERE status NOT IN ('postponed', 'closed', 'held') "
        "ORDER BY starts_at LIMIT 1"
    ).fetchone()[0]


# A parameter one dialog needs other than the walk's usual record: class → name → provider.
OVERRIDES: dict[str, dict[str, Callable[[Council], Any]]] = {
    "ConvocationsDialog": {"meeting_id": _meeting_to_convene},  # a meeting still to convene
}


def _choose(combo: str, code: str) -> Callable[[Any], None]:
    def enter(dialog: Any) -> None:
        box = getattr(dialog, combo)
        box.setCurrentIndex(box.findData(code))

    return enter


# The states of a dialog that show other controls than it opens with: class → name → how.
STATES: dict[str, dict[str, Callable[[Any], None]]] = {
    "VoteDialog": {  # issue 11's ways of voting: the roll call shows one row per voter
        "roll call": _choose("kind", "roll_call"),
        "secret ballot": _choose("kind", "secret"),
    },
}


def dialog_classes() -> list[type[QtWidgets.QDialog]]:
    """Every QDialog subclass defined in a module under ui/ (message boxes excepted: Qt's)."""
    import ui

    found: dict[str, type[QtWidgets.QDialog]] = {}
    for module_info in pkgutil.walk_packages(ui.__path__, "ui."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            # A private base (`_NewMeetingDialog`) is never shown itself: its subclasses are.
            if name.startswith("_"):
                continue
            if issubclass(cls, QtWidgets.QDialog) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{name}"] = cls
    return [found[key] for key in sorted(found)]


def dialog_arguments(cls: type, council: Council, *, full: bool) -> dict[str, Any]:
    """The constructor's arguments: the required ones always, the optional ones (an id to edit
    rather than create) when `full`. Raises LookupError naming a parameter nobody provides."""
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(cls.__init__).parameters.items():
        if name in ("self", "parent") or parameter.kind in (
            parameter.VAR_POSITIONAL,
            parameter.VAR_KEYWORD,
        ):
            continue
        required = parameter.default is inspect.Parameter.empty
        if not required and not full:
            continue
        if name in OVERRIDES.get(cls.__name__, {}):
            value = OVERRIDES[cls.__name__][name](council)
        elif name in PROVIDERS:
            value = PROVIDERS[name](council)
        elif name in council.values:
            value = council.values[name]
        elif required:
            raise LookupError(
                f"{cls.__name__}: the walker cannot provide the parameter « {name} »; add it "
                "to PROVIDERS in tests/ui/walk.py"
            )
        else:
            continue
        if required or value is not None:
            arguments[name] = value
    return arguments


def walk_dialogs(
    window: QtWidgets.QWidget, council: Council, report: Report, focus: FocusWalk | None = None
) -> None:
    for cls in dialog_classes():
        variants: dict[tuple[str, ...], tuple[str, dict[str, Any]]] = {}
        for full, label in ((False, "new"), (True, "edit")):
            try:
                arguments = dialog_arguments(cls, council, full=full)
            except LookupError as exc:
                report.dialogs.append(str(exc))
                break
            variants[tuple(sorted(arguments))] = (label, arguments)
        for label, arguments in variants.values():
            where = f"dialog {cls.__name__}" + (f" ({label})" if len(variants) > 1 else "")
            dialog = cls(**arguments, parent=window)
            dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
            dialog.show()
            QtWidgets.QApplication.processEvents()
            report.views.append(where)
            check_all(dialog, where, report, dialog=True, focus=focus)
            for state, enter in STATES.get(cls.__name__, {}).items():
                enter(dialog)
                report.views.append(f"{where} [{state}]")
                check_all(dialog, f"{where} [{state}]", report, dialog=True, focus=focus)
            dialog.reject()
            dialog.close()
            QtWidgets.QApplication.processEvents()


def _tab_states(top: QtWidgets.QWidget, done: set[int]) -> Iterator[str]:
    """Show each tab of each tab widget (and each page of each stack) not yet walked."""
    for tabs in top.findChildren(QtWidgets.QTabWidget):
        if id(tabs) in done or not tabs.isVisibleTo(top.window()):
            continue
        done.add(id(tabs))
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QtWidgets.QApplication.processEvents()
            yield f"tab « {tabs.tabText(index)} »"
            yield from _tab_states(tabs.widget(index), done)


def walk_window(
    window: Any, council: Council, report: Report, focus: FocusWalk | None = None
) -> None:
    for key in window.page_keys():
        page = window.show_page(key)
        QtWidgets.QApplication.processEvents()
        where = f"page {key}"
        report.views.append(where)
        check_all(window, where, report, dialog=False, focus=focus)
        for state in _tab_states(page, set()):
            report.views.append(f"{where}, {state}")
            check_all(window, f"{where}, {state}", report, dialog=False, focus=focus)
    meetings = window.show_page("meetings")
    view = meetings.open_meeting(council.meeting_id)
    for key in view.tab_keys():
        view.show_tab(key)
        QtWidgets.QApplication.processEvents()
        where = f"meeting tab {key}"
        report.views.append(where)
        check_all(window, where, report, dialog=False, focus=focus)
        for state in _tab_states(view.tab(key), set()):
            report.views.append(f"{where}, {state}")
            check_all(window, f"{where}, {state}", report, dialog=False, focus=focus)
    meetings.show_list()


def run_walk(folder: Path, *, focus: bool = False) -> Report:
    """The whole walk over a fresh demo council in `folder`; `focus`: with the focus rule
    (it draws each control focused, a few seconds)."""
    from ui.main_window import MainWindow

    council = demo_council(folder / "walk.sqlite")
    report = Report()
    settings = council.values["settings"]
    # A window last saved on a larger screen (or at another scale) comes back within this one.
    larger = MainWindow(council.store, settings)
    larger.setGeometry(QtCore.QRect(-200, -100, 3000, 2000))
    settings.set_window_geometry(larger.saveGeometry())
    larger.deleteLater()
    window = MainWindow(council.store, settings)
    window.show()
    QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.processEvents()
    report.views.append("restored window")
    screen = (window.screen() or QtGui.QGuiApplication.primaryScreen()).availableGeometry()
    if not screen.contains(window.frameGeometry()):
        report.fit.append(
            f"restored window: {window.frameGeometry()} is not within the screen {screen}"
        )
    window.showMaximized()
    QtWidgets.QApplication.processEvents()
    try:
        rings = FocusWalk() if focus else None
        walk_window(window, council, report, rings)
        walk_dialogs(window, council, report, rings)
    finally:
        window.close()
        window.deleteLater()
        QtWidgets.QApplication.processEvents()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--focus", action="store_true", help="check the visible focus too")
    parser.add_argument(
        "--pages-scroll-down", action="store_true", help="a page may scroll down (small screen)"
    )
    parser.add_argument("--language", default="fr", choices=("fr", "en"))
    args = parser.parse_args(argv)
    global PAGES_SCROLL_DOWN
    PAGES_SCROLL_DOWN = args.pages_scroll_down
    from ui.qt import QCoreApplication, QSettings
    from ui.settings import APPLICATION, ORGANISATION

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        from ui import palette

        palette.apply(app)
        from ui.app import install_translators

        translators = install_translators(app, args.language)  # noqa: F841 (kept alive)
        from ui import focus

        focus.install(app)
        report = run_walk(Path(scratch), focus=args.focus)
    screen = QtGui.QGuiApplication.primaryScreen()
    data = report.as_dict()
    data["screen"] = [screen.availableGeometry().width(), screen.availableGeometry().height()]
    data["ratio"] = screen.devicePixelRatio()
    data["when"] = dt.datetime.now().isoformat(timespec="seconds")
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
