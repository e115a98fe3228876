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
from typing import TYPE_CHECKING, Any, NamedTuple

from ess_desk.store import Store
from ui.qt import QEvent, QModelIndex, QObject, Qt, QtCore, QtGui, QTimer, QtWidgets

if TYPE_CHECKING:
    from ess_desk.search.index import Group, Hit


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


class ResultRow(NamedTuple):
    """One line of the results: a kind's heading, a hit, a « more » line, or « no result »."""

    role: str  # "header", "hit", "more" or "empty"
    kind: str = ""
    text: str = ""
    hit: Hit | None = None

    @property
    def selectable(self) -> bool:
        return self.role in ("hit", "more")


class SearchResultsModel(QtCore.QAbstractListModel):
    """The rows shown for the groups of one search."""

    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[ResultRow] = []

    def set_groups(self, groups: list[Group], text: str, expanded: str | None) -> None:
        rows: list[ResultRow] = []
        for group in groups:
            rows.append(ResultRow("header", group.kind, group.label))
            rows += [ResultRow("hit", group.kind, h.plain_title, h) for h in group.hits]
            if group.more and group.kind != expanded:
                rows.append(
                    ResultRow(
                        "more",
                        group.kind,
                        self.tr("Plus de résultats : {kind}…").format(kind=group.label.lower()),
                    )
                )
        if not rows:
            rows.append(
                ResultRow("empty", text=self.tr("Aucun résultat pour « {text} »").format(text=text))
            )
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def row(self, n: int) -> ResultRow | None:
        return self.rows[n] if 0 <= n < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, idx: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(idx.row()) if idx.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and row.hit is not None:
            parts = [row.hit.plain_title, row.hit.context, row.hit.plain_snippet]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.hit is not None:
            return f"{row.hit.context}. {row.hit.plain_snippet}"
        return None

    def flags(self, idx: QModelIndex) -> Qt.ItemFlag:
        if not idx.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.row(idx.row())
        if row is not None and row.selectable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def next_selectable(self, start: int, step: int) -> int | None:
        n = start + step
        while 0 <= n < len(self.rows):
            if self.rows[n].selectable:
                return n
            n += step
        return None


def to_html(marked: str) -> str:
    """A marked title or snippet as HTML: escaped, the matched words in bold."""
    import html  # at the first search: `html` brings its entity table (a millisecond at start)

    return (
        html.escape(marked, quote=False)
        .replace(index.MARK_OPEN, "<b>")
        .replace(index.MARK_CLOSE, "</b>")
    )


def elide_marked(marked: str, metrics: QtGui.QFontMetrics, width: int) -> str:
    """`marked` cut with « … » to fit `width` (measured in the bold font: matched words are
    bold), its marks kept balanced."""
    plain = index.plain(marked)
    if metrics.horizontalAdvance(plain) <= width:
        return marked
    keep = max(0, len(metrics.elidedText(plain, Qt.TextElideMode.ElideRight, width)) - 1)
    out: list[str] = []
    inside = False
    count = 0
    for char in marked:
        if char == index.MARK_OPEN:
            inside = True
        elif char == index.MARK_CLOSE:
            inside = False
        elif count >= keep:
            break
        else:
            count += 1
        out.append(char)
    if inside:
        out.append(index.MARK_CLOSE)
    return "".join(out).rstrip() + "…"


class SearchResultDelegate(QtWidgets.QStyledItemDelegate):
    """Draws a heading in small capitals, a hit as its title (matched words bold) with its
    context in grey, and below it the extract where the words were found."""

    PAD_X = 12
    INDENT = 10

    def _fonts(self, option: QtWidgets.QStyleOptionViewItem) -> tuple[QtGui.QFont, ...]:
        base = QtGui.QFont(option.font)
        bold = QtGui.QFont(base)
        bold.setBold(True)
        small = QtGui.QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        small_bold = QtGui.QFont(small)
        small_bold.setBold(True)
        heading = QtGui.QFont(small_bold)
        heading.setCapitalization(QtGui.QFont.Capitalization.AllUppercase)
        heading.setLetterSpacing(QtGui.QFont.SpacingType.PercentageSpacing, 106)
        return base, bold, small, small_bold, heading

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, idx: QModelIndex) -> QtCore.QSize:
        row: ResultRow | None = idx.data(SearchResultsModel.RowRole)
        base, _bold, small, _sb, heading = self._fonts(option)
        line = QtGui.QFontMetrics(base).height()
        small_line = QtGui.QFontMetrics(small).height()
        if row is None:
            return QtCore.QSize(0, line)
        if row.role == "header":
            return QtCore.QSize(0, QtGui.QFontMetrics(heading).height() + (16 if idx.row() else 8))
        if row.role == "hit" and row.hit is not None and row.hit.snippet:
            return QtCore.QSize(0, line + small_line + 12)
        return QtCore.QSize(0, line + 10)

    def _draw_html(
        self, painter: QtGui.QPainter, x: int, y: int, text: str, font: QtGui.QFont, color: str
    ) -> float:
        doc = QtGui.QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setHtml(f'<span style="color:{color}; white-space:pre">{text}</span>')
        painter.save()
        painter.translate(x, y)
        doc.drawContents(painter)
        painter.restore()
        return doc.idealWidth()

    def paint(
        self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem, idx: QModelIndex
    ) -> None:
        row: ResultRow | None = idx.data(SearchResultsModel.RowRole)
        if row is None:
            return
        base, bold, small, small_bold, heading = self._fonts(option)
        palette = option.palette
        rect = option.rect
        text_color = palette.color(QtGui.QPalette.ColorRole.Text)
        grey = palette.color(QtGui.QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QtWidgets.QStyle.StateFlag.State_MouseOver)
        if row.selectable and (selected or hovered):
            fill = QtGui.QColor(palette.color(QtGui.QPalette.ColorRole.Highlight))
            fill.setAlphaF(0.18 if selected else 0.07)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QtCore.QRectF(rect).adjusted(4, 1, -4, -1), 5, 5)
            if selected:
                painter.setBrush(palette.color(QtGui.QPalette.ColorRole.Highlight))
                painter.drawRoundedRect(
                    QtCore.QRectF(rect.x() + 4, rect.y() + 4, 3, rect.height() - 8), 1.5, 1.5
                )
        painter.restore()

        left = rect.x() + self.PAD_X
        width = rect.width() - 2 * self.PAD_X
        if row.role == "header":
            if idx.row():
                painter.save()
                painter.setPen(palette.color(QtGui.QPalette.ColorRole.Midlight))
                painter.drawLine(left, rect.y() + 4, rect.right() - self.PAD_X, rect.y() + 4)
                painter.restore()
            painter.save()
            painter.setFont(heading)
            painter.setPen(grey)
            top = rect.bottom() - QtGui.QFontMetrics(heading).height() - 2
            painter.drawText(
                QtCore.QRect(left, top, width, QtGui.QFontMetrics(heading).height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.text,
            )
            painter.restore()
            return
        left += self.INDENT
        width -= self.INDENT
        if row.role in ("more", "empty"):
            painter.save()
            font = QtGui.QFont(small)
            font.setItalic(row.role == "empty")
            painter.setFont(font)
            painter.setPen(
                palette.color(QtGui.QPalette.ColorRole.Link) if row.role == "more" else grey
            )
            painter.drawText(
                QtCore.QRect(left, rect.y(), width, rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                row.text,
            )
            painter.restore()
            return

        hit = row.hit
        assert hit is not None
        bold_metrics = QtGui.QFontMetrics(bold)
        small_metrics = QtGui.QFontMetrics(small)
        top = rect.y() + 5
        # The title takes what it needs, up to two thirds; the context gets the rest.
        context_width = small_metrics.horizontalAdvance(hit.context) + 16 if hit.context else 0
        title_room = max(width * 2 // 3, width - context_width)
        title = elide_marked(hit.title, bold_metrics, title_room)
        used = self._draw_html(painter, left, top, to_html(title), base, text_color.name())
        if hit.context:
            room = int(width - used - 16)
            if room > 40:
                context = small_metrics.elidedText(hit.context, Qt.TextElideMode.ElideRight, room)
                baseline_shift = QtGui.QFontMetrics(base).ascent() - small_metrics.ascent()
                painter.save()
                painter.setFont(small)
                painter.setPen(grey)
                painter.drawText(
                    int(left + used + 16),
                    int(top + baseline_shift + small_metrics.ascent()),
                    context,
                )
                painter.restore()
        if hit.snippet:
            snippet = elide_marked(hit.snippet, QtGui.QFontMetrics(small_bold), width)
            self._draw_html(
                painter,
                left,
                top + QtGui.QFontMetrics(base).height() + 2,
                to_html(snippet),
                small,
                grey.name(),
            )


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


class SearchPanel(QtWidgets.QFrame):
    """The results dropped over the page: the list, and a line of keyboard hints."""

    def __init__(self, model: SearchResultsModel, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.setObjectName("search_results")
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#search_results { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        shadow = QtWidgets.QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QtGui.QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        self.view = QtWidgets.QListView()
        self.view.setObjectName("search_results_view")
        self.view.setModel(model)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        # Clicking a result must not take the keyboard from the field.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.viewport().setAutoFillBackground(False)
        self.hints = QtWidgets.QLabel(
            self.tr("↑ ↓ pour choisir · Entrée pour ouvrir · Échap pour fermer")
        )
        self.hints.setObjectName("search_hints")
        font = self.hints.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.hints.setFont(font)
        self.hints.setStyleSheet("color: palette(placeholder-text); padding: 4px 12px 6px 12px;")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(1, 6, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hints)

    def content_height(self) -> int:
        model = self.view.model()
        rows = sum(self.view.sizeHintForRow(r) for r in range(model.rowCount()))
        hints = self.hints.sizeHint().height() if not self.hints.isHidden() else 0
        return rows + hints + 12


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
        self.model = SearchResultsModel(self)
        # The drop-down is built the first time it is needed, not while the window starts.
        self._panel: SearchPanel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._text_changed)
        window.installEventFilter(self)

    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
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
            self.model.clear()
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
