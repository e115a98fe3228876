"""(3) Filtering the Membres table of the large demo as one types, keystroke by keystroke.

`measure_filter(make_target)` types into whatever `make_target()` returns: a line edit wired to
a filter, shown on screen, so that each keystroke costs the filter, the view's relayout and its
repaint. Ours is the real Membres page; the reference is a plain QSortFilterProxyModel with
setFilterFixedString over every column of the same rows.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from bench.common import Figure, large_demo_db, settled_copy

TYPED = ("durand", "hélène", "scop")


def _quiet(mode, context, message: str) -> None:
    """The offscreen platform's "propagateSizeHints" notice says nothing about the measure."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet)
    return QApplication.instance() or QApplication([])


def measure_filter(
    make_target: Callable[[], object], words: tuple[str, ...] = TYPED
) -> list[float]:
    """Milliseconds per keystroke typed into `make_target()` (a QLineEdit), each word typed one
    character at a time then cleared; every keystroke is followed by processing all events."""
    app = _app()
    line_edit = make_target()
    line_edit.setFocus()
    _until_idle(app)
    times: list[float] = []
    for word in words:
        for char in word:
            start = time.perf_counter()
            _type(app, line_edit, char)
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        line_edit.clear()
        app.processEvents()
    return times


def _until_idle(app) -> None:
    """The events of the target's showing processed, and then those they posted: its first paint
    and what the window does right after it (`ui.collector.settle_after_paint`), as it does
    before a person's first keystroke can come. One `processEvents` leaves what the paint posts
    to the next turn, the first keystroke's."""
    from PySide6.QtCore import QTimer

    app.processEvents()
    done: list[bool] = []
    QTimer.singleShot(0, lambda: done.append(True))  # after whatever the paint posted
    while not done:
        app.processEvents()


def _type(app, widget, char: str) -> None:
    """One key press and release carrying `char` (QTest.keyClicks refuses accented letters)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        app.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def members_page_target(store) -> Callable[[], object]:
    """The real Membres page, made as the window makes it (`ui.window_pages.built_page`: its
    accessibility finished, the cycle collector settled after its first paint), shown, with its
    search field."""

    def make():
        from ui.window_pages import built_page, page_specs

        (spec,) = [spec for spec in page_specs() if spec.key == "members"]
        page = built_page(spec, store)
        page.resize(1200, 800)
        page.show()
        make.keep = page  # type: ignore[attr-defined]
        return page.search

    return make


def plain_proxy_target(store) -> Callable[[], object]:
    """member_rows in a minimal table model behind a stock QSortFilterProxyModel
    (setFilterFixedString over every column), in a QTableView."""

    def make():
        import datetime as dt

        from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
        from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

        from ess_desk.membership.roster import member_rows

        cells = [
            (r.last_name, r.first_name, r.organisation, r.bodies, r.colleges, r.roles,
             r.next_end or "", r.email)
            for r in member_rows(store.db, dt.date.today(), include_archived=True)
        ]  # fmt: skip

        class PlainModel(QAbstractTableModel):
            def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 (Qt's names)
                return 0 if parent.isValid() else len(cells)

            def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
                return 0 if parent.isValid() else 8

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole and index.isValid():
                    return cells[index.row()][index.column()]
                return None

        model = PlainModel()
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        search = QLineEdit()
        view = QTableView()
        view.setModel(proxy)
        layout.addWidget(search)
        layout.addWidget(view)
        search.textChanged.connect(proxy.setFilterFixedString)
        widget.resize(1200, 800)
        widget.show()
        make.keep = (widget, model, proxy)  # type: ignore[attr-defined]
        return search

    return make


def measure_filtering() -> list[Figure]:
    import tempfile
    from pathlib import Path

    from ess_desk.store import open_store

    ours: list[float] = []
    plain: list[float] = []
    error = ""
    with tempfile.TemporaryDirectory(prefix="ess-bench-filter-") as tmp:
        db = Path(tmp) / "large.sqlite"
        settled_copy(large_demo_db(), db)
        with open_store(db, auto_backup=False) as store:
            plain = measure_filter(plain_proxy_target(store))
            try:
                ours = measure_filter(members_page_target(store))
            except Exception as exc:  # the page is another module's: report, do not crash
                error = f"page Membres indisponible : {type(exc).__name__}: {exc}"
    keystrokes = sum(len(w) for w in TYPED)
    common = {"unit": "ms", "goal": "< 50 ms", "max_value": 50.0}
    return [
        Figure(
            name=f"Filtre Membres, médiane par frappe ({keystrokes} frappes)",
            ours=statistics.median(ours) if ours else None,
            baseline=statistics.median(plain),
            error=error,
            **common,
        ),
        Figure(
            name="Filtre Membres, pire frappe",
            ours=max(ours) if ours else None,
            baseline=max(plain),
            **common,
        ),
    ]
