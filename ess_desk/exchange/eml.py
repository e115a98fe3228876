"""E-mail drafts (.eml) that any mail client opens, ready to send once online."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from ess_desk.fileio import atomic_path
from ess_desk.text import printable
from ess_desk.typography import typeset


def draft(
    *,
    to_name: str,
    to_email: str,
    subject: str,
    body: str,
    from_name: str = "",
    from_email: str = "",
    attachments: list[tuple[str, bytes, str]] = (),  # (file name, content, MIME type)
) -> EmailMessage:
    """A message set in French typography (its subject and text), unsent."""
    # Control characters (pasted from another system) never reach a header or the text.
    to_name, from_name = printable(to_name), printable(from_name)
    subject, body = " ".join(printable(subject).split()), printable(body)
    message = EmailMessage()
    message["To"] = formataddr((to_name, to_email))
    if from_email:
        message["From"] = formataddr((from_name, from_email))
    message["Subject"] = typeset(subject)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="ess-desk.local")
    # Outlook opens a message carrying this header as a draft to send, not as a received mail.
    message["X-Unsent"] = "1"
    message.set_content(typeset(body))
    for name, content, mime in attachments:
        maintype, subtype = mime.split("/", 1)
        params = {}
        if mime == "text/calendar":
            params["params"] = {"method": "REQUEST"}
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=name, **params)
    return message


def write(message: EmailMessage, path: Path | str) -> Path:
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(bytes(message))
    return Path(path)
