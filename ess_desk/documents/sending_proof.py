"""The proof of sending of a meeting's convocations (preuve d'envoi), for the file: for each
person convened, how the convocation went, when the server accepted it (or the day the letter was
posted), its Message-ID and the server's reply, the documents it carried with their SHA-256
digest, and any bounce recorded; then the notice date that follows and the deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ess_desk.dates import display, long_datetime
from ess_desk.documents.style import ACCENT, GREY, LIGHT, Metadata, build_pdf, escape, styles
from ess_desk.i18n import _
from ess_desk.mail import proof
from ess_desk.meetings import convening, notice
from ess_desk.meetings import record as meeting_record

if TYPE_CHECKING:
    from sqlite_utils import Database


def _capacity(code: str) -> str:
    return {
        convening.MEMBER: _("membre"),
        convening.CONSULTATIVE: _("voix consultative"),
        convening.SUBSTITUTE: _("suppléant(e)"),
        convening.GUEST: _("invité(e)"),
    }[code]


def _status(record: proof.NoticeRecord) -> str:
    if record.status == proof.SENT:
        when = dt.datetime.fromisoformat(record.accepted_at) if record.accepted_at else None
        if record.channel == convening.POST:
            return _("postée le {day}").format(day=display(record.accepted_on))
        return _("acceptée le {moment}").format(
            moment=when.strftime("%d/%m/%Y %H:%M:%S %z") if when else ""
        )
    return {
        proof.WAITING: _("en attente"),
        proof.FAILED: _("en échec"),
        proof.NONE: _("non préparée"),
    }[record.status]


def _documents(record: proof.NoticeRecord) -> str:
    return (
        "<br/>".join(escape(f"{d['name']} — {d['sha256'][:16]}…") for d in record.documents) or "—"
    )


def build(db: Database, meeting_id: int, path: Path | str) -> Path:
    st = styles()
    loaded = meeting_record.load(db, meeting_id)
    meeting, body, letterhead = loaded.meeting, loaded.body, loaded.letterhead
    records = proof.notice_records_of(db, loaded)
    day = proof.notice_day(records)
    deadline = notice.deadline_of(meeting, body)
    story: list = [
        Paragraph(escape(_("Preuve d'envoi des convocations")), st.title),
        Paragraph(
            escape(
                _("{body} — séance du {when}").format(
                    body=body.name, when=long_datetime(meeting.start)
                )
            ),
            st.h2,
        ),
        Paragraph(
            escape(
                _(
                    "Date limite d'envoi : {deadline}. Date de la convocation (dernier envoi "
                    "accepté) : {day}."
                ).format(
                    deadline=display(deadline),
                    day=display(day) if day else _("pas encore acquise"),
                )
            ),
            st.body,
        ),
        Paragraph(
            escape(
                _(
                    "Pour un courriel, l'heure est celle où le serveur d'envoi l'a accepté, avec "
                    "sa réponse ; l'empreinte SHA-256 identifie chaque document transmis."
                )
            ),
            st.small,
        ),
        Spacer(1, 4 * mm),
    ]
    head = [_("Destinataire"), _("Envoi"), _("Message-ID et réponse du serveur"), _("Documents")]
    rows = [[Paragraph(escape(h), st.cell_bold) for h in head]]
    for r in records:
        who = f"<b>{escape(r.name)}</b><br/>{escape(_capacity(r.capacity))}"
        sent = escape(
            (_("courriel") if r.channel == convening.EMAIL else _("courrier")) + " — " + _status(r)
        )
        if r.bounce:
            sent += "<br/>" + escape(_("Retour : {text}").format(text=r.bounce))
        server = "<br/>".join(escape(x) for x in (r.message_id, r.server_reply) if x) or "—"
        rows.append(
            [
                Paragraph(who, st.cell),
                Paragraph(sent, st.cell),
                Paragraph(server, st.cell),
                Paragraph(_documents(r), st.cell),
            ]
        )
    table = Table(rows, colWidths=[55 * mm, 55 * mm, 80 * mm, 71 * mm], repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    meta = Metadata(
        title=_("Preuve d'envoi — {body}, {day}").format(body=body.name, day=display(meeting.day)),
        author=letterhead.name,
        subject=_("Preuve d'envoi des convocations"),
        footer=f"{letterhead.name} — {body.name}",
    )
    return build_pdf(path, story, meta, pagesize=landscape(A4))
