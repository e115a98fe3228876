"""The mail commands: `outbox` (what waits, what went, --send to retry) and `mail-settings` (the
server; the password in the credential store or ESS_DESK_SMTP_PASSWORD); `send_outbox` serves
`convocations --send` and `action-reminders --send` too."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ess_desk.cli.common import AddCommand, open_for_command, progress_line
from ess_desk.errors import UserError
from ess_desk.i18n import _

if TYPE_CHECKING:
    from ess_desk.mail.sending import Progress, SendReport
    from ess_desk.mail.settings import MailSettings
    from ess_desk.store import Store


def _password(settings: MailSettings) -> str | None:
    from ess_desk.mail import settings as mail_settings

    password = mail_settings.command_line_password(settings)
    if password is None and settings.user and sys.stdin.isatty():
        password = getpass.getpass(
            _("Mot de passe de {user} sur {host} : ").format(user=settings.user, host=settings.host)
        )
    return password


def send_outbox(
    store: Store,
    *,
    meeting_id: int | None = None,
    ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """Send what waits (of one meeting, those given, or all) with the saved settings."""
    from ess_desk.mail import sending
    from ess_desk.mail import settings as mail_settings

    settings = mail_settings.get(store.db)
    return sending.send_waiting(
        store, settings, _password(settings), meeting_id=meeting_id, ids=ids, progress=progress
    )


def cmd_outbox(args: argparse.Namespace) -> int:
    from ess_desk.mail import outbox

    writes = bool(args.send or args.resend)
    with open_for_command(args, write=writes) as store:
        if args.resend:
            from ess_desk.mail import settings as mail_settings

            new_id = outbox.resend(store, args.resend, mail_settings.get(store.db).sender)
            print(
                _("Message n°{old} remis dans la boîte d'envoi (n°{new}).").format(
                    old=args.resend, new=new_id
                )
            )
        if args.send:
            outbox.recover(store)
            report = send_outbox(store, meeting_id=args.meeting, progress=progress_line)
            print(report.summary())
            return report.exit_code
        statuses = (
            None if args.all else [outbox.WAITING, outbox.SENDING, outbox.DELIVERING, outbox.FAILED]
        )
        found = outbox.rows(store.db, meeting_id=args.meeting, statuses=statuses)
    if args.json:
        print(json.dumps([r.to_json() for r in found], ensure_ascii=False, indent=2))
        return 0
    labels = {"waiting": _("en attente"), "sent": _("envoyé"), "failed": _("échec")}
    for r in found:
        when = (r.sent_at or r.queued_at)[:16].replace("T", " ")
        line = f"{r.id:>6}  {labels[r.public_status]:<10}  {when}  {r.to_addr:<32}  {r.subject}"
        print(line)
        if r.last_error and r.public_status != "sent":
            print(f"        {r.last_error}")
    if not found:
        print(_("La boîte d'envoi est vide.") if not args.all else _("Aucun message."))
    return 0


def cmd_mail_settings(args: argparse.Namespace) -> int:
    from ess_desk.mail import settings as mail_settings

    values = {
        "host": args.host,
        "port": args.port,
        "security": args.security,
        "user": args.user,
        "sender": args.sender,
        "sender_name": args.sender_name,
        "reply_to": args.reply_to,
        "size_limit_mb": args.size_limit,
        "ca_file": args.ca_file,
        "annex_location": args.annex_location,
    }
    changes = {k: v for k, v in values.items() if v is not None}
    writes = bool(changes)
    with open_for_command(args, write=writes) as store:
        settings = mail_settings.save(store, **changes) if changes else mail_settings.get(store.db)
    print(settings.describe())
    if args.save_password:
        password = mail_settings.command_line_password(settings)
        if password is None and sys.stdin.isatty():
            password = getpass.getpass(_("Mot de passe : "))
        if not password:
            raise UserError(_("Donnez le mot de passe dans ESS_DESK_SMTP_PASSWORD ou tapez-le."))
        if not mail_settings.save_password(settings, password):
            raise UserError(
                _(
                    "Aucun trousseau de mots de passe sur ce poste : le mot de passe sera demandé "
                    "à chaque envoi (ou lu dans ESS_DESK_SMTP_PASSWORD)."
                )
            )
        print(_("Mot de passe enregistré dans le trousseau du système."))
    if args.forget_password:
        mail_settings.forget_password(settings)
        print(_("Mot de passe retiré du trousseau."))
    if args.test:
        from ess_desk.mail.transport import Transport

        with Transport(settings, _password(settings), timeout=20):
            pass
        print(_("Connexion au serveur réussie."))
    return 0


def register(add: AddCommand) -> None:
    p = add("outbox", cmd_outbox, _("la boîte d'envoi : messages en attente, envoyés, en échec"))
    p.add_argument("--json", action="store_true", help=_("sortie JSON"))
    p.add_argument("--meeting", type=int, metavar="ID", help=_("seulement cette séance"))
    p.add_argument("--all", action="store_true", help=_("aussi les messages envoyés"))
    p.add_argument(
        "--send",
        action="store_true",
        help=_("envoie ce qui attend (code 0 : tous acceptés, 2 : certains attendent, 1 : erreur)"),
    )
    p.add_argument(
        "--resend", type=int, metavar="ID", help=_("remet un message envoyé dans la boîte d'envoi")
    )

    p = add(
        "mail-settings",
        cmd_mail_settings,
        _("le serveur d'envoi des courriels (sans option : les réglages actuels)"),
    )
    p.add_argument("--host", metavar="H", help=_("serveur (ex. smtp.exemple.fr)"))
    p.add_argument("--port", type=int, metavar="P", help=_("port (défaut selon la sécurité)"))
    p.add_argument("--security", choices=["none", "starttls", "tls"], help=_("chiffrement"))
    p.add_argument("--user", metavar="U", help=_("identifiant (vide : sans authentification)"))
    p.add_argument("--sender", metavar="ADDR", help=_("adresse d'expédition"))
    p.add_argument("--sender-name", metavar="NAME", help=_("nom de l'expéditeur"))
    p.add_argument("--reply-to", metavar="ADDR", help=_("adresse de réponse"))
    p.add_argument("--size-limit", type=int, metavar="MB", help=_("taille maximale d'un courriel"))
    p.add_argument("--ca-file", metavar="FILE", help=_("certificat d'autorité à accepter (PEM)"))
    p.add_argument("--annex-location", metavar="TEXT", help=_("où trouver les annexes non jointes"))
    p.add_argument(
        "--save-password",
        action="store_true",
        help=_("enregistre le mot de passe (ESS_DESK_SMTP_PASSWORD ou saisi) dans le trousseau"),
    )
    p.add_argument("--forget-password", action="store_true", help=_("retire le mot de passe"))
    p.add_argument("--test", action="store_true", help=_("essaie de se connecter au serveur"))
