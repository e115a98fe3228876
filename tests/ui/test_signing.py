"""The minutes tab's « Signatures… »: sign as chair then secretary with certificate files, read
what the signatures say, save the signed PDF, verify another PDF; the publication dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk import council as council_mod
from ess_desk.minutes import minutes as mn
from ess_desk.signing import verify
from tests.core.test_minutes import approved, build_council
from tests.signing_support import PASSWORD, make_authority
from tests.ui.test_minutes import make_tab
from ui.dialogs.signing import SigningDialog


@pytest.fixture(scope="module")
def authority(tmp_path_factory):
    return make_authority(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def council(store):
    data = build_council(store)
    approved(store, data)
    return data


def test_sign_twice_from_the_minutes_tab_and_save(
    qtbot, store, council, authority, tmp_path, export_to
):
    tab = make_tab(qtbot, store, council["first"])
    assert tab.buttons.signing_button.isVisible()
    dialog = tab.open_signatures()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SigningDialog)
    assert "Pas encore signé" in dialog.state.text()
    assert dialog.role.currentData() == "president" and not dialog.save_button.isEnabled()
    dialog.cert_path.setText(str(authority.chair_p12))
    dialog.secret.setText("faux")
    assert not dialog.sign()
    assert "mot de passe" in dialog.errors.message("certificate") + dialog.errors.general.text()
    dialog.secret.setText(PASSWORD)
    assert dialog.sign()
    assert dialog.secret.text() == ""  # never kept
    assert dialog.role.currentData() == "secretaire"
    assert "Reste à signer : Secrétaire de séance" in dialog.state.text()
    dialog.cert_path.setText(str(authority.secretary_p12))
    dialog.secret.setText(PASSWORD)
    assert dialog.sign()
    report = dialog.report.toPlainText()
    assert report.count("Signature intacte") == 2 and "Marie Secrétariat" in report
    assert not dialog.sign_button.isEnabled()
    # Nothing left to sign: the certificate fields wait too.
    assert not any(w.isEnabled() for w in (dialog.cert_path, dialog.browse, dialog.secret))
    out = tmp_path / "signe.pdf"
    dialog.save_signed(out)
    qtbot.waitUntil(out.exists, timeout=10000)
    assert [r.signer for r in verify.verify_file(out)] == ["Hélène Martin", "Marie Secrétariat"]
    # Another PDF checked from the same dialog: an unsigned one says so.
    plain = tmp_path / "autre.pdf"
    plain.write_bytes(
        __import__("ess_desk.documents.minutes_pdf", fromlist=["render"]).render(
            mn.view(store.db, council["first"])
        )[0]
    )
    dialog.verify_file(plain)
    assert "aucune signature électronique" in dialog.report.toPlainText()


def test_signing_settings_set_the_authorities_and_the_timestamp_server(
    qtbot, store, council, authority, tmp_path
):
    from ess_desk.signing import settings
    from tests.signing_support import timestamp_server
    from ui.dialogs.signing_settings import SigningSettingsDialog

    signing = SigningDialog(store, council["first"])
    qtbot.addWidget(signing)
    signing.cert_path.setText(str(authority.chair_p12))
    signing.secret.setText(PASSWORD)
    assert signing.sign()
    assert "aucune autorité de confiance enregistrée" in signing.report.toPlainText()
    dialog = signing.open_settings()
    assert isinstance(dialog, SigningSettingsDialog)
    assert not dialog.remove_button.isEnabled()
    junk = tmp_path / "note.txt"
    junk.write_text("pas un certificat")
    assert dialog.add_certificates(junk) == 0
    assert "n'est pas un certificat" in dialog.errors.message("trust_roots")
    assert dialog.add_certificates(authority.root_pem) == 1
    assert dialog.add_certificates(authority.root_pem) == 0  # already listed
    assert settings.trusted_roots(store.db) == []  # nothing written before « Enregistrer »
    with timestamp_server(authority) as url:
        dialog.url.setText(url)
        dialog.try_server()
        qtbot.waitUntil(lambda: "a répondu" in dialog.try_result.text(), timeout=10000)
    dialog.url.setText("horodatage.example")
    assert not dialog.save()
    assert "serveur d'horodatage" in dialog.errors.message("timestamp_url")
    dialog.url.setText(url)
    assert dialog.save()
    assert settings.timestamp_url(store.db) == url
    assert len(settings.trusted_roots(store.db)) == 1
    # The signing dialog reads its report again with the council's authority.
    assert "Certificat rattaché à une autorité de confiance." in signing.report.toPlainText()
    again = SigningSettingsDialog(store)
    qtbot.addWidget(again)
    again.list.setCurrentRow(0)
    assert again.remove_button.isEnabled()
    again.remove_selected()
    assert again.save() and settings.trusted_roots(store.db) == []


def test_dialog_of_minutes_not_approved_signs_nothing(qtbot, store):
    data = build_council(store)
    dialog = SigningDialog(store, data["first"])
    qtbot.addWidget(dialog)
    assert "pas encore approuvé" in dialog.state.text()
    assert not dialog.sign_button.isEnabled() and not dialog.save_button.isEnabled()


def test_publication_dialog_makes_the_folder(qtbot, store, council, authority, tmp_path):
    from ui.dialogs.publication import PublicationDialog

    council_mod.set_letterhead(store, council_siret="73282932000074")
    dialog = PublicationDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.body.currentData() == council["body"]
    dialog.start.set_value(dt.date(2026, 1, 1))
    dialog.end.set_value(dt.date(2026, 12, 31))
    operation = dialog.publish_to(tmp_path / "pub")
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    assert (tmp_path / "pub" / "index.html").exists()
    assert (tmp_path / "pub" / "deliberations.csv").exists()
    # Without the SIRET, the dialog says where to give it.
    council_mod.set_letterhead(store, council_siret="")
    dialog.publish_to(tmp_path / "pub2")
    qtbot.waitUntil(lambda: "SIRET" in dialog.errors.general.text(), timeout=20000)


def test_chair_turns_from_the_minutes_tab(qtbot, store):
    from ess_desk.meetings import chairs
    from ess_desk.minutes import minutes as mn
    from ui.dialogs.chairs import ChairsDialog

    data = build_council(store)
    mn.start(store, data["first"])
    tab = make_tab(qtbot, store, data["first"])
    assert tab.buttons.chairs_button.isVisible() and tab.buttons.chairs_button.isEnabled()
    dialog = tab.open_chairs()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ChairsDialog) and dialog.turns.count() == 0
    dialog.person.setCurrentIndex(dialog.person.findText("François Durand"))
    dialog.from_time.setText("17:00")
    assert not dialog.add_turn()  # before the opening (18:05)
    assert "après l'ouverture" in dialog.errors.message("from_time")
    dialog.from_time.setText("19:40")
    dialog.reason.setText("départ de la présidente")
    assert dialog.add_turn()
    assert [t.name for t in chairs.turns(store.db, data["first"])] == ["François Durand"]
    assert "19:40" in dialog.turns.item(0).text()
    dialog.turns.setCurrentRow(0)
    dialog.remove_turn()
    assert chairs.turns(store.db, data["first"]) == []


def test_dashboard_card_says_what_is_due_for_which_meeting(qtbot, store):
    """At 150 % the card's text column holds about 24 characters: what is to do comes first,
    then the meeting; the whole sentence and its legal source are in the tooltip."""
    from ess_desk.dashboard import overview as ov
    from ess_desk.dates import display
    from ess_desk.demo import fill_demo
    from tests.ui.test_dashboard import make_window

    fill_demo(store, "small")
    window = make_window(qtbot, store)
    qtbot.waitUntil(lambda: window.page("dashboard").complete)
    card = window.page("dashboard").cards["publications"]
    data = ov.overview(store.db, store.path, dt.date.today()).publications
    assert data.total > 0 and card.count.text() == str(data.total)
    for row, item in enumerate(data.items):
        line = card.line(row)
        assert line.record_id == item.meeting_id
        what, meeting = card.view.text(row, 1).split("\n")
        assert what == item.short() and len(what) <= 24
        assert meeting.startswith(f"séance du {display(item.meeting_day)}")
        assert item.describe() in line.tooltip and item.source in line.tooltip
