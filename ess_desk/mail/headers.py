"""Stored text made safe for a message: no line break or control character ever reaches a header,
a file name or a calendar parameter, whatever the database holds."""

from __future__ import annotations

import re
import unicodedata
from email.errors import MessageDefect
from email.headerregistry import Address
from email.utils import formataddr

from ess_desk.errors import UserError
from ess_desk.i18n import _

# Everything Unicode calls a control or a separator of lines and paragraphs.
_BREAKS = re.compile(r"[\u2028\u2029\u0085]")


# Line breaks, tabs and no-break spaces, which a body keeps: left out of the quick look.


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d"


def header_text(value: object) -> str:
    """One line of text for a header or a parameter: line breaks, tabs and other control
    characters become spaces, runs of spaces one space."""
    text = "" if value is None else str(value)
    if not text.isprintable():  # (a control, a format character or a separator: seldom)
        text = _BREAKS.sub(" ", text)
        text = "".join(" " if _is_control(c) else c for c in text)
    return " ".join(text.split())


def body_text(value: object) -> str:
    """Text for the body of a message: line breaks kept (as \\n), other controls dropped."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = text.replace("\n", "").replace("\t", "").replace("\u00a0", "").replace("\u202f", "")
    if kept.isprintable():
        # (no control, format character or other separator: most texts, whose typographic
        # spaces `isprintable` would count as separators, set aside; str.replace four times
        # is ten times faster than str.translate over a table of the four)
        return text
    text = _BREAKS.sub("\n", text)
    return "".join(c for c in text if c in "\n\t" or not _is_control(c))


def quoted_parameter(value: object) -> str:
    """A value for a quoted parameter (a calendar CN, a file name): one line, no double quote
    (RFC 5545 forbids it inside a quoted parameter value)."""
    return header_text(value).replace('"', "'")


def file_name(value: object, default: str = "document") -> str:
    """A file name that every mail client and file system accepts."""
    text = quoted_parameter(value)
    text = re.sub(r"[\\/:*?<>|]+", "-", text).strip(" .")
    return text or default


# An address of plain words (RFC 5322 dot-atoms of letters, digits and the signs allowed, a domain
# of letters, digits and hyphens): `email` reads it as it is, a user and a domain, without being
# asked (its parser took 30-40 µs an address, twice for each of a thousand reminders).
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)


def check_address(addr: object, who: object = "") -> str:
    """An e-mail address that can go in a header: one line, one address, or a UserError naming
    whose address it is."""
    text = header_text(addr)
    if _PLAIN_ADDRESS.fullmatch(text):
        return text  # (what `email` parses into a user and a domain: most addresses)
    try:
        parsed = Address(addr_spec=text)
    except (ValueError, IndexError, MessageDefect) as exc:
        raise UserError(
            _("L'adresse électronique « {value} » de {who} n'est pas valide.").format(
                value=text, who=header_text(who) or "?"
            )
        ) from exc
    if not parsed.username or not parsed.domain or " " in text:
        raise UserError(
            _("L'adresse électronique « {value} » de {who} n'est pas valide.").format(
                value=text, who=header_text(who) or "?"
            )
        )
    return text


def mailbox(name: object, addr: object) -> str:
    """`Name <addr>` with the name cleaned and encoded as RFC 2047 requires."""
    return formataddr((header_text(name), check_address(addr, name)), charset="utf-8")
