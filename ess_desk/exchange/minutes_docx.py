"""The minutes as a Word document (python-docx): real headings (« Titre 1 », « Titre 2 » in a
French Word), tables for attendance and votes, A4 paper, French proofing, « Page n / N » in the
footer, the council as author: a document staff can edit and publish."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.document import Document as DocxDocument
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph

from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.exchange import office_docx
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import richtext, wording
from ess_desk.minutes.record import Section
from ess_desk.minutes.vocabulary import FORMS
from ess_desk.text import printable, printable_copy
from ess_desk.typography import typeset

if TYPE_CHECKING:
    from sqlite_utils import Database


def _set(text: str) -> str:
    """Text for the document: set in French typography, control characters left out."""
    return printable(typeset(text))


def _paragraph(doc: DocxDocument, text: str = "", style: str | None = None) -> Paragraph:
    return doc.add_paragraph(_set(text), style=style)


def _heading(doc: DocxDocument, text: str, level: int) -> None:
    doc.add_heading(_set(text), level=level)


def _runs(paragraph: Paragraph, line: tuple[richtext.Run, ...]) -> None:
    for run in line:
        paragraph.add_run(_set(run.text)).bold = run.bold


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


def _table(doc: DocxDocument, rows: list[list[str]], widths_mm: list[float]) -> None:
    """A grid whose columns share the text width as `widths_mm` do (in proportion)."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    scale = office_docx.TEXT_WIDTH / Mm(sum(widths_mm))
    widths = [int(Mm(w) * scale) for w in widths_mm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = widths[c]
            cell.text = _set(value)
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    office_docx.repeat_header_row(table)


def _bold_line(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(_set(text)).bold = True


def _italic_line(doc: DocxDocument, text: str) -> None:
    doc.add_paragraph().add_run(_set(text)).italic = True


def _law_lines(doc: DocxDocument, record: Any) -> None:
    for line in (wording.quorum_rule_line(record), wording.reconvening_line(record)):
        if line:
            _paragraph(doc, line)


def _vote(doc: DocxDocument, vote: Any, record: Any) -> None:
    _bold_line(doc, _("Vote"))
    kind = wording.vote_kind_line(vote)
    if kind:
        _paragraph(doc, kind)
    _table(doc, [wording.vote_header(), *wording.vote_rows(vote)], [46, 16, 18, 26, 30, 38])
    if vote.ballots:
        rows = [[_("Vote"), _("Votants")]]
        rows += [[choice, "; ".join(names)] for choice, names in wording.roll_call_rows(vote)]
        _table(doc, rows, [40, 130])
    for line in (wording.casting_line(vote, record), wording.vote_note(vote)):
        if line:
            _italic_line(doc, line)


def _section(doc: DocxDocument, section: Section, form: str, record: Any = None) -> None:
    _heading(doc, wording.section_title(section), 2)
    if form == "pv":
        who = wording.presenter(section)
        if who:
            _italic_line(doc, who)
    for withdrawal in section.withdrawn:
        _paragraph(doc, wording.withdrawal_line(withdrawal))
    if form == "pv":
        _summary(doc, section.summary)
        missing = wording.no_vote(section)
        if missing:
            _italic_line(doc, missing)
    if section.vote is not None:
        _vote(doc, section.vote, record)
    for d in section.decisions:
        _bold_line(doc, wording.decision_heading(d.reference, d.kind))
        _paragraph(doc, d.text)
    if section.actions:
        _bold_line(doc, _("Actions décidées"))
        for a in section.actions:
            owner = wording.person(a.owner, False) or a.owner_text
            _paragraph(doc, wording.action_line(a.title, owner, a.due_date), "List Bullet")


def _title(view: mn.MinutesView, form: str) -> str:
    """The meeting as the document's title: « Procès-verbal — Séance plénière du 12/03/2026 »."""
    return f"{wording.title(form)} — {view.record.meeting_title}"


def _page_setup(doc: DocxDocument, view: mn.MinutesView, form: str) -> None:
    r = view.record
    office_docx.set_properties(
        doc,
        title=_title(view, form),
        author=r.council,
        subject=f"{r.body} — "
        + _("Procès-verbal de la séance du {day}").format(day=display(r.starts_at)),
    )
    if not view.approved:
        # The Word equivalent of the « PROJET » watermark: a header on every page.
        header = doc.sections[0].header.paragraphs[0]
        run = header.add_run(_set(_("PROJET") + " — " + wording.draft_line()))
        run.bold = True
        run.font.color.rgb = RGBColor(0xB0, 0x1A, 0x1A)
    second = None
    if view.approved and view.digest:
        footer = _("PV approuvé — SHA-256 {digest}").format(digest=view.digest)
        second = wording.seal_footer(*view.seal) if view.seal else None
    else:
        footer = " — ".join((r.body, display(r.starts_at), _("projet")))
    office_docx.page_footer(doc, footer, second)


def _opening(doc: DocxDocument, view: mn.MinutesView, form: str) -> None:
    r = view.record
    _paragraph(doc, r.council)
    _heading(doc, wording.title(form), 0)
    _bold_line(doc, f"{r.body} — {r.meeting_title}")
    _paragraph(doc, wording.when(r))
    if r.place:
        _paragraph(doc, _("Lieu : {place}").format(place=r.place))
    notice = wording.notice_line(r)
    if notice:
        _paragraph(doc, notice)
    _paragraph(doc, _("Présidence : {name}").format(name=wording.chair(r)))
    for change in wording.chair_changes(r):
        _paragraph(doc, change)
    _paragraph(doc, _("Secrétaire de séance : {name}").format(name=r.secretary or "…"))
    _bold_line(doc, view.approval_line() if view.approved else wording.draft_line())
    if view.public:
        _italic_line(doc, wording.public_note())
    if form == "pv":
        _heading(doc, _("Présences"), 1)
        rows = [[_("Catégorie"), _("Personnes")]]
        rows += [
            [category, "; ".join(names) if names else "—"]
            for category, names in wording.attendance_rows(r)
        ]
        _table(doc, rows, [40, 130])
        _paragraph(doc, wording.quorum_line(r))
        _law_lines(doc, r)
        opening = wording.opening_line(r)
        if opening:
            _paragraph(doc, opening)
    else:
        _paragraph(doc, wording.quorum_line(r))
        _law_lines(doc, r)


def _signatures(doc: DocxDocument, record: Any) -> None:
    """The chair's and the secretary's signature block (CGCT L. 2121-15), side by side."""
    _heading(doc, _("Signatures"), 1)
    roles = wording.signature_roles(record)
    table = doc.add_table(rows=1, cols=len(roles))
    table.style = "Table Grid"  # a box for each signature, as in the PDF
    for cell, (_role, title, name) in zip(table.rows[0].cells, roles, strict=True):
        cell.paragraphs[0].add_run(_set(title)).bold = True
        cell.add_paragraph(_set(name or "…"))
        cell.add_paragraph(_set(wording.signature_place_line()))
        cell.add_paragraph().add_run(_set(wording.signature_hint())).italic = True
        for _n in range(4):  # room to sign
            cell.add_paragraph("")


def document(view: mn.MinutesView, form: str = "pv") -> DocxDocument:
    if form not in FORMS:
        raise UserError(_("Forme inconnue : « {value} » (pv ou releve).").format(value=form))
    r = view.record
    doc = office_docx.new_document()
    _page_setup(doc, view, form)
    _opening(doc, view, form)
    sections = [
        s for s in r.sections if form == "pv" or s.decisions or s.actions or s.vote is not None
    ]
    _heading(doc, _("Ordre du jour") if form == "pv" else _("Décisions"), 1)
    if not sections:
        _paragraph(doc, _("Aucune décision."))
    for s in sections:
        _section(doc, s, form, r)
    if form == "pv":
        _paragraph(doc, wording.closing_line(r))
        _signatures(doc, r)
    if view.approved and view.digest:
        _bold_line(doc, view.approval_line())
        _paragraph(doc, wording.digest_line(view.digest))
        if view.seal:
            _paragraph(doc, wording.seal_line(*view.seal))
    if view.errata:
        _heading(doc, _("Errata"), 1)
        for e in view.errata:
            _bold_line(doc, wording.erratum_heading(e.recorded_on))
            _paragraph(doc, wording.erratum_reason(e.reason))
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
