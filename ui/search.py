"""The window's search box: Ctrl+F from anywhere, results as you type grouped by kind with the
matched words in bold; Up/Down to move, Enter opens the record, Escape closes.

The field sits at the right of the menu bar. The results drop down over the page as a child
panel of the window, never a window of their own, so that the field keeps the keyboard while
one types. The rows are a list model over `ess_desk.search.index.search` (a few milliseconds
even on ten years of records: it runs on the GUI thread once the typing pauses).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from ess_desk.store import Store
from ui.qt import QEvent, QModelIndex, QObject, Qt, QtCore, QtGui, QTimer, QtWidgets

if TYPE_CHECKING:
    from ess_desk.search.index import Hit
    from ui.search_results import SearchPanel, SearchResultsModel


def _loaded_on_first_use(name: str) -> ModuleType:
    """The module, executed the first time one of its names is read: the search field is built
    with the window, the search itself is only needed once someone types."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


index = _loaded_on_first_use("ess_desk.search.index")

DEBOUNCE_MS = 120
EXPANDED_LIMIT = 50  # hits of the kind whose « more results » row was chosen
PANEL_WIDTH = 680


def _magnifier_icon(size: int, color: QtGui.QColor) -> QtGui.QIcon:
    """A magnifying glass drawn at the field's size (the standard icons have none)."""
    pixmap = QtGui.QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    pen = QtGui.QPen(color, max(1.4, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    r = size * 0.3
    c = QtCore.QPointF(size * 0.42, size * 0.42)
    painter.drawEllipse(c, r, r)
    painter.drawLine(
        QtCore.QPointF(c.x() + r * 0.72, c.y() + r * 0.72),
        QtCore.QPointF(size * 0.86, size * 0.86),
    )
    painter.end()
    return QtGui.QIcon(pixmap)


class GlobalSearch(QtWidgets.QLineEdit):
    """The search field of the window and the results it drops down.

    `store` gives the current store (it changes when another database is opened); `open_record`
    shows a record and says whether it still exists (MainWindow.open_record)."""

    opened = QtCore.Signal(str, int)

    def __init__(
        self,
        window: QtWidgets.QMainWindow,
        store: Callable[[], Store],
        open_record: Callable[[str, int], bool],
    ):
        super().__init__()
        self.setObjectName("global_search")
        self._window = window
        self._store = store
        self._open_record = open_record
        self._expanded: str | None = None
        self.last_search: str | None = None
        self.setPlaceholderText(self.tr("Rechercher partout (Ctrl+F)"))
        self.setAccessibleName(self.tr("Rechercher partout"))
        self.setToolTip(
            self.tr(
                "Personnes, structures, instances, séances, points, procès-verbaux, décisions "
                "et actions. Sans accents ni majuscules ; « entre guillemets » pour une "
                "expression exacte."
            )
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.addAction(
            _magnifier_icon(16, self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText)),
            QtWidgets.QLineEdit.ActionPosition.LeadingPosition,
        )
        # The results' model and drop-down are made the first time they are needed (their
        # module with them), not while the window starts.
        self._model: SearchResultsModel | None = None
        self._panel: SearchPanel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._text_changed)
        window.installEventFilter(self)

    @property
    def model(self) -> SearchResultsModel:
        if self._model is None:
            from ui.search_results import SearchResultsModel

            self._model = SearchResultsModel(self)
        return self._model

    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
            from ui.search_results import SearchPanel

            self._panel = SearchPanel(self.model, self._window)
            self._panel.hide()
            self._panel.view.clicked.connect(lambda idx: self.open_row(idx.row()))
        return self._panel

    @property
    def view(self) -> QtWidgets.QListView:
        return self.panel.view

    # -- searching ---------------------------------------------------------------------------
    def activate(self) -> None:
        """Ctrl+F: the field takes the keyboard, its text selected, its results shown again."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if index.parse(self.text()) is not None:
            self.run_search()

    def _text_changed(self, _text: str) -> None:
        self._expanded = None
        self._timer.start()

    def flush(self) -> None:
        """Search now for what is typed (tests, and Enter typed before the pause)."""
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.text()
        if index.parse(text) is None:
            self.last_search = None
            if self._model is not None:
                self._model.clear()
            self.hide_results()
            return
        db = self._store().db
        groups = index.search(db, text, limit=index.DEFAULT_LIMIT)
        if self._expanded is not None:
            more = index.search(db, text, kinds=[self._expanded], limit=EXPANDED_LIMIT)
            replacement = {g.kind: g for g in more}
            groups = [replacement.get(g.kind, g) if g.kind == self._expanded else g for g in groups]
        self.last_search = text
        self.model.set_groups(groups, text, self._expanded)
        first = self.model.next_selectable(-1, 1)
        if self._expanded is not None:
            first = next(
                (
                    n
                    for n, r in enumerate(self.model.rows)
                    if r.role == "hit" and r.kind == self._expanded
                ),
                first,
            )
        self._select(first)
        self.show_results()

    def groups_shown(self) -> list[str]:
        return [r.kind for r in self.model.rows if r.role == "header"]

    # -- the drop-down -----------------------------------------------------------------------
    def show_results(self) -> None:
        self._place_panel()
        self.panel.show()
        self.panel.raise_()

    def hide_results(self) -> None:
        if self._panel is not None:
            self._panel.hide()

    def results_visible(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def _place_panel(self) -> None:
        window = self._window
        width = min(PANEL_WIDTH, window.width() - 24)
        corner = self.mapTo(window, QtCore.QPoint(self.width(), self.height()))
        x = max(12, min(corner.x() - width, window.width() - width - 12))
        y = corner.y() + 4
        room = window.height() - y - 36
        self.panel.hints.setVisible(any(r.selectable for r in self.model.rows))
        height = max(40, min(self.panel.content_height(), room))
        self.panel.setGeometry(x, y, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Resize
            and self.results_visible()
        ):
            self._place_panel()
        return super().eventFilter(watched, event)

    # -- keyboard ----------------------------------------------------------------------------
    def _select(self, row: int | None) -> None:
        if row is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            return
        idx = self.model.index(row, 0)
        self.view.setCurrentIndex(idx)
        self.view.scrollTo(idx)
        if row <= 2:  # show the heading above the first hits too
            self.view.scrollToTop()

    def current_row(self) -> int | None:
        idx = self.view.currentIndex()
        return idx.row() if idx.isValid() else None

    def current_hit(self) -> Hit | None:
        current = self.current_row()
        row = self.model.row(current if current is not None else -1)
        return row.hit if row is not None else None

    def move(self, step: int) -> None:
        if not self.results_visible():
            if index.parse(self.text()) is not None:
                self.run_search()
            return
        current = self.current_row()
        start = current if current is not None else (-1 if step > 0 else self.model.rowCount())
        target = self.model.next_selectable(start, step)
        if target is not None:
            self._select(target)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.move(1)
        elif key == Qt.Key.Key_Up:
            self.move(-1)
        elif key == Qt.Key.Key_PageDown:
            for _n in range(5):
                self.move(1)
        elif key == Qt.Key.Key_PageUp:
            for _n in range(5):
                self.move(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            if self.results_visible():
                row = self.current_row()
                first = self.model.next_selectable(-1, 1)
                self.open_row(row if row is not None else (first if first is not None else -1))
        elif key == Qt.Key.Key_Escape:
            if self.results_visible():
                self.hide_results()
            else:
                self.leave()
        else:
            super().keyPressEvent(event)

    def leave(self) -> None:
        """Give the keyboard back to the page shown: to what it focused itself (a meeting's
        tabs), else to its list with a selection (the person found), else to the window."""
        self.hide_results()
        stack = getattr(self._window, "stack", None)
        page = stack.currentWidget() if stack is not None else None
        focus = QtWidgets.QApplication.focusWidget()
        if page is None or (focus is not None and focus is not self and page.isAncestorOf(focus)):
            return
        views = [
            v
            for v in page.findChildren(QtWidgets.QAbstractItemView)
            if v.isVisible()
            and v.focusPolicy() != Qt.FocusPolicy.NoFocus
            and v.selectionModel() is not None
            and v.selectionModel().hasSelection()
        ]
        if views:
            views[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if QtWidgets.QApplication.focusWidget() is self:
            self.clearFocus()

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        # Leaving the field (a click elsewhere, another window) folds the results away.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.hide_results()
        super().focusOutEvent(event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason and index.parse(self.text()):
            self.run_search()

    # -- opening -----------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        result = self.model.row(row)
        if result is None:
            return
        if result.role == "more":
            self._expanded = result.kind
            self.run_search()
            return
        if result.hit is None:
            return
        hit = result.hit
        self.hide_results()
        if self._open_record(hit.kind, hit.id):
            self.opened.emit(hit.kind, hit.id)
            self.leave()
        else:
            status = getattr(self._window, "statusBar", None)
            if status is not None:
                status().showMessage(self.tr("Cette fiche n'existe plus."), 6000)


def corner_widget(search: GlobalSearch, menu_bar: QtWidgets.QMenuBar) -> QtWidgets.QWidget:
    """The field with the margins it needs at the right of the menu bar (owned by the bar)."""
    holder = QtWidgets.QWidget(menu_bar)
    holder.setObjectName("global_search_corner")
    layout = QtWidgets.QHBoxLayout(holder)
    layout.setContentsMargins(8, 3, 8, 3)
    layout.addWidget(search)
    return holder
