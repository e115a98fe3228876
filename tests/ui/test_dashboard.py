"""The Tableau de bord: the window opens on it, its sections are filled on the small demo, a line
opens its record (keyboard and mouse), participation shows a chart and exports to Excel."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.actions import actions
from ess_desk.dashboard import overview as ov
from ess_desk.dashboard import participation as pa
from tests.ui.helpers import export_message
from ui import palette
from ui.main_window import MainWindow
from ui.qt import Qt
from ui.settings import AppSettings


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store, AppSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def demo(store, on_demo_day):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    return store


def card_texts(card) -> list[str]:
    return [card.view.text(r, 1) for r in range(card.line_count())]


def test_window_opens_on_the_dashboard_with_every_section_filled(qtbot, demo):
    window = make_window(qtbot, demo)
    qtbot.waitUntil(lambda: window.page("dashboard").complete)
    assert window.page_keys()[0] == "dashboard"
    assert window.current_page_key() == "dashboard"
    assert window.navigation.item(0).text() == "Tableau de bord"
    assert all(window.page(k) is None for k in window.page_keys() if k != "dashboard")
    page = window.page("dashboard")
    data = ov.overview(demo.db, demo.path, dt.date.today())
    cards = page.cards
    assert cards["meetings"].count.text() == str(data.meetings.total)
    assert cards["overdue"].count.text() == str(data.overdue.total)
    assert cards["minutes"].count.text() == str(data.minutes.total)
    assert cards["due_soon"].count.text() == str(data.due_soon.total)
    assert cards["ending"].count.text() == str(data.ending.total)
    assert cards["vacancies"].count.text() == str(data.vacancies.seats)
    for key in ("meetings", "overdue", "minutes", "ending", "vacancies"):
        card = cards[key]
        assert card.line_count() > 0, key
        assert card.view.isVisible() and card.empty.isHidden(), key
    overdue = cards["overdue"]
    first = data.overdue.items[0]
    assert overdue.line(0).record_id == first.id
    assert card_texts(overdue)[0].startswith(first.title)
    assert overdue.view.text(0, 2) == f"{first.days_late} j de retard"
    assert overdue.more.text() == "… et {} autre{}".format(
        data.overdue.more, "s" if data.overdue.more > 1 else ""
    )
    assert page.council_label.text().startswith(data.council)
    meetings_card = cards["meetings"]
    upcoming = data.meetings.items[0]
    assert meetings_card.line(0).record_id == upcoming.meeting_id
    assert upcoming.body in card_texts(meetings_card)[0]
    for item, text in zip(data.meetings.items, card_texts(meetings_card), strict=True):
        if item.notice == ov.NOTICE_TO_SEND:
            assert text.endswith(f"À convoquer au plus tard le {item.notice_deadline:%d/%m/%Y}")
        elif item.notice == ov.NOTICE_SENT:
            assert text.endswith(
                f"Convocation envoyée le {item.notice_sent_on[8:10]}/"
                f"{item.notice_sent_on[5:7]}/{item.notice_sent_on[:4]}"
            )


def test_a_late_notice_is_in_red_and_counted_in_the_header(qtbot, demo):
    from ess_desk.meetings import meetings
    from ui.lines import LATE_LINE

    body = demo.db.execute("SELECT id FROM bodies WHERE kind = 'plenary'").fetchone()[0]
    late = meetings.create(
        demo, body_id=body, starts_at=f"{dt.date.today() + dt.timedelta(days=2)} 18:00"
    )
    window = make_window(qtbot, demo)
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.complete)
    card = page.cards["meetings"]
    row = next(r for r in range(card.line_count()) if card.line(r).record_id == late)
    assert card.line(row).tone == LATE_LINE
    text = card.view.text(row, 1)
    assert "Convocation en retard (limite : " in text
    colour, _bold = card.view.tone(row, 0)
    assert colour.name() == palette.ERROR.hex  # the whole line in red
    assert card.alert.isVisible() and card.alert.text() == "1 convocation en retard"


def test_first_paint_has_the_notice_deadlines_without_the_holidays_library(qtbot, demo):
    import subprocess
    import sys

    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(demo)
    qtbot.addWidget(page)
    assert page.complete and page.overview.late_notices is not None
    texts = card_texts(page.cards["meetings"])
    assert not any(t.endswith("Convocation non envoyée") for t in texts)
    assert any("À convoquer au plus tard le" in t for t in texts)
    # The deadlines' holiday calendar does not load the `holidays` library (0.3 s, 17 MiB).
    code = (
        "import sys, datetime as dt; from ess_desk.meetings import calendar; "
        "calendar.notice_deadline(dt.date(2026, 5, 26), 5, 'FR-57'); "
        "sys.exit('holidays' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_a_section_measures_its_cells_again_when_its_lines_or_font_change(qtbot):
    from ui.lines import Line
    from ui.pages.dashboard import SectionCard

    card = SectionCard("test", "Essai", 3, 1, "Rien")
    qtbot.addWidget(card)
    view = card.view
    card.set_content([Line("action", 1, ("01/01/2027", "Court\nqui", "demain"))], 1)
    short = view.column_width(1)
    assert view.column_width(1) == short  # the same width when asked again
    assert view.height() == view.row_height() + 4  # as tall as its lines
    card.set_content([Line("action", 1, ("01/01/2027", "Un titre bien plus long\nqui", ""))], 1)
    longer = view.column_width(1)
    assert longer > short
    assert view.column_width(2) == 20  # the narrowest a column gets (an empty cell needs 16)
    height = view.row_height()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    assert view.column_width(1) > longer and view.row_height() > height
    assert view.height() == view.row_height() + 4


def test_only_the_selected_line_of_a_section_is_highlighted(qtbot):
    from ui.lines import Line
    from ui.pages.dashboard import SectionCard
    from ui.qt import QtGui

    card = SectionCard("test", "Essai", 3, 1, "Rien")
    qtbot.addWidget(card)
    lines = [Line("action", n, (f"0{n}/01/2027", f"Action {n}\nqui", "demain")) for n in (1, 2)]
    card.set_content(lines, 2)
    card.resize(600, 300)
    card.show()
    qtbot.waitExposed(card)
    view = card.view
    view.select_row(1)
    image = view.grab().toImage()
    highlight = view.palette().color(
        QtGui.QPalette.ColorGroup.Inactive, QtGui.QPalette.ColorRole.Highlight
    )
    active = view.palette().color(QtGui.QPalette.ColorRole.Highlight)

    def highlighted(row: int) -> int:
        rect = view.cell_rect(row, 1)
        y = rect.center().y()
        colours = {image.pixelColor(x, y).rgb() for x in range(rect.left(), rect.right(), 2)}
        return len(colours & {highlight.rgb(), active.rgb()})

    assert highlighted(1) and not highlighted(0)
    # and the first line's text is drawn (not only a background)
    rect = view.cell_rect(0, 1)
    base = view.palette().color(QtGui.QPalette.ColorRole.Base).rgb()
    assert any(
        image.pixelColor(x, y).rgb() != base
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    )


def test_an_empty_database_shows_reassuring_lines(qtbot, store):
    window = make_window(qtbot, store)
    page = window.page("dashboard")
    overdue = page.cards["overdue"]
    assert overdue.view.isHidden() and overdue.empty.isVisible()
    assert overdue.empty.text().endswith("Aucune action en retard")
    assert overdue.count.text() == "0" and overdue.link.isHidden()
    assert page.cards["vacancies"].empty.text().endswith("Tous les sièges sont pourvus")
    assert "Aucune sauvegarde" in page.backup_label.text()


def test_enter_on_an_overdue_action_selects_it_on_the_actions_page(qtbot, demo):
    window = make_window(qtbot, demo)
    card = window.page("dashboard").cards["overdue"]
    view = card.view
    view.setFocus()
    view.set_current_row(1)
    wanted = card.line(1).record_id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_page_key() == "actions"
    assert window.page("actions").selected_id() == wanted


def test_double_click_on_a_meeting_opens_its_meeting_view(qtbot, demo):
    window = make_window(qtbot, demo)
    card = window.page("dashboard").cards["meetings"]
    wanted = card.line(0).record_id
    view = card.view
    rect = view.cell_rect(0, 1)
    # As the hand does it: press, release, then the double-click event and its release.
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_row() == 0 and window.current_page_key() == "dashboard"
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "meetings"
    assert window.page("meetings").view_widget.meeting_id == wanted


def test_minutes_mandate_and_seat_lines_open_their_records(qtbot, demo):
    window = make_window(qtbot, demo)
    page = window.page("dashboard")
    minutes_line = page.cards["minutes"].line(0)
    page.cards["minutes"].view.open_row(0)
    view = window.page("meetings").view_widget
    assert view.meeting_id == minutes_line.record_id
    assert view.tabs.currentIndex() == view.tab_keys().index("ui.pages.meeting_minutes")
    window.show_page("dashboard")
    mandate = page.cards["ending"].line(0)
    page.cards["ending"].view.open_row(0)
    body_id = demo.db.execute(
        "SELECT body_id FROM mandates WHERE id = ?", [mandate.record_id]
    ).fetchone()[0]
    assert window.current_page_key() == "bodies"
    assert window.page("bodies").current_body_id() == body_id
    window.show_page("dashboard")
    seat = page.cards["vacancies"].line(0)
    page.cards["vacancies"].view.open_row(0)
    assert window.page("bodies").current_body_id() == seat.record_id


def test_see_all_overdue_actions_filters_the_actions_page(qtbot, demo):
    window = make_window(qtbot, demo)
    page = window.page("dashboard")
    total = page.overview.overdue.total
    page.cards["overdue"].link.click()
    actions_page = window.page("actions")
    assert window.current_page_key() == "actions"
    assert actions_page.overdue_filter.isChecked()
    assert actions_page.model.action_count() == total
    window.show_page("dashboard")
    page.cards["due_soon"].link.click()
    assert actions_page.due_filter.isChecked() and actions_page.due_days.value() == 14
    assert not actions_page.overdue_filter.isChecked()
    assert actions_page.model.action_count() == page.overview.due_soon.total


def test_the_dashboard_is_read_again_when_it_comes_back(qtbot, demo):
    window = make_window(qtbot, demo)
    page = window.page("dashboard")
    before = page.overview.overdue.total
    body = demo.db.execute("SELECT id FROM bodies ORDER BY id LIMIT 1").fetchone()[0]
    person = demo.db.execute("SELECT id FROM people ORDER BY id LIMIT 1").fetchone()[0]
    actions.create(
        demo,
        body_id=body,
        title="Relancer la mairie",
        owner_person_id=person,
        due_date=dt.date.today() - dt.timedelta(days=1),
    )
    window.show_page("members")
    window.show_page("dashboard")
    assert page.overview.overdue.total == before + 1
    assert page.cards["overdue"].count.text() == str(before + 1)
    assert card_texts(page.cards["overdue"])[0].startswith("Relancer la mairie")


def test_the_remembered_page_wins_over_the_dashboard(qtbot, demo):
    window = make_window(qtbot, demo)
    window.show_page("decisions")
    window.close()
    from ess_desk.store import open_store

    again = make_window(qtbot, open_store(demo.path))
    assert again.current_page_key() == "decisions"
    assert again.page("dashboard") is None  # built when first shown only
    again.close()


def test_participation_chart_and_table_on_the_small_demo(qtbot, demo):
    window = make_window(qtbot, demo)
    page = window.page("dashboard")
    assert page.participation is None  # built on first use
    view = page.show_participation()
    assert page.tabs.currentIndex() == 1 and view.isVisible()
    today = dt.date.today()
    start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    figures = pa.participation(demo.db, start, today)
    assert view.figures == figures
    assert view.grouping.currentData() == pa.BY_COLLEGE  # the few bars that say the most
    view.set_grouping(pa.BY_MEMBER)
    rows = view.rows_shown()
    assert len(rows) == len(figures.by_member) == len(view.chart.bars) > 10
    # Sorted by rate, highest first, and the chart follows the table's order.
    rates = [view.chart.bars[i][1] for i in range(len(rows))]
    assert rates == sorted(rates, reverse=True)
    assert [name for name, _rate in view.chart.bars] == [name for name, _r in rows]
    assert view.chart.average == figures.overall.rate
    rate = f"{figures.overall.rate * 100:.1f}".replace(".", ",")
    assert rate in view.summary.text()
    assert "Taux de participation =" in view.note.text()
    assert view.model.headerData(8, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    view.set_grouping(pa.BY_COLLEGE)
    assert len(view.rows_shown()) == len(figures.by_college)
    assert all(" · " in name for name, _r in view.chart.bars)  # colleges named with their body
    plenary = demo.db.execute("SELECT id FROM bodies WHERE kind = 'plenary'").fetchone()[0]
    view.set_body(plenary)
    assert view.figures.body_id == plenary
    assert len(view.rows_shown()) == len(
        pa.participation(demo.db, start, today, plenary).by_college
    )
    assert view.table.isColumnHidden(view.model.DETAIL)  # one body: no body column

    view.set_period(today, today - dt.timedelta(days=3))
    assert view.error.isVisible() and "doit précéder" in view.error.text()
    assert not view.export_button.isEnabled()
    view.set_period(start, today)
    assert view.error.isHidden() and view.export_button.isEnabled()

    image = view.chart.grab()
    assert not image.isNull() and image.height() > 200


def test_typed_dates_are_applied_after_a_pause(qtbot, demo):
    window = make_window(qtbot, demo)
    view = window.page("dashboard").show_participation()
    before = view.figures
    earlier = view.start_edit.value()
    view.start_edit.enter(earlier.replace(year=earlier.year - 5))
    assert view.period.currentData() == "custom"
    qtbot.waitUntil(lambda: view.figures is not before)
    assert view.figures.start == before.start.replace(year=before.start.year - 5)


def test_participation_exports_to_excel(qtbot, demo, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    window = make_window(qtbot, demo)
    view = window.page("dashboard").show_participation()
    view.set_grouping(pa.BY_ORGANISATION)
    target = tmp_path / "participation.xlsx"
    view.export_to(target)
    qtbot.waitUntil(lambda: view.last_result == str(target), timeout=10_000)
    assert export_message(view).path == target
    book = load_workbook(target)
    assert book.sheetnames == ["Méthode", "Par membre", "Par structure", "Par collège"]
    sheet = list(book["Par structure"].iter_rows(values_only=True))
    assert len(sheet) == len(view.figures.by_organisation) + 2  # header and total
    assert sheet[-1][0] == "Ensemble" and sheet[-1][1] == view.figures.overall.expected


def test_a_participation_line_opens_its_person_or_body(qtbot, demo):
    window = make_window(qtbot, demo)
    view = window.page("dashboard").show_participation()
    view.set_grouping(pa.BY_MEMBER)
    person = view.model.row_at(view.proxy.mapToSource(view.proxy.index(0, 0)).row()).key
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.current_page_key() == "members"
    assert window.page("members").selected_person_id() == person
    window.show_page("dashboard")
    view.set_grouping(pa.BY_COLLEGE)
    college = view.model.row_at(view.proxy.mapToSource(view.proxy.index(0, 0)).row()).key
    body = demo.db.execute("SELECT body_id FROM colleges WHERE id = ?", [college]).fetchone()[0]
    view.open_row(0)
    assert window.current_page_key() == "bodies"
    assert window.page("bodies").current_body_id() == body


def test_a_new_council_file_shows_the_first_steps(qtbot, store):
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(store)
    qtbot.addWidget(page)
    assert page.overview.empty and not page.welcome_box.isHidden()
    assert "Importer des membres" in page.welcome.text()
    from ess_desk.membership import bodies

    bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    page.reload()
    assert page.welcome_box.isHidden()


def focus_chain(top) -> list:
    """Every widget under `top` in the order of its focus chain (Tab's order)."""
    out, widget = [], top.nextInFocusChain()
    while widget is not top:
        out.append(widget)
        widget = widget.nextInFocusChain()
    return out


def test_a_new_file_makes_its_first_steps_in_their_place_in_the_tab_order(qtbot, store):
    """The first steps are made when a file shows them (after the page has made its cards):
    they come right after the content in the focus chain, before the cards, as they did when
    the page made them before its cards."""
    from ui.pages.dashboard import DashboardPage, SectionCard
    from ui.qt import QtWidgets

    page = DashboardPage(store)
    qtbot.addWidget(page)
    box = page.welcome_box
    content = page.overview_scroll.widget()
    chain = focus_chain(page)
    start = chain.index(content)
    made = [box, *(w for w in box.findChildren(QtWidgets.QWidget) if not w.isWindow())]
    assert chain[start + 1] is box and set(chain[start + 1 : start + 1 + len(made)]) == set(made)
    assert isinstance(chain[start + 1 + len(made)], SectionCard)
    buttons = [w.objectName() for w in chain if isinstance(w, QtWidgets.QAbstractButton)]
    steps = ["welcome_letterhead", "welcome_new_body", "welcome_import", "welcome_demo"]
    assert [name for name in buttons if name.startswith("welcome_")] == steps


def test_a_council_file_makes_neither_first_steps_nor_unused_links(qtbot, demo):
    """A council's file never shows the first steps, and two cards of eight a link: neither is
    made (the window's start). A link made comes after its card's lines in the Tab order."""
    from ui.pages.dashboard import DashboardPage

    page = DashboardPage(demo)
    qtbot.addWidget(page)
    assert page._welcome_box is None
    with_link = {key for key, card in page.cards.items() if card._link is not None}
    assert with_link == {"overdue", "due_soon"}
    chain = focus_chain(page)
    for key in with_link:
        card = page.cards[key]
        assert chain.index(card.link) == chain.index(card.view) + 1
    page.reload()
    assert page._welcome_box is None and page.cards["meetings"]._link is None


def test_the_dashboard_is_built_finished_for_the_keyboard_and_screen_readers(qtbot, demo):
    """The window skips `a11y.finish` and its search for splitters on the dashboard (walking its
    widgets costs the start ~4 ms): both must find nothing to do there."""
    from ui import a11y
    from ui.pages.dashboard import DashboardPage
    from ui.qt import QtWidgets

    page = DashboardPage(demo)
    qtbot.addWidget(page)
    assert page.a11y_finished and page.splitters == ()
    assert not page.findChildren(QtWidgets.QSplitter)

    def state() -> list[tuple[object, ...]]:
        widgets = page.findChildren(QtWidgets.QWidget)
        return [
            (
                w.objectName(),
                w.accessibleName(),
                w.buddy() if isinstance(w, QtWidgets.QLabel) else None,
                w.focusPolicy(),
            )
            for w in widgets
        ]

    before = state()
    # No item view on the overview (the cards' lines are painted): nothing for Tab to be kept in.
    assert not page.overview_scroll.findChildren(QtWidgets.QAbstractItemView)
    a11y.finish(page, mnemonics=False)
    assert state() == before


def test_making_a_link_or_the_first_steps_leaves_the_window_to_its_owner(qtbot, store):
    """Placing a link or the first steps in the focus chain must not hand the widget after them
    (the window) to them: PySide makes the widget nextInFocusChain() returns a child of the one
    asked, and the window, owned by Python, was then held and owned by its card's link."""
    import shiboken6

    from ui.pages.dashboard import DashboardPage, SectionCard

    card = SectionCard("test", "Actions en retard", 3, 1, "Rien")
    qtbot.addWidget(card)
    assert shiboken6.Shiboken.ownedByPython(card)
    card.set_content([], 0, link="Les voir toutes")
    assert card.link is not None and shiboken6.Shiboken.ownedByPython(card)
    page = DashboardPage(store)  # a new file: its first steps are made
    qtbot.addWidget(page)
    assert page._welcome_box is not None and shiboken6.Shiboken.ownedByPython(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_long_day_is_written_in_the_window_language(qapp, language, monkeypatch):
    """The council's line writes the day in full, in the window's language."""
    from ui.pages import dashboard

    monkeypatch.setattr(dashboard, "language", lambda: language)
    assert dashboard.long_day(dt.date(2024, 2, 29)) == (
        "jeudi 29 février 2024" if language == "fr" else "Thursday, 29 February 2024"
    )
    assert dashboard.long_day(dt.date(2026, 11, 28)) == (
        "samedi 28 novembre 2026" if language == "fr" else "Saturday, 28 November 2026"
    )
