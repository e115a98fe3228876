"""Sending from elsewhere in the window, to a real SMTP server started by the test: the Actions
page's « Envoyer les rappels… » and the draft minutes offered right after « Soumettre aux
membres… ». What the server received, and what the window said."""

from __future__ import annotations

import pytest

from ess_desk.mail import outbox
from ess_desk.mail import settings as mail_settings
from ess_desk.minutes import minutes as mn
from tests.smtp_server import SmtpServer
from tests.ui.test_actions import follow_up, page  # noqa: F401 - fixtures
from tests.ui.test_minutes import bureau, fill_header, make_tab, submit  # noqa: F401
from ui.qt import Qt

OFFERS = "ui.mail.offers"


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str]]:
    """What the window says in its message boxes (title, text), recorded instead of shown;
    its questions are recorded too and answered « Envoyer »."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(f"{OFFERS}.inform", lambda _p, title, text: shown.append((title, text)))

    def confirm(_parent, title, text, yes, *_rest) -> bool:
        shown.append((title, text))
        return yes == "Envoyer"

    monkeypatch.setattr(f"{OFFERS}.confirm", confirm)
    return shown


@pytest.fixture
def server(store):
    with SmtpServer() as running:
        mail_settings.save(
            store,
            host="127.0.0.1",
            port=running.port,
            security="none",
            sender="secretariat@conseil.fr",
        )
        yield running


def _attachments(received) -> list[str]:
    return [part.get_filename() for part in received.message.iter_attachments()]


def test_reminders_are_sent_from_the_actions_page(qtbot, store, page, follow_up, said, server):  # noqa: F811
    # Karim (an overdue action of the commission) has an address but refused to be contacted;
    # the association owning an action has none.
    store.db.execute(
        "UPDATE people SET email = 'karim@exemple.fr', consent_contact = 0 "
        "WHERE first_name = 'Karim'"
    )
    store.conn.commit()
    qtbot.mouseClick(page.send_reminders_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    ((title, text),) = said
    assert title == "Envoyer les rappels"
    lines = text.splitlines()
    assert "acceptés par le serveur : 2" in lines[0]
    assert "Sans adresse électronique : Association Solidarités Nord" in lines
    assert "Refus d'être contacté par courriel : Karim Benali" in lines
    received = sorted(server.received, key=lambda r: r.recipients)
    assert [r.recipients for r in received] == [
        ["helene.dupre@tisserands.fr"],
        ["zoe@ville.fr"],
    ]
    for r in received:
        assert r.message["Subject"].startswith("Relance\u202f: vos actions en cours au ")  # typeset
        assert r.message["From"].addresses[0].addr_spec == "secretariat@conseil.fr"
        (name,) = _attachments(r)
        assert name.startswith("relance-") and name.endswith(".pdf")
    helene = next(r for r in received if r.recipients == ["helene.dupre@tisserands.fr"])
    body = helene.message.get_body().get_content()
    assert "Rédiger la charte de l’économie sociale" in body  # typeset apostrophe
    assert "rencontre des élus" not in body  # Zoé's action, in Zoé's message
    assert outbox.counts(store.db)["sent"] == 2
    # The same day again: nobody is reminded twice.
    said.clear()
    qtbot.mouseClick(page.send_reminders_button, Qt.MouseButton.LeftButton)
    ((_title, text),) = said
    assert text.startswith("Aucune nouvelle relance à envoyer aujourd'hui.")
    assert len(server.received) == 2


def test_reminders_wait_for_the_mail_settings(qtbot, store, page, follow_up, said):  # noqa: F811
    qtbot.mouseClick(page.send_reminders_button, Qt.MouseButton.LeftButton)
    assert said == [
        (
            "Envoyer les rappels",
            "Configurez d'abord l'envoi des courriels : Fichier › Envoi des courriels…",
        )
    ]
    assert outbox.counts(store.db)["waiting"] == 0


def test_draft_minutes_are_offered_once_submitted_and_sent(qtbot, store, bureau, said, server):  # noqa: F811
    # Four members reachable by e-mail; Inès refused; the substitute and the guest have none.
    store.db.execute(
        "UPDATE people SET consent_contact = 1 WHERE first_name IN ('Hélène', 'François', "
        "'Zoé', 'Luc')"
    )
    store.conn.commit()
    tab = make_tab(qtbot, store, bureau["first"])
    dialog = tab.submit()
    # Fixing what is missing in the submission dialog offers nothing yet.
    dialog.secretary.setText("Marie Dubois")
    dialog.secretary.returnPressed.emit()
    assert said == [] and "secretary" not in dialog.fix_buttons
    fill_header(tab)
    submit(qtbot, tab)
    assert mn.get(store.db, tab.minutes.id).status == "submitted"
    qtbot.waitUntil(lambda: len(said) == 2, timeout=30_000)
    (question_title, question), (title, text) = said
    assert question_title == title == "Envoyer le projet de procès-verbal"
    assert question.startswith("Envoyer le projet de procès-verbal aux membres par courriel ?")
    lines = text.splitlines()
    assert "acceptés par le serveur : 4" in lines[0]
    assert lines[-1] == "Par courrier : Inès Discrète, Sacha Remplaçant, Gaëlle Invitée"
    assert sorted(r.recipients[0] for r in server.received) == [
        "durand@exemple.fr",
        "lefevre@exemple.fr",
        "martin@exemple.fr",
        "secrete@exemple.fr",
    ]
    for r in server.received:
        assert r.message["Subject"] == "Projet de procès-verbal — Bureau, séance du 10/12/2026"
        assert _attachments(r) == ["projet-pv-2026-12-10.pdf"]
        assert "séance du 14/01/2027" in r.message.get_body().get_content()


def test_draft_minutes_are_not_offered_without_mail_settings(qtbot, store, bureau, said):  # noqa: F811
    tab = make_tab(qtbot, store, bureau["first"])
    fill_header(tab)
    submit(qtbot, tab)
    assert mn.get(store.db, tab.minutes.id).status == "submitted"
    assert said == [] and outbox.counts(store.db)["waiting"] == 0
