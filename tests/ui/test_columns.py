"""Tables choose their columns for the width (ui.columns): the columns of lowest priority hide
when the table is narrow and come back when it widens, a secretary's own choices (a dragged
width, a column unticked in the header's menu) are kept for the next time."""

from __future__ import annotations

import pytest

from ui.columns import choose_columns
from ui.qt import Qt, QtCore, QtGui, QtWidgets

TITLES = ["Intitulé", "Porteur", "Thème", "Instance", "Échéance"]
# column: (priority, width at first); 1 = always shown
COLUMNS = {0: (1, None), 1: (2, 150), 2: (3, 150), 3: (3, 150), 4: (1, 110)}


def table(qtbot, width: int) -> tuple[QtWidgets.QTableView, object]:
    model = QtGui.QStandardItemModel(3, len(TITLES))
    model.setHorizontalHeaderLabels(TITLES)
    view = QtWidgets.QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    chooser = choose_columns(view, "test_columns", COLUMNS, stretch=0)
    view.resize(width, 240)
    view.show()
    qtbot.waitExposed(view)
    return view, chooser


def hidden(view: QtWidgets.QTableView) -> set[int]:
    return {c for c in range(len(TITLES)) if view.isColumnHidden(c)}


def test_the_narrow_table_hides_its_least_needed_columns_first_and_shows_them_again(qtbot):
    view, _chooser = table(qtbot, 1000)
    qtbot.waitUntil(lambda: hidden(view) == set())
    view.resize(560, 240)
    qtbot.waitUntil(lambda: hidden(view) == {2, 3})  # priority 3 first; Porteur stays
    view.resize(420, 240)
    qtbot.waitUntil(lambda: hidden(view) == {1, 2, 3})
    assert not view.isColumnHidden(0) and not view.isColumnHidden(4)  # always shown
    view.resize(1000, 240)
    qtbot.waitUntil(lambda: hidden(view) == set())


def drag(qtbot, view: QtWidgets.QTableView, column: int, by: int) -> None:
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    start = QtCore.QPoint(edge, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(header.viewport(), start + QtCore.QPoint(by // 2, 0))
    qtbot.mouseMove(header.viewport(), start + QtCore.QPoint(by, 0))
    qtbot.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, pos=start + QtCore.QPoint(by, 0)
    )


def test_a_dragged_width_and_an_unticked_column_are_kept_for_next_time(qtbot):
    view, chooser = table(qtbot, 1000)
    qtbot.waitUntil(lambda: hidden(view) == set())
    drag(qtbot, view, 1, 60)
    assert view.columnWidth(1) == pytest.approx(210, abs=2)
    (theme,) = [a for a in chooser.menu().actions() if a.text() == "Thème"]
    theme.setChecked(False)  # « Thème » unticked in the header's menu
    assert view.isColumnHidden(2)
    (title,) = [a for a in chooser.menu().actions() if a.text() == "Intitulé"]
    assert not title.isEnabled()  # the columns needed first cannot be taken away
    qtbot.waitUntil(
        lambda: QtCore.QSettings().value("tables/test_columns/widths") not in (None, "{}")
    )

    again, _ = table(qtbot, 1000)
    qtbot.waitUntil(lambda: hidden(again) == {2})
    assert again.columnWidth(1) == view.columnWidth(1)


def test_the_members_table_keeps_the_names_and_the_end_of_mandate_when_narrow(
    qtbot, store, council
):
    from ui.models import MembersTableModel as M
    from ui.pages.members import MembersPage

    page = MembersPage(store)
    qtbot.addWidget(page)
    page.resize(1500, 600)
    page.show()
    qtbot.waitExposed(page)
    shown = lambda: {c for c in range(M.COLUMN_COUNT) if not page.table.isColumnHidden(c)}  # noqa: E731
    qtbot.waitUntil(lambda: shown() == set(range(M.COLUMN_COUNT)))
    page.resize(760, 600)
    qtbot.waitUntil(lambda: M.EMAIL not in shown())
    assert {M.NAME, M.FIRST_NAME, M.ORGANISATION, M.MANDATE_END} <= shown()
    assert page.table.horizontalScrollBar().maximum() == 0  # what is shown fits
    page.resize(1500, 600)
    qtbot.waitUntil(lambda: shown() == set(range(M.COLUMN_COUNT)))
