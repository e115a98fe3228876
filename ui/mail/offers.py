"""Sending from elsewhere in the window through the outbox: the draft minutes to the members once
submitted, and the reminders to the owners of open actions."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.mail import sending
from ess_desk.mail import settings as mail_settings
from ess_desk.store import Store
from ui.dialogs.common import confirm, inform, show_user_error
from ui.mail.session import session_for
from ui.qt import QCoreApplication, QtWidgets


def _send(parent: QtWidgets.QWidget, store: Store, ids: list[int], title: str, notes: list[str]):
    session = session_for(parent, store)
    settings = mail_settings.get(store.db)
    password = session.ask_password(parent, settings)
    if password is None:
        inform(
            parent,
            title,
            QCoreApplication.translate(
                "MailOffers", "Les messages attendent dans la boîte d'envoi."
            ),
        )
        return

    def done(report: sending.SendReport) -> None:
        inform(parent, title, "\n".join([report.summary(), *notes]))

    session.send(password, ids=ids, on_done=done)


def _configured(parent: QtWidgets.QWidget, store: Store, title: str) -> bool:
    if mail_settings.get(store.db).configured:
        return True
    inform(
        parent,
        title,
        QCoreApplication.translate(
            "MailOffers",
            "Configurez d'abord l'envoi des courriels : Fichier › Envoi des courriels…",
        ),
    )
    return False


def _queued(parent: QtWidgets.QWidget, title: str, queue):
    """What `queue()` put in the outbox, or None after showing why it could not."""
    try:
        return queue()
    except UserError as error:
        show_user_error(parent, error, title)
        return None


def offer_draft_minutes(parent: QtWidgets.QWidget, store: Store, minutes_id: int) -> bool:
    """After submission: send the draft minutes to the members (asked first)."""
    from ess_desk.exchange import minutes_submission

    title = QCoreApplication.translate("MailOffers", "Envoyer le projet de procès-verbal")
    if store.read_only or not mail_settings.get(store.db).configured:
        return False
    if not confirm(
        parent,
        title,
        QCoreApplication.translate(
            "MailOffers",
            "Envoyer le projet de procès-verbal aux membres par courriel ? Ceux qui n'ont pas "
            "d'adresse ou ont refusé d'être contactés sont listés pour un courrier.",
        ),
        QCoreApplication.translate("MailOffers", "Envoyer"),
    ):
        return False
    queued = _queued(parent, title, lambda: minutes_submission.queue_draft(store, minutes_id))
    if queued is None:
        return False
    notes = queued.queued.invalid[:]
    if queued.by_post:
        notes.append(
            QCoreApplication.translate("MailOffers", "Par courrier : {names}").format(
                names=", ".join(queued.by_post)
            )
        )
    _send(parent, store, queued.queued.added, title, notes)
    return True


def send_reminders(parent: QtWidgets.QWidget, store: Store, filt, today: dt.date) -> bool:
    """The reminders of the owners of the open actions shown, through the outbox."""
    from ess_desk.exchange import action_reminders

    title = QCoreApplication.translate("MailOffers", "Envoyer les rappels")
    if not _configured(parent, store, title):
        return False
    queued = _queued(parent, title, lambda: action_reminders.queue_all(store, filt, today=today))
    if queued is None:
        return False
    notes = queued.queued.invalid[:]
    if queued.without_email:
        notes.append(
            QCoreApplication.translate("MailOffers", "Sans adresse électronique : {names}").format(
                names=", ".join(queued.without_email)
            )
        )
    if queued.refused:
        notes.append(
            QCoreApplication.translate(
                "MailOffers", "Refus d'être contacté par courriel : {names}"
            ).format(names=", ".join(queued.refused))
        )
    if not queued.queued.added:
        inform(
            parent,
            title,
            "\n".join(
                [
                    QCoreApplication.translate(
                        "MailOffers", "Aucune nouvelle relance à envoyer aujourd'hui."
                    ),
                    *notes,
                ]
            ),
        )
        return False
    _send(parent, store, queued.queued.added, title, notes)
    return True
