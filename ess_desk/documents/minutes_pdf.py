"""The minutes as PDF: full procès-verbal or relevé de décisions, « PROJET » until approved, then
the approval line and the digest, the errata at the end; a public variant without names."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.dates import display
from ess_desk.documents.style import (
    ACCENT,
    LIGHT,
    WIDTH,
    Bookmark,
    Metadata,
    TextParagraph,
    build_pdf,
    escape,
    footer_line,
    heading,
    render_pdf,
    styles,
)
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import richtext, wording
from ess_desk.minutes.record import MinutesRecord, Section
from ess_desk.minutes.vocabulary import FORMS

if TYPE_CHECKING:
    from sqlite_utils import Database

GRID = colors.HexColor("#9aa5a8")
SIGNATURE_HEIGHT = 32 * mm


@dataclass(frozen=True)
class Box:
    """Where a signature box landed: its page (0-based) and its rectangle in PDF points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


class SignatureBox(Flowable):
    """The empty box a signatory signs in, by hand on paper or with an electronic signature's
    visible stamp: it records where it lands so that the signature field can be put over it.
    `stamp`: what the public version says in place of the signature (who signed, when)."""

    def __init__(
        self,
        role: str,
        width: float,
        height: float,
        boxes: dict[str, Box] | None,
        stamp: str = "",
    ):
        super().__init__()
        self.role = role
        self.width = width
        self.height = height
        self.boxes = boxes
        self.stamp = stamp

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(GRID)
        canv.setDash(2, 2)
        canv.rect(0, 0, self.width, self.height)
        canv.restoreState()
        if self.stamp:
            text = Paragraph(f"<i>{escape(self.stamp)}</i>", styles().small)
            _w, h = text.wrap(self.width - 6 * mm, self.height)
            text.drawOn(canv, 3 * mm, max((self.height - h) / 2, 0))
        if self.boxes is not None:
            x, y = canv.absolutePosition(0, 0)
            self.boxes[self.role] = Box(
                canv.getPageNumber() - 1, x, y, x + self.width, y + self.height
            )


def _table(rows: list[list[str]], widths: list[float], header: bool = True) -> Table:
    st = styles()
    data = [
        [Paragraph(escape(cell), st.cell_bold if header and n == 0 else st.cell) for cell in row]
        for n, row in enumerate(rows)
    ]
    table = Table(
        data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=1
    )
    commands: list = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), LIGHT), ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT)]
    table.setStyle(TableStyle(commands))
    return table


def summary_flowables(text: str) -> list:
    """Paragraphs, bullet lists and bold of a summary."""
    st = styles()
    out: list = []
    for block in richtext.parse(text):
        if block.kind == "bullets":
            # ListFlowable takes ListItems too, which reportlab's stubs do not say.
            items: list = [
                ListItem(Paragraph(richtext.to_reportlab(line), st.body), leftIndent=12)
                for line in block.lines
            ]
            out.append(
                ListFlowable(
                    items,
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                    bulletFontName=st.body.fontName,
                )
            )
        elif any(run.bold for line in block.lines for run in line):
            out.append(
                Paragraph(
                    "<br/>".join(richtext.to_reportlab(line) for line in block.lines), st.body
                )
            )
        else:  # plain text, the common case: no markup to parse
            out.append(
                TextParagraph(
                    "\n".join("".join(r.text for r in line) for line in block.lines), st.body
                )
            )
    return out


def _attendance(view: mn.MinutesView) -> list:
    st = styles()
    rows = [[_("Catégorie"), _("Personnes")]]
    rows += [
        [category, "; ".join(names) if names else "—"]
        for category, names in wording.attendance_rows(view.record)
    ]
    return [
        *heading(_("Présences")),
        _table(rows, [42 * mm, WIDTH - 42 * mm]),
        Spacer(1, 2 * mm),
        Paragraph(escape(wording.quorum_line(view.record)), st.body),
        *_law_lines(view.record),
    ]


def _law_lines(record: MinutesRecord) -> list:
    """The quorum rule with its source, and the reconvening of a failed quorum."""
    st = styles()
    out = []
    for line in (wording.quorum_rule_line(record), wording.reconvening_line(record)):
        if line:
            out.append(Paragraph(escape(line), st.body))
    return out


def _decisions(section: Section) -> list:
    st = styles()
    out: list = []
    for d in section.decisions:
        box = Table(
            [
                [
                    Paragraph(
                        f"<b>{escape(wording.decision_heading(d.reference, d.kind))}</b>", st.cell
                    )
                ],
                [Paragraph(escape(d.text).replace("\n", "<br/>"), st.cell)],
            ],
            colWidths=[WIDTH - 6 * mm],
            hAlign="RIGHT",
            splitInRow=1,  # a decision longer than a page goes on over the next one
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f7f5")),
                    ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                ]
            )
        )
        out += [box, Spacer(1, 2 * mm)]
    return out


def _actions(section: Section) -> list:
    st = styles()
    if not section.actions:
        return []
    lines = [
        wording.action_line(a.title, wording.person(a.owner, False) or a.owner_text, a.due_date)
        for a in section.actions
    ]
    items: list = [ListItem(Paragraph(escape(line), st.body), leftIndent=12) for line in lines]
    return [
        Paragraph("<b>" + escape(_("Actions décidées")) + "</b>", st.body),
        ListFlowable(
            items,
            bulletType="bullet",
            start="•",
            leftIndent=12,
        ),
    ]


def _vote(section: Section, record: MinutesRecord) -> list:
    st = styles()
    vote = section.vote
    if vote is None:
        return []
    rows = [wording.vote_header(), *wording.vote_rows(vote)]
    widths = [46 * mm, 16 * mm, 18 * mm, 26 * mm, 30 * mm, 38 * mm]
    head: list = [Paragraph("<b>" + escape(_("Vote")) + "</b>", st.body)]
    kind = wording.vote_kind_line(vote)
    if kind:
        head.append(Paragraph(escape(kind), st.body))
    out: list = [KeepTogether([*head, _table(rows, widths)])]
    if vote.ballots:
        roll = [[_("Vote"), _("Votants")]]
        roll += [[choice, "; ".join(names)] for choice, names in wording.roll_call_rows(vote)]
        out += [Spacer(1, 1 * mm), _table(roll, [42 * mm, WIDTH - 42 * mm])]
    for line in (wording.casting_line(vote, record), wording.vote_note(vote)):
        if line:
            out.append(Paragraph(f"<i>{escape(line)}</i>", st.body))
    out.append(Spacer(1, 2 * mm))
    return out


def _withdrawals(section: Section) -> list:
    st = styles()
    return [Paragraph(escape(wording.withdrawal_line(w)), st.body) for w in section.withdrawn]


def signature_block(
    view: mn.MinutesView,
    boxes: dict[str, Box] | None = None,
    stamps: dict[str, str] | None = None,
) -> list:
    """The chair's and the secretary's signatures (CGCT L. 2121-15): role, name, place and date,
    and the box to sign in by hand or with a visible electronic signature (`stamps`: the public
    version's words in the boxes)."""
    st = styles()
    column = (WIDTH - 6 * mm) / 2
    cells = []
    for role, title, name in wording.signature_roles(view.record):
        cells.append(
            [
                Paragraph(f"<b>{escape(title)}</b>", st.body),
                Paragraph(escape(name or "…"), st.body),
                Paragraph(escape(wording.signature_place_line()), st.small),
                Paragraph(f"<i>{escape(wording.signature_hint())}</i>", st.small),
                SignatureBox(
                    role, column - 4 * mm, SIGNATURE_HEIGHT, boxes, (stamps or {}).get(role, "")
                ),
            ]
        )
    # A name typed longer than a page (the secretary's is free text) splits the row.
    table = Table(
        [cells], colWidths=[column + 3 * mm, column + 3 * mm], hAlign="LEFT", splitInRow=1
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [KeepTogether([*heading(_("Signatures")), table])]


def _section(section: Section, form: str, record: MinutesRecord) -> list:
    st = styles()
    out: list = heading(wording.section_title(section), level=1)
    if form == "pv":
        who = wording.presenter(section)
        if who:
            out.append(Paragraph(f"<i>{escape(who)}</i>", st.small))
    # The interested member leaves before the debate: the minutes say so first.
    out += _withdrawals(section)
    if form == "pv":
        out += summary_flowables(section.summary)
        missing = wording.no_vote(section)
        if missing:
            out.append(Paragraph(f"<i>{escape(missing)}</i>", st.body))
    out += _vote(section, record)
    out += _decisions(section)
    out += _actions(section)
    return out


def story(
    view: mn.MinutesView,
    form: str = "pv",
    boxes: dict[str, Box] | None = None,
    *,
    signatures: bool = False,
    note: str = "",
    stamps: dict[str, str] | None = None,
) -> list:
    """The flowables of the minutes (also used by the meeting pack for the draft to approve);
    `signatures`: the signature block after the closing (the minutes as they are signed)."""
    if form not in FORMS:
        raise UserError(_("Forme inconnue : « {value} » (pv ou releve).").format(value=form))
    st = styles()
    r = view.record
    out = _head(view, form, note)
    out.append(Spacer(1, 3 * mm))
    if form == "pv":
        out += _attendance(view)
        opening = wording.opening_line(r)
        if opening:
            out.append(Paragraph(escape(opening), st.body))
    else:
        out.append(Paragraph(escape(wording.quorum_line(r)), st.body))
        out += _law_lines(r)
    out += _items(r, form)
    if form == "pv":
        out += [Spacer(1, 3 * mm), Paragraph(escape(wording.closing_line(r)), st.body)]
        if signatures:
            out += signature_block(view, boxes, stamps)
    out += _seal(view)
    out += _errata(view)
    return out


def _head(view: mn.MinutesView, form: str, note: str) -> list:
    """Title, meeting, place, notice, chair and its changes, secretary, state of the minutes."""
    st = styles()
    r = view.record
    out: list = [
        Bookmark(wording.title(form)),
        Paragraph(escape(r.council), st.small),
        Paragraph(escape(wording.title(form)), st.title),
        Paragraph(f"<b>{escape(r.body)}</b> — {escape(r.meeting_title)}", st.body),
        Paragraph(escape(wording.when(r)), st.body),
    ]
    if r.place:
        out.append(Paragraph(escape(_("Lieu : {place}").format(place=r.place)), st.body))
    notice = wording.notice_line(r)
    if notice:
        out.append(Paragraph(escape(notice), st.body))
    out.append(Paragraph(escape(_("Présidence : {name}").format(name=wording.chair(r))), st.body))
    for change in wording.chair_changes(r):
        out.append(Paragraph(escape(change), st.body))
    out.append(
        Paragraph(
            escape(_("Secrétaire de séance : {name}").format(name=r.secretary or "…")), st.body
        )
    )
    if view.approved:
        out.append(Paragraph(f"<b>{escape(view.approval_line())}</b>", st.body))
    else:
        out.append(Paragraph(f"<b>{escape(wording.draft_line())}</b>", st.body))
    if view.public:
        out.append(Paragraph(f"<i>{escape(wording.public_note())}</i>", st.small))
    if note:
        out.append(Paragraph(f"<i>{escape(note)}</i>", st.small))
    return out


def _items(r: MinutesRecord, form: str) -> list:
    """The agenda's items (the list of decisions keeps those that decided something)."""
    st = styles()
    sections = [
        s for s in r.sections if form == "pv" or s.decisions or s.actions or s.vote is not None
    ]
    out = heading(_("Ordre du jour") if form == "pv" else _("Décisions"))
    if not sections:
        out.append(Paragraph(escape(_("Aucune décision.")), st.body))
    for section in sections:
        out += _section(section, form, r)
    return out


def _seal(view: mn.MinutesView) -> list:
    """Approved minutes: the approval again, the digest of their text and the audit seal."""
    if not (view.approved and view.digest):
        return []
    st = styles()
    seal = [Paragraph(escape(wording.seal_line(*view.seal)), st.small)] if view.seal else []
    return [
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                Paragraph(f"<b>{escape(view.approval_line())}</b>", st.body),
                Paragraph(escape(wording.digest_line(view.digest)), st.small),
                *seal,
            ]
        ),
    ]


def _errata(view: mn.MinutesView) -> list:
    if not view.errata:
        return []
    st = styles()
    out = heading(_("Errata"))
    for e in view.errata:
        out += [
            Paragraph(f"<b>{escape(wording.erratum_heading(e.recorded_on))}</b>", st.body),
            Paragraph(escape(wording.erratum_reason(e.reason)), st.small),
            *summary_flowables(e.text),
        ]
    return out


def footer(view: mn.MinutesView) -> str:
    r = view.record
    if view.approved and view.digest:
        # The full digest on every page, so that anyone can check a printed copy against the
        # record; the approval line itself is printed under the title (both do not fit here).
        line = _("PV approuvé — SHA-256 {digest}").format(digest=view.digest)
        # The head of the audit chain at approval, on a second line of every page's foot.
        return line + "\n" + wording.seal_footer(*view.seal) if view.seal else line
    return footer_line(r.body, display(r.starts_at), _("projet"))


def metadata(view: mn.MinutesView, form: str = "pv") -> Metadata:
    r = view.record
    return Metadata(
        title=f"{wording.title(form)} — {r.body} — {display(r.starts_at)}",
        author=r.council,
        subject=_("Procès-verbal de la séance du {day}").format(day=display(r.starts_at)),
        footer=footer(view),
        watermark=None if view.approved else _("PROJET"),
    )


def build(
    db: Database,
    meeting_id: int,
    path: Path | str,
    *,
    public: bool = False,
    form: str = "pv",
    invariant: bool = False,
) -> Path:
    """Write the minutes of a meeting as an A4 PDF (`invariant`: the same bytes each time)."""
    mn.ensure_exportable(db, meeting_id)
    view = mn.view(db, meeting_id, public=public)
    return build_pdf(
        path, story(view, form, signatures=True), metadata(view, form), invariant=invariant
    )


def public_bytes(view: mn.MinutesView, note: str, stamps: dict[str, str] | None = None) -> bytes:
    """The public version of signed minutes for the publication folder, with `note` saying which
    signed file it comes from and `stamps` what each signature box says; the same bytes each
    time."""
    buffer = io.BytesIO()
    render_pdf(
        buffer,
        story(view, "pv", signatures=True, note=note, stamps=stamps),
        metadata(view),
        invariant=True,
    )
    return buffer.getvalue()


def render(view: mn.MinutesView) -> tuple[bytes, dict[str, Box]]:
    """The full minutes as PDF bytes (the same each time) with where their signature boxes
    landed: what the signatories sign."""
    boxes: dict[str, Box] = {}
    buffer = io.BytesIO()
    render_pdf(buffer, story(view, "pv", boxes, signatures=True), metadata(view), invariant=True)
    return buffer.getvalue(), boxes


def render_erratum(view: mn.MinutesView, erratum_id: int) -> tuple[bytes, dict[str, Box]]:
    """The sheet of an erratum recorded after the minutes were signed, to be signed in its turn
    by the chair and the secretary: the signed minutes are never signed again."""
    erratum = next((e for e in view.errata if e.id == erratum_id), None)
    if erratum is None:
        raise UserError(_("L'erratum n°{id} n'existe pas.").format(id=erratum_id))
    st = styles()
    r = view.record
    title = _("Erratum au procès-verbal de la séance du {day}").format(day=display(r.starts_at))
    boxes: dict[str, Box] = {}
    flowables: list = [
        Bookmark(title),
        Paragraph(escape(r.council), st.small),
        Paragraph(escape(title), st.title),
        Paragraph(f"<b>{escape(r.body)}</b> — {escape(r.meeting_title)}", st.body),
        Paragraph(escape(view.approval_line()), st.body),
        Paragraph(escape(wording.digest_line(view.digest or "")), st.small),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>{escape(wording.erratum_heading(erratum.recorded_on))}</b>", st.body),
        Paragraph(escape(wording.erratum_reason(erratum.reason)), st.small),
        *summary_flowables(erratum.text),
        Spacer(1, 4 * mm),
        *signature_block(view, boxes),
    ]
    meta = Metadata(
        title=title,
        author=r.council,
        subject=title,
        footer=_("Erratum du {day} — SHA-256 du texte approuvé {digest}").format(
            day=display(erratum.recorded_on), digest=view.digest
        ),
    )
    buffer = io.BytesIO()
    render_pdf(buffer, flowables, meta, invariant=True)
    return buffer.getvalue(), boxes
