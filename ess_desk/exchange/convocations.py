"""All the convocations of a meeting: a PDF letter and an .eml draft for each invitee, and one PDF
of the letters to post to those without e-mail."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.council import get_letterhead
from ess_desk.dates import display, long_datetime
from ess_desk.documents import convocation
from ess_desk.errors import UserError
from ess_desk.exchange import eml, ics
from ess_desk.fileio import ensure_folder
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import meetings, presence
from ess_desk.membership import bodies, people

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class ConvocationFiles:
    letters: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    by_post: Path | None = None
    without_email: list[str] = field(default_factory=list)

    def summary(self) -> str:
        letters, drafts = len(self.letters), len(self.drafts)
        text = _("Écrits : {letters} et {drafts}.").format(
            letters=ngettext("{n} convocation", "{n} convocations", letters).format(n=letters),
            drafts=ngettext(
                "{n} brouillon de courriel", "{n} brouillons de courriel", drafts
            ).format(n=drafts),
        )
        if self.by_post is not None:
            text += " " + _("À envoyer par courrier ({count}) : {path}").format(
                count=len(self.without_email), path=self.by_post.name
            )
        return text


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "convocation"


def write_all(
    db: Database,
    meeting_id: int,
    out_dir: Path | str,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConvocationFiles:
    out_dir = Path(out_dir)
    meeting = meetings.get(db, meeting_id)
    if meeting.status in ("cancelled", "postponed", "closed"):
        raise UserError(_("On ne convoque pas à une séance annulée, reportée ou close."))
    body = bodies.get_body(db, meeting.body_id)
    letterhead = get_letterhead(db)
    attendees = presence.expected_attendees(db, meeting_id)
    if not attendees:
        raise UserError(_("Personne n'est attendu à cette séance : aucun mandat en cours."))
    ensure_folder(out_dir)
    today = today or dt.date.today()
    result = ConvocationFiles()
    postal: list[presence.Attendee] = []
    stem = f"convocation-{meeting.day.isoformat()}"
    subject = _("Convocation — {body}, séance du {day}").format(
        body=body.name, day=display(meeting.day)
    )
    for n, attendee in enumerate(attendees, start=1):
        person = people.get(db, attendee.person_id)
        pdf_path = out_dir / f"{stem}-{slug(person.full_name)}-{attendee.mandate_id}.pdf"
        convocation.build_letter(db, meeting_id, attendee, pdf_path, today)
        result.letters.append(pdf_path)
        if person.email:
            text = _(
                "{polite},\n\nVous trouverez ci-joint votre convocation à la séance « {title} » "
                "de {body}, le {when}, avec l'ordre du jour et un formulaire de pouvoir, ainsi "
                "qu'une invitation à ajouter à votre agenda.\n\nBien cordialement,\n\n{sign}\n{org}"
            ).format(
                polite=convocation.salutation(person.civility),
                title=meeting.title,
                body=body.name,
                when=long_datetime(meeting.start),
                sign=letterhead.signatory,
                org=letterhead.name,
            )
            message = eml.draft(
                to_name=person.full_name,
                to_email=person.email,
                subject=subject,
                body=text,
                from_name=letterhead.name,
                from_email=letterhead.council_email,
                attachments=[
                    (pdf_path.name, pdf_path.read_bytes(), "application/pdf"),
                    (
                        "invitation.ics",
                        ics.invitation(db, meeting_id, person.email, letterhead.council_email),
                        "text/calendar",
                    ),
                ],
            )
            result.drafts.append(eml.write(message, pdf_path.with_suffix(".eml")))
        else:
            postal.append(attendee)
            result.without_email.append(person.full_name)
        if progress:
            progress(n, len(attendees))
    if postal:
        result.by_post = convocation.build_letters(
            db, meeting_id, postal, out_dir / f"{stem}-courrier.pdf", today
        )
    return result
