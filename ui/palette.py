"""Every colour of the window, in one place, each text colour checked against the backgrounds it
is drawn on (WCAG 2.1 AA, RGAA 3.2: at least 4.5:1), and the system's high-contrast or dark
theme, under which the window leaves every colour to the system.

Pages, dialogs and models never write a colour themselves: they take an `Ink` (a text colour),
a `Panel` (text, background and border of a banner) or a `Fill` (a row background) from here and
ask `color()`, `text_css()`, `panel_css()` or `fill()`: each returns nothing under the system's
colours, so that what the user chose wins. `tests/ui/test_palette.py` computes every ratio.
"""

from __future__ import annotations

import os

from ess_desk.record import Record
from ui.qt import QtGui, QtWidgets

# The light backgrounds text is drawn on: Fusion's window and base, and alternate table rows.
WINDOW = "#efefef"
BASE = "#ffffff"
ALTERNATE_BASE = "#f7f7f7"
# The selection: Fusion's default blue (#308cc6) keeps only 3.6:1 under white text.
HIGHLIGHT = "#1f5fa8"
HIGHLIGHTED_TEXT = "#ffffff"
# The focus ring (ui.focus): dark enough for 3:1 against every background and border of the
# window, with a white line within for a selected (HIGHLIGHT) row.
FOCUS = "#0b3d91"
FOCUS_INNER = "#ffffff"
MINIMUM_TEXT_CONTRAST = 4.5
MINIMUM_GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11: chart bars, focus outlines


class Ink(Record):
    """A text colour."""

    __slots__ = _fields = ("hex",)
    hex: str

    def __init__(self, hex: str) -> None:
        self.hex = hex


class Fill(Record):
    """A background drawn behind the ordinary (black) text or any ink: a highlighted row."""

    __slots__ = _fields = ("hex",)
    hex: str

    def __init__(self, hex: str) -> None:
        self.hex = hex


class Panel(Record):
    """A banner or a pill: its text, background and border."""

    __slots__ = _fields = ("fg", "bg", "border")
    fg: str
    bg: str
    border: str

    def __init__(self, fg: str, bg: str, border: str = "") -> None:
        self.fg = fg
        self.bg = bg
        self.border = border


# -- inks: text on the light backgrounds above and on every Fill ------------------------------
MUTED = Ink("#555555")  # secondary text: hints, explanations, "Non renseigné", archived rows
SUCCESS = Ink("#1b5e20")  # done, saved, adopted, quorum reached
ERROR = Ink("#b00020")  # refused, late, rejected, an error beside a field
WARNING = Ink("#8a4b00")  # due soon, flagged, to check
ACCENT = Ink("#1a5fb4")  # list bullets, links drawn by hand
HEADING = Ink("#1f5c4a")  # section titles of the dashboard, group rows
SECONDARY = Ink("#44546a")  # substitutes, planned meetings
TITLE = Ink("#1f3b34")  # the dashboard's card titles

# -- fills: row backgrounds (black text and every ink above stay readable on them) -------------
FILL_WARNING = Fill("#fde7c2")  # a deadline passed, a mandate ending, a vacant seat
FILL_ERROR = Fill("#fbe3e3")  # no quorum, a problem in an imported cell
FILL_SUCCESS = Fill("#e3f1e3")  # a full college
FILL_GROUP = Fill("#e8efec")  # a group heading in a table
FILL_DONE = Fill("#eef6ee")  # a closed action, an action reviewed
FILL_FLAGGED = Fill("#fdd9a8")  # a row the secretary should look at
FILL_READ_ONLY = Fill("#f6f6f2")  # a text that can no longer change

# -- panels: banners and pills ----------------------------------------------------------------
GOOD = Panel("#1e5c1e", "#e3f1e3", "#9cc89c")
BAD = Panel("#8a1010", "#fbe3e3", "#e0a0a0")
NOTICE = Panel("#4d3b00", "#fff3b0", "#e0c84a")
INFO = Panel("#123f80", "#e8f0fc", "#a9c4ee")
NEUTRAL = Panel("#333333", "#f2f2f2", "#cfcfcf")
DRAFT = Panel("#6b4500", "#fff1d6", "#e8c98a")
APPROVED = Panel("#1b5e20", "#e6f4e6", "#a5d6a7")
SUBMITTED = Panel("#123f80", "#dde9fb")
COUNT_PILL = Panel("#1f5c4a", "#e8efec")  # a count on the dashboard
ZERO_PILL = Panel("#555555", "#eef1f0")  # nothing to count
ALERT_PILL = Panel("#8a1010", "#fbe3e3")  # something late
WELCOME = Panel("#000000", "#e8efec")  # the first steps of a new file
# White text on a coloured pill (a meeting's status).
PILLS = {
    "planned": Panel("#ffffff", "#44546a"),
    "convened": Panel("#ffffff", "#1f5fa8"),
    "held": Panel("#ffffff", "#1e6b2e"),
    "closed": Panel("#ffffff", "#555555"),
    "cancelled": Panel("#ffffff", "#a01818"),
    "postponed": Panel("#ffffff", "#8a4b00"),
}
# Chart series (graphics, not text): 3:1 against the white plot area.
CHART = ("#1f5c4a", "#3d8b6e", "#a3620a", "#5f6b6d", "#1a5fb4")
CHART_BAR, CHART_LOW, CHART_AVERAGE = "#3d8b6e", "#a3620a", "#1f5c4a"
# Lines that only separate (a card's border, a chart's grid): no contrast asked of them.
CARD_BORDER = "#d5dedb"
CHART_GRID = "#e1e7e5"


def inks() -> dict[str, Ink]:
    return {name: value for name, value in globals().items() if isinstance(value, Ink)}


def fills() -> dict[str, Fill]:
    return {name: value for name, value in globals().items() if isinstance(value, Fill)}


def panels() -> dict[str, Panel]:
    found = {name: value for name, value in globals().items() if isinstance(value, Panel)}
    found.update({f"PILLS[{key}]": value for key, value in PILLS.items()})
    return found


# -- contrast (WCAG 2.1, definitions of relative luminance and contrast ratio) ----------------
def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    text = hex_colour.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- the system's colours ---------------------------------------------------------------------
_system: bool | None = None


def _detect() -> bool:
    """High contrast asked by the system (or ESS_DESK_HIGH_CONTRAST=1), or a dark theme: our
    light backgrounds and greys would then fight the user's colours."""
    if os.environ.get("ESS_DESK_HIGH_CONTRAST", "") not in ("", "0"):
        return True
    app = QtWidgets.QApplication.instance()
    if app is None:
        return False
    hints = QtGui.QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        from ui.qt import Qt

        if accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
            return True
    window = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Window)
    return window.lightness() < 128


def system_colours() -> bool:
    """True when the window leaves its colours to the system (high contrast, dark theme)."""
    global _system
    if _system is None:
        _system = _detect()
    return _system


def set_system_colours(on: bool | None) -> None:
    """Force (True/False) or detect again (None): the preferences and the tests use it."""
    global _system
    _system = on


def apply(app: QtWidgets.QApplication) -> None:
    """At start: a selection colour that keeps white text readable, unless the system rules."""
    set_system_colours(None)
    if system_colours():
        return
    palette = app.palette()
    for group in (QtGui.QPalette.ColorGroup.Active, QtGui.QPalette.ColorGroup.Inactive):
        palette.setColor(group, QtGui.QPalette.ColorRole.Highlight, QtGui.QColor(HIGHLIGHT))
        palette.setColor(
            group, QtGui.QPalette.ColorRole.HighlightedText, QtGui.QColor(HIGHLIGHTED_TEXT)
        )
    app.setPalette(palette)


# -- what pages, dialogs and models ask -------------------------------------------------------
_colours: dict[str, QtGui.QColor] = {}


def color(ink: Ink | Fill | str) -> QtGui.QColor | None:
    """The QColor for a model's ForegroundRole/BackgroundRole, or None under system colours
    (one QColor per colour, made once: models and delegates ask at every paint)."""
    if system_colours():
        return None
    key = ink if isinstance(ink, str) else ink.hex
    found = _colours.get(key)
    if found is None:
        found = _colours[key] = QtGui.QColor(key)
    return found


def fill(value: Fill) -> QtGui.QColor | None:
    return color(value)


def text_css(ink: Ink | None = None, *, bold: bool = False) -> str:
    """A style-sheet fragment for a label's text: « color: …; font-weight: bold; »."""
    parts = []
    if ink is not None and not system_colours():
        parts.append(f"color: {ink.hex};")
    if bold:
        parts.append("font-weight: bold;")
    return " ".join(parts)


def html_colour(ink: Ink) -> str:
    """For rich text: a colour attribute value ('' under system colours: inherit)."""
    return "" if system_colours() else ink.hex


def span(ink: Ink, text: str, *, bold: bool = False) -> str:
    """`text` (already escaped) in a coloured <span> for a rich-text label."""
    style = text_css(ink, bold=bold)
    return f"<span style='{style}'>{text}</span>" if style else text


def panel_css(panel: Panel, extra: str = "") -> str:
    """A banner's style sheet: text, background and border; only `extra` (padding, radius…)
    and a plain frame under system colours."""
    if system_colours():
        return f"border: 1px solid palette(window-text); {extra}".strip()
    border = f" border: 1px solid {panel.border};" if panel.border else ""
    return f"color: {panel.fg}; background: {panel.bg};{border} {extra}".strip()


def set_panel_palette(widget: QtWidgets.QWidget, panel: Panel) -> None:
    """The same as panel_css for a widget painted by palette (no style sheet: faster start)."""
    widget.setAutoFillBackground(not system_colours())
    if system_colours():
        return
    palette = widget.palette()
    palette.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(panel.bg))
    palette.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor(panel.fg))
    widget.setPalette(palette)
