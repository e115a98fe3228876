"""The search's results, made the first time someone searches (`ui.search.GlobalSearch`): the
rows of one search grouped by kind (a list model), the delegate that draws them (a heading in
small capitals, a hit's title with the matched words in bold, its context and its extract), and
the panel dropped over the page with the line of keyboard hints.

Kept out of `ui.search`, which the window builds at its start: a window that is never searched
pays nothing for them."""

from __future__ import annotations

from typing import Any, NamedTuple

from ess_desk.search import index
from ess_desk.search.index import Group, Hit
from ui.qt import QModelIndex, QObject, Qt, QtCore, QtGui, QtWidgets


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
