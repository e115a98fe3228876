"""Layouts that fit office screens (1366×768, or 1920×1080 at 150 %: 1280×720 logical pixels):

- `fit_dialog(dialog)`: at the end of a dialog's constructor. Its content (everything but a
  trailing QDialogButtonBox) moves into a scroll area, and the dialog never asks more than the
  screen's available size; error messages that appear make it grow, up to the screen.
- `FlowLayout`: a row of widgets (filters, buttons) that wraps onto the next line instead of
  widening the window.
- `ActionBar`: a row of buttons whose last ones go into a « … » menu when the row is too narrow
  (each button keeps its place, its state and its shortcut in the menu).
- `available_size(widget)`: the screen's available size, in logical pixels.
- `restore_window(window, geometry, state)`, `fit_to_screen(window)`: the main window where it
  was last time, but never beyond the screen it opens on.
"""

from __future__ import annotations

from ui.qt import Qt, QtCore, QtGui, QtWidgets

# A dialog leaves this much of the screen to the window frame and title bar.
FRAME_ALLOWANCE = QtCore.QSize(16, 48)


def available_size(widget: QtWidgets.QWidget | None = None) -> QtCore.QSize:
    screen = widget.screen() if widget is not None else None
    screen = screen or QtGui.QGuiApplication.primaryScreen()
    if screen is None:
        return QtCore.QSize(1280, 720)
    return screen.availableGeometry().size()


class _FittedScroll(QtWidgets.QScrollArea):
    """A scroll area that asks for its content's whole size (QScrollArea caps itself at
    36×24 lines), the dialog caps the rest."""

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QtCore.QSize(hint.width() + bar + 2, hint.height() + 2)

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        # As narrow as the content allows, as short as a few lines.
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QtCore.QSize(width + 2, min(content.minimumSizeHint().height(), 160))


class _Fitter(QtCore.QObject):
    """Caps the dialog to its screen whenever it is shown or its content grows."""

    def __init__(self, dialog: QtWidgets.QDialog, scroll: _FittedScroll):
        super().__init__(dialog)
        # No Python reference to the dialog: a dialog without parent collected with this filter
        # in one garbage cycle would call the filter with its attributes already cleared.
        timer = QtCore.QTimer(self)
        timer.setObjectName("grow")
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(self.grow)
        dialog.installEventFilter(self)
        content = scroll.widget()
        if content is not None:
            content.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        kind = event.type()
        dialog = self.parent()
        if watched is dialog and kind == QtCore.QEvent.Type.Show:
            self.fit()
        elif watched is not dialog and kind == QtCore.QEvent.Type.LayoutRequest:
            timer = self.findChild(QtCore.QTimer, "grow")
            if timer is not None:
                timer.start()
        return False

    @property
    def _dialog(self) -> QtWidgets.QWidget:
        dialog = self.parent()
        assert isinstance(dialog, QtWidgets.QWidget)
        return dialog

    def cap(self) -> QtCore.QSize:
        size = available_size(self._dialog) - FRAME_ALLOWANCE
        return QtCore.QSize(max(size.width(), 200), max(size.height(), 200))

    def fit(self) -> None:
        cap = self.cap()
        self._dialog.setMaximumSize(cap)
        minimum = self._dialog.minimumSize()
        if minimum.width() > cap.width() or minimum.height() > cap.height():
            self._dialog.setMinimumSize(minimum.boundedTo(cap))
        wanted = self._dialog.sizeHint().expandedTo(self._dialog.size()).boundedTo(cap)
        if wanted != self._dialog.size():
            self._dialog.resize(wanted)

    def grow(self) -> None:
        """New content (an error message) shows in full when the screen has room for it."""
        if not self._dialog.isVisible():
            return
        cap = self.cap()
        wanted = self._dialog.sizeHint().boundedTo(cap)
        size = self._dialog.size()
        if wanted.height() > size.height() or wanted.width() > size.width():
            self._dialog.resize(wanted.expandedTo(size).boundedTo(cap))


def restore_window(
    window: QtWidgets.QMainWindow,
    geometry: QtCore.QByteArray | None,
    state: QtCore.QByteArray | None,
) -> None:
    """The size and place of last time, never more than the screen has (a window saved
    on a larger screen, or at another scale, comes back within this one)."""
    screen = QtGui.QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    restored = geometry is not None and window.restoreGeometry(geometry)
    if not restored:
        if available is not None and available.width() >= 1500:
            window.resize(int(available.width() * 0.85), int(available.height() * 0.85))
        elif available is not None:  # an office laptop: all of the screen
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
            window.resize(available.size() - QtCore.QSize(16, 40))
        else:
            window.resize(1280, 720)
    if available is not None:
        fit_to_screen(window, available)
    if state is not None:
        window.restoreState(state)


def fit_to_screen(window: QtWidgets.QWidget, available: QtCore.QRect | None = None) -> None:
    """`window` within the screen: smaller if wider or taller, moved back if off its edges."""
    if available is None:
        screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    frame = window.frameGeometry()
    extra = frame.size() - window.geometry().size()
    most = available.size() - extra
    size = window.size().boundedTo(most)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    # Off an edge: moved back; larger than the screen all the same (a minimum size): its top
    # left stays on the screen, with the menus, the navigation and the title bar.
    x = max(min(frame.x(), available.right() - frame.width() + 1), available.x())
    y = max(min(frame.y(), available.bottom() - frame.height() + 1), available.y())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class PageLayout(QtWidgets.QVBoxLayout):
    """The window's pages' layout, sized by the pages' minimum only: in `page_scroll` every
    word-wrapped label would otherwise count at its narrowest (tallest) and the page scroll."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


def size_by_current_page(stack: QtWidgets.QStackedWidget | QtWidgets.QTabWidget) -> None:
    """The stack (or tab widget) asks the minimum of its current page only, not of its largest
    page: one page tall on a narrow screen (an instance's rules) no longer makes every other
    page scroll. The pages not shown count as nothing (Ignored size policy)."""
    shown = QtWidgets.QSizePolicy(
        QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Preferred
    )
    hidden = QtWidgets.QSizePolicy(
        QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Ignored
    )

    def follow(_index: int = 0) -> None:
        current = stack.currentWidget()
        for index in range(stack.count()):
            page = stack.widget(index)
            page.setSizePolicy(shown if page is current else hidden)

    stack.currentChanged.connect(follow)
    # A tab widget is told by its Qt class name: naming QTabWidget in Python would make PySide
    # build its enumerations during the window's start, which has none.
    inner = (
        stack.findChild(QtWidgets.QStackedWidget, "qt_tabwidget_stackedwidget")
        if stack.inherits("QTabWidget")
        else stack
    )
    if inner is not None:  # a page built later in place of its placeholder
        inner.widgetAdded.connect(lambda _i: follow())
        inner.widgetRemoved.connect(lambda _i: follow())
    follow()


def page_scroll(page_area: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    """The window's pages in a scroll area that scrolls only when the screen is smaller than a
    page needs: the window itself never asks more than the screen."""
    scroll = QtWidgets.QScrollArea()
    scroll.setObjectName("page_scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(page_area)
    return scroll


def fit_dialog(dialog: QtWidgets.QDialog) -> QtWidgets.QScrollArea:
    """Move the dialog's content into a scroll area (a trailing button box stays at the foot,
    always visible) and keep the dialog within its screen. Call it once the layout is built."""
    layout = dialog.layout()
    if not isinstance(layout, QtWidgets.QBoxLayout):
        raise ValueError("fit_dialog: the dialog has no box layout yet")
    existing = dialog.findChild(_FittedScroll)
    if existing is not None:
        return existing
    items: list[tuple[QtWidgets.QLayoutItem, int]] = []
    while layout.count():
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item is not None:
            items.append((item, stretch))
    footer: list[QtWidgets.QLayoutItem] = []
    while items:
        last = items[-1][0]
        widget = last.widget()
        inner_layout = last.layout()
        is_footer = isinstance(widget, QtWidgets.QDialogButtonBox) or (
            inner_layout is not None and _holds_button_box(inner_layout)
        )
        if not is_footer:
            break
        footer.insert(0, items.pop()[0])
    content = QtWidgets.QWidget()
    content.setObjectName("dialog_content")
    inner = QtWidgets.QVBoxLayout(content)
    margins = layout.contentsMargins()
    inner.setContentsMargins(margins)
    inner.setSpacing(layout.spacing())
    for item, stretch in items:
        _move(item, inner, stretch)
    scroll = _FittedScroll()
    scroll.setObjectName("dialog_scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    layout.setContentsMargins(0, 0, 0, margins.bottom())
    layout.addWidget(scroll, 1)
    for item in footer:
        for widget in _widgets_of(item):
            # Made before the content moved, the buttons came first for Tab and took the focus
            # when the dialog opened: joining the dialog again puts them at the end of its chain.
            widget.setParent(None)
            widget.setParent(dialog)
        holder = QtWidgets.QHBoxLayout()
        holder.setContentsMargins(margins.left(), 0, margins.right(), 0)
        _move(item, holder, 0)
        layout.addLayout(holder)
    _Fitter(dialog, scroll)
    return scroll


def _widgets_of(item: QtWidgets.QLayoutItem | None) -> list[QtWidgets.QWidget]:
    widget = item.widget() if item is not None else None
    if widget is not None:
        return [widget]
    child = item.layout() if item is not None else None
    if child is None:
        return []
    return [w for i in range(child.count()) for w in _widgets_of(child.itemAt(i))]


def tab_chain(top: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    """The widgets of `top` that Tab stops on, in Tab's order (hidden ones included)."""
    chain: list[QtWidgets.QWidget] = []
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top and len(chain) < 5000:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _holds_button_box(layout: QtWidgets.QLayout) -> bool:
    return any(
        isinstance(layout.itemAt(i).widget(), QtWidgets.QDialogButtonBox)
        for i in range(layout.count())
    )


def _move(item: QtWidgets.QLayoutItem, into: QtWidgets.QBoxLayout, stretch: int) -> None:
    widget, child = item.widget(), item.layout()
    if widget is not None:
        into.addWidget(widget, stretch, item.alignment())
    elif child is not None:
        child.setParent(None)
        into.addLayout(child, stretch)
    elif item.spacerItem() is not None:
        spacer = item.spacerItem()
        if spacer.expandingDirections() & Qt.Orientation.Vertical:
            into.addStretch(max(stretch, 1))
        else:
            into.addSpacing(spacer.sizeHint().height())


class FlowLayout(QtWidgets.QLayout):
    """Widgets left to right, wrapping onto the next line when the width runs out."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None = None,
        spacing: int = 6,
        *,
        height_for_width: bool = True,
    ):
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self._spacing = spacing
        self._height_for_width = height_for_width
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self._height_for_width

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QtCore.QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QtCore.QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QtCore.QSize:  # noqa: N802
        size = QtCore.QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QtCore.QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QtWidgets.QLayoutItem]:
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def _arrange(self, rect: QtCore.QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QtWidgets.QLayoutItem, QtCore.QPoint, QtCore.QSize]] = []
        placed: list[list[tuple[QtWidgets.QLayoutItem, QtCore.QPoint, QtCore.QSize]]] = [line]
        for item in self._visible():
            hint = item.sizeHint().boundedTo(QtCore.QSize(area.width(), 10_000))
            hint = hint.expandedTo(item.minimumSize().boundedTo(QtCore.QSize(area.width(), 10_000)))
            if line and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
                line = []
                placed.append(line)
            line.append((item, QtCore.QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        if move:
            for row in placed:
                tallest = max((h.height() for _i, _p, h in row), default=0)
                for item, point, hint in row:
                    offset = (tallest - hint.height()) // 2
                    item.setGeometry(QtCore.QRect(point + QtCore.QPoint(0, offset), hint))
        return y + line_height - rect.y() + m.bottom()


class _FlowRow(QtWidgets.QWidget):
    """The holder of a flow: at each width it asks the height of all its lines as its minimum
    (rather than height-for-width, which splitters, scroll areas and some boxes drop)."""

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        hint = super().sizeHint()
        return hint.expandedTo(QtCore.QSize(0, self.minimumHeight()))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        layout = self.layout()
        if isinstance(layout, FlowLayout):
            needed = layout.heightForWidth(event.size().width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)


def flow_row(*widgets: QtWidgets.QWidget, spacing: int = 6) -> QtWidgets.QWidget:
    """A widget holding `widgets` in a FlowLayout (a label and its field stay together when
    given as one small widget, see `pair`); it grows a line when they wrap."""
    holder = _FlowRow()
    flow = FlowLayout(holder, spacing, height_for_width=False)
    for widget in widgets:
        flow.addWidget(widget)
    return holder


class WrappingLabel(QtWidgets.QLabel):
    """A word-wrapped label that always gets the height of all its lines. Layouts give a wrapped
    label only its one-line minimum when room is short (a form, a splitter, a group box in a
    row): its text was then cut. This one asks, at each width, the height its lines need."""

    def __init__(self, text: str = "", parent: QtWidgets.QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._no_height_for_width()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._no_height_for_width()
        self._fit()

    def _no_height_for_width(self) -> None:
        # The layouts above read its minimum height; their height-for-width path (which a
        # splitter or a scroll area drops halfway, and which squeezes its neighbours below
        # their minimum) is left out. QLabel sets it back at each text.
        policy = self.sizePolicy()
        if policy.hasHeightForWidth():
            policy.setHeightForWidth(False)
            self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit()

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        # A box in height-for-width mode reads the size hint, not the minimum.
        return super().sizeHint().expandedTo(QtCore.QSize(0, self.minimumHeight()))

    def _fit(self) -> None:
        if not self.isVisible():
            return  # not laid out yet: its width means nothing
        # QLabel's heightForWidth counts the minimum height set before: ask without it.
        before = self.minimumHeight()
        self.setMinimumHeight(0)
        needed = self.heightForWidth(max(self.width(), 1)) if self.text() else 0
        self.setMinimumHeight(max(needed, 0) if needed != before else before)


class _MinimumBox(QtWidgets.QBoxLayout):
    """A box sized by its panes' minimum, not by height-for-width (which the layouts above
    would take below that minimum: the panes' texts were drawn over each other)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False


class SideBySide(QtWidgets.QWidget):
    """Panes side by side, one above the other when the width falls below `below` pixels (a
    narrow screen at 150 %): each pane then keeps the whole width instead of a squeezed third."""

    def __init__(self, below: int, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.below = below
        self.box = _MinimumBox(QtWidgets.QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def add(self, pane: QtWidgets.QWidget, stretch: int = 0) -> None:
        self.box.addWidget(pane, stretch)

    def stacked(self) -> bool:
        return self.box.direction() == QtWidgets.QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if (event.size().width() < self.below) != self.stacked():
            # After the layout pass that resized it: its new minimum then goes up the layouts.
            QtCore.QTimer.singleShot(0, self._reflow)

    def _reflow(self) -> None:
        narrow = self.width() < self.below
        if narrow != self.stacked():
            self.box.setDirection(
                QtWidgets.QBoxLayout.Direction.TopToBottom
                if narrow
                else QtWidgets.QBoxLayout.Direction.LeftToRight
            )
            self.updateGeometry()


class _Turner(QtCore.QObject):
    def __init__(self, splitter: QtWidgets.QSplitter, below: int, first_height: int):
        super().__init__(splitter)
        self.splitter = splitter
        self.below = below
        self.first_height = first_height
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if watched is self.splitter and event.type() == QtCore.QEvent.Type.Resize:
            QtCore.QTimer.singleShot(0, self, self.turn)
        return False

    def turn(self) -> None:
        splitter = self.splitter
        wanted = (
            Qt.Orientation.Vertical if splitter.width() < self.below else Qt.Orientation.Horizontal
        )
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
            vertical = wanted == Qt.Orientation.Vertical
            splitter.widget(0).setMinimumHeight(self.first_height if vertical else 0)
            length = splitter.height() if wanted == Qt.Orientation.Vertical else splitter.width()
            splitter.setSizes([length * 3 // 5, length - length * 3 // 5])


def turn_when_narrow(splitter: QtWidgets.QSplitter, below: int, first_height: int = 0) -> None:
    """A side-by-side splitter whose panes go one above the other when it is narrower than
    `below` (a list and its detail pane on a narrow screen at 150 %: the list keeps the whole
    width for the columns that matter, and at least `first_height` pixels: the page may then
    scroll down)."""
    _Turner(splitter, below, first_height)


def pair(label: QtWidgets.QWidget, field: QtWidgets.QWidget) -> QtWidgets.QWidget:
    """A label and its field side by side, wrapped as one."""
    box = QtWidgets.QWidget()
    row = QtWidgets.QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    row.addWidget(label)
    row.addWidget(field)
    return box


class ActionBar(QtWidgets.QWidget):
    """Buttons in a row; those that do not fit go, in order, into the « … » menu at the end.

    `add(button)` appends a button (add the most used first: the last ones overflow first);
    `add_stretch()` pushes the buttons added after it to the right. To show or hide a button
    of the bar, call `set_shown(button, on)` (a plain `setVisible` works too, except on a
    button the bar has moved into its menu)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self._buttons: list[QtWidgets.QAbstractButton] = []
        self._wanted: dict[int, bool] = {}
        self._arranging = False
        self.more = QtWidgets.QToolButton(self)
        self.more.setObjectName("more_actions")
        self.more.setText("…")
        self.more.setToolTip(QtCore.QCoreApplication.translate("ActionBar", "Autres actions"))
        self.more.setAccessibleName(
            QtCore.QCoreApplication.translate("ActionBar", "Autres actions")
        )
        self.more.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more.setMenu(QtWidgets.QMenu(self.more))
        self.more.menu().aboutToShow.connect(self._fill_menu)
        self.more.hide()
        self._layout = QtWidgets.QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        # The bar, not its layout, says how narrow it may be: the « … » menu takes the rest.
        self._layout.setSizeConstraint(QtWidgets.QLayout.SizeConstraint.SetNoConstraint)
        self._layout.addWidget(self.more)
        policy = QtWidgets.QSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.setSizePolicy(policy)

    def add(self, button: QtWidgets.QAbstractButton) -> QtWidgets.QAbstractButton:
        self._buttons.append(button)
        explicitly_hidden = (
            button.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
            and button.isHidden()
        )
        self._wanted[id(button)] = not explicitly_hidden
        self._layout.insertWidget(self._layout.count() - 1, button)
        button.installEventFilter(self)
        self._arrange_soon()
        return button

    def add_stretch(self) -> None:
        self._layout.insertStretch(self._layout.count() - 1, 1)

    def add_widget(self, widget: QtWidgets.QWidget) -> None:
        """A widget that is not a button (a label): never moved to the menu."""
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def set_shown(self, button: QtWidgets.QAbstractButton, shown: bool) -> None:
        self._wanted[id(button)] = shown
        self._arrange()

    def buttons(self) -> list[QtWidgets.QAbstractButton]:
        return list(self._buttons)

    def wanted(self) -> list[QtWidgets.QAbstractButton]:
        """The buttons their owner shows, in the row or in the menu."""
        return [b for b in self._buttons if self._wanted.get(id(b), True)]

    def overflowed(self) -> list[QtWidgets.QAbstractButton]:
        return [b for b in self.wanted() if b.isHidden()]

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802
        width = sum(b.sizeHint().width() + 6 for b in self.wanted())
        height = max((b.sizeHint().height() for b in self._buttons), default=24)
        return QtCore.QSize(width, height)

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802
        more = self.more.sizeHint()
        first = next(iter(self.wanted()), None)
        width = more.width() + (first.sizeHint().width() + 6 if first is not None else 0)
        return QtCore.QSize(width, max(more.height(), self.sizeHint().height()))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if not self._arranging and kind in (
            QtCore.QEvent.Type.ShowToParent,
            QtCore.QEvent.Type.HideToParent,
        ):
            self._wanted[id(watched)] = kind == QtCore.QEvent.Type.ShowToParent
            self._arrange_soon()
        return False

    def _arrange_soon(self) -> None:
        QtCore.QTimer.singleShot(0, self._arrange)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        if self._arranging:
            return
        self._arranging = True
        try:
            wanted = self.wanted()
            spacing = max(self._layout.spacing(), 0)
            # What is not a button (a check box, a label) stays in the row: the rest is room.
            room = self.width() - sum(
                widget.sizeHint().width() + spacing for widget in self._others()
            )
            keep = list(wanted)
            if sum(b.sizeHint().width() + spacing for b in wanted) > room:
                room -= self.more.sizeHint().width() + spacing
                used, keep = 0, []
                for button in wanted:
                    used += button.sizeHint().width() + spacing
                    if used > room:
                        break
                    keep.append(button)
            for button in self._buttons:
                button.setVisible(button in keep)
            self.more.setVisible(len(keep) < len(wanted))
        finally:
            self._arranging = False

    def _others(self) -> list[QtWidgets.QWidget]:
        """The widgets of the row that are not its buttons (never moved to the menu)."""
        found = []
        for index in range(self._layout.count()):
            item = self._layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is None or widget is self.more or widget in self._buttons:
                continue
            if not widget.isHidden():
                found.append(widget)
        return found

    def _fill_menu(self) -> None:
        menu = self.more.menu()
        menu.clear()
        menu.setToolTipsVisible(True)
        for button in self.overflowed():
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
            own_menu = button.menu() if isinstance(button, QtWidgets.QToolButton) else None
            if own_menu is None and isinstance(button, QtWidgets.QPushButton):
                own_menu = button.menu()
            if own_menu is not None:
                action.setMenu(own_menu)
            else:
                action.triggered.connect(lambda _c=False, b=button: b.click())
