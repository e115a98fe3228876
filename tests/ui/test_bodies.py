"""The Instances page, its models and the mandate, body and college dialogs."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.membership import bodies, mandates, people
from ess_desk.store import open_store
from ui.dialogs.body import BodyDialog
from ui.dialogs.college import CollegeDialog
from ui.dialogs.mandate import EndMandateDialog, MandateDialog
from ui.models_bodies import CollegesTableModel, RosterTableModel, paired_order
from ui.pages.bodies import BodiesPage
from ui.qt import Qt, QtWidgets

TODAY = dt.date.today()


def _count_mandates(store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM mandates").fetchone()[0]


@pytest.fixture
def assembly(store):
    """A plenary with a 3-seat college of elected members (one pair, one later arrival), an
    unlimited college, and a commission beneath it."""
    plenary = bodies.create_body(store, name="Conseil de l'ESS", kind="plenary", mandate_years=3)
    elected = bodies.create_college(store, plenary, name="Collège des élus", seats=3)
    actors = bodies.create_college(store, plenary, name="Acteurs de l'ESS", seats=None)
    commission = bodies.create_body(
        store, name="Commission Emploi", kind="commission", parent_id=plenary
    )
    who = {
        first: people.create(store, first_name=first, last_name=last)
        for first, last in [
            ("Anne", "Lambert"),
            ("Bernard", "Moreau"),
            ("Claire", "Nguyen"),
            ("Denis", "Roche"),
            ("Émilie", "Faure"),
        ]
    }
    start = TODAY - dt.timedelta(days=200)
    anne = mandates.create(
        store,
        person_id=who["Anne"],
        body_id=plenary,
        college_id=elected,
        role="member",
        start_date=start,
        end_date=TODAY + dt.timedelta(days=600),
    )
    claire = mandates.create(
        store,
        person_id=who["Claire"],
        body_id=plenary,
        college_id=elected,
        role="substitute",
        substitute_for_id=anne,
        start_date=start,
        end_date=TODAY + dt.timedelta(days=600),
    )
    bernard = mandates.create(
        store,
        person_id=who["Bernard"],
        body_id=plenary,
        college_id=elected,
        role="president",
        start_date=start,
        end_date=None,
    )
    later = mandates.create(
        store,
        person_id=who["Denis"],
        body_id=plenary,
        college_id=elected,
        role="member",
        start_date=TODAY + dt.timedelta(days=100),
        end_date=TODAY + dt.timedelta(days=900),
    )
    return {
        "store": store,
        "plenary": plenary,
        "elected": elected,
        "actors": actors,
        "commission": commission,
        "people": who,
        "anne": anne,
        "claire": claire,
        "bernard": bernard,
        "denis": later,
    }


def _rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# Models ----------------------------------------------------------------------------------------


def test_roster_model_pairs_members_and_substitutes(assembly, qtmodeltester):
    model = RosterTableModel(assembly["store"].db)
    model.load(assembly["plenary"], TODAY)
    qtmodeltester.check(model)
    rows = _rows(model)
    names = [r[RosterTableModel.NAME] for r in rows]
    # Bernard presides (first), Anne sits with Claire, her substitute, right under her.
    assert names == ["MOREAU Bernard", "LAMBERT Anne", "    ↳ NGUYEN Claire"]
    anne = rows[1]
    assert anne[RosterTableModel.PAIRING] == "Claire Nguyen"
    assert anne[RosterTableModel.ROLE] == "Membre titulaire"
    assert anne[RosterTableModel.START] == (TODAY - dt.timedelta(days=200)).strftime("%d/%m/%Y")
    assert rows[2][RosterTableModel.PAIRING] == "Anne Lambert"
    claire = model.index(2, RosterTableModel.PAIRING)
    assert claire.data(Qt.ItemDataRole.ToolTipRole) == "Suppléant(e) de Anne Lambert"
    assert rows[0][RosterTableModel.END] == "sans fin"
    assert model.headers()[RosterTableModel.PAIRING] == "Suppléant(e) de / Suppléant(e)s"


def test_colleges_model_counts_filled_and_vacant_seats(assembly, qtmodeltester):
    model = CollegesTableModel(assembly["store"].db)
    model.load(assembly["plenary"], TODAY)
    qtmodeltester.check(model)
    rows = _rows(model)
    assert rows[0] == ["Collège des élus", "3", "Délibérative", "2", "1"]
    assert rows[1] == ["Acteurs de l'ESS", "sans limite", "Délibérative", "0", "—"]
    assert model.summary_line(model.college(0)) == (
        "Collège des élus : 3 sièges, 2 occupés, 1 vacant"
    )
    model.load(assembly["plenary"], TODAY + dt.timedelta(days=150))
    assert model.summary_line(model.college(0)) == (
        "Collège des élus : 3 sièges, 3 occupés, 0 vacant"
    )


def test_paired_order_keeps_a_substitute_whose_member_is_absent(assembly):
    from ess_desk.membership.roster import roster

    entries = roster(assembly["store"].db, assembly["plenary"], TODAY)
    alone = [e for e in entries if e.mandate_id != assembly["anne"]]
    assert [(e.first_name, paired) for e, paired in paired_order(alone)] == [
        ("Bernard", False),
        ("Claire", False),
    ]


# The page --------------------------------------------------------------------------------------


def test_page_shows_roster_at_a_date_with_pairs_and_vacant_seats(assembly, qtbot):
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    assert page.current_body_id() == assembly["plenary"]
    assert page.body_title.text() == "Conseil de l'ESS"
    # The commission sits under the plenary in the tree.
    top = page.tree_model.item(0)
    assert top.text() == "Conseil de l'ESS"
    assert top.child(0).text() == "Commission Emploi"
    assert page.rules.rule_labels["quorum"].text().startswith("au moins 1/2 des membres votants")
    assert page.rules.rule_labels["mandate"].text() == "3 ans"

    names = [r[RosterTableModel.NAME] for r in _rows(page.roster_model)]
    assert names == ["MOREAU Bernard", "LAMBERT Anne", "    ↳ NGUYEN Claire"]
    summary = page.seats_summary.text()
    assert "Collège des élus : 3 sièges, 2 occupés, 1 vacant" in summary
    assert "Acteurs de l'ESS : sans limite de sièges, 0 occupé" in summary
    assert "1 siège vacant" in summary


def test_changing_the_date_changes_the_roster(assembly, qtbot):
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)
    assert page.roster_model.row_of(assembly["denis"]) is None
    page.date.enter(TODAY + dt.timedelta(days=150))
    assert page.roster_model.row_of(assembly["denis"]) is not None
    assert "Collège des élus : 3 sièges, 3 occupés, 0 vacant" in page.seats_summary.text()
    assert "Tous les sièges sont pourvus" in page.seats_summary.text()
    # Before anyone started, the roster is empty.
    page.set_date(TODAY - dt.timedelta(days=400))
    assert page.roster_model.rowCount() == 0
    assert page.colleges_model.college(0).filled == 0


def test_choosing_another_body_shows_its_roster(assembly, qtbot):
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)
    page.select_body(assembly["commission"])
    assert page.body_title.text() == "Commission Emploi"
    assert page.roster_model.rowCount() == 0
    assert page.seats_summary.text() == "Cette instance n'a pas de collège."


def test_a_reload_reads_the_chosen_body_s_roster_once(assembly, qtbot, monkeypatch):
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)
    page.select_body(assembly["commission"])
    loads = []
    original = page.roster_model.load
    monkeypatch.setattr(page.roster_model, "load", lambda *a: (loads.append(a), original(*a)))
    page.reload()
    assert [body for body, _at in loads] == [assembly["commission"]]
    assert page.body_title.text() == "Commission Emploi"
    page.select_body(assembly["plenary"])  # and a body chosen afterwards is read
    assert [body for body, _at in loads] == [assembly["commission"], assembly["plenary"]]


def test_mandate_buttons_follow_the_selection(assembly, qtbot):
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)
    assert not page.end_mandate_button.isEnabled()
    assert page.select_mandate(assembly["anne"])
    assert page.current_mandate_id() == assembly["anne"]
    assert page.end_mandate_button.isEnabled()
    assert page.edit_mandate_button.isEnabled()
    assert not page.select_mandate(assembly["denis"])  # not in force today


def test_read_only_store_disables_every_edit_button(assembly, qtbot, db_path):
    second = open_store(db_path, read_only=True)
    try:
        page = BodiesPage(second)
        qtbot.addWidget(page)
        page.select_mandate(assembly["anne"])
        buttons = [
            page.new_body_button,
            page.edit_body_button,
            page.rules.edit_rules_button,
            page.add_college_button,
            page.edit_college_button,
            page.new_mandate_button,
            page.edit_mandate_button,
            page.end_mandate_button,
        ]
        assert page.roster_model.rowCount() == 3
        assert not any(b.isEnabled() for b in buttons)
        dialog = MandateDialog(second, body_id=assembly["plenary"])
        qtbot.addWidget(dialog)
        assert not dialog.buttons.buttons()[0].isEnabled()
    finally:
        second.close()


# Dialogs ---------------------------------------------------------------------------------------


def _choose_person(dialog: MandateDialog, person_id: int) -> None:
    dialog.person.setCurrentIndex(dialog.person.findData(person_id))


def test_mandate_overflowing_a_college_shows_the_message_beside_it(assembly, qtbot):
    store = assembly["store"]
    start = TODAY + dt.timedelta(days=150)  # Anne, Bernard and Denis fill the 3 seats then
    dialog = MandateDialog(store, body_id=assembly["plenary"], start=start)
    qtbot.addWidget(dialog)
    _choose_person(dialog, assembly["people"]["Émilie"])
    dialog.college.setCurrentIndex(dialog.college.findData(assembly["elected"]))
    assert dialog.role.currentData() == "member"
    before = _count_mandates(store)
    dialog.save()
    message = dialog.errors.message("college_id")
    assert "Collège des élus" in message
    assert "3 sièges" in message
    assert dialog.errors.message("person_id") == ""
    assert _count_mandates(store) == before
    assert dialog.result() != dialog.DialogCode.Accepted


def test_new_mandate_gets_the_default_end_and_is_written(assembly, qtbot):
    store = assembly["store"]
    dialog = MandateDialog(store, body_id=assembly["plenary"], start=dt.date(2026, 1, 1))
    qtbot.addWidget(dialog)
    assert dialog.end.value() == dt.date(2028, 12, 31)
    dialog.start.enter(dt.date(2027, 3, 1))
    assert dialog.end.value() == dt.date(2030, 2, 28)
    _choose_person(dialog, assembly["people"]["Émilie"])
    dialog.college.setCurrentIndex(dialog.college.findData(assembly["actors"]))
    dialog.no_end.setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    written = mandates.get(store.db, dialog.mandate_id)
    assert (written.start_date, written.end_date, written.college_id) == (
        "2027-03-01",
        None,
        assembly["actors"],
    )


def test_substitute_choices_are_the_seat_holders_at_the_start_date(assembly, qtbot):
    dialog = MandateDialog(assembly["store"], body_id=assembly["plenary"], start=TODAY)
    qtbot.addWidget(dialog)
    assert dialog._substitute_box.isHidden()
    dialog.role.setCurrentIndex(dialog.role.findData("substitute"))
    assert not dialog._substitute_box.isHidden()
    choices = [dialog.substitute_for.itemData(i) for i in range(dialog.substitute_for.count())]
    assert choices == [None, assembly["bernard"], assembly["anne"]]
    dialog.start.enter(TODAY + dt.timedelta(days=150))
    choices = [dialog.substitute_for.itemData(i) for i in range(dialog.substitute_for.count())]
    assert assembly["denis"] in choices


def test_a_person_typed_but_not_chosen_is_refused_beside_the_person(assembly, qtbot):
    store = assembly["store"]
    dialog = MandateDialog(store, body_id=assembly["plenary"])
    qtbot.addWidget(dialog)
    dialog.person.setEditText("Personne inconnue")
    before = _count_mandates(store)
    dialog.save()
    assert "Choisissez la personne" in dialog.errors.message("person_id")
    assert _count_mandates(store) == before


def test_end_mandate_dialog(assembly, qtbot):
    store = assembly["store"]
    dialog = EndMandateDialog(store, assembly["anne"], TODAY - dt.timedelta(days=300))
    qtbot.addWidget(dialog)
    dialog.save()
    assert "précède son début" in dialog.errors.message("end_date")
    assert (
        mandates.get(store.db, assembly["anne"]).end_date
        == (TODAY + dt.timedelta(days=600)).isoformat()
    )
    dialog.end.enter(TODAY)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert mandates.get(store.db, assembly["anne"]).end_date == TODAY.isoformat()


def test_body_dialog_refuses_a_duplicate_name_beside_the_name(assembly, qtbot):
    store = assembly["store"]
    dialog = BodyDialog(store, parent_body_id=assembly["plenary"])
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "commission"
    assert dialog.parent_body.currentData() == assembly["plenary"]
    dialog.name.setText("commission emploi")
    dialog.save()
    assert "existe déjà" in dialog.errors.message("name")
    dialog.name.setText("Groupe de travail Achats responsables")
    dialog.kind.setCurrentIndex(dialog.kind.findData("working_group"))
    dialog.notice.setValue(8)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    body = bodies.get_body(store.db, dialog.body_id)
    assert (body.kind, body.parent_id, body.notice_clear_days) == (
        "working_group",
        assembly["plenary"],
        8,
    )


def test_body_dialog_shows_quorum_errors_on_the_quorum_row(assembly, qtbot):
    dialog = BodyDialog(assembly["store"], assembly["plenary"])
    qtbot.addWidget(dialog)
    dialog.quorum_numerator.setValue(3)
    dialog.quorum_denominator.setValue(2)
    dialog.save()
    assert "quorum" in dialog.errors.message("quorum_numerator").lower()
    assert bodies.get_body(assembly["store"].db, assembly["plenary"]).quorum_numerator == 1


def test_college_dialog_refuses_fewer_seats_than_holders(assembly, qtbot):
    store = assembly["store"]
    dialog = CollegeDialog(store, assembly["plenary"], assembly["elected"])
    qtbot.addWidget(dialog)
    assert dialog.limited.isChecked() and dialog.seats.value() == 3
    dialog.seats.setValue(2)
    dialog.save()
    assert "ne peut pas passer à 2 sièges" in dialog.errors.message("seats")
    assert bodies.get_college(store.db, assembly["elected"]).seats == 3
    dialog.limited.setChecked(False)
    dialog.consultative.setChecked(True)
    dialog.save()
    college = bodies.get_college(store.db, assembly["elected"])
    assert (college.seats, college.voting) == (None, 0)


def test_edit_buttons_open_dialogs_and_reload(assembly, qtbot, monkeypatch):
    """The page's Nouveau mandat goes through the dialog; after Accepted the roster is re-read."""
    page = BodiesPage(assembly["store"])
    qtbot.addWidget(page)

    def accept_new_mandate(dialog):
        _choose_person(dialog, assembly["people"]["Émilie"])
        dialog.college.setCurrentIndex(dialog.college.findData(assembly["actors"]))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(MandateDialog, "exec", accept_new_mandate)
    page.new_mandate_button.click()
    names = [r[RosterTableModel.NAME] for r in _rows(page.roster_model)]
    assert "FAURE Émilie" in names
    assert "Acteurs de l'ESS : sans limite de sièges, 1 occupé" in page.seats_summary.text()


def test_the_rules_show_the_rule_set_and_no_line_is_cut_on_a_narrow_screen(assembly, qtbot):
    """Issue 15: at 1366×768 at 150 % the rules' wrapped lines were cut (a label gets its
    one-line height in a squeezed form); the rule set's rules (issue 11) are shown too."""
    store = assembly["store"]
    bodies.update_body(
        store,
        assembly["plenary"],
        remote_allowed=1,
        quorum_counts_remote=0,
        reconvene_notice_days=3,
        reconvene_without_quorum=1,
        minutes_publish_days=8,
        quorum_formula="more_than",
    )
    page = BodiesPage(store)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    rules = page.rules.rule_labels
    assert rules["quorum"].text().startswith("plus de 1/2 des membres votants")
    assert rules["remote"].text() == "les membres à distance votent, sans compter pour le quorum"
    assert rules["reconvene"].text() == (
        "nouvelle convocation 3 jours francs avant au moins, séance sans condition de quorum"
    )
    assert rules["minutes"].text() == "signé et publié sous 8 jours"
    top = page.findChild(QtWidgets.QWidget, "rules_and_colleges")
    assert not top.stacked()
    page.resize(640, 800)  # the right pane is narrow: rules above colleges, lines wrapped
    qtbot.waitUntil(top.stacked)

    def cut() -> list[str]:
        return [
            label.text()
            for label in rules.values()
            if label.height() < label.heightForWidth(label.width())
        ]

    qtbot.waitUntil(lambda: cut() == [] and rules["reconvene"].height() > rules["mandate"].height())
