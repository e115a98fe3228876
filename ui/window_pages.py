"""The main window's pages: the navigation list and the stack of pages, each built the first
time it is shown (placeholders until then), reloaded when shown after a change elsewhere, rebuilt
over a new store; showing one record where it lives (`open_record`).

`WindowPages` is the base of `MainWindow`: it holds the page machinery, the window the rest."""

from __future__ import annotations

import importlib
from typing import Any

from ess_desk.record import Record
from ess_desk.store import Store
from ui import fitting
from ui.qt import QCoreApplication, Qt, QtCore, QtGui, QtWidgets
from ui.settings import AppSettings


class PageSpec(Record):
    """A page of the navigation: its key (for QSettings), title, and where its class lives."""

    __slots__ = _fields = ("key", "title", "module", "class_name")
    key: str
    title: str
    module: str
    class_name: str

    def __init__(self, key: str, title: str, module: str, class_name: str) -> None:
        self.key = key
        self.title = title
        self.module = module
        self.class_name = class_name


def page_specs() -> list[PageSpec]:
    """Every page of the window, in navigation order."""
    return [
        PageSpec(
            "dashboard",
            QCoreApplication.translate("MainWindow", "Tableau de bord"),
            "ui.pages.dashboard",
            "DashboardPage",
        ),
        PageSpec(
            "members",
            QCoreApplication.translate("MainWindow", "Membres"),
            "ui.pages.members",
            "MembersPage",
        ),
        PageSpec(
            "bodies",
            QCoreApplication.translate("MainWindow", "Instances"),
            "ui.pages.bodies",
            "BodiesPage",
        ),
        PageSpec(
            "meetings",
            QCoreApplication.translate("MainWindow", "Séances"),
            "ui.pages.meetings",
            "MeetingsPage",
        ),
        PageSpec(
            "decisions",
            QCoreApplication.translate("MainWindow", "Décisions"),
            "ui.pages.decisions",
            "DecisionsPage",
        ),
        PageSpec(
            "actions",
            QCoreApplication.translate("MainWindow", "Actions"),
            "ui.pages.actions",
            "ActionsPage",
        ),
    ]


def _splitters(page: QtWidgets.QWidget) -> list[QtWidgets.QSplitter]:
    """The page's splitters, whose sizes are remembered: those it lists (`splitters`), else
    those found among its widgets."""
    listed = getattr(page, "splitters", None)
    return list(listed) if listed is not None else page.findChildren(QtWidgets.QSplitter)


def built_page(spec: PageSpec, store: Store) -> QtWidgets.QWidget:
    """The page of `spec` over `store` as the window makes it: its accessibility finished, and
    Python's cycle collector settled once it is first painted (`ui.collector`: what the page and
    its first showing loaded is then left out of the collector's later full passes)."""
    from ui import a11y, collector

    page = getattr(importlib.import_module(spec.module), spec.class_name)(store)
    if not getattr(page, "a11y_finished", False):  # see DashboardPage.a11y_finished
        a11y.finish(page, mnemonics=False)
    collector.settle_after_paint(page)
    return page


class WindowPages(QtWidgets.QMainWindow):
    """The page machinery of the main window (whose constructor sets what is declared here)."""

    store: Store
    settings: AppSettings
    specs: list[PageSpec]
    _pages: dict[str, QtWidgets.QWidget]
    _stale: set[str]
    navigation: QtWidgets.QListWidget
    stack: QtWidgets.QStackedWidget
    page_actions: list[QtGui.QAction]

    def _update_edit_actions(self) -> None:
        raise NotImplementedError  # the window's Edit menu follows the page's selection

    def run_command(self, name: str) -> None:
        raise NotImplementedError  # what a page asks the window to do

    def _build_navigation(self) -> None:
        """The list of pages on the left and the stack of pages (placeholders until shown)."""
        self.navigation = QtWidgets.QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        navigation_font = self.navigation.font()
        navigation_font.setPointSizeF(11)
        self.navigation.setFont(navigation_font)
        navigation_palette = self.navigation.palette()
        navigation_palette.setColor(
            QtGui.QPalette.ColorRole.Base,
            navigation_palette.color(QtGui.QPalette.ColorRole.Window),
        )
        self.navigation.setPalette(navigation_palette)
        self.navigation.setSpacing(4)
        self.navigation.setContentsMargins(6, 4, 6, 4)
        self.stack = QtWidgets.QStackedWidget()
        self.stack.setObjectName("pages")
        fitting.size_by_current_page(self.stack)
        row_height = self.navigation.fontMetrics().height() + 14
        for spec in self.specs:
            item = QtWidgets.QListWidgetItem(spec.title)
            item.setSizeHint(QtCore.QSize(0, row_height))
            self.navigation.addItem(item)
            self.stack.addWidget(QtWidgets.QWidget())  # placeholder until first shown
        # Measured in the navigation's own (larger, style-sheet) font: « Tableau de bord » must
        # fit without a scroll bar.
        self.navigation.ensurePolished()
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.navigation.fontMetrics()
        self.navigation.setFixedWidth(
            max(
                130,
                max((metrics.horizontalAdvance(s.title) for s in self.specs), default=0) + 48,
            )
        )

    def _initial_page(self) -> str:
        remembered = self.settings.last_page()
        keys = [spec.key for spec in self.specs]
        return remembered if remembered in keys else (keys[0] if keys else "")

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def current_page_key(self) -> str:
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def page(self, key: str) -> QtWidgets.QWidget | None:
        """The page already built for `key` (None until it was first shown)."""
        return self._pages.get(key)

    def go_to_page(self, row: int) -> None:
        """Ctrl+1…: the page, with the keyboard in it (its first control) rather than left in
        the search field or on the page now hidden."""
        from ui import a11y

        self.navigation.setCurrentRow(row)
        page = self.stack.widget(row)
        if page is not None:
            a11y.focus_first(page)

    def show_page(self, key: str) -> QtWidgets.QWidget | None:
        keys = self.page_keys()
        if key not in keys:
            return None
        row = keys.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # calls _show_row
        else:
            self._show_row(row)
        return self._pages.get(key)

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show one record where it lives: "person", "organisation", "body", "mandate", "meeting",
        "agenda_item", "minutes" (a meeting's id), "decision" or "action". False when it is gone."""
        from ess_desk import records  # opening a search hit: not the window's start's business

        target = records.locate(self.store.db, kind, record_id)
        if target is None:
            return False
        if target.page == "members":
            page = self.show_page("members")
            if target.text:  # an organisation: its people, by the organisation's name
                page.search.setText(target.text)
                page.select_first()
                return True
            if not page.select_person(record_id):
                page.search.clear()
                return page.select_person(record_id)
            return True
        if target.page == "bodies":
            page = self.show_page("bodies")
            page.select_body(target.body_id)
            if kind == "mandate":
                page.select_mandate(record_id)
            return True
        if target.page == "meetings":
            page = self.show_page("meetings")
            page.select_meeting(target.meeting_id)
            view = page.open_meeting(target.meeting_id)
            if kind == "agenda_item":
                view.show_tab("agenda").select_item(record_id)
            elif kind == "minutes":
                view.show_tab("ui.pages.meeting_minutes")
            return True
        if target.page == "decisions":
            page = self.show_page("decisions")
            page.set_year(None)
            page.set_kind(None)
            page.set_body(None)
            page.apply_filters()
            page.select_decision(record_id)
            return True
        if target.page == "actions":
            page = self.show_page("actions")
            if not page.select_action(record_id):
                page.clear_filters()
                page.flush_filter()
                return page.select_action(record_id)
            return True
        return False

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        page = self._pages.get(spec.key)
        if page is None:
            page = self._build_page(spec)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
        elif spec.key in self._stale and hasattr(page, "reload"):
            page.reload()
        self._stale.discard(spec.key)
        self.stack.setCurrentIndex(row)
        self.page_actions[row].setChecked(True)
        self._update_edit_actions()

    def _build_page(self, spec: PageSpec) -> QtWidgets.QWidget:
        page = built_page(spec, self.store)
        self._pages[spec.key] = page
        for splitter in _splitters(page):
            name = splitter.objectName()
            state = self.settings.splitter_state(f"{spec.key}/{name}") if name else None
            if state is not None:
                splitter.restoreState(state)
        if hasattr(page, "selection_changed"):
            page.selection_changed.connect(self._update_edit_actions)
        for signal in ("people_changed", "actions_changed"):
            if hasattr(page, signal):
                getattr(page, signal).connect(lambda key=spec.key: self._data_changed(key))
        if hasattr(page, "open_requested"):
            page.open_requested.connect(self.open_record)
        if hasattr(page, "actions_requested"):
            page.actions_requested.connect(self.show_actions)
        if hasattr(page, "command_requested"):
            page.command_requested.connect(self.run_command)
        return page

    def show_actions(self, which: str) -> None:
        """The Actions page filtered as a dashboard section asks: "overdue" or "due_soon" (the
        dashboard's horizon, in days)."""
        from ess_desk.dashboard.overview import DUE_SOON_DAYS

        page: Any = self.show_page("actions")
        if page is None:
            return
        page.clear_filters()
        if which == "overdue":
            page.overdue_filter.setChecked(True)
        elif which == "due_soon":
            page.due_days.setValue(DUE_SOON_DAYS)
            page.due_filter.setChecked(True)
        page.flush_filter()

    def _data_changed(self, source_key: str) -> None:
        self._stale.update(k for k in self._pages if k != source_key)

    def _focus_page_filter(self) -> None:
        """The filter field of the page shown (the Membres page's when it has none)."""
        page = self._pages.get(self.current_page_key())
        field = getattr(page, "search", None)
        if isinstance(field, QtWidgets.QLineEdit) and field.isVisible():
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()
        else:
            self._members_do("focus_search")

    def _members_do(self, method: str) -> None:
        page = self.show_page("members")
        if page is not None and hasattr(page, method):
            getattr(page, method)()

    def reload_pages(self) -> None:
        current = self.current_page_key()
        for key, page in self._pages.items():
            if key == current and hasattr(page, "reload"):
                page.reload()
            else:
                self._stale.add(key)

    def _rebuild_pages(self) -> None:
        """After switching database: every page is built again over the new store."""
        self._save_splitters()
        for row, spec in enumerate(self.specs):
            old = self._pages.pop(spec.key, None)
            if old is not None:
                placeholder = QtWidgets.QWidget()
                self.stack.insertWidget(row, placeholder)
                self.stack.removeWidget(old)
                old.deleteLater()
        self._stale.clear()
        self._show_row(self.navigation.currentRow())

    def _save_splitters(self) -> None:
        for key, page in self._pages.items():
            for splitter in _splitters(page):
                if splitter.objectName():
                    self.settings.set_splitter_state(
                        f"{key}/{splitter.objectName()}", splitter.saveState()
                    )
