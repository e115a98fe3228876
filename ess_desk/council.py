"""The council itself: its name and letterhead, kept as settings of the database."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk import audit
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import validation
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

_KEYS = (
    "council_name",
    "council_address",
    "signatory",
    "signatory_title",
    "council_email",
    "council_siret",
    "publication_base_url",
)


@dataclass(frozen=True)
class Letterhead:
    council_name: str = ""
    council_address: str = ""
    signatory: str = ""
    signatory_title: str = ""
    council_email: str = ""
    # The SIRET of the authority the council belongs to (COLL_SIRET of the open data) and the
    # address where the publication folder is put online (DELIB_URL is made from it).
    council_siret: str = ""
    publication_base_url: str = ""
    logo: bytes | None = None

    @property
    def name(self) -> str:
        return self.council_name or _("Conseil de l'économie sociale et solidaire")


def get_setting(db: Database, key: str, default: str = "") -> str:
    row = database.row(db, "SELECT value FROM settings WHERE key = ?", [key])
    return row["value"] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    """Inside the caller's transaction, with its audit entry."""
    before = database.row(db, "SELECT value FROM settings WHERE key = ?", [key])
    if before is not None and before["value"] == value:
        return
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])
    audit.record(
        db,
        "setting",
        None,
        "update",
        {key: before["value"]} if before else None,
        {key: value if key != "letterhead_logo" else f"<{len(value)} caractères>"},
    )


def save_setting(store: Store, key: str, value: str) -> None:
    """One setting in its own transaction (a preference the window saves: the backups kept)."""
    with store.write() as db:
        set_setting(db, key, value)


def get_letterhead(db: Database) -> Letterhead:
    logo = get_setting(db, "letterhead_logo")
    return Letterhead(
        **{key: get_setting(db, key) for key in _KEYS},
        logo=base64.b64decode(logo) if logo else None,
    )


def check_logo(data: bytes) -> None:
    """A logo must be an image reportlab can draw (PNG or JPEG)."""
    from reportlab.lib.utils import ImageReader

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # ImageReader raises many kinds of errors for a non-image
        raise UserError(
            _("Le logo doit être une image PNG ou JPEG lisible."), field="logo"
        ) from exc
    if width <= 0 or height <= 0:
        raise UserError(_("Le logo doit être une image PNG ou JPEG lisible."), field="logo")


def _base_url(text: str) -> str:
    """An http(s) address, kept with its final slash so that file names append to it."""
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise UserError(
            _("« {value} » n'est pas une adresse web (https://…).").format(value=text),
            field="publication_base_url",
        )
    return text if text.endswith("/") else text + "/"


def set_letterhead(
    store: Store,
    *,
    council_name: str | None = None,
    council_address: str | None = None,
    signatory: str | None = None,
    signatory_title: str | None = None,
    council_email: str | None = None,
    council_siret: str | None = None,
    publication_base_url: str | None = None,
    logo: bytes | None = None,
) -> None:
    """Update the letterhead: the fields given (None: left as they are); `logo` is image bytes,
    or b"" to remove it."""
    texts = {
        "council_name": council_name,
        "council_address": council_address,
        "signatory": signatory,
        "signatory_title": signatory_title,
        "council_email": council_email,
        "council_siret": council_siret,
        "publication_base_url": publication_base_url,
    }
    with store.write() as db:
        for key, value in texts.items():
            if value is not None:
                set_setting(db, key, _letterhead_text(key, value.strip()))
        if logo is not None:
            if logo:
                check_logo(logo)
            set_setting(db, "letterhead_logo", base64.b64encode(logo).decode("ascii"))


def _letterhead_text(key: str, text: str) -> str:
    """A letterhead field as it is kept: the e-mail, SIRET and web address checked."""
    if key == "council_email":
        return validation.email(text, field=key)
    if key == "council_siret" and text:
        return validation.siret(text, field=key) or ""
    if key == "publication_base_url" and text:
        return _base_url(text)
    return text
