"""The window's sending: « Envoyer les convocations » to a real SMTP server started by the test,
the outbox in the status bar and its « Envoyer maintenant », the mail settings dialog."""

from __future__ import annotations

import pytest

from ess_desk.mail import outbox
from ess_desk.mail import settings as mail_settings
from tests.smtp_server import SmtpServer
from tests.ui.test_meetings import bureau, meeting, view  # noqa: F401 - fixtures
from ui.mail.convocations_dialog import ConvocationsDialog
from ui.mail.outbox_view import OutboxButton, OutboxDialog
from ui.mail.session import MailSession
from ui.mail.settings_dialog import MailSettingsDialog


@pytest.fixture
def reachable(store, bureau):  # noqa: F811
    """Four members reachable by e-mail; Inès refused to be contacted; Zoé has no address."""
    for first, address in (
        ("Hélène", "helene@exemple.fr"),
        ("François", "francois@exemple.fr"),
        ("Luc", "luc@exemple.fr"),
        ("Sacha", "sacha@exemple.fr"),
    ):
        store.db.execute(
            "UPDATE people SET email = ?, consent_contact = 1 WHERE first_name = ?",
            [address, first],
        )
    store.db.execute(
        "UPDATE people SET email = 'ines@exemple.fr', consent_contact = 0 WHERE first_name = 'Inès'"
    )
    store.conn.commit()


@pytest.fixture
def server(store):
    with SmtpServer() as running:
        mail_settings.save(
            store, host="127.0.0.1", port=running.port, security="none", sender="c@exemple.fr"
        )
        yield running


def test_send_convocations_from_the_meeting_page(qtbot, store, view, meeting, reachable, server):  # noqa: F811
    tab = view.show_tab("notice")
    dialog = tab.send_convocations()
    assert isinstance(dialog, ConvocationsDialog)
    qtbot.addWidget(dialog)
    model = dialog.model
    channels = {
        model.people[r].name: model.channel(model.people[r]) for r in range(model.rowCount())
    }
    assert channels["Hélène Dupré"] == "courriel"
    assert channels["Inès Roux"] == "courrier (refus d'être contacté par courriel)"
    assert channels["Zoé Martin"] == "courrier"
    assert "Par courriel : 4" in dialog.heading.text()
    dialog.send_button.click()
    qtbot.waitUntil(
        lambda: "acceptés par le serveur : 4" in dialog.result_label.text(), timeout=30_000
    )
    assert len(server.received) == 4
    assert dialog.folder_button.isEnabled() and dialog.folder is not None
    assert any(p.name.endswith("-courrier.pdf") for p in dialog.folder.iterdir())
    # Once the letters are posted, every convocation owed has gone: the notice date is set.
    dialog.record_posted()
    assert "postées : 3" in dialog.result_label.text()
    from ess_desk.meetings import meetings

    assert meetings.get(store.db, meeting).status == "convened"


def test_outbox_in_the_status_bar_sends_what_waits(qtbot, store, meeting, reachable):  # noqa: F811
    from ess_desk.exchange import convocations

    idle = SmtpServer()
    mail_settings.save(store, host="127.0.0.1", port=idle.port, security="none", sender="c@x.fr")
    convocations.queue(store, convocations.prepare(store.db, meeting))
    session = MailSession(lambda: store)
    button = OutboxButton(session)
    qtbot.addWidget(button)
    assert button.text() == "Boîte d'envoi : 4 en attente"
    session.send_at_start()  # nobody listens: they keep waiting
    qtbot.waitUntil(lambda: not session.busy, timeout=30_000)
    assert outbox.counts(store.db)["waiting"] == 4
    dialog = OutboxDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 4 and "ne répond pas" in dialog.model.rows[0].last_error
    with idle:
        dialog.send_now()
        qtbot.waitUntil(
            lambda: "acceptés par le serveur : 4" in dialog.state.text(), timeout=30_000
        )
    assert len(idle.received) == 4
    assert not button.isVisible() or button.text() == "Boîte d'envoi : "
    dialog.show_all.setChecked(True)
    assert dialog.model.rowCount() == 4 and dialog.model.rows[0].status == "sent"


def test_mail_settings_keep_the_password_out_of_the_database(qtbot, store, memory_keyring):
    session = MailSession(lambda: store)
    dialog = MailSettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.host.setText("smtp.exemple.fr")
    dialog.user.setText("secretariat")
    dialog.password.setText("Tr3s-secret")
    dialog.sender_field.setText("conseil@exemple.fr")
    dialog.save()
    settings = mail_settings.get(store.db)
    assert settings.host == "smtp.exemple.fr" and settings.port == 587
    assert mail_settings.saved_password(settings) == "Tr3s-secret"
    assert b"Tr3s-secret" not in store.path.read_bytes()
    dialog = MailSettingsDialog(session)
    qtbot.addWidget(dialog)
    dialog.sender_field.setText("pas une adresse")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
