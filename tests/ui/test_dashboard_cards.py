"""The texts a dashboard card paints (ui.card_text: its title, count, subtitle and count of more
lines, which were QLabels): the sizes the layout gets, the pixels and the screen reader's tree
are the labels'."""

from __future__ import annotations

import pytest

from ui import palette
from ui.card_text import CardPill, CardText
from ui.qt import QtCore, QtGui, QtWidgets

QAccessible = QtGui.QAccessible
TEXTS = [
    "Prochaines séances",
    "15\u202f310",
    "Actions ouvertes dont l'échéance est passée, les plus récentes d'abord",
    "Liste des délibérations après chaque séance, procès-verbal signé et publié après son "
    "approbation, dans le délai de chaque instance",
    "… et 15\u202f304 autres",
    "W",
    "",
]


def old_label(kind: str) -> QtWidgets.QLabel:
    """The label the card made for `kind` before it painted its texts (its former code)."""
    from ui.pages.dashboard import GREY_TEXT, TITLE_COLOUR, Pill, sized, tinted

    if kind == "count":
        return Pill("count")
    label = QtWidgets.QLabel()
    if kind == "title":
        sized(label, 11.5, bold=True)
        tinted(label, TITLE_COLOUR)
    elif kind == "subtitle":
        label.setWordWrap(True)
        tinted(label, GREY_TEXT)
    else:
        tinted(label, GREY_TEXT)
    return label


def painted(kind: str, card: QtWidgets.QWidget) -> CardText:
    from ui.pages.dashboard import GREY_TEXT, PILLS, TITLE_COLOUR

    if kind == "count":
        return CardPill(card, PILLS, "count")
    if kind == "title":
        return CardText(card, points=11.5, bold=True, ink=TITLE_COLOUR)
    return CardText(card, ink=GREY_TEXT, wrap=kind == "subtitle")


class Painting(QtWidgets.QWidget):
    """A widget that paints its texts as a card does."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[CardText] = []

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QtGui.QPainter(self)
        for text in self.texts:
            text.paint(painter)
        painter.end()


def label_figures(label: QtWidgets.QLabel, widths: range) -> list[object]:
    """`figures` of the label's layout item, the item deleted at once: an item left to Python's
    collector would outlive its label, which its destructor reads."""
    item = QtWidgets.QWidgetItem(label)
    try:
        return figures(item, widths)
    finally:
        del item


def figures(item: QtWidgets.QLayoutItem, widths: range) -> list[object]:
    out: list[object] = [
        item.sizeHint(),
        item.minimumSize(),
        item.maximumSize(),
        item.isEmpty(),
        item.hasHeightForWidth(),
    ]
    if item.hasHeightForWidth():
        out += [item.heightForWidth(w) for w in widths]
    return out


@pytest.mark.parametrize("kind", ["title", "count", "subtitle", "more"])
def test_a_painted_text_gives_the_layout_what_its_label_gave(qtbot, kind):
    holder = QtWidgets.QWidget()
    qtbot.addWidget(holder)
    label = old_label(kind)
    label.setParent(holder)
    text = painted(kind, holder)
    widths = range(0, 700, 7)
    # Never given a text, then each text (the last, "", after one), then hidden and shown.
    assert figures(text, widths) == label_figures(label, widths)
    for value in TEXTS:
        label.setText(value)
        text.setText(value)
        assert figures(text, widths) == label_figures(label, widths), value
    label.setText(TEXTS[2])
    text.setText(TEXTS[2])
    label.hide()
    text.setVisible(False)
    assert figures(text, widths) == label_figures(label, widths)
    assert text.isHidden() and not text.isVisible()


def pair(qtbot, kind: str, value: str, width: int) -> tuple[QtWidgets.QWidget, Painting]:
    """The label in a layout, and its painted text in the same layout, as wide."""
    labels, texts = QtWidgets.QWidget(), Painting()
    for top in (labels, texts):
        qtbot.addWidget(top)
        layout = QtWidgets.QVBoxLayout(top)
        layout.setContentsMargins(14, 12, 14, 10)
        row = QtWidgets.QHBoxLayout()
        row.setSpacing(8)
        layout.addLayout(row)
        layout.addStretch(1)
        if top is labels:
            label = old_label(kind)
            label.setText(value)
            row.addWidget(label)
        else:
            text = painted(kind, texts)
            text.setText(value)
            row.addItem(text)
            texts.texts.append(text)
        row.addStretch(1)
        top.resize(width, 120)
        top.show()
    qtbot.waitExposed(texts)
    return labels, texts


@pytest.mark.parametrize("system_colours", [False, True])
@pytest.mark.parametrize("kind", ["title", "count", "subtitle", "more"])
def test_a_painted_text_has_its_labels_pixels(qtbot, kind, system_colours):
    palette.set_system_colours(system_colours)
    try:
        for value in TEXTS[:5]:
            for width in (180, 420, 900):
                labels, texts = pair(qtbot, kind, value, width)
                assert labels.grab().toImage() == texts.grab().toImage(), (value, width)
                labels.close()
                texts.close()
    finally:
        palette.set_system_colours(None)


@pytest.fixture
def card(qtbot):
    """A card with a subtitle, three lines, a count of more lines and a link, shown."""
    from ui.lines import Line
    from ui.pages.dashboard import SectionCard

    card = SectionCard("test", "Actions en retard", 3, 1, "Rien")
    lines = [Line("action", n, ("01/01/2027", f"Action {n}", "dans 1 j")) for n in range(3)]
    card.set_content(lines, 9, subtitle="Actions ouvertes", more="… et 6 autres", link="Voir")
    qtbot.addWidget(card)
    card.resize(600, 300)
    card.show()
    qtbot.waitExposed(card)
    return card


def tree(interface) -> list[tuple[object, ...]]:
    out = []
    for n in range(interface.childCount()):
        child = interface.child(n)
        assert interface.indexOfChild(child) == n
        assert child.parent() is not None
        state = child.state()
        out.append((child.role(), child.text(QAccessible.Text.Name), bool(state.invisible)))
    return out


def test_a_screen_reader_reads_the_cards_texts_as_its_labels(qtbot, card):
    from ui import card_a11y, lines

    lines.ensure_accessible()
    interface = QAccessible.queryAccessibleInterface(card)
    assert isinstance(interface, card_a11y.CardAccessible)
    assert interface.role() == QAccessible.Role.Border  # what Qt made of the frame
    static, listed = QAccessible.Role.StaticText, QAccessible.Role.List
    assert tree(interface) == [
        (static, "Actions en retard", False),
        (static, "9", False),
        (static, "Actions ouvertes", False),
        (listed, "Actions en retard", False),
        (static, "… et 6 autres", False),
        (QAccessible.Role.Button, "Voir", False),
    ]
    title = interface.child(0)
    place = card.title.rect()
    assert title.rect() == QtCore.QRect(card.mapToGlobal(place.topLeft()), place.size())
    assert title.state().readOnly and not title.state().focusable
    centre = title.rect().center()
    assert (
        interface.childAt(centre.x(), centre.y()).text(QAccessible.Text.Name) == "Actions en retard"
    )
    # Texts that hide are invisible (and placed nowhere), as hidden labels were; the empty
    # card's sentence comes last.
    card.set_content([], 0)
    invisible = [hidden for *_rest, hidden in tree(interface)]
    assert invisible == [False, False, True, True, True, True, False]
    assert interface.child(2).rect() == QtCore.QRect()


def test_a_cards_text_tells_the_screen_reader_it_changed(qtbot, card, monkeypatch):
    from ui import card_a11y, lines

    lines.ensure_accessible()
    QAccessible.queryAccessibleInterface(card)
    sent = []
    monkeypatch.setattr(card_a11y, "send", lambda e: sent.append((e.type(), e.child())))
    card.count.setText("10")
    card.more.setVisible(False)
    card.more.setVisible(True)
    assert sent == [
        (QAccessible.Event.NameChanged, 1),
        (QAccessible.Event.ObjectHide, 4),
        (QAccessible.Event.ObjectShow, 4),
    ]


def test_a_card_asked_for_while_it_is_built_keeps_telling_its_changes(qtbot, monkeypatch):
    """A screen reader may ask for a card's interface while the card is being built (its lines
    join it there): the card keeps the interface made then, and its texts' changes reach it."""
    from ui import card_a11y, lines
    from ui.pages import dashboard

    lines.ensure_accessible()

    class AskingLines(dashboard.LinesWidget):
        """Lines that ask for their new parent's interface as they join it."""

        def event(self, event: QtCore.QEvent) -> bool:
            if event.type() == QtCore.QEvent.Type.ParentChange and self.parentWidget():
                QAccessible.queryAccessibleInterface(self.parentWidget())
            return super().event(event)

    monkeypatch.setattr(dashboard, "LinesWidget", AskingLines)
    card = dashboard.SectionCard("test", "Sièges vacants", 2, 0, "Rien")
    qtbot.addWidget(card)
    interface = QAccessible.queryAccessibleInterface(card)
    assert isinstance(interface, card_a11y.CardAccessible)
    assert card.accessible_interface is interface
    sent = []
    monkeypatch.setattr(card_a11y, "send", lambda e: sent.append((e.type(), e.child())))
    card.count.setText("3")
    assert sent == [(QAccessible.Event.NameChanged, 1)]


def test_a_plain_interface_made_before_the_factory_is_replaced(qtbot):
    """A screen reader asking before the first frame's factory gets the card's texts once the
    factory is installed. Qt's own interface is registered by hand: the factory, installed once
    per process, is already there when an earlier test installed it."""
    from ui import card_a11y, lines_a11y
    from ui.pages.dashboard import SectionCard

    card = SectionCard("test", "Sièges vacants", 2, 0, "Rien")
    qtbot.addWidget(card)
    card.show()
    plain = QtWidgets.QAccessibleWidget(card, QAccessible.Role.Border)  # what Qt gives a frame
    QAccessible.registerAccessibleInterface(plain)
    assert not isinstance(QAccessible.queryAccessibleInterface(card), card_a11y.CardAccessible)
    lines_a11y.install([card])
    interface = QAccessible.queryAccessibleInterface(card)
    assert isinstance(interface, card_a11y.CardAccessible)
    assert interface.child(0).text(QAccessible.Text.Name) == "Sièges vacants"


def test_a_cards_texts_are_measured_again_when_its_font_changes(qtbot, card):
    before = card.more.sizeHint()
    font = card.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    card.setFont(font)
    holder = QtWidgets.QWidget()  # a label in the card's new font
    qtbot.addWidget(holder)
    holder.setFont(font)
    label = old_label("more")
    label.setParent(holder)
    label.setText(card.more.text())
    hint = label_figures(label, range(0))[0]
    assert card.more.sizeHint() == hint != before
    qtbot.waitUntil(lambda: card.more.rect().width() == card.more.sizeHint().width())


def test_a_card_destroyed_with_its_texts_asked_for_leaves_nothing_behind(qtbot):
    """The texts' interfaces go with their card, deleted through Qt: neither Qt nor Python
    holds one freed."""
    import shiboken6

    from ui import card_a11y, lines
    from ui.pages.dashboard import SectionCard

    lines.ensure_accessible()
    holder = QtWidgets.QWidget()
    QtWidgets.QVBoxLayout(holder).addWidget(card := SectionCard("test", "Titre", 3, 1, "Rien"))
    card.set_content([], 4, subtitle="Sous-titre", more="… et 4 autres", link="Voir")
    interface = QAccessible.queryAccessibleInterface(card)
    texts = [interface.child(n) for n in (0, 1, 2, 4)]
    assert all(isinstance(text, card_a11y.TextAccessible) for text in texts)
    ids = [QAccessible.uniqueId(text) for text in texts]
    del interface, card
    holder.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(text) for text in texts)
    assert all(QAccessible.accessibleInterface(ident) is None for ident in ids)
    assert [text.state().invalid for text in texts] == [True] * 4


def test_a_card_made_alone_then_dropped_is_not_left_to_the_cycle_collector(qtbot):
    """Nothing of a card leads back to it (its texts, its link, their interfaces): dropped, it
    goes at once. Left in a cycle, the collector freed the card, its layouts and its texts in
    no set order, and crashed in a layout's destructor (the collector here keeps what it finds
    instead of freeing it)."""
    import gc
    import weakref

    from ui import lines
    from ui.pages.dashboard import SectionCard

    lines.ensure_accessible()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        card = SectionCard("test", "Titre", 3, 1, "Rien")
        card.set_content([], 4, subtitle="Sous-titre", more="… et 4 autres", link="Voir")
        card.show()
        qtbot.waitExposed(card)
        interface = QAccessible.queryAccessibleInterface(card)
        assert interface.child(0).text(QAccessible.Text.Name) == "Titre"
        card.close()
        gone = weakref.ref(card)
        del card, interface
        freed_at_once = gone() is None
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage if isinstance(o, (QtCore.QObject, CardText))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert freed_at_once and left == []
