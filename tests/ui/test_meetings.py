"""The Séances page, a meeting's tabs (agenda, notice, attendance, votes) and the schedule dialog."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from icalendar import Calendar
from reportlab.pdfgen import canvas

from ess_desk.meetings import agenda, annexes, meetings, presence, votes
from ess_desk.membership import bodies, mandates, people
from ess_desk.store import open_store
from tests.documents import plain
from ui import palette
from ui.dialogs.schedule import ScheduleDialog, build_rule
from ui.dialogs.vote import VoteDialog
from ui.models_meetings import (
    ORDER_CHRONOLOGICAL,
    AgendaTableModel,
    AnnexesTableModel,
    AttendanceTableModel,
    GuestsTableModel,
    MeetingsTableModel,
    ScheduleTableModel,
    VotesTableModel,
)
from ui.pages.meeting import EXTRA_TABS, MeetingView
from ui.pages.meetings import MeetingsPage
from ui.qt import QModelIndex, Qt, QtCore

# The clock for marking meetings held (they may lie ahead of today's date).
LATER = dt.datetime(2099, 1, 1)

A = AttendanceTableModel


@pytest.fixture
def bureau(store):
    """A bureau of five voting members, a paired substitute and a permanent guest."""
    body = bodies.create_body(
        store, name="Bureau", kind="bureau", proxies_per_holder=1, chair_casting_vote=True
    )
    college = bodies.create_college(store, body, name="Membres", seats=5)
    ids = {}
    for first, last in [
        ("Hélène", "Dupré"),
        ("François", "Lefèvre"),
        ("Zoé", "Martin"),
        ("Luc", "Benali"),
        ("Inès", "Roux"),
    ]:
        pid = people.create(store, first_name=first, last_name=last)
        ids[first] = mandates.create(
            store,
            person_id=pid,
            body_id=body,
            college_id=college,
            role="member",
            start_date="2026-01-01",
        )
    sub = people.create(store, first_name="Sacha", last_name="Suppléant")
    ids["Sacha"] = mandates.create(
        store,
        person_id=sub,
        body_id=body,
        role="substitute",
        substitute_for_id=ids["Luc"],
        start_date="2026-01-01",
    )
    guest = people.create(store, first_name="Gaëlle", last_name="Invitée")
    ids["Gaëlle"] = mandates.create(
        store, person_id=guest, body_id=body, role="permanent_guest", start_date="2026-01-01"
    )
    return {"id": body, "mandates": ids}


@pytest.fixture
def meeting(store, bureau):
    return meetings.create(
        store,
        body_id=bureau["id"],
        starts_at="2030-12-10T18:00",
        ends_at="2030-12-10T19:00",
        place="Hôtel de ville, salle 3",
    )


@pytest.fixture
def view(qtbot, store, meeting):
    widget = MeetingView(store, meeting)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


@pytest.fixture
def errors(monkeypatch):
    """Message boxes replaced by a list of the messages they would show."""
    shown: list[str] = []
    # The meeting's tabs, and the steps of its header (ui/pages/meeting_steps.py).
    for module in ("ui.pages.meeting", "ui.pages.meeting_steps"):
        monkeypatch.setattr(
            f"{module}.show_user_error",
            lambda _parent, error, _title="": shown.append(str(error)),
        )
        monkeypatch.setattr(f"{module}.confirm", lambda *_args: True)
    return shown


def pdf_file(path, pages: int = 2):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for i in range(pages):
        c.drawString(100, 700, f"Annexe page {i + 1}")
        c.showPage()
    c.save()
    path.write_bytes(buffer.getvalue())
    return path


def titles(model: AgendaTableModel) -> list[str]:
    return [model.index(r, AgendaTableModel.TITLE).data() for r in range(model.rowCount())]


def times(model: AgendaTableModel) -> list[str]:
    return [model.index(r, AgendaTableModel.TIME).data() for r in range(model.rowCount())]


# -- models ----------------------------------------------------------------------------------


def test_models_pass_qtmodeltester(qtmodeltester, store, bureau, meeting, tmp_path):
    agenda.create_item(store, meeting, title="Avis", kind="vote", duration_minutes=20)
    agenda.create_item(store, meeting, title="Tour de table", duration_minutes=10)
    presence.record(store, meeting, bureau["mandates"]["Hélène"], "present")
    presence.add_guest(store, meeting, "Jeanne Experte", "Région")
    from ess_desk.meetings import annexes

    annexes.attach(store, meeting, pdf_file(tmp_path / "budget.pdf"))
    model = MeetingsTableModel(store.db)
    model.load()
    qtmodeltester.check(model)
    qtmodeltester.check(AgendaTableModel(store, meeting))
    qtmodeltester.check(AttendanceTableModel(store, meeting))
    qtmodeltester.check(VotesTableModel(store.db, meeting))
    qtmodeltester.check(AnnexesTableModel(store.db, meeting))
    qtmodeltester.check(GuestsTableModel(store.db, meeting))
    schedule = ScheduleTableModel()
    dialog = ScheduleDialog(store, bureau["id"])
    schedule.load(dialog.model._rows)
    qtmodeltester.check(schedule)


# -- the Séances page ------------------------------------------------------------------------


def test_page_lists_upcoming_first_and_filters(qtbot, store, bureau):
    plenary = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    past = meetings.create(store, body_id=bureau["id"], starts_at="2020-03-02T18:00")
    later = meetings.create(store, body_id=bureau["id"], starts_at="2031-05-02T18:00")
    soon = meetings.create(store, body_id=plenary, starts_at="2030-02-02T18:00")
    meetings.set_status(store, past, "held", now=LATER)
    page = MeetingsPage(store)
    qtbot.addWidget(page)
    assert page.count_label.text() == "3 séances"
    ids = [page.proxy.index(r, 0).data(MeetingsTableModel.MEETING_ID_ROLE) for r in range(3)]
    assert ids == [soon, later, past]  # upcoming first, then the past
    assert page.model.headers()[MeetingsTableModel.DEADLINE] == "Convoquer avant le"
    row = page.model.row_of(soon)
    # 5 clear days before Saturday 2 February 2030: Sunday 27 January, so Friday the 25th
    assert page.model.index(row, MeetingsTableModel.DEADLINE).data() == "27/01/2030"
    assert page.model.index(row, MeetingsTableModel.STATUS).data() == "Prévue"

    page.set_filters(body_id=bureau["id"])
    assert page.count_label.text() == "2 séances"
    page.set_filters(status="held")
    assert page.count_label.text() == "1 séance"
    page.set_filters(year=2031)
    assert page.proxy.index(0, MeetingsTableModel.TITLE).data() == "Bureau du 02/05/2031"
    assert [page.year_filter.itemText(i) for i in range(page.year_filter.count())] == [
        "Toutes les années",
        "2031",
        "2030",
        "2020",
    ]
    page.set_filters()
    page.order.setCurrentIndex(page.order.findData(ORDER_CHRONOLOGICAL))
    assert page.proxy.index(0, 0).data(MeetingsTableModel.MEETING_ID_ROLE) == past

    assert page.select_meeting(later)
    view = page.open_meeting(later)
    assert page.stack.currentWidget() is view
    view.back_requested.emit()
    assert page.stack.currentWidget() is page.list_page
    assert page.current_meeting_id() == later


def test_page_reads_a_window_of_meetings_then_the_rest(qtbot, store, bureau, monkeypatch):
    """Ten years of meetings are not all read when the page opens: the first WINDOW, the count of
    all; the rest when the table is scrolled to them, sorted by a column or looked for, in the
    very order of a page that read them all."""
    plenary = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary")
    starts = ["2020-03-02T18:00", "2021-06-01T09:00", "2021-06-01T09:00", "2030-02-02T18:00"]
    starts += ["2031-05-02T18:00", "2031-05-02T18:00", "2032-01-10T09:00"]
    for n, starts_at in enumerate(starts):
        meetings.create(store, body_id=(bureau["id"], plenary)[n % 2], starts_at=starts_at)
    role = MeetingsTableModel.MEETING_ID_ROLE

    def shown(page: MeetingsPage) -> list[int]:
        return [page.proxy.index(r, 0).data(role) for r in range(page.proxy.rowCount())]

    whole = MeetingsPage(store)
    qtbot.addWidget(whole)
    expected = {}
    for order in range(whole.order.count()):
        whole.order.setCurrentIndex(order)
        assert not whole.model.canFetchMore()
        expected[order] = shown(whole)
    whole.table.sortByColumn(MeetingsTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    by_title = shown(whole)

    monkeypatch.setattr(MeetingsTableModel, "WINDOW", 3)
    page = MeetingsPage(store)
    qtbot.addWidget(page)
    for order in range(page.order.count()):
        page.order.setCurrentIndex(order)
        assert shown(page) == expected[order][:3]
        assert page.count_label.text() == "7 séances"
        assert page.model.canFetchMore()
        page.model.fetchMore()
        assert shown(page) == expected[order]
        assert page.count_label.text() == "7 séances"
    page.set_filters(body_id=plenary)
    assert page.count_label.text() == "3 séances" and not page.model.canFetchMore()

    page.set_filters()  # a window again: a sort by a column reads every meeting first
    page.table.sortByColumn(MeetingsTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert shown(page) == by_title
    page.set_filters()  # a meeting further down is found, and selected
    last = expected[page.order.currentIndex()][-1]
    assert page.select_meeting(last) and page.current_meeting_id() == last
    page.set_filters()  # the table scrolled to its end reads the rest
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 7)
    assert shown(page) == expected[page.order.currentIndex()]


# -- the meeting view ------------------------------------------------------------------------


def test_extra_tabs_are_registered_and_built_lazily(view):
    keys = view.tab_keys()
    assert keys[:4] == ["agenda", "notice", "attendance", "votes"]
    assert keys[4:] == [module for module, _cls, _title in EXTRA_TABS]
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())][:4] == [
        "Ordre du jour",
        "Convocation",
        "Présences",
        "Votes",
    ]
    assert "votes" not in view._built and "agenda" in view._built
    view.show_tab("votes")
    assert "votes" in view._built


def test_header_status_moves(view, store, meeting, errors, monkeypatch):
    assert view.status_label.text() == "Prévue"
    # Before its start the meeting cannot be marked held; the same day, after a confirmation.
    view.steps.clock = lambda: dt.datetime(2030, 12, 10, 17, 0)
    assert not view.steps.move_to("held")
    assert "avant son heure de début" in errors[-1]
    asked = []
    monkeypatch.setattr(
        "ui.pages.meeting_steps.confirm",
        lambda _parent, _title, text, *_a: asked.append(text) or False,
    )
    view.steps.clock = lambda: dt.datetime(2030, 12, 10, 19, 0)
    assert not view.steps.move_to("held") and "commencé aujourd'hui à 18:00" in asked[-1]
    assert meetings.get(store.db, meeting).status == "planned"
    monkeypatch.setattr("ui.pages.meeting_steps.confirm", lambda *_a: True)
    view.steps.clock = lambda: LATER
    assert view.steps.convene_button.isEnabled()
    # The next step to come shows, disabled, saying why.
    assert (
        view.steps.close_button in view.steps.wanted() and not view.steps.close_button.isEnabled()
    )
    assert view.steps.close_button.toolTip() == "Marquez d'abord la séance tenue."
    assert view.steps.move_to("convened")
    assert view.status_label.text() == "Convoquée"
    assert view.steps.convene_button not in view.steps.wanted()
    assert view.steps.move_to("held")
    assert (
        view.steps.close_button.isEnabled() and view.steps.cancel_button not in view.steps.wanted()
    )
    assert view.steps.move_to("closed")
    assert meetings.get(store.db, meeting).status == "closed"
    assert not view.steps.edit_button.isEnabled()
    assert view.steps.edit_button.toolTip() == "La séance est close : plus rien ne change."
    agenda_tab = view.tab("agenda")
    assert not agenda_tab.add_button.isEnabled()


def test_agenda_reordered_by_keyboard_and_by_drop(qtbot, view, store, meeting, errors):
    tab = view.tab("agenda")
    for title, minutes in [("Accueil", 30), ("Budget", 20), ("Questions diverses", 15)]:
        agenda.create_item(store, meeting, title=title, duration_minutes=minutes)
    tab.reload()
    model = tab.model
    assert titles(model) == ["Accueil", "Budget", "Questions diverses"]
    assert times(model) == ["18:00 – 18:30", "18:30 – 18:50", "18:50 – 19:05"]
    assert tab.timing.text() == "L'ordre du jour dépasse la fin prévue de 5 min (fin à 19:05)."

    # Keyboard: Ctrl+Down moves the selected item and keeps it selected.
    view.show()
    tab.view.setFocus()
    tab.select_item(model.item(0).id)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(model) == ["Budget", "Accueil", "Questions diverses"]
    assert times(model) == ["18:00 – 18:20", "18:20 – 18:50", "18:50 – 19:05"]
    assert tab.selected_item_id() == model.item(1).id
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(model) == ["Accueil", "Budget", "Questions diverses"]
    assert [i.title for i in agenda.items(store.db, meeting)] == titles(model)

    # Drag and drop, through the model: drop the last item at the top.
    last = model.index(2, AgendaTableModel.TITLE)
    mime = model.mimeData([last])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    with qtbot.waitSignal(model.reordered):
        assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(model) == ["Questions diverses", "Accueil", "Budget"]
    assert times(model) == ["18:00 – 18:15", "18:15 – 18:45", "18:45 – 19:05"]
    assert [i.title for i in agenda.items(store.db, meeting)] == titles(model)
    # dropped onto an item: goes before it
    mime = model.mimeData([model.index(0, 0)])
    with qtbot.waitSignal(model.reordered):
        assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(2, 0))
    assert titles(model) == ["Accueil", "Questions diverses", "Budget"]
    assert errors == []


def test_annexes_refuse_a_non_pdf_naming_it(view, store, meeting, errors, tmp_path):
    tab = view.tab("agenda")
    item = agenda.create_item(store, meeting, title="Budget", duration_minutes=20)
    tab.reload()
    text = tmp_path / "notes.txt"
    text.write_text("pas un PDF")
    assert not tab.attach_file(text)
    assert errors == [
        "Le fichier « notes.txt » ne peut pas être joint : ce n'est pas un fichier PDF."
    ]
    assert tab.attach_file(pdf_file(tmp_path / "budget 2031.pdf", pages=3), item)
    assert tab.annexes_model.rowCount() == 1
    index = tab.annexes_model.index(0, AnnexesTableModel.ATTACHED_TO)
    assert index.data() == "Point 1 : Budget"
    assert tab.annexes_model.index(0, AnnexesTableModel.PAGES).data() == "3"
    assert tab.model.index(0, AgendaTableModel.ANNEXES).data() == "1"
    written = tab.annex_file(tab.annexes_model.annex(0))
    assert written.name == "budget 2031.pdf" and written.read_bytes().startswith(b"%PDF")
    tab.annexes_view.selectRow(0)
    tab.remove_annex()
    assert tab.annexes_model.rowCount() == 0


def test_annex_public_box_decides_the_public_pack(view, store, meeting, errors, tmp_path):
    tab = view.tab("agenda")
    assert tab.attach_file(pdf_file(tmp_path / "étude.pdf", pages=1))
    index = tab.annexes_model.index(0, AnnexesTableModel.PUBLIC)
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert tab.annexes_model.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert annexes.list_annexes(store.db, meeting)[0].public
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert index.data() == "oui" and errors == []
    tab.annexes_model.reload()
    assert tab.annexes_model.index(0, AnnexesTableModel.PUBLIC).data() == "oui"


def test_notice_deadline_and_late_warning_kept(view, store, meeting, errors):
    tab = view.show_tab("notice")
    # Tuesday 10 December 2030, 5 clear days: by Wednesday 4 December.
    assert "mercredi 4 décembre 2030" in plain(tab.deadline_label.text())
    tab.sent_on.enter(dt.date(2030, 12, 6))
    tab.record_sent()
    assert errors == []
    assert tab.sent_label.text() == "Convocation envoyée le 06/12/2030."
    assert "après la date limite légale du 04/12/2030" in tab.warning_label.text()
    assert "3 jours francs" in tab.warning_label.text()
    assert not tab.warning_label.isHidden()
    assert view.status_label.text() == "Convoquée"
    tab.reload()
    assert meetings.get(store.db, meeting).notice_warning == tab.warning_label.text()


def test_attendance_sheet_and_ics_are_written(qtbot, view, store, meeting, tmp_path, errors):
    tab = view.tab("notice")
    operation = tab.write_attendance_sheet(tmp_path / "emargement.pdf")
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert (tmp_path / "emargement.pdf").read_bytes().startswith(b"%PDF")
    assert "emargement.pdf" in tab.result_label.text()
    tab.write_ics(tmp_path / "seance.ics")
    events = Calendar.from_ical((tmp_path / "seance.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 1


def test_attendance_with_a_proxy_changes_the_quorum_banner(qtbot, view, store, bureau, errors):
    m = bureau["mandates"]
    tab = view.show_tab("attendance")
    model = tab.model
    assert model.rowCount() == 7
    assert tab.banner.text() == "Quorum non atteint : 0 présent + 0 représenté = 0 / 3 requis"
    assert palette.BAD.bg in tab.banner.styleSheet()

    assert model.set_status(model.row_of(m["Hélène"]), "present")
    assert model.set_status(model.row_of(m["François"]), "present")
    assert tab.banner.text() == "Quorum non atteint : 2 présents + 0 représenté = 2 / 3 requis"

    # Représenté: the status waits for the proxy holder, nothing is written meanwhile.
    zoe = model.row_of(m["Zoé"])
    with qtbot.waitSignal(model.target_needed):
        assert model.set_status(zoe, "represented")
    assert model.index(zoe, A.TARGET).data() == "Choisir le mandataire…"
    assert "Choisissez le mandataire de" in tab.problems.text()  # the next step is said
    assert model.stored(m["Zoé"]) is None
    choices = dict(model.index(zoe, A.TARGET).data(A.CHOICES_ROLE))
    assert m["Hélène"] in choices and m["Zoé"] not in choices and m["Gaëlle"] not in choices
    assert model.setData(model.index(zoe, A.TARGET), m["Hélène"])
    assert model.index(zoe, A.STATUS).data() == "Représenté(e)"
    assert model.index(zoe, A.TARGET).data() == "Hélène Dupré"
    assert tab.banner.text() == "Quorum atteint : 2 présents + 1 représenté = 3 / 3 requis"
    assert palette.GOOD.bg in tab.banner.styleSheet() and tab.reached

    # A second proxy to the same holder is refused: the message shows, the row is unchanged.
    ines = model.row_of(m["Inès"])
    model.set_status(ines, "represented")
    assert not model.setData(model.index(ines, A.TARGET), m["Hélène"])
    assert errors == ["Hélène Dupré porte déjà 1 pouvoir, le maximum permis."]
    assert model.index(ines, A.STATUS).data() == "Non renseigné"
    assert model.index(ines, A.TARGET).data() == ""

    # Luc replaced by his substitute, his only one: one step, nothing more to choose.
    luc = model.row_of(m["Luc"])
    assert model.set_status(luc, "replaced")
    assert model.index(luc, A.TARGET).data() == model.index(model.row_of(m["Sacha"]), A.NAME).data()
    model.set_status(model.row_of(m["Sacha"]), "present")
    assert tab.banner.text() == "Quorum atteint : 3 présents + 1 représenté = 4 / 3 requis"

    # Arrival times; a departure before the arrival is refused beside nothing half-written.
    helene = model.row_of(m["Hélène"])
    assert model.setData(model.index(helene, A.ARRIVAL), "18h05")
    assert model.index(helene, A.ARRIVAL).data() == "18:05"
    assert not model.setData(model.index(helene, A.DEPARTURE), "17:00")
    assert errors[-1] == "Le départ doit suivre l'arrivée."

    # Hélène leaves: her proxy no longer counts, listed as a problem.
    model.set_status(helene, "absent")
    assert tab.banner.text().startswith("Quorum non atteint : 2 présents + 0 représenté")
    assert "Le pouvoir de Zoé Martin n'est pas valable" in tab.problems.text()
    assert not tab.problems.isHidden()

    tab.guest_name.setText("Jeanne Experte")
    tab.guest_organisation.setText("Région")
    tab.add_guest()
    assert tab.guests_model.rowCount() == 1
    assert tab.banner.text().startswith("Quorum non atteint : 2 présents")  # guests never count

    tab.opening_time.enter(dt.time(18, 10))
    assert tab.opening_button.text() == "Enregistrer l'ouverture à 18:10"
    tab.record_opening()
    assert tab.opening_label.text().startswith("Ouverture enregistrée à 18:10.")


def test_record_a_vote_and_see_the_outcome(qtbot, view, store, bureau, meeting, monkeypatch):
    m = bureau["mandates"]
    item = agenda.create_item(store, meeting, title="Avis sur le schéma ESS", kind="vote")
    agenda.create_item(store, meeting, title="Tour de table")
    presence.record(store, meeting, m["Hélène"], "present", departure="19:00")
    presence.record(store, meeting, m["François"], "present")
    presence.record(store, meeting, m["Zoé"], "represented", proxy_to=m["François"])
    meetings.set_status(store, meeting, "held", now=LATER)
    tab = view.show_tab("votes")
    assert tab.model.rowCount() == 1  # only the item that calls for a vote
    assert tab.model.index(0, VotesTableModel.OUTCOME).data() == "Non voté"

    dialog = VoteDialog(store, agenda.items(store.db, meeting)[0], tab)
    qtbot.addWidget(dialog)
    dialog.taken_at.enter(dt.time(18, 30))
    assert "3 voix présentes ou représentées (déports déduits), quorum atteint" in (
        dialog.available.text()
    )
    dialog.votes_for.setValue(2)
    dialog.votes_against.setValue(1)
    assert dialog.preview.text() == "Adopté"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    tab.reload()
    assert tab.model.index(0, VotesTableModel.FOR).data() == "2"
    assert tab.model.index(0, VotesTableModel.OUTCOME).data() == "Adopté"
    assert tab.model.index(0, VotesTableModel.QUORUM).data() == "Atteint"
    assert tab.detail.text().count("Adopté") == 1

    # After Hélène leaves, a tie decided by the chair's casting vote, without quorum.
    dialog = VoteDialog(store, agenda.items(store.db, meeting)[0], tab)
    qtbot.addWidget(dialog)
    dialog.taken_at.enter(dt.time(19, 30))
    assert "sans quorum (2 / 3 requis)" in dialog.available.text()
    dialog.votes_for.setValue(3)
    dialog.votes_against.setValue(0)
    dialog.accept()
    assert "seules 2 personnes" in dialog.general_error.text() or "seules 2 personnes" in (
        dialog.errors.label("votes_for").text()
    )
    dialog.votes_for.setValue(1)
    dialog.votes_against.setValue(1)
    dialog.casting_vote.setCurrentIndex(dialog.casting_vote.findData("against"))
    assert dialog.preview.text() == "Rejeté"
    dialog.accept()
    tab.reload()
    assert tab.model.index(0, VotesTableModel.OUTCOME).data() == "Rejeté"
    assert tab.model.index(0, VotesTableModel.QUORUM).data() == "Sans quorum"
    assert "vote sans quorum" in tab.detail.text()
    assert votes.vote_for_item(store.db, item).casting_vote == "against"


# -- the yearly schedule ---------------------------------------------------------------------


def test_build_rule_common_cases():
    assert build_rule("monthly", 2, "TU", {8}) == (
        "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"
    )
    assert build_rule("monthly", -1, "FR", set()) == "FREQ=MONTHLY;BYDAY=-1FR"
    assert build_rule("quarterly", 1, "TH", set(), first_month=1) == (
        "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=1,4,7,10"
    )
    assert build_rule("quarterly", 1, "TH", {8}, first_month=2) == (
        "FREQ=MONTHLY;BYDAY=1TH;BYMONTH=2,5,11"
    )


def test_schedule_dialog_flags_14_july_and_creates_meetings(qtbot, store, bureau, tmp_path):
    meetings.set_closed_day(store, dt.date(2026, 12, 8), "Fermeture de fin d'année")
    dialog = ScheduleDialog(store, bureau["id"])
    qtbot.addWidget(dialog)
    for field, typed in ((dialog.from_date, "01/01/2026"), (dialog.until_date, "31/12/2026")):
        field.setText(typed)
        assert field.check()
    assert dialog.rule.text() == "FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"
    model = dialog.model
    assert model.rowCount() == 11
    flagged = model.flagged_rows()
    assert [model.date(r).starts_at.date() for r in flagged] == [
        dt.date(2026, 7, 14),
        dt.date(2026, 12, 8),
    ]
    july = flagged[0]
    assert model.index(july, ScheduleTableModel.NOTE).data() == "Jour férié : Fête nationale"
    assert plain(model.index(july, ScheduleTableModel.DAY).data()) == "mardi 14 juillet 2026"
    assert model.index(july, 0).data(Qt.ItemDataRole.BackgroundRole) == palette.color(
        model.FLAGGED_BACKGROUND
    )
    assert model.index(july, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(flagged[1], ScheduleTableModel.NOTE).data() == "Secrétariat fermé ce jour-là"
    assert "2 signalées ; 9 séances seront créées" in dialog.summary.text()

    # Move 14 July to the 16th: no longer flagged, ticked again.
    moved = QtCore.QDateTime(QtCore.QDate(2026, 7, 16), QtCore.QTime(18, 0))
    assert model.setData(model.index(july, ScheduleTableModel.DAY), moved)
    assert not model.date(july).flagged
    assert model.index(july, ScheduleTableModel.NOTE).data() == "Date déplacée"
    assert "10 séances seront créées" in dialog.summary.text()

    # A typed rule is used as is.
    dialog.rule.setText("FREQ=MONTHLY;INTERVAL=3;BYDAY=1TH")
    dialog.rule.textEdited.emit(dialog.rule.text())
    assert model.rowCount() == 4
    dialog.rule.setText("n'importe quoi")
    dialog.rule.textEdited.emit(dialog.rule.text())
    assert not dialog.rule_error.isHidden() and model.rowCount() == 0
    assert not dialog.create_button.isEnabled()
    dialog.ordinal.setCurrentIndex(1)
    dialog._rule_from_builder()
    model.setData(model.index(model.flagged_rows()[0], ScheduleTableModel.DAY), moved)

    dialog.place.setText("Mairie, salle 3")
    assert dialog.create()
    assert len(dialog.created_ids) == 10
    rows = meetings.list_meetings(store.db, body_id=bureau["id"], year=2026)
    assert [r.starts_at for r in rows][6] == "2026-07-16T18:00"
    assert rows[0].ends_at == "2026-01-13T20:00" and rows[0].place == "Mairie, salle 3"
    assert dialog.export_button.isEnabled() and not dialog.create_button.isEnabled()
    path = dialog.export_ics(tmp_path / "calendrier.ics")
    assert len(Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == 10


# -- read-only -------------------------------------------------------------------------------


def test_read_only_store_disables_edits(qtbot, store, bureau, meeting, db_path):
    agenda.create_item(store, meeting, title="Budget", kind="vote")
    second = open_store(db_path, read_only=True)
    try:
        page = MeetingsPage(second)
        qtbot.addWidget(page)
        assert not page.new_button.isEnabled() and not page.schedule_button.isEnabled()
        page.select_meeting(meeting)
        assert page.open_button.isEnabled()
        view = page.open_meeting(meeting)
        assert not view.steps.edit_button.isEnabled()
        for button in (view.steps.convene_button, view.steps.held_button, view.steps.cancel_button):
            assert not button.isEnabled() and "lecture seule" in button.toolTip()
        agenda_tab = view.tab("agenda")
        agenda_tab.view.selectRow(0)
        assert not agenda_tab.add_button.isEnabled() and not agenda_tab.up_button.isEnabled()
        assert not agenda_tab.attach_meeting_button.isEnabled()
        assert not agenda_tab.model.flags(agenda_tab.model.index(0, 0)) & (
            Qt.ItemFlag.ItemIsDragEnabled
        )
        attendance_tab = view.tab("attendance")
        model = attendance_tab.model
        assert not model.flags(model.index(0, A.STATUS)) & Qt.ItemFlag.ItemIsEditable
        assert not attendance_tab.add_guest_button.isEnabled()
        assert not attendance_tab.opening_button.isEnabled()
        assert not view.tab("notice").record_button.isEnabled()
        votes_tab = view.tab("votes")
        votes_tab.view.selectRow(0)
        assert not votes_tab.record_button.isEnabled()
    finally:
        second.close()


def test_record_a_vote_by_college_through_the_dialog(qtbot, store, bureau, meeting):
    m = bureau["mandates"]
    bodies.create_college(store, bureau["id"], name="Salariés", seats=2)
    bodies.create_college(store, bureau["id"], name="Observateurs", voting=False)
    item = agenda.create_item(store, meeting, title="Avis sur le budget", kind="vote")
    for first in ("Hélène", "François", "Zoé", "Inès"):
        presence.record(store, meeting, m[first], "present")
    meetings.set_status(store, meeting, "held", now=LATER)
    dialog = VoteDialog(store, agenda.items(store.db, meeting)[0])
    qtbot.addWidget(dialog)
    dialog.taken_at.enter(dt.time(18, 30))
    assert list(dialog.college_spins) == ["Membres", "Salariés"]  # voting colleges only
    assert dialog.college_grid.isHidden() and not dialog.votes_for.isReadOnly()

    dialog.by_college.setChecked(True)
    assert not dialog.college_grid.isHidden() and dialog.votes_for.isReadOnly()
    dialog.college_spins["Membres"]["votes_for"].setValue(2)
    dialog.college_spins["Membres"]["abstentions"].setValue(1)
    dialog.college_spins["Salariés"]["votes_against"].setValue(1)
    assert (dialog.votes_for.value(), dialog.votes_against.value()) == (2, 1)
    assert dialog.abstentions.value() == 1 and dialog.preview.text() == "Adopté"

    # More voices than present: refused beside the totals, nothing recorded.
    dialog.college_spins["Salariés"]["not_voting"].setValue(2)
    dialog.accept()
    assert "seules 4 personnes" in dialog.errors.message("votes_for")
    assert votes.vote_for_item(store.db, item) is None
    dialog.college_spins["Salariés"]["not_voting"].setValue(0)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    vote = votes.vote_for_item(store.db, item)
    assert vote.by_college == {
        "Membres": {"votes_for": 2, "votes_against": 0, "abstentions": 1, "not_voting": 0},
        "Salariés": {"votes_for": 0, "votes_against": 1, "abstentions": 0, "not_voting": 0},
    }
    assert (vote.votes_for, vote.votes_against, vote.abstentions, vote.not_voting) == (2, 1, 1, 0)

    # Reopened: the grid is checked and filled; unchecking records totals only.
    dialog = VoteDialog(store, agenda.items(store.db, meeting)[0])
    qtbot.addWidget(dialog)
    assert dialog.by_college.isChecked() and not dialog.college_grid.isHidden()
    assert dialog.college_spins["Salariés"]["votes_against"].value() == 1
    assert dialog.votes_for.value() == 2 and dialog.votes_for.isReadOnly()
    dialog.by_college.setChecked(False)
    assert not dialog.votes_for.isReadOnly() and dialog.college_counts() is None
    dialog.accept()
    vote = votes.vote_for_item(store.db, item)
    assert vote.by_college is None and vote.votes_for == 2


def test_the_quorum_banner_is_announced_as_it_changes(qtbot, view, store, bureau, errors):
    from ui import a11y

    m = bureau["mandates"]
    tab = view.show_tab("attendance")
    heard: list[str] = []

    def listen(widget, text):
        if widget is tab.banner:
            heard.append(text)

    a11y.announcer().announced.connect(listen)
    try:
        tab.model.set_status(tab.model.row_of(m["Hélène"]), "present")
    finally:
        a11y.announcer().announced.disconnect(listen)
    assert heard == ["Quorum non atteint : 1 présent + 0 représenté = 1 / 3 requis"]
    assert a11y.accessible_name(tab.banner) == heard[-1]


def test_the_meeting_tables_choose_their_columns_for_the_width(qtbot, view, bureau):
    from ui.models_meetings import AttendanceTableModel as T
    from ui.models_meetings import VotesTableModel as V

    view.show()
    view.show_tab("attendance")
    attendance = view.tab("attendance").view
    qtbot.waitUntil(lambda: not attendance.isColumnHidden(T.ARRIVAL))
    view.resize(640, 700)
    qtbot.waitUntil(lambda: attendance.isColumnHidden(T.ARRIVAL))
    assert attendance.isColumnHidden(T.DEPARTURE)
    for column in (T.NAME, T.STATUS, T.TARGET):
        assert not attendance.isColumnHidden(column)
    assert attendance.horizontalScrollBar().maximum() == 0
    view.show_tab("votes")
    votes = view.tab("votes").view
    qtbot.waitUntil(lambda: votes.isColumnHidden(V.TIME))
    for column in (V.ITEM, V.FOR, V.AGAINST, V.ABSTENTIONS, V.OUTCOME):
        assert not votes.isColumnHidden(column)
    view.resize(1400, 700)
    qtbot.waitUntil(lambda: not votes.isColumnHidden(V.TIME))
