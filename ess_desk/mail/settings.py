"""Mail settings: the council's mail server, kept in the database, and its password, kept in the
system's credential store (the `keyring` library: Windows Credential Manager, macOS Keychain,
Secret Service) and never in the database. Where no credential store exists, the window asks for
the password once per session; the command line also reads ESS_DESK_SMTP_PASSWORD."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypedDict, Unpack

from ess_desk.council import get_setting, set_setting
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.mail.headers import check_address, header_text
from ess_desk.service import check_fields

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

SECURITIES = ("none", "starttls", "tls")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
DEFAULT_SIZE_LIMIT_MB = 10
KEYRING_SERVICE = "ESS Desk (serveur de courriel)"
ENV_PASSWORD = "ESS_DESK_SMTP_PASSWORD"

_KEYS = {
    "host": "mail_host",
    "port": "mail_port",
    "security": "mail_security",
    "user": "mail_user",
    "sender": "mail_sender",
    "sender_name": "mail_sender_name",
    "reply_to": "mail_reply_to",
    "size_limit_mb": "mail_size_limit_mb",
    "ca_file": "mail_ca_file",
    "annex_location": "mail_annex_location",
}


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""
    sender: str = ""
    sender_name: str = ""
    reply_to: str = ""
    size_limit_mb: int = DEFAULT_SIZE_LIMIT_MB
    # A certificate authority to trust besides the system's (a council's internal mail server).
    ca_file: str = ""
    # Where members find the annexes left out of a message that would be too large.
    annex_location: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    @property
    def size_limit(self) -> int:
        return self.size_limit_mb * 1024 * 1024

    @property
    def account(self) -> str:
        """The name the password is filed under in the credential store."""
        return f"{self.user}@{self.host}:{self.port}"

    def describe(self) -> str:
        if not self.configured:
            return _("Envoi des courriels non configuré.")
        security = {"none": _("sans chiffrement"), "starttls": "STARTTLS", "tls": "TLS"}
        who = _(", identifiant {user}").format(user=self.user) if self.user else ""
        return _("Serveur {host}:{port} ({security}{who}), expéditeur {sender}.").format(
            host=self.host,
            port=self.port,
            security=security[self.security],
            who=who,
            sender=self.sender,
        )


def get(db: Database) -> MailSettings:
    values: dict[str, object] = {}
    for name, key in _KEYS.items():
        text = get_setting(db, key)
        if text:
            values[name] = int(text) if name in ("port", "size_limit_mb") else text
    settings = MailSettings(**values)  # type: ignore[arg-type]
    if not settings.sender_name:
        from ess_desk.council import get_letterhead

        settings = replace(settings, sender_name=get_letterhead(db).name)
    return settings


def _int(value: object, field: str, low: int, high: int, what: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError as exc:
        raise UserError(
            _("« {value} » n'est pas un nombre ({what}).").format(value=value, what=what),
            field=field,
        ) from exc
    if not low <= number <= high:
        raise UserError(
            _("{what} : attendu entre {low} et {high}.").format(what=what, low=low, high=high),
            field=field,
        )
    return number


def clean(values: Mapping[str, object], current: MailSettings) -> MailSettings:
    """Checked settings from what a person typed; a wrong value names its field."""
    merged = {name: getattr(current, name) for name in _KEYS} | {
        k: v for k, v in values.items() if k in _KEYS and v is not None
    }
    security = str(merged["security"] or "starttls").strip().lower()
    if security not in SECURITIES:
        raise UserError(
            _("Sécurité inconnue : « {value} » (none, starttls ou tls).").format(value=security),
            field="security",
        )
    host = header_text(merged["host"])
    if not host or " " in host or "/" in host:
        raise UserError(
            _("Indiquez le nom du serveur de courriel (ex. smtp.exemple.fr)."), field="host"
        )
    port = merged["port"]
    if values.get("port") is None and (not current.host or port in DEFAULT_PORTS.values()):
        port = DEFAULT_PORTS[security]  # the usual port of the security chosen
    sender = header_text(merged["sender"])
    if not sender:
        raise UserError(_("Indiquez l'adresse d'expédition des courriels."), field="sender")
    check_address(sender, _("l'expéditeur"))
    reply_to = header_text(merged["reply_to"])
    if reply_to:
        check_address(reply_to, _("la réponse"))
    ca_file = str(merged["ca_file"] or "").strip()
    if ca_file and not os.path.isfile(ca_file):
        raise UserError(
            _("Le certificat « {path} » est introuvable.").format(path=ca_file), field="ca_file"
        )
    return MailSettings(
        host=host,
        port=_int(port, "port", 1, 65535, _("port")),
        security=security,
        user=header_text(merged["user"]),
        sender=sender,
        sender_name=header_text(merged["sender_name"]),
        reply_to=reply_to,
        size_limit_mb=_int(
            merged["size_limit_mb"], "size_limit_mb", 1, 100, _("taille maximale en Mo")
        ),
        ca_file=ca_file,
        annex_location=header_text(merged["annex_location"]),
    )


class MailFields(TypedDict, total=False):
    """What `save` takes: the fields of MailSettings, as typed (a port may come as text)."""

    host: str
    port: int | str | None
    security: str
    user: str
    sender: str
    sender_name: str
    reply_to: str
    size_limit_mb: int | str | None
    ca_file: str
    annex_location: str


def save(store: Store, **values: Unpack[MailFields]) -> MailSettings:
    """Save the settings (every change in the audit log); never the password."""
    if "password" in values:
        raise UserError(_("Le mot de passe ne s'enregistre pas dans la base."))
    check_fields(values, MailFields, "save")
    with store.write() as db:
        settings = clean(values, get(db))
        for name, key in _KEYS.items():
            value = getattr(settings, name)
            if name == "sender_name" and value == get_letterhead_name(db):
                value = ""
            set_setting(db, key, str(value))
    return settings


def get_letterhead_name(db: Database) -> str:
    from ess_desk.council import get_letterhead

    return get_letterhead(db).name


def save_annex_location(store: Store, location: str) -> None:
    with store.write() as db:
        set_setting(db, _KEYS["annex_location"], header_text(location))


# -- the password, in the credential store -----------------------------------------------------


def credential_store_available() -> bool:
    """True when the system offers a credential store the password can be kept in."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # keyring's back-ends raise what their platform raises
        return False
    if isinstance(backend, fail.Keyring):
        return False
    priority = getattr(backend, "priority", 0)
    return priority is None or priority > 0


def saved_password(settings: MailSettings) -> str | None:
    """The password kept for this account, or None (none kept, or no credential store)."""
    if not settings.user:
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, settings.account)
    except Exception:  # no store, locked store, D-Bus absent…: the password is asked instead
        return None


def save_password(settings: MailSettings, password: str) -> bool:
    """Keep the password in the credential store; False when there is none to keep it in."""
    if not settings.user or not credential_store_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, settings.account, password)
    except Exception:
        return False
    return True


def forget_password(settings: MailSettings) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, settings.account)
    except Exception:  # nothing kept, or no store: nothing to forget
        return


def command_line_password(settings: MailSettings) -> str | None:
    """For the command line: ESS_DESK_SMTP_PASSWORD, else the credential store."""
    return os.environ.get(ENV_PASSWORD) or saved_password(settings)
