"""The « Liste des délibérations / avis » of a meeting as a PDF to post and put online within the
body's delay (CGCT L. 2121-25): number, subject, decision and outcome of each item voted."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ess_desk.dates import display, long_datetime
from ess_desk.documents.style import (
    WIDTH,
    Bookmark,
    GridTable,
    Metadata,
    build_pdf,
    escape,
    styles,
)
from ess_desk.i18n import _
from ess_desk.publication import decisions_list

if TYPE_CHECKING:
    from sqlite_utils import Database


def title() -> str:
    return _("Liste des délibérations / avis")


def _votes(entry: decisions_list.Entry) -> str:
    if entry.votes_for is None:
        return "—"
    return _("pour {votes_for}, contre {votes_against}, abstentions {abstentions}").format(
        votes_for=entry.votes_for,
        votes_against=entry.votes_against,
        abstentions=entry.abstentions,
    )


def story(data: decisions_list.DecisionsList) -> list:
    st = styles()
    out: list = [
        Bookmark(title()),
        Paragraph(escape(data.council), st.small),
        Paragraph(escape(title()), st.title),
        Paragraph(f"<b>{escape(data.body)}</b> — {escape(data.meeting_title)}", st.body),
        Paragraph(escape(long_datetime(data.start)), st.body),
    ]
    if data.place:
        out.append(Paragraph(escape(_("Lieu : {place}").format(place=data.place)), st.body))
    out += [
        Paragraph(
            escape(
                _(
                    "Liste affichée et mise en ligne dans la semaine qui suit la séance "
                    "(CGCT, art. L. 2121-25), au plus tard le {day}."
                ).format(day=display(data.due_on))
            ),
            st.small,
        ),
        Spacer(1, 4 * mm),
    ]
    if not data.entries:
        out.append(Paragraph(escape(_("Aucune délibération ni aucun avis.")), st.body))
        return out
    header = [_("N°"), _("Point"), _("Délibération / avis"), _("Vote"), _("Résultat")]
    rows = [
        [
            e.reference or "—",
            f"{e.item_position}. {e.subject}",
            _("{kind} : {text}").format(kind=e.kind, text=e.text) if e.text else e.kind,
            _votes(e),
            e.outcome,
        ]
        for e in data.entries
    ]
    widths = [20 * mm, 38 * mm, WIDTH - 20 * mm - 38 * mm - 30 * mm - 18 * mm, 30 * mm, 18 * mm]
    out.append(GridTable(header, rows, widths))
    return out


def _metadata(data: decisions_list.DecisionsList) -> Metadata:
    return Metadata(
        title=f"{title()} — {data.body} — {display(data.starts_at)}",
        author=data.council,
        subject=_("Délibérations et avis de la séance du {day}").format(
            day=display(data.starts_at)
        ),
        footer=f"{data.body} — {display(data.starts_at)}",
    )


def build(db: Database, meeting_id: int, path: Path | str, *, invariant: bool = False) -> Path:
    """Write the list of a meeting (public: names only with consent) as an A4 PDF."""
    data = decisions_list.build(db, meeting_id)
    return build_pdf(path, story(data), _metadata(data), invariant=invariant)


def register_bytes(
    lists: list[decisions_list.DecisionsList], council: str, body: str, period: str
) -> bytes:
    """The register of the decisions of a period (public), the same bytes for the same data:
    the folder made twice is byte-identical."""
    import io

    from ess_desk.documents.style import render_pdf

    st = styles()
    heading_text = _("Registre des délibérations et avis")
    out: list = [
        Bookmark(heading_text),
        Paragraph(escape(council), st.small),
        Paragraph(escape(heading_text), st.title),
        Paragraph(f"<b>{escape(body)}</b> — {escape(period)}", st.body),
        Spacer(1, 4 * mm),
    ]
    rows = [
        [
            e.reference,
            display(data.starts_at),
            _("{subject} — {kind} : {text}").format(subject=e.subject, kind=e.kind, text=e.text),
            e.outcome,
        ]
        for data in lists
        for e in data.entries
        if e.reference
    ]
    if rows:
        widths = [22 * mm, 22 * mm, WIDTH - 22 * mm - 22 * mm - 22 * mm, 22 * mm]
        out.append(
            GridTable([_("N°"), _("Date"), _("Délibération / avis"), _("Résultat")], rows, widths)
        )
    else:
        out.append(Paragraph(escape(_("Aucune délibération ni aucun avis.")), st.body))
    buffer = io.BytesIO()
    render_pdf(
        buffer,
        out,
        Metadata(
            title=f"{heading_text} — {body} — {period}",
            author=council,
            subject=heading_text,
            footer=f"{body} — {period}",
        ),
        invariant=True,
    )
    return buffer.getvalue()


def list_bytes(data: decisions_list.DecisionsList) -> bytes:
    import io

    from ess_desk.documents.style import render_pdf

    buffer = io.BytesIO()
    render_pdf(buffer, story(data), _metadata(data), invariant=True)
    return buffer.getvalue()
