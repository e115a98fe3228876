"""The minutes as a Word document (python-docx): real headings, tables for attendance and votes,
so that Word and LibreOffice open a document staff can edit for publication."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import richtext, wording
from ess_desk.minutes.record import Section
from ess_desk.minutes.vocabulary import FORMS
from ess_desk.text import printable_copy

if TYPE_CHECKING:
    from sqlite_utils import Database


def _runs(paragraph, line: tuple[richtext.Run, ...]) -> None:
    for run in line:
        paragraph.add_run(run.text).bold = run.bold


def _summary(doc: DocxDocument, text: str) -> None:
    for block in richtext.parse(text):
        if block.kind == "bullets":
            for line in block.lines:
                _runs(doc.add_paragraph(style="List Bullet"), line)
        else:
            paragraph = doc.add_paragraph()
            for n, line in enumerate(block.lines):
                if n:
                    paragraph.add_run().add_break()
                _runs(paragraph, line)


def _table(doc: DocxDocument, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _bold_line(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _law_lines(doc: DocxDocument, record) -> None:
    for line in (wording.quorum_rule_line(record), wording.reconvening_line(record)):
        if line:
            doc.add_paragraph(line)


def _vote(doc: DocxDocument, vote, record) -> None:
    _bold_line(doc, _("Vote"))
    kind = wording.vote_kind_line(vote)
    if kind:
        doc.add_paragraph(kind)
    _table(doc, [wording.vote_header(), *wording.vote_rows(vote)])
    if vote.ballots:
        rows = [[_("Vote"), _("Votants")]]
        rows += [[choice, "; ".join(names)] for choice, names in wording.roll_call_rows(vote)]
        _table(doc, rows)
    for line in (wording.casting_line(vote, record), wording.vote_note(vote)):
        if line:
            doc.add_paragraph().add_run(line).italic = True


def _section(doc: DocxDocument, section: Section, form: str, record=None) -> None:
    doc.add_heading(wording.section_title(section), level=2)
    if form == "pv":
        who = wording.presenter(section)
        if who:
            doc.add_paragraph().add_run(who).italic = True
    for withdrawal in section.withdrawn:
        doc.add_paragraph(wording.withdrawal_line(withdrawal))
    if form == "pv":
        _summary(doc, section.summary)
        missing = wording.no_vote(section)
        if missing:
            doc.add_paragraph().add_run(missing).italic = True
    if section.vote is not None:
        _vote(doc, section.vote, record)
    for d in section.decisions:
        _bold_line(doc, wording.decision_heading(d.reference, d.kind))
        doc.add_paragraph(d.text)
    if section.actions:
        _bold_line(doc, _("Actions décidées"))
        for a in section.actions:
            owner = wording.person(a.owner, False) or a.owner_text
            doc.add_paragraph(wording.action_line(a.title, owner, a.due_date), style="List Bullet")


def _signatures(doc: DocxDocument, record) -> None:
    """The chair's and the secretary's signature block (CGCT L. 2121-15), side by side."""
    doc.add_heading(_("Signatures"), level=1)
    roles = wording.signature_roles(record)
    table = doc.add_table(rows=1, cols=len(roles))
    for cell, (_role, title, name) in zip(table.rows[0].cells, roles, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
        cell.add_paragraph(name or "…")
        cell.add_paragraph(wording.signature_place_line())
        cell.add_paragraph().add_run(wording.signature_hint()).italic = True
        for _n in range(4):  # room to sign
            cell.add_paragraph("")


def document(view: mn.MinutesView, form: str = "pv") -> DocxDocument:
    if form not in FORMS:
        raise UserError(_("Forme inconnue : « {value} » (pv ou releve).").format(value=form))
    r = view.record
    doc = Document()
    doc.core_properties.title = f"{wording.title(form)} — {r.body} — {display(r.starts_at)}"
    doc.core_properties.author = r.council
    doc.core_properties.language = "fr-FR"
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    section = doc.sections[0]
    if not view.approved:
        # The Word equivalent of the « PROJET » watermark: a header on every page.
        header = section.header.paragraphs[0]
        run = header.add_run(_("PROJET") + " — " + wording.draft_line())
        run.bold = True
        run.font.color.rgb = RGBColor(0xB0, 0x1A, 0x1A)
    footer = section.footer.paragraphs[0]
    if view.approved and view.digest:
        footer.text = view.approval_line() + " " + wording.digest_line(view.digest)
        if view.seal:
            footer.add_run().add_break()
            footer.add_run(wording.seal_footer(*view.seal))
    else:
        footer.text = " — ".join((r.body, display(r.starts_at), _("projet")))

    doc.add_paragraph(r.council)
    doc.add_heading(wording.title(form), level=0)
    _bold_line(doc, f"{r.body} — {r.meeting_title}")
    doc.add_paragraph(wording.when(r))
    if r.place:
        doc.add_paragraph(_("Lieu : {place}").format(place=r.place))
    notice = wording.notice_line(r)
    if notice:
        doc.add_paragraph(notice)
    doc.add_paragraph(_("Présidence : {name}").format(name=wording.chair(r)))
    for change in wording.chair_changes(r):
        doc.add_paragraph(change)
    doc.add_paragraph(_("Secrétaire de séance : {name}").format(name=r.secretary or "…"))
    _bold_line(doc, view.approval_line() if view.approved else wording.draft_line())
    if view.public:
        doc.add_paragraph().add_run(wording.public_note()).italic = True
    if form == "pv":
        doc.add_heading(_("Présences"), level=1)
        rows = [[_("Catégorie"), _("Personnes")]]
        rows += [
            [category, "; ".join(names) if names else "—"]
            for category, names in wording.attendance_rows(r)
        ]
        _table(doc, rows)
        doc.add_paragraph(wording.quorum_line(r))
        _law_lines(doc, r)
        opening = wording.opening_line(r)
        if opening:
            doc.add_paragraph(opening)
    else:
        doc.add_paragraph(wording.quorum_line(r))
        _law_lines(doc, r)
    sections = [
        s for s in r.sections if form == "pv" or s.decisions or s.actions or s.vote is not None
    ]
    doc.add_heading(_("Ordre du jour") if form == "pv" else _("Décisions"), level=1)
    if not sections:
        doc.add_paragraph(_("Aucune décision."))
    for s in sections:
        _section(doc, s, form, r)
    if form == "pv":
        doc.add_paragraph(wording.closing_line(r))
        _signatures(doc, r)
    if view.approved and view.digest:
        _bold_line(doc, view.approval_line())
        doc.add_paragraph(wording.digest_line(view.digest))
        if view.seal:
            doc.add_paragraph(wording.seal_line(*view.seal))
    if view.errata:
        doc.add_heading(_("Errata"), level=1)
        for e in view.errata:
            _bold_line(doc, wording.erratum_heading(e.recorded_on))
            doc.add_paragraph(wording.erratum_reason(e.reason))
            _summary(doc, e.text)
    return doc


def write(
    db: Database, meeting_id: int, path: Path | str, *, public: bool = False, form: str = "pv"
) -> Path:
    """Write the minutes of a meeting as a .docx file (atomically)."""
    mn.ensure_exportable(db, meeting_id)
    # A control character pasted into a text would make Word's XML unreadable: none is written.
    doc = document(printable_copy(mn.view(db, meeting_id, public=public)), form)
    path = Path(path)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path
