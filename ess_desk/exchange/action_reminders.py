"""Reminders to action owners: for each, a PDF of their open actions and an .eml draft listing
them with their due dates, to send once online; owners without e-mail are listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.actions.queries import ActionFilter, OwnerGroup
from ess_desk.council import get_letterhead
from ess_desk.dates import display
from ess_desk.documents import actions_pdf
from ess_desk.errors import UserError
from ess_desk.exchange import eml
from ess_desk.exchange.convocations import slug
from ess_desk.fileio import ensure_folder
from ess_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class ReminderFiles:
    pdfs: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)

    def summary(self) -> str:
        pdfs, drafts = len(self.pdfs), len(self.drafts)
        text = _("Écrits : {pdfs} et {drafts}.").format(
            pdfs=ngettext("{n} liste de relance", "{n} listes de relance", pdfs).format(n=pdfs),
            drafts=ngettext(
                "{n} brouillon de courriel", "{n} brouillons de courriel", drafts
            ).format(n=drafts),
        )
        if self.without_email:
            text += "\n" + _("Sans adresse électronique ({count}) : {names}").format(
                count=len(self.without_email), names=", ".join(self.without_email)
            )
        return text


def _line(row) -> str:
    due = display(row.due_date) if row.due_date else _("sans échéance")
    line = _("- n°{id} {title} — échéance : {due} — {status}, {progress} %").format(
        id=row.id, title=row.title, due=due, status=row.status_label.lower(), progress=row.progress
    )
    if row.overdue:
        line += " " + _("(en retard de {days} jours)").format(days=row.days_late)
    return line


def message_text(group: OwnerGroup, signatory: str, council: str, today: dt.date) -> str:
    lines = "\n".join(_line(r) for r in group.rows)
    return _(
        "Bonjour,\n\nVoici les actions dont vous êtes porteur ou porteuse et qui restent "
        "ouvertes au {day} :\n\n{lines}\n\nMerci de nous indiquer où elles en sont avant la "
        "prochaine séance, en répondant à ce message.\n\nBien cordialement,\n\n{sign}"
    ).format(day=display(today), lines=lines, sign="\n".join(x for x in (signatory, council) if x))


def write_all(
    db: Database,
    out_dir: Path | str,
    filt: ActionFilter | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReminderFiles:
    """For each owner of an open action: a PDF reminder list, and an .eml draft when they have
    an e-mail address (the PDF attached)."""
    out_dir = Path(out_dir)
    today = today or dt.date.today()
    groups = actions_pdf.reminder_groups(db, filt, today)
    if not groups:
        raise UserError(_("Aucune action ouverte : personne à relancer."))
    ensure_folder(out_dir)
    letterhead = get_letterhead(db)
    result = ReminderFiles()
    subject = _("Relance : vos actions en cours au {day}").format(day=display(today))
    for n, group in enumerate(groups, start=1):
        kind, key = group.key
        stem = f"relance-{today.isoformat()}-{slug(group.owner)}-{kind[0]}{key}"
        pdf_path = actions_pdf.build_reminders(db, out_dir / f"{stem}.pdf", [group], today=today)
        result.pdfs.append(pdf_path)
        if group.email:
            message = eml.draft(
                to_name=group.owner,
                to_email=group.email,
                subject=subject,
                body=message_text(group, letterhead.signatory, letterhead.name, today),
                from_name=letterhead.name,
                from_email=letterhead.council_email,
                attachments=[(pdf_path.name, pdf_path.read_bytes(), "application/pdf")],
            )
            result.drafts.append(eml.write(message, out_dir / f"{stem}.eml"))
        else:
            result.without_email.append(group.owner)
        if progress:
            progress(n, len(groups))
    return result
