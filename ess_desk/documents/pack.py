"""The meeting pack (dossier de séance) as one PDF: cover, contents, convocation, agenda, minutes
to approve, action follow-up, members, sign-in sheet and proxy form, then the annexes merged in,
numbered « Page n / N » throughout; for members, for facilitators, or for the public."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
)
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ess_desk.actions import review
from ess_desk.actions.queries import ActionRow
from ess_desk.council import get_letterhead
from ess_desk.dates import clock, display, long_date, long_datetime
from ess_desk.documents import (
    actions_pdf,
    annex_marks,
    attendance_sheet,
    convocation,
    minutes_pdf,
)
from ess_desk.documents.style import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GREY,
    LIGHT,
    MARGIN,
    Bookmark,
    GridTable,
    Metadata,
    TextCell,
    TextParagraph,
    _numbered_canvas,
    centered,
    document,
    escape,
    fit_line,
    footer_line,
    printed,
    register_fonts,
    styles,
)
from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import N_, _, ngettext
from ess_desk.meetings import agenda, annexes, meetings, presence
from ess_desk.meetings.vocabulary import ITEM_KINDS, MEETING_STATUSES
from ess_desk.membership import bodies, people, roster
from ess_desk.membership.vocabulary import ROLES, label
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.typography import with_article

if TYPE_CHECKING:
    from sqlite_utils import Database

VARIANTS: dict[str, str] = {
    "membre": N_("Dossier des membres"),
    "animation": N_("Dossier d'animation"),
    "public": N_("Version publique"),
}

DRAFT_RED = colors.HexColor("#b3261e")
NUMBER_WIDTH = 14 * mm  # the page numbers' column of the contents
SPEAKER_ROWS = 24
ANNEX_BAND = 9 * mm  # kept free under each annex page for the pack's page number
Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- annexes


@dataclass(frozen=True)
class AnnexPage:
    """One page of an annex, ready to be drawn inside a page of the pack."""

    content: bytes  # the page's content streams, decoded and joined (when it has several)
    stream: StreamObject | None  # its content stream, when it has just one (copied as it is)
    box: tuple[float, float, float, float]  # its visible area (crop box)
    rotation: int  # 0, 90, 180 or 270 (clockwise, as the viewer shows it)
    resources: object  # the page's /Resources, still in its own file
    links: tuple[annex_marks.AnnexLink, ...] = ()  # kept as links of the pack's page

    @property
    def size(self) -> tuple[float, float]:
        """The size the reader sees, rotation applied."""
        width, height = self.box[2] - self.box[0], self.box[3] - self.box[1]
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def matrix(self) -> list[float]:
        """Puts the visible area, turned as the viewer would turn it, on the page, a little
        smaller so that the band at the bottom holds the pack's page number."""
        x0, y0, x1, y1 = self.box
        width, height = x1 - x0, y1 - y0
        a, b, c, d, e, f = {
            0: (1, 0, 0, 1, -x0, -y0),
            90: (0, -1, 1, 0, -y0, width + x0),
            180: (-1, 0, 0, -1, width + x0, height + y0),
            270: (0, 1, -1, 0, height + y0, -x0),
        }[self.rotation]
        shown_width, shown_height = self.size
        scale = max(0.5, (shown_height - ANNEX_BAND) / shown_height)
        dx = shown_width * (1 - scale) / 2
        return [scale * a, scale * b, scale * c, scale * d, scale * e + dx, scale * f + ANNEX_BAND]


@dataclass(frozen=True)
class PreparedAnnex:
    annex: annexes.Annex
    pages: tuple[AnnexPage, ...]


@dataclass(frozen=True)
class BrokenAnnex:
    name: str
    reason: str


class BrokenAnnexesError(UserError):
    """Annexes that cannot be merged into the pack (damaged, protected, not PDF): `names` says
    which, so that the window can offer to make the pack without them."""

    def __init__(self, broken: list[BrokenAnnex]):
        self.broken = list(broken)
        self.names = [b.name for b in broken]
        if len(broken) == 1:
            message = _(
                "L'annexe « {name} » ne peut pas être jointe au dossier : {reason}. Le dossier "
                "n'a pas été créé."
            ).format(name=broken[0].name, reason=broken[0].reason)
            problems: list[str] = []
        else:
            message = _(
                "{count} annexes ne peuvent pas être jointes au dossier : {names}. Le dossier "
                "n'a pas été créé."
            ).format(count=len(broken), names=", ".join(f"« {n} »" for n in self.names))
            problems = [f"{b.name} : {b.reason}" for b in broken]
        super().__init__(message, problems=problems)


class _Unusable(Exception):
    """An annex that cannot be merged, with the reason in words."""


class _LateBroken(Exception):
    """An annex found unusable only while it was being merged (annex `index` of the pack)."""

    def __init__(self, index: int, broken: BrokenAnnex):
        super().__init__(broken.reason)
        self.index = index
        self.broken = broken


def _reach_everything(obj: object, seen: set[int]) -> None:
    """Follow every reference of an annex's resources now, so that a damaged file is found
    while reading it, not halfway through the merge."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            target = item.get_object()
            if target is None:
                raise _Unusable(annexes.damaged(f"{item.idnum} {item.generation} R"))
            stack.append(target)
        elif isinstance(item, DictionaryObject):
            stack.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))


def _page_content(page) -> tuple[bytes, StreamObject | None]:
    """A page's content decoded (a damaged stream is found now), and its stream when it has
    just one (copied as it is, still compressed)."""
    contents = page.get("/Contents")  # get() gives the reference: resolve it
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        return contents.get_data(), contents
    if isinstance(contents, ArrayObject):
        return b"\n".join(part.get_object().get_data() for part in contents), None
    return b"", None


def _prepare_page(page, page_index: dict[int, int], reached: set[int]) -> AnnexPage:
    _reach_everything(page.get("/Resources"), reached)
    box = page.cropbox
    decoded, single = _page_content(page)
    resources = page.get("/Resources")
    # Typed form values, ticked boxes and stamps are drawn into the page (flattened).
    marks = annex_marks.marks(page)
    if marks:
        _reach_everything(ArrayObject(m.appearance for m in marks), reached)
        decoded, single = annex_marks.content_with_marks(decoded, marks), None
        resources = annex_marks.resources_with_marks(resources, marks)
    return AnnexPage(
        content=b"" if single is not None else decoded,
        stream=single,
        box=(float(box.left), float(box.bottom), float(box.right), float(box.top)),
        rotation=int(page.rotation) % 360,
        resources=resources,
        links=tuple(annex_marks.links(page, page_index)),
    )


def _prepare_annex(content: bytes, name: str = "") -> tuple[AnnexPage, ...]:
    try:
        reader = annexes.open_pdf(content, name)  # decrypted when it opens without a password
    except annexes.UnreadableAnnex as exc:
        raise _Unusable(exc.reason) from exc
    try:
        page_index = {
            p.indirect_reference.idnum: n
            for n, p in enumerate(reader.pages)
            if p.indirect_reference is not None
        }
        reached: set[int] = set()
        pages = [_prepare_page(page, page_index, reached) for page in reader.pages]
    except _Unusable:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise _Unusable(annexes.damaged(exc)) from exc
    if any(p.rotation not in (0, 90, 180, 270) for p in pages):
        raise _Unusable(annexes.damaged("/Rotate"))
    if any(min(p.size) < 1 for p in pages):
        raise _Unusable(annexes.damaged("/MediaBox"))
    return tuple(pages)


def read_annexes(
    db: Database, meeting_id: int, *, public_only: bool = False
) -> tuple[list[PreparedAnnex], list[BrokenAnnex]]:
    """The meeting's annexes in agenda order (`public_only`: those marked public), read and
    checked; those that cannot be merged are set apart with the reason."""
    ready: list[PreparedAnnex] = []
    broken: list[BrokenAnnex] = []
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file is reported once, in words, not in warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for annex in annexes.list_annexes(db, meeting_id):
                if public_only and not annex.public:
                    continue
                try:
                    pages = _prepare_annex(annexes.content(db, annex.id), annex.name)
                except _Unusable as exc:
                    broken.append(BrokenAnnex(annex.name, str(exc)))
                else:
                    ready.append(PreparedAnnex(annex, pages))
    finally:
        quiet.setLevel(level)
    return ready, broken


# --------------------------------------------------------------------------- layout


@dataclass
class _Layout:
    """What the flowables learn while they are laid out, for the canvas to use at the end:
    where each section starts, where the contents print its page numbers, the annex pages."""

    annexes: list[PreparedAnnex]
    annex_titles: list[str]
    page_of: dict[str, int] = field(default_factory=dict)
    slots: dict[int, list[tuple[str, float, float]]] = field(default_factory=dict)
    annex_pages: list[tuple[int, int, int]] = field(default_factory=list)  # page, annex, index
    annex_at: dict[int, int] = field(default_factory=dict)  # page → annex index
    total: int = 0


def _annex_key(n: int) -> str:
    return f"annex-{n}"


class _SectionStart(Flowable):
    """Where a section starts: its bookmark, its page for the contents, and the watermark of
    its pages (« PROJET » on minutes not yet approved)."""

    def __init__(self, layout: _Layout, key: str, title: str, watermark: str | None = None):
        super().__init__()
        self.layout = layout
        self.key = key
        self.title = title
        self.watermark = watermark

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)
        self.layout.page_of[self.key] = self.canv.getPageNumber()
        self.canv._pack_watermark = self.watermark  # kept with the page's state


class _ContentsRow(Flowable):
    """One line of the contents: the title, dotted leaders and the page number (written when
    every page is known), the whole line a link to the section."""

    def __init__(self, layout: _Layout, key: str, title: str, level: int):
        super().__init__()
        st = styles()
        style = st.body if level else ParagraphStyle("toc0", parent=st.body, fontName=FONT_BOLD)
        self.para = Paragraph(escape(title), ParagraphStyle("toc", parent=style, spaceAfter=0))
        self.layout = layout
        self.key = key
        self.level = level
        self.indent = level * 8 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _w, h = self.para.wrap(available_width - self.indent - NUMBER_WIDTH, available_height)
        self.height = h + 5
        return (self.width, self.height)

    def draw(self) -> None:
        canv = self.canv
        self.para.drawOn(canv, self.indent, 2.5)
        lines = self.para.blPara.lines
        last = lines[-1] if lines else None
        extra = (last[0] if isinstance(last, tuple) else last.extraSpace) if last else 0
        text_end = self.indent + (self.width - self.indent - NUMBER_WIDTH) - extra
        baseline = 2.5 + self.para.style.leading - self.para.style.fontSize
        right = self.width
        if text_end + 3 < right - NUMBER_WIDTH + 2:
            canv.saveState()
            canv.setStrokeColor(GREY)
            canv.setLineWidth(0.6)
            canv.setDash(0.6, 2.4)
            canv.line(text_end + 3, baseline, right - NUMBER_WIDTH + 2, baseline)
            canv.restoreState()
        x, y = canv.absolutePosition(right, baseline)
        self.layout.slots.setdefault(canv.getPageNumber(), []).append((self.key, x, y))
        canv.linkRect("", self.key, (self.indent, 0, right, self.height), relative=1, thickness=0)


def _canvas_class(layout: _Layout, footer: str):
    base = _numbered_canvas(footer, None)

    class PackCanvas(base):  # type: ignore[misc, valid-type]
        """The numbered canvas of style.py, plus the annex pages (drawn into by pypdf later),
        the contents' page numbers and a watermark per page."""

        def save(self) -> None:
            for n, prepared in enumerate(layout.annexes):
                for index, page in enumerate(prepared.pages):
                    self.setPageSize(page.size)
                    self._pack_watermark = None
                    if index == 0:
                        key = _annex_key(n)
                        self.bookmarkPage(key)
                        self.addOutlineEntry(layout.annex_titles[n], key, level=1, closed=False)
                        layout.page_of[key] = self._pageNumber
                    layout.annex_pages.append((self._pageNumber, n, index))
                    layout.annex_at[self._pageNumber] = n
                    self.showPage()
            layout.total = len(self._saved)
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            page = self._pageNumber
            watermark = getattr(self, "_pack_watermark", None)
            if watermark:
                self.saveState()
                self.setFont(FONT_BOLD, 96)
                self.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.12))
                self.translate(width / 2, height / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, watermark)
                self.restoreState()
            self.saveState()
            self.setFont(FONT, styles().body.fontSize)
            self.setFillColor(colors.black)
            for key, x, y in layout.slots.get(page, ()):
                self.drawRightString(x, y, str(layout.page_of.get(key, "")))
            self.restoreState()
            number = _("Page {page} / {total}").format(page=page, total=total)
            if page in layout.annex_at:
                self._stamp_annex(layout.annex_at[page], number, width)
                return
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.setStrokeColor(LIGHT)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            room = width - 2 * MARGIN - stringWidth(number, FONT, 8) - 8 * mm
            self.drawString(MARGIN, 8 * mm, fit_line(printed(footer), FONT, 8, round(room)))
            self.drawRightString(width - MARGIN, 8 * mm, number)
            self.restoreState()

        def _stamp_annex(self, n: int, number: str, width: float) -> None:
            """The annex's name and the pack's page number, in the band left free under the
            annex's own page (which keeps its footer, if it has one)."""
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            margin = min(MARGIN, width / 10)
            room = width - 2 * margin - stringWidth(number, FONT, 8) - 8 * mm
            self.drawString(
                margin, 3.5 * mm, fit_line(printed(layout.annex_titles[n]), FONT, 8, room)
            )
            self.drawRightString(width - margin, 3.5 * mm, number)
            self.restoreState()

    return PackCanvas


def _raw_copy(stream: StreamObject) -> StreamObject:
    """A stream with its bytes as they are (still compressed: fonts and images are not decoded
    and encoded again). pypdf keeps them in `_data`, which its own copies use too."""
    copy = EncodedStreamObject() if "/Filter" in stream else DecodedStreamObject()
    copy._data = stream._data
    return copy


class _Update:
    """New and replaced objects appended to a PDF as an incremental update: the pack laid out
    by reportlab is neither parsed whole nor written again."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.size = int(self.reader.trailer["/Size"])
        self.objects: dict[int, PdfObject] = {}
        self._moved: dict[tuple[int, int, int], int] = {}

    def page_refs(self) -> list[IndirectObject]:
        """References to the pages in order. reportlab lists every page in the root's /Kids:
        then no page needs reading (pypdf's `pages` would read them all)."""
        root = self.reader.trailer["/Root"]["/Pages"]
        kids = list(list.__iter__(root["/Kids"]))
        if root.get("/Count") == len(kids):
            return kids
        return self.all_page_refs()

    def all_page_refs(self) -> list[IndirectObject]:
        return [page.indirect_reference for page in self.reader.pages]

    def add(self, obj: PdfObject) -> IndirectObject:
        self.objects[self.size] = obj
        self.size += 1
        return IndirectObject(self.size - 1, 0, None)

    def bring(self, obj: PdfObject) -> PdfObject:
        """An object of another file (an annex's fonts, images…), with everything it refers
        to, numbered in this one."""
        if isinstance(obj, IndirectObject):
            key = (id(obj.pdf), obj.idnum, obj.generation)
            if key not in self._moved:
                ref = self.add(NullObject())  # numbered first, so that a cycle ends here
                self._moved[key] = ref.idnum
                target = obj.get_object()
                self.objects[ref.idnum] = NullObject() if target is None else self.bring(target)
            return IndirectObject(self._moved[key], 0, None)
        if isinstance(obj, StreamObject):
            copy = _raw_copy(obj)
            for key, value in dict.items(obj):
                copy[key] = self.bring(value)
            return copy
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({key: self.bring(v) for key, v in dict.items(obj)})
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.bring(v) for v in list.__iter__(obj))
        return obj

    def bytes(self) -> bytes:
        out = io.BytesIO()
        out.write(self.data)
        if not self.data.endswith(b"\n"):
            out.write(b"\n")
        offsets: dict[int, int] = {}
        for idnum in sorted(self.objects):
            offsets[idnum] = out.tell()
            out.write(f"{idnum} 0 obj\n".encode())
            self.objects[idnum].write_to_stream(out)
            out.write(b"\nendobj\n")
        xref = out.tell()
        # The free list's head first, as in any xref section: readers take a section that
        # does not start at object 0 for a damaged one.
        out.write(b"xref\n0 1\n0000000000 65535 f \n")
        runs: list[list[int]] = []
        for idnum in sorted(offsets):
            if runs and runs[-1][-1] == idnum - 1:
                runs[-1].append(idnum)
            else:
                runs.append([idnum])
        for run in runs:
            out.write(f"{run[0]} {len(run)}\n".encode())
            out.write(b"".join(f"{offsets[i]:010d} 00000 n \n".encode() for i in run))
        trailer = self.reader.trailer
        previous = int(self.data[self.data.rindex(b"startxref") + 9 :].split()[0])
        new = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(self.size),
                NameObject("/Root"): trailer.raw_get("/Root"),
                NameObject("/Prev"): NumberObject(previous),
            }
        )
        for key in ("/Info", "/ID"):
            if key in trailer:
                new[NameObject(key)] = trailer.raw_get(key)
        out.write(b"trailer\n")
        new.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


def _annex_form(update: _Update, source: AnnexPage) -> IndirectObject:
    """The annex page as a form XObject: its content and its own resources (nothing renamed),
    placed by its matrix."""
    if source.stream is not None:
        form = _raw_copy(source.stream)
        for key in ("/Filter", "/DecodeParms"):
            if key in source.stream:
                form[NameObject(key)] = update.bring(source.stream.raw_get(key))
    else:
        plain = DecodedStreamObject()
        plain.set_data(source.content)
        form = plain.flate_encode()
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in source.box)
    form[NameObject("/Matrix")] = ArrayObject(FloatObject(v) for v in source.matrix())
    resources = source.resources
    form[NameObject("/Resources")] = (
        update.bring(resources) if resources is not None else DictionaryObject()
    )
    return update.add(form)


def _keep_links(
    update: _Update,
    page: DictionaryObject,
    source: AnnexPage,
    pack_page: Callable[[int], IndirectObject],
) -> None:
    """The annex page's links, where the page is drawn: web addresses, and its annex's pages
    (now pages of the pack)."""
    found = [annex_marks.link_annotation(link, source.matrix(), pack_page) for link in source.links]
    annots = [update.add(a) for a in found if a is not None]
    if annots:
        existing = page.get("/Annots")
        kept = list(list.__iter__(existing.get_object())) if existing is not None else []
        page[NameObject("/Annots")] = ArrayObject([*kept, *annots])


def _merge_annexes(data: bytes, layout: _Layout) -> bytes:
    """Each annex page drawn into its numbered page of the pack, under the page number."""
    update = _Update(data)
    pages = update.page_refs()
    where = {(n, index): page_number for page_number, n, index in layout.annex_pages}
    for page_number, n, index in layout.annex_pages:
        try:
            form = _annex_form(update, layout.annexes[n].pages[index])
        except Exception as exc:  # something the reading did not reach, found only now
            name = layout.annexes[n].annex.name
            raise _LateBroken(n, BrokenAnnex(name, annexes.damaged(exc))) from exc
        page = pages[page_number - 1].get_object()
        if page.get("/Type") != "/Page":  # a nested page tree after all: read it whole
            pages = update.all_page_refs()
            page = pages[page_number - 1].get_object()
        replaced = DictionaryObject(dict.items(page))
        # A page of its own resources: reportlab shares one dictionary between pages.
        resources = DictionaryObject(dict.items(page["/Resources"]))
        xobjects = DictionaryObject(
            dict.items(resources["/XObject"]) if "/XObject" in resources else ()
        )
        xobjects[NameObject("/EssAnnex")] = form
        resources[NameObject("/XObject")] = xobjects
        replaced[NameObject("/Resources")] = resources
        under = DecodedStreamObject()
        under.set_data(b"q /EssAnnex Do Q\n")
        contents = page.raw_get("/Contents")
        existing = contents.get_object()
        kept = list(list.__iter__(existing)) if isinstance(existing, ArrayObject) else [contents]
        replaced[NameObject("/Contents")] = ArrayObject([update.add(under), *kept])
        source = layout.annexes[n].pages[index]
        if source.links:
            _keep_links(
                update, replaced, source, lambda i, n=n, pages=pages: pages[where[(n, i)] - 1]
            )
        update.objects[pages[page_number - 1].idnum] = replaced
    return update.bytes()


# --------------------------------------------------------------------------- the pack


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    variant: str
    left_out: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


@dataclass
class _Section:
    key: str
    title: str
    flowables: list
    in_contents: bool = True
    watermark: str | None = None


def _nested(flowables: list) -> list:
    """A document's story as a section of the pack: its own title bookmark goes (the section
    has one), its other bookmarks go one level down when they were at the top."""
    out = list(flowables)
    if out and isinstance(out[0], Bookmark):
        out.pop(0)
    marks = [f for f in out if isinstance(f, Bookmark)]
    if marks and min(m.level for m in marks) == 0:
        for m in marks:
            m.level += 1
    return out


def _grid(rows: list[list], widths: list[float], *, padding: float = 3) -> GridTable:
    """A table whose first row is the header (repeated on each page)."""
    return GridTable(rows[0], rows[1:], widths, padding=padding)


def _plain_paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Free text typed by the secretariat: a paragraph for each blank-line-separated block."""
    return [
        TextParagraph(block.strip(), style) for block in (text or "").split("\n\n") if block.strip()
    ]


def _duration(minutes: int) -> str:
    """« 45 min », « 1 h 30 », « 2 h » (no-break spaces inside)."""
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    if minutes % 60 == 0:
        return _("{hours} h").format(hours=minutes // 60)
    return _("{hours} h {minutes:02d}").format(hours=minutes // 60, minutes=minutes % 60)


@cache
def _band_title_style() -> ParagraphStyle:
    return ParagraphStyle("band", parent=styles().cell_bold, fontSize=9.5, leading=12)


class _Band(Flowable):
    """A line of cells on a light band under a rule (an agenda item's time, title, duration);
    a title too long for the page goes on over the next one."""

    PAD = 4.0

    def __init__(self, cells: list[TextCell], widths: list[float]):
        super().__init__()
        self.cells = cells
        self.widths = widths

    def _heights(self) -> list[float]:
        return [
            c.wrap(w - 2 * self.PAD, 1e6)[1] for c, w in zip(self.cells, self.widths, strict=True)
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = max(self._heights(), default=0) + 2 * self.PAD
        return (self.width, self.height)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - 2 * self.PAD
        first: list[TextCell] = []
        rest: list[TextCell] = []
        for cell, width, height in zip(self.cells, self.widths, self._heights(), strict=True):
            parts = cell.split(width - 2 * self.PAD, room) if height > room else []
            if height > room and len(parts) != 2:
                return []
            first.append(parts[0] if parts else cell)
            rest.append(parts[1] if parts else TextCell(""))
        return [_Band(first, self.widths), _Band(rest, self.widths)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(LIGHT)
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(1)
        canv.line(0, self.height, self.width, self.height)
        canv.restoreState()
        text = canv.beginText()
        x = 0.0
        for cell, width in zip(self.cells, self.widths, strict=True):
            cell.write_into(text, x + self.PAD, self.height - self.PAD, width - 2 * self.PAD)
            x += width
        canv.drawText(text)


class _Pack:
    """The sections of one pack, read from the database once."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        variant: str,
        today: dt.date,
        prepared: list[PreparedAnnex],
        left_out: list[str],
    ):
        self.db = db
        self.variant = variant
        self.public = variant == "public"
        self.today = today
        self.meeting = meetings.get(db, meeting_id)
        self.body = bodies.get_body(db, self.meeting.body_id)
        self.letterhead = get_letterhead(db)
        self.timetable = agenda.meeting_timetable(db, meeting_id)
        self.prepared = prepared
        self.left_out = left_out
        # The public pack holds only the annexes marked public; the others are named there.
        self.withheld = (
            [a for a in annexes.list_annexes(db, meeting_id) if not a.public] if self.public else []
        )
        self.roster = [
            e
            for e in roster.roster(db, self.body.id, self.meeting.day)
            if e.role in presence.EXPECTED_ROLES
        ]
        self.consent = {e.person_id: e.consent_publish for e in self.roster}
        self._labels = {e.person_id: rec.public_label(self._ref(e)) for e in self.roster}
        self._publication = (
            rec.Publication(db, rec.compose(db, meeting_id)) if self.public else None
        )
        self._names: dict[int, tuple[str, bool]] = {}

    # -- what the public may read ------------------------------------------------------------
    @staticmethod
    def _ref(entry: roster.RosterEntry) -> rec.PersonRef:
        return rec.PersonRef(
            name=entry.full_name,
            person_id=entry.person_id,
            college=entry.college,
            organisation=entry.organisation,
            guest=entry.role == "permanent_guest",
            member=True,
            consent=entry.consent_publish,
        )

    def text(self, value: str) -> str:
        """Free text, with the names of people without consent replaced in the public pack."""
        return self._publication.text(value) if self._publication is not None else value

    def person(self, person_id: int) -> str:
        """A person's name, or in the public pack their quality when they did not consent."""
        if person_id not in self._names:
            p = people.get(self.db, person_id)
            self._names[person_id] = (p.full_name, bool(p.consent_publish))
        name, consent = self._names[person_id]
        if not self.public or consent:
            return name
        return self._public_label(person_id)

    def _public_label(self, person_id: int) -> str:
        words = self._labels.get(person_id) or rec.public_label(rec.PersonRef(name=""))
        return words[:1].upper() + words[1:]

    # -- sections -------------------------------------------------------------------------------
    def sections(self) -> list[_Section]:
        out = [self.convocation()]
        if self.variant == "animation":
            out.append(self.run_sheet())
        else:
            out.append(self.agenda())
        out += self.minutes()
        out.append(self.follow_up())
        out.append(self.members())
        if self.variant == "animation":
            out += [self.quorum_checklist(), self.compliance_checklist(), self.speakers()]
        if not self.public:
            out += [self.sign_in(), self.proxy()]
        out.append(self.annexes_divider())
        return [s for s in out if s is not None and s.flowables]

    def footer(self) -> str:
        parts = [self.letterhead.name, self.body.name, display(self.meeting.day)]
        if self.variant != "membre":
            parts.append(label(VARIANTS, self.variant))
        if self.meeting.status == "planned":
            parts.append(_("projet"))
        return footer_line(*parts)

    def title(self) -> str:
        text = _("Dossier de séance — {body}, séance du {day}").format(
            body=self.body.name, day=display(self.meeting.day)
        )
        if self.variant != "membre":
            text += f" ({label(VARIANTS, self.variant).lower()})"
        return text

    def cover(self) -> list:
        st = styles()
        m = self.meeting
        out: list = []
        if self.letterhead.logo:
            from reportlab.lib.utils import ImageReader

            width, height = ImageReader(io.BytesIO(self.letterhead.logo)).getSize()
            scale = min(60 * mm / width, 30 * mm / height)
            out.append(Image(io.BytesIO(self.letterhead.logo), width * scale, height * scale))
            out.append(Spacer(1, 4 * mm))
        out.append(Paragraph(escape(self.letterhead.name), centered(st.h1)))
        if self.letterhead.council_address:
            out.append(
                Paragraph(
                    escape(self.letterhead.council_address).replace("\n", "<br/>"),
                    centered(st.small),
                )
            )
        out.append(Spacer(1, 30 * mm))
        kind = {
            "membre": _("Dossier de séance"),
            "animation": _("Dossier de séance — animation"),
            "public": _("Dossier de séance — version publique"),
        }[self.variant]
        big = ParagraphStyle("cover", parent=centered(st.title), fontSize=24, leading=30)
        out += [
            Paragraph(escape(kind.upper()), centered(st.small)),
            Spacer(1, 4 * mm),
            Paragraph(escape(self.body.name), centered(st.h1)),
            Paragraph(escape(m.title), big),
            Spacer(1, 4 * mm),
        ]
        when = long_datetime(m.start)
        if m.end is not None:
            when = _("{start}, fin prévue à {end}").format(start=when, end=clock(m.end))
        out.append(Paragraph(escape(when), centered(st.h2)))
        out.append(
            Paragraph(
                escape(_("Lieu : {place}").format(place=m.place or _("à préciser"))),
                centered(st.body),
            )
        )
        if m.video_link and not self.public:
            out.append(
                Paragraph(
                    escape(_("Visioconférence : {link}").format(link=m.video_link)),
                    centered(st.body),
                )
            )
        if m.status == "planned":
            draft = ParagraphStyle(
                "draft",
                parent=centered(st.title),
                fontSize=30,
                leading=36,
                textColor=DRAFT_RED,
                spaceBefore=10 * mm,
            )
            out += [
                Paragraph(escape(_("PROJET")), draft),
                Paragraph(
                    escape(
                        _(
                            "Ordre du jour provisoire : la séance n'est pas encore convoquée, "
                            "ce dossier peut encore changer."
                        )
                    ),
                    centered(st.body),
                ),
            ]
        elif m.status in ("cancelled", "postponed"):
            out.append(
                Paragraph(
                    f"<b>{escape(label(MEETING_STATUSES, m.status))}</b>",
                    ParagraphStyle("gone", parent=centered(st.h1), textColor=DRAFT_RED),
                )
            )
        if self.left_out:
            lines = "<br/>".join(f"• {escape(name)}" for name in self.left_out)
            box = Table(
                [
                    [
                        Paragraph(
                            "<b>"
                            + escape(_("Annexes non jointes à ce dossier"))
                            + "</b><br/>"
                            + escape(
                                _(
                                    "Ces fichiers sont illisibles (endommagés, protégés ou "
                                    "d'un autre format) ; demandez-les au secrétariat :"
                                )
                            )
                            + f"<br/>{lines}",
                            st.body,
                        )
                    ]
                ],
                colWidths=[140 * mm],
                splitInRow=1,
            )
            box.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 1, DRAFT_RED),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbeeee")),
                        ("LEFTPADDING", (0, 0), (-1, -1), 6),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            out += [Spacer(1, 10 * mm), box]
        out += [
            Spacer(1, 12 * mm),
            Paragraph(
                escape(_("Dossier établi le {day}.").format(day=long_date(self.today))),
                centered(st.small),
            ),
        ]
        return out

    def convocation(self) -> _Section:
        st = styles()
        m = self.meeting
        title = _("Convocation")
        sent = dt.date.fromisoformat(m.notice_sent_on[:10]) if m.notice_sent_on else self.today
        polite = convocation.salutation("")
        letterhead = self.letterhead
        if self.public:
            letterhead = dataclasses.replace(letterhead, signatory=self.text(letterhead.signatory))
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(escape(_("Le {day}").format(day=long_date(sent))), st.right),
            Spacer(1, 3 * mm),
            Paragraph(
                "<b>"
                + escape(
                    _("Objet : convocation — {body}, séance du {day}").format(
                        body=self.body.name, day=display(m.day)
                    )
                )
                + "</b>",
                st.body,
            ),
            Spacer(1, 3 * mm),
            Paragraph(escape(f"{polite},"), st.body),
            *convocation.invitation(m, self.body.name, video_link=not self.public),
            Paragraph(
                escape(
                    _(
                        "L'ordre du jour, les documents à examiner et, le cas échéant, le "
                        "procès-verbal à approuver figurent dans ce dossier."
                    )
                ),
                st.body,
            ),
            Spacer(1, 2 * mm),
            *convocation.closing(
                letterhead, polite, proxy=not self.public and self.proxies_allowed
            ),
        ]
        return _Section("convocation", title, out)

    def _presenter(self, item: agenda.AgendaItem) -> str:
        if item.presenter_person_id:
            return self.person(item.presenter_person_id)
        return self.text(item.presenter_text)

    def _item_annexes(self) -> dict[int | None, list[tuple[int, PreparedAnnex]]]:
        out: dict[int | None, list[tuple[int, PreparedAnnex]]] = {}
        for n, prepared in enumerate(self.prepared, start=1):
            out.setdefault(prepared.annex.item_id, []).append((n, prepared))
        return out

    def _annex_lines(
        self, attached: list[tuple[int, PreparedAnnex]], style: ParagraphStyle | None = None
    ) -> list:
        return [
            Paragraph(
                "• "
                + escape(
                    _("Annexe {number} : {name} ({pages} p.)").format(
                        number=n, name=self.text(p.annex.name), pages=len(p.pages)
                    )
                ),
                style or styles().cell,
            )
            for n, p in attached
        ]

    def _band(self, cells: list[str], widths: list[float]) -> _Band:
        """The header line of an agenda item: time, title, duration."""
        st = styles()
        return _Band(
            [
                TextCell(c, style=_band_title_style() if n == 1 else st.cell)
                for n, c in enumerate(cells)
            ],
            widths,
        )

    def _timing_lines(self) -> list:
        st = styles()
        t = self.timetable
        end = self.meeting.end
        line = _("Début à {start} ; l'ordre du jour mène à {end}").format(
            start=clock(self.meeting.start), end=clock(t.ends_at)
        )
        if end is not None:
            line += " " + _("(fin prévue à {end})").format(end=clock(end))
        out = [Paragraph(escape(line + "."), st.body)]
        if t.overrun_minutes:
            out.append(
                Paragraph(
                    "<b>"
                    + escape(
                        _("L'ordre du jour dépasse de {minutes} la fin prévue.").format(
                            minutes=_duration(t.overrun_minutes)
                        )
                    )
                    + "</b>",
                    ParagraphStyle("late", parent=st.body, textColor=DRAFT_RED),
                )
            )
        return out

    def agenda(self) -> _Section:
        st = styles()
        title = _("Ordre du jour")
        items = self.timetable.items
        if not items:
            return _Section("agenda", title, [])
        attached = self._item_annexes()
        out: list = [Paragraph(escape(title), st.h1), *self._timing_lines(), Spacer(1, 2 * mm)]
        indent = ParagraphStyle("indent", parent=st.cell, leftIndent=18 * mm)
        for n, timed in enumerate(items, start=1):
            item = timed.item
            band = self._band(
                [
                    clock(timed.starts_at),
                    f"{n}. {self.text(item.title)}",
                    _duration(item.duration_minutes),
                ],
                [18 * mm, 136 * mm, 20 * mm],
            )
            meta = [label(ITEM_KINDS, item.kind)]
            presenter = self._presenter(item)
            if presenter:
                meta.append(_("présenté par {name}").format(name=with_article(presenter)))
            block: list = [band, Paragraph(escape(" — ".join(meta)), indent)]
            out.append(KeepTogether(block))
            out += _plain_paragraphs(self.text(item.description), indent)
            out += self._annex_lines(attached.get(item.id, []), indent)
            out += [
                Paragraph(
                    "• " + escape(_("{name} (annexe non publiée)").format(name=self.text(a.name))),
                    indent,
                )
                for a in self.withheld
                if a.item_id == item.id
            ]
            out.append(Spacer(1, 3 * mm))
        general = attached.get(None, [])
        if general:
            out.append(Paragraph(escape(_("Documents joints à la séance")), st.h2))
            out += self._annex_lines(general)
        return _Section("agenda", title, out)

    def run_sheet(self) -> _Section:
        st = styles()
        title = _("Conducteur de séance")
        items = self.timetable.items
        if not items:
            return _Section("run_sheet", title, [])
        attached = self._item_annexes()
        out: list = [Paragraph(escape(title), st.h1), *self._timing_lines(), Spacer(1, 2 * mm)]
        indent = ParagraphStyle("indent", parent=st.cell, leftIndent=28 * mm)
        notes = ParagraphStyle("notes", parent=indent, textColor=colors.HexColor("#2d3a3c"))
        elapsed = 0
        for n, timed in enumerate(items, start=1):
            item = timed.item
            elapsed += item.duration_minutes
            band = self._band(
                [
                    f"{clock(timed.starts_at)} → {clock(timed.ends_at)}",
                    f"{n}. {item.title}",
                    _("{duration} · cumul {elapsed}").format(
                        duration=_duration(item.duration_minutes), elapsed=_duration(elapsed)
                    ),
                ],
                [28 * mm, 100 * mm, 46 * mm],
            )
            meta = [label(ITEM_KINDS, item.kind)]
            presenter = self._presenter(item)
            if presenter:
                meta.append(_("présenté par {name}").format(name=with_article(presenter)))
            out.append(KeepTogether([band, Paragraph(escape(" — ".join(meta)), indent)]))
            if item.description.strip():
                notes_title = _("Notes pour l'animation :")
                out.append(Paragraph(f"<i>{escape(notes_title)}</i>", indent))
                out += _plain_paragraphs(item.description, notes)
            out += self._annex_lines(attached.get(item.id, []), indent)
            out.append(
                Paragraph(
                    escape(_("Heure réelle : début ____ h ____ — fin ____ h ____ — ☐ traité")),
                    indent,
                )
            )
            out.append(Spacer(1, 3 * mm))
        return _Section("run_sheet", title, out)

    def _previous_draft(self) -> int | None:
        """The meeting before this one of the same body, when its minutes are written but not
        yet put on an agenda for approval (nor approved): the pack carries them as a draft."""
        row = self.db.execute(
            "SELECT s.id, m.status, m.approval_item_id FROM meetings s "
            "LEFT JOIN minutes m ON m.meeting_id = s.id "
            "WHERE s.body_id = ? AND s.starts_at < ? AND s.status IN ('held', 'closed') "
            "ORDER BY s.starts_at DESC LIMIT 1",
            [self.body.id, self.meeting.starts_at],
        ).fetchone()
        if row is None or row[1] is None or row[1] == "approved" or row[2] is not None:
            return None
        return row[0]

    def minutes(self) -> list[_Section]:
        chosen = [
            (m.meeting_id, _("Procès-verbal de la séance du {day}, à approuver"))
            for m in mn.to_approve_at(self.db, self.meeting.id)
        ]
        previous = self._previous_draft() if not chosen else None
        if previous is not None:
            chosen.append((previous, _("Projet de procès-verbal de la séance du {day}")))
        out = []
        for n, (meeting_id, heading) in enumerate(chosen):
            view = mn.view(self.db, meeting_id, public=self.public)
            title = heading.format(day=display(view.record.starts_at))
            out.append(
                _Section(
                    f"minutes-{n}",
                    title,
                    _nested(minutes_pdf.story(view, "pv")),
                    watermark=None if view.approved else _("PROJET"),
                )
            )
        return out

    def _public_row(self, row: ActionRow) -> ActionRow:
        owner = row.owner
        if row.owner_person_id is not None:
            shown = self.person(row.owner_person_id)
            if not self._names[row.owner_person_id][1]:
                owner = shown  # their quality, without their organisation either
        return dataclasses.replace(
            row,
            title=self.text(row.title),
            owner=self.text(owner),
            last_update_comment=self.text(row.last_update_comment),
        )

    def follow_up(self) -> _Section:
        title = _("Suivi des actions")
        # In a pack printed ahead, lateness is judged on the meeting's day.
        day = max(self.today, self.meeting.day)
        rows = review.review_list(self.db, self.meeting.id, day)
        if not rows:
            return _Section("actions", title, [])
        # Those overdue or due by the next meeting; a line counts the others.
        selection = review.for_the_pack(self.db, self.meeting.id, rows)
        if self.public:
            selection = dataclasses.replace(
                selection, rows=[self._public_row(r) for r in selection.rows]
            )
        story = actions_pdf.meeting_follow_up_story(
            self.db, self.meeting.id, day, selection=selection
        )
        return _Section("actions", title, _nested(story))

    def _quality(self, entry: roster.RosterEntry) -> str:
        if entry.role == "substitute" and entry.substitute_for_id:
            member = next((e for e in self.roster if e.mandate_id == entry.substitute_for_id), None)
            name = (
                self.person(member.person_id) if member is not None else entry.substitute_for_name
            )
            return _("Suppléant(e) de {name}").format(name=name)
        return label(ROLES, entry.role)

    @staticmethod
    def _contact(entry: roster.RosterEntry) -> str:
        """A member's e-mail and phone for the other members, when they accept to be
        contacted (RGPD: consent_contact); « — » otherwise."""
        if not entry.consent_contact:
            return "—"
        return "\n".join(x for x in (entry.email, entry.phone) if x)

    def members(self) -> _Section:
        st = styles()
        title = _("Composition de l'instance")
        if not self.roster:
            return _Section("members", title, [])
        seats = {
            c.college_id: c for c in roster.vacant_seats(self.db, self.body.id, self.meeting.day)
        }
        members = sum(e.role != "substitute" and e.role != "permanent_guest" for e in self.roster)
        substitutes = sum(e.role == "substitute" for e in self.roster)
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(
                    _("{body}, au {day} : {members} et {substitutes}.").format(
                        body=self.body.name,
                        day=display(self.meeting.day),
                        members=ngettext(
                            "{n} membre titulaire", "{n} membres titulaires", members
                        ).format(n=members),
                        substitutes=ngettext(
                            "{n} suppléant(e)", "{n} suppléant(e)s", substitutes
                        ).format(n=substitutes),
                    )
                ),
                st.body,
            ),
        ]
        if self.public:
            note = _(
                "Version publique : sans coordonnées ; les personnes qui n'ont pas consenti à "
                "la publication de leur nom sont désignées par leur qualité."
            )
            out.append(Paragraph(f"<i>{escape(note)}</i>", st.small))
        else:
            note = _(
                "Les coordonnées ne figurent que pour les personnes qui ont accepté d'être "
                "contactées par les autres membres."
            )
            out.append(Paragraph(f"<i>{escape(note)}</i>", st.small))
        groups: dict[int | None, list[roster.RosterEntry]] = {}
        for entry in self.roster:
            groups.setdefault(entry.college_id, []).append(entry)
        for college_id, entries in groups.items():
            name = entries[0].college or _("Hors collège")
            info = seats.get(college_id)
            header = [_("Nom"), _("Qualité"), _("Structure")]
            widths = [48 * mm, 46 * mm, 80 * mm]
            if not self.public:
                header.append(_("Coordonnées"))
                widths = [40 * mm, 32 * mm, 44 * mm, 58 * mm]
            rows: list[list] = [header]
            for e in entries:
                shown = self.public and not e.consent_publish
                row: list = [
                    self._public_label(e.person_id) if shown else e.full_name,
                    self._quality(e),
                    "" if shown else e.organisation,
                ]
                if not self.public:
                    row.append(self._contact(e))
                rows.append(row)
            note = []
            if info is not None:
                note.append(_("voix délibérative") if info.voting else _("voix consultative"))
                if info.seats is not None:
                    note.append(
                        ngettext(
                            "{filled} siège pourvu sur {seats}",
                            "{filled} sièges pourvus sur {seats}",
                            info.filled,
                        ).format(filled=info.filled, seats=info.seats)
                    )
            heading = f"{escape(name)}"
            if note:
                heading += f" <font size='8.5' color='#5f6b6d'>— {escape(', '.join(note))}</font>"
            out.append(KeepTogether([Paragraph(heading, st.h2), _grid(rows, widths)]))
        return _Section("members", title, out)

    def compliance_checklist(self) -> _Section:
        """The compliance check as a checklist for whoever runs the meeting: what already
        holds, what fails, what is still to do (ess_desk.meetings.compliance)."""
        from ess_desk.meetings import compliance

        st = styles()
        title = _("Contrôle de régularité")
        marks = {compliance.OK: "✓", compliance.FAIL: "✗", compliance.NA: "☐"}
        rows: list[list] = [[_("État"), _("Vérification"), _("À ce jour"), _("Source")]]
        for check in compliance.check_meeting(self.db, self.meeting.id):
            rows.append([marks[check.status], check.title, check.detail, check.source])
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(_("✓ conforme ; ✗ en échec ; ☐ à vérifier pendant ou après la séance.")),
                st.small,
            ),
            Spacer(1, 2 * mm),
            _grid(rows, [12 * mm, 48 * mm, 74 * mm, 40 * mm], padding=3),
        ]
        return _Section("compliance", title, out)

    def quorum_checklist(self) -> _Section:
        st = styles()
        title = _("Contrôle du quorum")
        attendees = presence.expected_attendees(self.db, self.meeting.id)
        voting = [a for a in attendees if a.expected.voting]
        if not voting:
            return _Section("quorum", title, [])
        count = presence.quorum(self.db, self.meeting.id)
        fraction = self.body.quorum_fraction
        rule = (
            _("présents ou représentés") if count.counts_represented else _("présents en personne")
        )
        box = "☐"
        out: list = [
            Paragraph(escape(title), st.h1),
            Paragraph(
                escape(
                    _(
                        "Membres votants en exercice : {in_office}. Quorum requis : {required} "
                        "({numerator}/{denominator} des membres en exercice, {rule})."
                    ).format(
                        in_office=count.in_office,
                        required=count.required,
                        numerator=fraction.numerator,
                        denominator=fraction.denominator,
                        rule=rule,
                    )
                ),
                st.body,
            ),
            Paragraph(
                escape(
                    ngettext(
                        "Un membre présent peut porter au plus {limit} pouvoir ; un(e) "
                        "suppléant(e) ne vote qu'en l'absence du membre qu'il ou elle remplace.",
                        "Un membre présent peut porter au plus {limit} pouvoirs ; un(e) "
                        "suppléant(e) ne vote qu'en l'absence du membre qu'il ou elle remplace.",
                        self.body.proxies_per_holder,
                    ).format(limit=self.body.proxies_per_holder)
                    if self.proxies_allowed
                    else _(
                        "Les pouvoirs ne sont pas admis dans cette instance ; un(e) suppléant(e) "
                        "ne vote qu'en l'absence du membre qu'il ou elle remplace."
                    )
                ),
                st.small,
            ),
            Spacer(1, 2 * mm),
        ]
        header = [_("Membre votant"), _("Collège"), _("Présent(e)"), _("Suppléé(e) par")]
        widths = [54 * mm, 42 * mm, 24 * mm, 54 * mm]
        if self.proxies_allowed:
            header.append(_("Pouvoir à"))
            widths = [46 * mm, 36 * mm, 24 * mm, 34 * mm, 34 * mm]
        substitutes = {a.expected.substitute_for: a for a in attendees if a.role == "substitute"}
        rows: list[list] = [header]
        for a in voting:
            sub = substitutes.get(a.mandate_id)
            row = [a.name, a.college, box, f"{box} {sub.name}" if sub is not None else "—"]
            if self.proxies_allowed:
                row.append("")
            rows.append(row)
        out.append(_grid(rows, widths, padding=4))
        out += [
            Spacer(1, 5 * mm),
            KeepTogether(
                [
                    Paragraph(
                        escape(
                            _(
                                "Présents : ______ + représentés : ______ = ______ / {required} "
                                "requis"
                            ).format(required=count.required)
                            if count.counts_represented
                            else _("Présents : ______ / {required} requis").format(
                                required=count.required
                            )
                        ),
                        st.body,
                    ),
                    Spacer(1, 2 * mm),
                    Paragraph(
                        escape(_("{box} Quorum atteint à ____ h ____").format(box=box)), st.body
                    ),
                    Paragraph(
                        escape(
                            _("{box} Quorum non atteint : la séance ne peut pas délibérer").format(
                                box=box
                            )
                        ),
                        st.body,
                    ),
                ]
            ),
        ]
        return _Section("quorum", title, out)

    def speakers(self) -> _Section:
        st = styles()
        title = _("Liste des orateurs")
        rows: list[list] = [[_("N°"), _("Nom"), _("Point"), _("Heure"), _("Fait")]]
        rows += [[str(n), "", "", "", "☐"] for n in range(1, SPEAKER_ROWS + 1)]
        table = _grid(rows, [12 * mm, 62 * mm, 60 * mm, 22 * mm, 18 * mm], padding=8)
        return _Section(
            "speakers",
            title,
            [
                Paragraph(escape(title), st.h1),
                Paragraph(
                    escape(_("Inscrivez les demandes de parole dans l'ordre où elles arrivent.")),
                    st.small,
                ),
                table,
            ],
        )

    def sign_in(self) -> _Section:
        title = _("Feuille d'émargement")
        attendees = presence.expected_attendees(self.db, self.meeting.id)
        if not attendees:
            return _Section("sign_in", title, [])
        story = attendance_sheet.sheet_story(self.db, self.meeting.id, attendees)
        return _Section("sign_in", title, _nested(story))

    @property
    def proxies_allowed(self) -> bool:
        return self.body.proxies_per_holder > 0 and any(e.voting for e in self.roster)

    def proxy(self) -> _Section:
        title = _("Pouvoir")
        if not self.proxies_allowed:
            return _Section("proxy", title, [])
        form = convocation.proxy_form(self.body.name, self.meeting, self.body.proxies_per_holder)
        return _Section("proxy", title, form)

    def annex_titles(self) -> list[str]:
        return [
            _("Annexe {number} : {name}").format(number=n, name=self.text(p.annex.name))
            for n, p in enumerate(self.prepared, start=1)
        ]

    def _item_of(self, annex: annexes.Annex) -> str:
        items = {t.item.id: (n, t.item.title) for n, t in enumerate(self.timetable.items, 1)}
        if annex.item_id not in items:
            return ""
        position, item_title = items[annex.item_id]
        return f"{position}. {self.text(item_title)}"

    def _withheld_list(self) -> list:
        st = styles()
        if not self.withheld:
            return []
        rows: list[list] = [[_("Annexe"), _("Point de l'ordre du jour")]]
        rows += [[self.text(a.name), self._item_of(a)] for a in self.withheld]
        return [
            Spacer(1, 3 * mm),
            Paragraph(
                escape(
                    _(
                        "Annexes non publiées dans cette version ; elles peuvent être demandées "
                        "au secrétariat :"
                    )
                ),
                st.body,
            ),
            _grid(rows, [92 * mm, 82 * mm]),
        ]

    def annexes_divider(self) -> _Section:
        st = styles()
        title = _("Annexes")
        if not self.prepared and not self.withheld:
            return _Section("annexes", title, [])
        out: list = [Paragraph(escape(title), st.h1)]
        if self.prepared:
            rows: list[list] = [[_("N°"), _("Annexe"), _("Point de l'ordre du jour"), _("Pages")]]
            rows += [
                [str(n), self.text(p.annex.name), self._item_of(p.annex), str(len(p.pages))]
                for n, p in enumerate(self.prepared, start=1)
            ]
            out += [
                Paragraph(
                    escape(
                        _(
                            "Les annexes suivent, dans l'ordre de l'ordre du jour ; leurs pages "
                            "sont numérotées avec celles du dossier."
                        )
                    ),
                    st.body,
                ),
                _grid(rows, [12 * mm, 80 * mm, 66 * mm, 16 * mm]),
            ]
        out += self._withheld_list()
        if self.left_out:
            out.append(Spacer(1, 3 * mm))
            out.append(
                Paragraph(
                    escape(
                        _("Non jointes (fichiers illisibles) : {names}.").format(
                            names=", ".join(f"« {n} »" for n in self.left_out)
                        )
                    ),
                    ParagraphStyle("left_out", parent=st.body, textColor=DRAFT_RED),
                )
            )
        return _Section("annexes", title, out)


def _contents(layout: _Layout, sections: list[_Section], annex_titles: list[str]) -> list:
    st = styles()
    title = _("Sommaire")
    out: list = [Paragraph(escape(title), st.h1), Spacer(1, 2 * mm)]
    for section in sections:
        if not section.in_contents:
            continue
        out.append(_ContentsRow(layout, section.key, section.title, 0))
        if section.key == "annexes":
            out += [
                _ContentsRow(layout, _annex_key(n), text, 1) for n, text in enumerate(annex_titles)
            ]
    return out


def _lay_out(
    db: Database,
    meeting_id: int,
    variant: str,
    today: dt.date,
    prepared: list[PreparedAnnex],
    broken: list[BrokenAnnex],
) -> tuple[_Pack, list[_Section], _Layout, bytes]:
    """The pack laid out by reportlab, in one pass: the annex pages are blank pages numbered
    with the others, and the contents' page numbers are written once every page is known."""
    pack = _Pack(db, meeting_id, variant, today, prepared, [b.name for b in broken])
    annex_titles = pack.annex_titles()
    layout = _Layout(prepared, annex_titles)
    sections = pack.sections()
    front = [
        _Section("cover", _("Couverture"), pack.cover(), in_contents=False),
        _Section("contents", _("Sommaire"), _contents(layout, sections, annex_titles), False),
    ]
    story: list = []
    for n, section in enumerate(front + sections):
        if n:
            story.append(PageBreak())
        story.append(_SectionStart(layout, section.key, section.title, section.watermark))
        story += section.flowables
    buffer = io.BytesIO()
    doc = document(
        buffer,
        Metadata(title=pack.title(), author=pack.letterhead.name, subject=pack.meeting.title),
    )
    # Streams compressed but not also ASCII85-encoded (a 7-bit transport of another age): the
    # file is a fifth smaller and written faster. rl_config is read when the file is written.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(story, canvasmaker=_canvas_class(layout, pack.footer()))
    finally:
        rl_config.useA85 = a85
    return pack, sections, layout, buffer.getvalue()


def build(
    db: Database,
    meeting_id: int,
    path: Path | str,
    *,
    variant: str = "membre",
    skip_broken_annexes: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> PackResult:
    """Write the meeting pack of `variant` to `path`. An annex that cannot be merged stops it
    with `BrokenAnnexesError`, unless `skip_broken_annexes`: it is then left out, and the cover
    says so."""
    if variant not in VARIANTS:
        raise UserError(
            _("Variante inconnue : « {value} » (membre, animation ou public).").format(
                value=variant
            )
        )
    report = progress or (lambda done, total: None)
    steps = 4
    report(0, steps)
    meetings.get(db, meeting_id)  # an unknown meeting is refused before anything else
    prepared, broken = read_annexes(db, meeting_id, public_only=variant == "public")
    if broken and not skip_broken_annexes:
        raise BrokenAnnexesError(broken)
    report(1, steps)
    register_fonts()
    while True:
        _pack, sections, layout, data = _lay_out(
            db, meeting_id, variant, today or dt.date.today(), prepared, broken
        )
        report(2, steps)
        try:
            if layout.annex_pages:
                data = _merge_annexes(data, layout)
            report(3, steps)
            break
        except _LateBroken as late:
            if not skip_broken_annexes:
                raise BrokenAnnexesError([late.broken]) from late
            broken.append(late.broken)
            del prepared[late.index]
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    report(steps, steps)
    return PackResult(
        path=target,
        pages=layout.total,
        variant=variant,
        left_out=tuple(b.name for b in broken),
        sections=tuple(s.title for s in sections),
    )
