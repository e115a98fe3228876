"""A text a dashboard card paints itself (`CardText`): its title, its count, its subtitle, its
count of more lines. Each stands in the card's layouts where a QLabel stood, as a layout item
that gives the layout the sizes the label gave (`QLabel` and `QWidgetItem`'s rules, below) and
is painted by the card with the label's own calls, so the page has the same pixels; the card
gives screen readers the same static texts (`ui.card_a11y`). A label was a widget of its own
(made, polished, laid out, shown, painted apart): 24 of them in the eight cards, ~4 ms of the
window's first frame.

What the label did, for the texts the cards show (left to right, plain text, no indent, no
frame): its size hint was `sizeForWidth(-1)`, its minimum `sizeForWidth(0)`'s width with the
height of one line, its height for a width (wrapped text) `sizeForWidth(width)`; the layout's
item took the largest of hint and minimum for its hint, the minimum for its minimum (Preferred
policy: it may shrink to it and grow without end), nothing when hidden; it painted its text with
`QStyle.drawItemText` in its contents rectangle, in the palette's WindowText. A test compares
every figure with a real QLabel's (tests/ui/test_dashboard_cards.py).

Lifetime. A text is given to one of its card's layouts (`addItem`), which owns it: Qt deletes it
with the layout, that is with the card, and PySide keeps its Python object as long (a child of
the layout's wrapper). Nothing a text holds leads back to its card (it holds the card weakly):
in a cycle, the card, its layouts and its texts went to Python's cycle collector, which clears
them in no set order, and a card made alone then dropped crashed in QBoxLayout's destructor.
Screen readers' interfaces hold texts, not cards (`ui.card_a11y`, deleted with the card).
"""

from __future__ import annotations

import weakref
from typing import Any

from ui import palette
from ui.qt import QtCore, QtGui, QtWidgets

# Qt's values, taken as plain ints (a Python enum combined at each call costs the first frame).
_ALIGN_LEFT = 0x1
_ALIGN_ABSOLUTE = 0x10
_ALIGN_HCENTER = 0x4
_ALIGN_VCENTER = 0x80
_EXPAND_TABS = 0x400
_WORD_WRAP = 0x1000
_FORCE_LEFT_TO_RIGHT = 0x10000
_LEFT = _ALIGN_LEFT | _ALIGN_VCENTER | _EXPAND_TABS  # a QLabel's alignment
_CENTRE = _ALIGN_HCENTER | _ALIGN_VCENTER | _EXPAND_TABS  # after setAlignment(AlignCenter)
WIDGET_SIZE_MAX = 16777215  # QWIDGETSIZE_MAX: a label's maximum size, which its item keeps
_WINDOW_TEXT = QtGui.QPalette.ColorRole.WindowText
_TEXT = QtGui.QPalette.ColorRole.Text
_NO_DIRECTION = QtCore.Qt.Orientation(0)
_LABEL_CONTROL = QtWidgets.QSizePolicy.ControlType.Label


def _visual(align: int) -> int:
    """QStyle.visualAlignment for a left-to-right text: Left gains Absolute."""
    if align & 0x3:  # AlignLeft | AlignRight
        align |= _ALIGN_ABSOLUTE
    return align


class CardText(QtWidgets.QLayoutItem):
    """`CardText(card, points=None, bold=False, ink=None, wrap=False, margins=(0, 0, 0, 0),
    centred=False)`: a text of `card` (which paints it through `paint`), in the card's font at
    `points` (None: its size) and DemiBold if `bold`, in `ink` (None, or under the system's
    colours: the palette's text colour), wrapped at word ends if `wrap`, within `margins`
    (left, top, right, bottom) of its place, centred or to the left. `setText`, `text`,
    `setVisible`, `isHidden` and `isVisible` are the label's."""

    def __init__(
        self,
        card: QtWidgets.QWidget,
        *,
        points: float | None = None,
        bold: bool = False,
        ink: palette.Ink | None = None,
        wrap: bool = False,
        margins: tuple[int, int, int, int] = (0, 0, 0, 0),
        centred: bool = False,
    ):
        super().__init__()
        # Held weakly: the card holds its texts, and a cycle would leave the card, its layouts
        # and its texts to Python's cycle collector (see the module's docstring).
        self._card = weakref.ref(card)
        self.ink = ink
        self._points = points
        self._bold = bold
        self._align = (_CENTRE if centred else _LEFT) | (_WORD_WRAP if wrap else 0)
        self._wrap = wrap
        self._margins = margins
        self._text = ""
        # A label whose text was never set (nor set but to "") holds nothing: a character wide
        # and a line high, no height for a width; any text set after makes it a text label.
        self._is_text = False
        self._hidden = False
        self._rect = QtCore.QRect()
        self._font: QtGui.QFont | None = None
        self._metrics: QtGui.QFontMetrics | None = None
        self._hints: tuple[QtCore.QSize, QtCore.QSize] | None = None  # (hint, minimum)
        self._heights: dict[int, int] = {}  # height for a width (wrapped text)

    @property
    def card(self) -> Any:
        return self._card()

    # -- the label's API -------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (the label's name)
        if text == self._text:
            return
        self._text = text
        self._is_text = True
        self._changed("name")

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (the label's name)
        if self._hidden == (not visible):
            return
        self._hidden = not visible
        self._changed("hide" if self._hidden else "show")

    def isHidden(self) -> bool:  # noqa: N802 (the label's name)
        return self._hidden

    def isVisible(self) -> bool:  # noqa: N802 (the label's name)
        return not self._hidden and self.card.isVisible()

    def rect(self) -> QtCore.QRect:
        """Where it stands in the card (empty while hidden, or before the card is laid out)."""
        return QtCore.QRect() if self._hidden else QtCore.QRect(self._rect)

    def _changed(self, kind: str) -> None:
        self._hints = None
        self._heights.clear()
        layout = self.card.layout()
        if layout is not None:
            layout.invalidate()  # what a label's updateGeometry did: the card lays out again
        self.card.update()
        if getattr(self.card, "accessible_interface", None) is not None:
            from ui import card_a11y  # loaded with the accessibility factory, after the frame

            card_a11y.text_event(self.card, self, kind)

    # -- font and measures -----------------------------------------------------------------
    def font(self) -> QtGui.QFont:
        """The label's font: the card's (the one a label inherits), at its size and weight."""
        if self._font is None:
            font = QtGui.QFont(self.card.font())
            if self._points is not None:
                font.setPointSizeF(self._points)
            if self._bold:
                font.setWeight(QtGui.QFont.Weight.DemiBold)
            self._font = font
            self._metrics = QtGui.QFontMetrics(font)
        return self._font

    def restyled(self) -> None:
        """The card's font or style changed (its changeEvent): measured again, as a label was."""
        self._font = None
        self._hints = None
        self._heights.clear()

    def _size_for_width(self, width: int) -> QtCore.QSize:
        """QLabelPrivate::sizeForWidth for a plain text without indent, margin or frame."""
        self.font()
        metrics = self._metrics
        assert metrics is not None
        left, top, right, bottom = self._margins
        if not self._is_text:
            return QtCore.QSize(
                metrics.averageCharWidth() + left + right, metrics.lineSpacing() + top + bottom
            )
        flags = _visual(self._align) & ~(_ALIGN_VCENTER | _ALIGN_HCENTER)
        try_width = width < 0 and self._wrap
        if try_width:
            width = min(metrics.averageCharWidth() * 80, WIDGET_SIZE_MAX)
        elif width < 0:
            width = 2000
        width -= left + right
        bounds = metrics.boundingRect(0, 0, width, 2000, flags, self._text)
        if try_width:
            line = metrics.lineSpacing()
            if bounds.height() < 4 * line and bounds.width() > width // 2:
                bounds = metrics.boundingRect(0, 0, width // 2, 2000, flags, self._text)
            if bounds.height() < 2 * line and bounds.width() > width // 4:
                bounds = metrics.boundingRect(0, 0, width // 4, 2000, flags, self._text)
        return QtCore.QSize(bounds.width() + left + right, bounds.height() + top + bottom)

    def _label_hints(self) -> tuple[QtCore.QSize, QtCore.QSize]:
        """The label's (size hint, minimum size hint)."""
        if self._hints is None:
            hint = self._size_for_width(-1)
            if not self._is_text or not self._wrap:
                # Unwrapped, the width asked does not change the text's extent: the minimum is
                # the hint (sizeForWidth(0) and sizeForWidth(max) measure the same line).
                self._hints = (hint, hint)
                return self._hints
            minimum = QtCore.QSize(
                self._size_for_width(0).width(),
                min(self._size_for_width(WIDGET_SIZE_MAX).height(), hint.height()),
            )
            self._hints = (hint, minimum)
        return self._hints

    # -- QLayoutItem (what QWidgetItem gave for the label) ---------------------------------
    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        if self._hidden:
            return QtCore.QSize(0, 0)
        hint, minimum = self._label_hints()
        return hint.expandedTo(minimum)

    def minimumSize(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        if self._hidden:
            return QtCore.QSize(0, 0)
        return QtCore.QSize(self._label_hints()[1])

    def maximumSize(self) -> QtCore.QSize:  # noqa: N802 (Qt's name)
        if self._hidden:
            return QtCore.QSize(0, 0)
        return QtCore.QSize(WIDGET_SIZE_MAX, WIDGET_SIZE_MAX)

    def expandingDirections(self) -> QtCore.Qt.Orientation:  # noqa: N802 (Qt's name)
        return _NO_DIRECTION

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return self._hidden

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return self._wrap and self._is_text and not self._hidden

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        if self._hidden:
            return -1
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = max(0, self._size_for_width(width).height())
        return height

    def minimumHeightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self.heightForWidth(width)

    def controlTypes(self) -> Any:  # noqa: N802 (Qt's name)
        return _LABEL_CONTROL

    def setGeometry(self, rect: QtCore.QRect) -> None:  # noqa: N802 (Qt's name)
        if self._hidden:
            return  # a hidden widget's item leaves the widget where it was
        if rect != self._rect:
            old = self._rect
            self._rect = QtCore.QRect(rect)
            self.card.update(old.united(rect))

    def geometry(self) -> QtCore.QRect:
        return QtCore.QRect(self._rect)

    # -- paint -----------------------------------------------------------------------------
    def colours(self) -> QtGui.QPalette:
        """The label's palette: the card's, the text in `ink` (left alone under the system's
        colours, as `tinted` left the label's)."""
        colours = QtGui.QPalette(self.card.palette())
        colour = palette.color(self.ink) if self.ink is not None else None
        if colour is not None:
            colours.setColor(_WINDOW_TEXT, colour)
            colours.setColor(_TEXT, colour)
        return colours

    def paint(self, painter: QtGui.QPainter, colours: QtGui.QPalette | None = None) -> None:
        """QLabel.paintEvent's text, in the card's `painter` (left as it was found)."""
        if self._hidden or not self._text or self._rect.isEmpty():
            return
        left, top, right, bottom = self._margins
        inner = QtCore.QRect(self._rect).adjusted(left, top, -right, -bottom)
        colours = colours if colours is not None else self.colours()
        flags = _visual(self._align) | _FORCE_LEFT_TO_RIGHT
        painter.save()
        painter.setClipRect(self._rect)  # a widget's painting stops at its edges
        painter.setFont(self.font())
        if self.card.isEnabled():
            # What QStyle.drawItemText does for an enabled text, without naming the style (its
            # Python class brings a dozen enumerations to the first frame).
            painter.setPen(QtGui.QPen(colours.brush(_WINDOW_TEXT), painter.pen().widthF()))
            painter.drawText(inner, flags, self._text)
        else:
            self.card.style().drawItemText(
                painter, inner, flags, colours, False, self._text, _WINDOW_TEXT
            )
        painter.restore()


class CardPill(CardText):
    """A count in a rounded capsule, as `ui.pages.dashboard.Pill` painted it: filled in the
    tone's background (outlined in the text colour under the system's colours), the text bold
    and centred in the tone's colour. `tones` maps a tone to its palette.Pill."""

    def __init__(self, card: QtWidgets.QWidget, tones: dict[str, Any], tone: str):
        super().__init__(card, bold=True, margins=(8, 1, 8, 1), centred=True)
        self._tones = tones
        self.tone = tone
        self.ink = palette.Ink(tones[tone].fg)

    def set_tone(self, tone: str) -> None:
        self.tone = tone
        self.ink = palette.Ink(self._tones[tone].fg)
        self.card.update(self._rect)

    def paint(self, painter: QtGui.QPainter, colours: QtGui.QPalette | None = None) -> None:
        if self._hidden or self._rect.isEmpty():
            return
        colours = self.colours()
        painter.save()
        painter.setClipRect(self._rect)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        fill = palette.color(self._tones[self.tone].bg)
        if fill is None:  # the system's colours: an outline in the text colour
            painter.setPen(colours.color(_WINDOW_TEXT))
        else:
            painter.setBrush(fill)
        rect = QtCore.QRectF(self._rect)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.restore()
        super().paint(painter, colours)
