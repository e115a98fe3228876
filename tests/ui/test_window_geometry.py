"""The window comes back within the screen, whatever it was saved as (a larger screen, another
scale, a second monitor since unplugged): never off an edge, never larger than the screen; on a
screen smaller than a page needs, the page scrolls instead (this process's offscreen screen is
800×600, smaller than any office screen)."""

from __future__ import annotations

import pytest

from ui.main_window import MainWindow
from ui.qt import QtCore, QtGui, QtWidgets
from ui.settings import AppSettings


def saved_as(store, rect: QtCore.QRect) -> AppSettings:
    settings = AppSettings()
    before = MainWindow(store, settings)
    before.setGeometry(rect)
    settings.set_window_geometry(before.saveGeometry())
    before.deleteLater()
    return settings


@pytest.mark.parametrize(
    "rect",
    [
        QtCore.QRect(-200, -100, 3000, 2000),  # a larger screen
        QtCore.QRect(-1500, 40, 1117, 700),  # a monitor on the left, since unplugged
        QtCore.QRect(2600, 900, 1200, 700),  # a monitor below right
    ],
    ids=["larger", "left", "below-right"],
)
def test_a_restored_window_is_within_the_screen(qtbot, store, rect):
    window = MainWindow(store, saved_as(store, rect))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = (window.screen() or QtGui.QGuiApplication.primaryScreen()).availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()))
    assert window.minimumSizeHint().width() <= screen.width()


def test_on_a_small_screen_the_page_scrolls_not_the_window(qtbot, store):
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.screen().availableGeometry()
    page = window.show_page("bodies")  # the widest page: 983 points at the least
    assert page.minimumSizeHint().width() > screen.width() - window.navigation.width()
    qtbot.waitUntil(lambda: window.page_scroll.horizontalScrollBar().maximum() > 0)
    assert screen.contains(window.frameGeometry())
    menus = window.menuBar()
    assert menus.mapTo(window, menus.rect().topLeft()).x() >= 0


def test_the_top_left_stays_on_the_screen_even_when_it_cannot_fit(qtbot, store):
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    window.setMinimumSize(2000, 1500)  # a window that cannot fit: its menus stay reachable
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    window.fit_to_screen(available)
    frame = window.frameGeometry()
    assert frame.left() >= available.left() and frame.top() >= available.top()


def test_the_window_never_asks_more_than_the_screen(qtbot, store):
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    for key in window.page_keys():
        window.show_page(key)
    QtWidgets.QApplication.processEvents()
    screen = QtGui.QGuiApplication.primaryScreen().availableGeometry()
    needed = window.minimumSizeHint()
    assert needed.width() <= screen.width() and needed.height() <= screen.height()
