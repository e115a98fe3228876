"""How `ui.lines.LinesWidget` paints a line that is selected, focused or under the mouse: what
QTreeView's drawRow and the cards' delegate asked of the style, with the same options, so that
the selection, the hover and the focus frame look as they did (and as each style draws them).
Loaded with the first such line: QStyle's enumerations are not needed for the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import Qt, QtGui, QtWidgets

if TYPE_CHECKING:
    from ui.lines import PaintedLines

_State = QtWidgets.QStyle.StateFlag
_Position = QtWidgets.QStyleOptionViewItem.ViewItemPosition


def _base_option(widget: PaintedLines) -> QtWidgets.QStyleOptionViewItem:
    """QAbstractItemView.initViewItemOption's option for the widget."""
    option = QtWidgets.QStyleOptionViewItem()
    option.initFrom(widget)
    state = option.state & ~_State.State_MouseOver & ~_State.State_HasFocus
    if not widget.hasFocus():
        state &= ~_State.State_Active
    option.state = state
    option.font = widget.font()
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    option.textElideMode = Qt.TextElideMode.ElideRight
    option.showDecorationSelected = bool(
        widget.style().styleHint(
            QtWidgets.QStyle.StyleHint.SH_ItemView_ShowDecorationSelected, None, widget
        )
    )
    option.locale = widget.locale()
    option.widget = widget
    return option


def paint_row(
    widget: PaintedLines,
    painter: QtGui.QPainter,
    row: int,
    top: int,
    height: int,
    columns: list[tuple[int, int]],
    selected: bool,
) -> None:
    """The style's part of a line: the row's panel, and each cell's item background (the
    selection, the hover), as drawRow and the delegate drew them; the text is the widget's."""
    style = widget.style()
    option = _base_option(widget)
    state = option.state
    if row < widget.line_count() - 1:
        state |= _State.State_Sibling
    # drawRow: a view that selects rows shows the selection across its decoration.
    option.showDecorationSelected = True
    if selected:
        state |= _State.State_Selected
    if row == widget.hovered_row():
        state |= _State.State_MouseOver
    group = (
        QtGui.QPalette.ColorGroup.Active
        if state & _State.State_Active
        else QtGui.QPalette.ColorGroup.Inactive
    )
    if not widget.isEnabled():
        group = QtGui.QPalette.ColorGroup.Disabled
    option.palette.setCurrentColorGroup(group)
    last = len(columns) - 1
    styled = _State.State_Selected | _State.State_HasFocus | _State.State_MouseOver
    for column, (left, width) in enumerate(columns):
        if last == 0:
            option.viewItemPosition = _Position.OnlyOne
        elif column == 0:
            option.viewItemPosition = _Position.Beginning
        elif column == last:
            option.viewItemPosition = _Position.End
        else:
            option.viewItemPosition = _Position.Middle
        option.state = state
        if column == 0:
            # The branches' area (no width: no decoration), then the cell's.
            option.rect.setRect(left, top, 0, height)
            style.drawPrimitive(
                QtWidgets.QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, widget
            )
        option.state = state & ~_State.State_Selected
        option.rect.setRect(left, top, width, height)
        style.drawPrimitive(
            QtWidgets.QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, widget
        )
        option.state = state
        if state & styled:
            cell = QtWidgets.QStyleOptionViewItem(option)
            cell.features = (
                cell.features | QtWidgets.QStyleOptionViewItem.ViewItemFeature.HasDisplay
            )
            cell.text = ""  # the text is the widget's to draw
            if column == last:
                cell.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            style.drawControl(
                QtWidgets.QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget
            )


def paint_focus(
    widget: PaintedLines,
    painter: QtGui.QPainter,
    top: int,
    height: int,
    columns: list[tuple[int, int]],
) -> None:
    """The frame drawRow draws round the current line of a focused view (every column)."""
    base = _base_option(widget)
    option = QtWidgets.QStyleOptionFocusRect()
    option.initFrom(widget)
    option.state = base.state | _State.State_KeyboardFocusChange
    option.palette = base.palette
    group = (
        QtGui.QPalette.ColorGroup.Normal
        if widget.isEnabled()
        else QtGui.QPalette.ColorGroup.Disabled
    )
    role = (
        QtGui.QPalette.ColorRole.Highlight
        if widget.selected_row() == widget.current_row()
        else QtGui.QPalette.ColorRole.Window
    )
    option.backgroundColor = base.palette.color(group, role)
    length = sum(width for _left, width in columns)
    left = 0 if base.showDecorationSelected else columns[0][0]
    option.rect.setRect(left, top, length - left, height)
    widget.style().drawPrimitive(
        QtWidgets.QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter
    )
