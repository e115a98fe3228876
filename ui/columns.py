"""Tables that choose their columns for the width they have.

    ColumnChooser(view, "actions", priorities={TITLE: 1, DUE: 1, STATUS: 1, OWNER: 2, …},
                  stretch=TITLE)

- Each column has a priority (1: always shown). When the view is too narrow for the columns
  shown, those of the lowest priority (the highest number) hide first, and come back when the
  room does; what they hold stays in the page's detail pane.
- A right-click on the header, or the context-menu key (Shift+F10) on the table, opens the
  column menu: tick or untick a column by hand (kept between runs).
- The widths the user drags are remembered (QSettings `tables/<key>/…`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ui.qt import QCoreApplication, QObject, QSettings, Qt, QtCore, QtGui, QtWidgets


class ColumnChooser(QObject):
    def __init__(
        self,
        view: QtWidgets.QTableView | QtWidgets.QTreeView,
        key: str,
        priorities: dict[int, int],
        *,
        stretch: int | None = None,
        minimum: int = 60,
        stretch_minimum: int = 220,
    ):
        super().__init__(view)
        self.view = view
        self.key = key
        self.priorities = dict(priorities)
        self.stretch = stretch
        self.minimum = minimum
        self.stretch_minimum = stretch_minimum
        self.auto_hidden: set[int] = set()
        self.user_hidden: set[int] = set()
        self._widths: dict[int, int] = {}  # the widths the user chose
        self._known: dict[int, int] = {}  # the last width of each column while shown
        self._arranging = False
        header = self.header()
        header.setMinimumSectionSize(min(header.minimumSectionSize(), minimum))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda point: self.menu().exec(header.mapToGlobal(point))
        )
        if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda point: self.menu().exec(view.viewport().mapToGlobal(point))
            )
        if stretch is not None:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self._save_timer = QtCore.QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save)
        self._load()
        header.sectionResized.connect(self._resized)
        view.installEventFilter(self)
        # The viewport's own resize: when the view's arrives, its viewport has the old width.
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            model.modelReset.connect(self.arrange)
            model.layoutChanged.connect(self.arrange)

    def header(self) -> QtWidgets.QHeaderView:
        view = self.view
        return view.horizontalHeader() if isinstance(view, QtWidgets.QTableView) else view.header()

    def column_count(self) -> int:
        model = self.view.model()
        return model.columnCount() if model is not None else 0

    def title(self, column: int) -> str:
        model = self.view.model()
        value = model.headerData(column, Qt.Orientation.Horizontal) if model else None
        return str(value or column + 1)

    # -- remembered state -------------------------------------------------------------------
    def _load(self) -> None:
        settings = QSettings()
        try:
            widths = json.loads(str(settings.value(f"tables/{self.key}/widths", "{}")))
            hidden = json.loads(str(settings.value(f"tables/{self.key}/hidden", "[]")))
        except ValueError:
            widths, hidden = {}, []
        self._widths = {int(k): int(v) for k, v in dict(widths).items()}
        self.user_hidden = {int(c) for c in hidden if int(c) in self.priorities}
        for column, width in self._widths.items():
            if column != self.stretch and 0 <= column < self.column_count():
                self.view.setColumnWidth(column, max(width, self.minimum))

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(f"tables/{self.key}/widths", json.dumps(self._widths))
        settings.setValue(f"tables/{self.key}/hidden", json.dumps(sorted(self.user_hidden)))

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._arranging or column == self.stretch or new == 0:
            return
        # A width the user chose (dragging the header's edge): kept for the next time.
        if QtWidgets.QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._widths[column] = new
            self._save_timer.start()
            QtCore.QTimer.singleShot(0, self.arrange)

    # -- the columns shown -------------------------------------------------------------------
    def width_of(self, column: int) -> int:
        if column == self.stretch:
            return self.stretch_minimum  # the column that takes what is left keeps this much
        width = (
            self.view.columnWidth(column)
            or self._widths.get(column, 0)
            or self._known.get(column, 0)
        )
        if width <= 0:
            width = self.header().sectionSizeHint(column)
        return max(width, self.minimum)

    def arrange(self) -> None:
        """Hide the columns of lowest priority that the width cannot hold; show them again
        when it can."""
        if self._arranging:
            return
        self._arranging = True
        try:
            room = self.view.viewport().width()
            for column in range(self.column_count()):
                if not self.view.isColumnHidden(column) and self.view.columnWidth(column) > 0:
                    self._known[column] = self.view.columnWidth(column)
            wanted = [
                c
                for c in sorted(range(self.column_count()), key=lambda c: (self.priority(c), c))
                if c not in self.user_hidden
            ]
            used, shown = 0, set()
            for column in wanted:
                width = self.width_of(column)
                if self.priority(column) <= 1 or used + width <= room:
                    shown.add(column)
                    used += width
            self.auto_hidden = {c for c in wanted if c not in shown}
            for column in range(self.column_count()):
                hidden = column in self.user_hidden or column in self.auto_hidden
                if self.view.isColumnHidden(column) != hidden:
                    self.view.setColumnHidden(column, hidden)
        finally:
            self._arranging = False

    def fit_to_contents(self, caps: Mapping[int, int], *, pad: int = 12, floor: int = 0) -> None:
        """Widths from what the rows hold (each capped), for the columns whose width the user
        has not chosen; then hide what the room cannot hold. For tables of a few dozen rows
        (a meeting's), reloaded as they change."""
        for column, cap in caps.items():
            if column in self._widths or column == self.stretch:
                continue
            content = max(
                self.view.sizeHintForColumn(column), self.header().sectionSizeHint(column)
            )
            width = min(max(content + pad, floor, self.minimum), cap)
            if self.view.isColumnHidden(column):
                self._known[column] = width
            else:
                self.view.setColumnWidth(column, width)
        self.arrange()

    def priority(self, column: int) -> int:
        return self.priorities.get(column, 9)

    def set_user_hidden(self, column: int, hidden: bool) -> None:
        if self.priority(column) <= 1 and hidden:
            return  # the columns a secretary needs first always stay
        if hidden:
            self.user_hidden.add(column)
        else:
            self.user_hidden.discard(column)
        self.save()
        self.arrange()

    def menu(self) -> QtWidgets.QMenu:
        """The column menu: one tick per column; those the width hides say so."""
        menu = QtWidgets.QMenu(self.view)
        menu.setTitle(QCoreApplication.translate("Columns", "Colonnes"))
        menu.setToolTipsVisible(True)
        for column in range(self.column_count()):
            action = QtGui.QAction(self.title(column), menu)
            action.setCheckable(True)
            action.setChecked(column not in self.user_hidden)
            if self.priority(column) <= 1:
                action.setEnabled(False)
                action.setToolTip(QCoreApplication.translate("Columns", "Toujours affichée"))
            elif column in self.auto_hidden:
                action.setText(
                    QCoreApplication.translate(
                        "Columns", "{title} (masquée faute de place)"
                    ).format(title=self.title(column))
                )
            action.toggled.connect(lambda on, c=column: self.set_user_hidden(c, not on))
            menu.addAction(action)
        return menu

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if event.type() in (QtCore.QEvent.Type.Resize, QtCore.QEvent.Type.Show):
            self.arrange()
        return False


def choose_columns(
    view: QtWidgets.QTableView,
    key: str,
    columns: Mapping[int, tuple[int, int | None]],
    **options: int,
) -> ColumnChooser:
    """The `ColumnChooser` of a table whose columns are given once each as `column: (priority,
    width at first)` (None: Qt's width); the widths the user drags then replace them."""
    for column, (_priority, width) in columns.items():
        if width is not None:
            view.setColumnWidth(column, width)
    priorities = {column: priority for column, (priority, _width) in columns.items()}
    return ColumnChooser(view, key, priorities, **options)
