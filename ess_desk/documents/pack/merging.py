"""The pack laid out in one PDF: the contents' page numbers, « Page n / N » on every page, and
the annexes' pages merged in as forms with their links kept."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

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
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
)

from ess_desk.documents import (
    annex_marks,
    page_streams,
)
from ess_desk.documents.pack.annex_pages import AnnexPage, BrokenAnnex, PreparedAnnex, _LateBroken
from ess_desk.documents.style import (
    FONT,
    FONT_BOLD,
    GREY,
    LIGHT,
    MARGIN,
    _numbered_canvas,
    draw_watermark,
    escape,
    fit_line,
    printed,
    styles,
)
from ess_desk.i18n import _
from ess_desk.meetings import annexes

NUMBER_WIDTH = 14 * mm  # the page numbers' column of the contents


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
    # page → the watermark from that page on (a section's start sets it, an annex clears it)
    watermark_from: dict[int, str | None] = field(default_factory=dict)
    total: int = 0

    def watermark(self, page: int) -> str | None:
        """The watermark of `page`: the last one set on it or on a page before it."""
        before = [n for n in self.watermark_from if n <= page]
        return self.watermark_from[max(before)] if before else None


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
        self.layout.watermark_from[self.canv.getPageNumber()] = self.watermark


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
        widths = self.para.getActualLineWidths0()  # each line's text, the last one's end
        text_end = self.indent + (widths[-1] if widths else self.width - self.indent - NUMBER_WIDTH)
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


def _canvas_class(layout: _Layout, footer: str) -> type[Canvas]:
    base = _numbered_canvas(footer, None)

    class PackCanvas(base):  # type: ignore[misc, valid-type]
        """The numbered canvas of style.py, plus the annex pages (drawn into by pypdf later),
        the contents' page numbers and a watermark per page; its page streams deflated by
        ISA-L where it is installed (`page_streams`: a quarter of zlib's time), and its
        streams not also ASCII85-encoded (the file a fifth smaller, written faster), whatever
        reportlab's global `rl_config.useA85` says, which the pack never changes: a document
        built at the same time on another thread reads it."""

        page_flate = page_streams.FAST or page_streams.ZLIB

        def save(self) -> None:
            for n, prepared in enumerate(layout.annexes):
                for index, page in enumerate(prepared.pages):
                    self.setPageSize(page.size)
                    layout.watermark_from[self._pageNumber] = None
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
            """A page's footer (and its contents' numbers, watermark or annex stamp). A page
            with only the footer writes what the last such page of the same size wrote with
            this page's number (`_Footer`), once it has been written whole."""
            page = self._pageNumber
            if page in layout.slots or page in layout.annex_at or layout.watermark(page):
                self._decorate_whole(total)
                return
            number = _("Page {page} / {total}").format(page=page, total=total)
            footers = self.__dict__.setdefault("_ess_footers", {})
            key = (self._pagesize, stringWidth(number, FONT, 8))
            known = footers.get(key)
            if known is not None:
                known.write(self, number)
                return
            start = len(self._code)
            self._decorate_whole(total)
            footers[key] = _Footer.of(self._code[start:], number)

        def _decorate_whole(self, total: int) -> None:
            width, height = self._pagesize
            page = self._pageNumber
            watermark = layout.watermark(page)
            if watermark:
                draw_watermark(self, watermark, width, height)
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


@dataclass(frozen=True)
class _Footer:
    """What a page's footer wrote, its page number set apart: written again for another page
    whose number is as wide (the same operators, the number's digits in their own ASCII codes;
    `Tm` places the right-aligned number by its width)."""

    before: tuple[str, ...]
    line: tuple[str, str]  # the operators around the number, on its line
    after: tuple[str, ...]

    @staticmethod
    def of(written: list[str], number: str) -> _Footer | None:
        """The footer of these operators, or None (never written again) when the number is not
        written as it reads, once, in ASCII."""
        shown = f"({number})"
        places = [n for n, piece in enumerate(written) if shown in piece]
        if not number.isascii() or any(c in number for c in "()\\") or len(places) != 1:
            return None
        n = places[0]
        head, _shown, tail = written[n].partition(shown)
        if shown in tail:
            return None
        return _Footer(tuple(written[:n]), (head, tail), tuple(written[n + 1 :]))

    def write(self, canvas: Canvas, number: str) -> None:
        # (the number's characters given their codes in the document, as drawing it does)
        font: Any = pdfmetrics.getFont(FONT)
        font.splitString(number, cast(Any, canvas)._doc)
        code: list[str] = cast(Any, canvas)._code
        code += self.before
        code.append(f"{self.line[0]}({number}){self.line[1]}")
        code += self.after


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
        size = self.reader.trailer["/Size"]
        if not isinstance(size, int):
            raise ValueError(f"the pack's PDF has no size: {size!r}")
        self.size = int(size)
        self.objects: dict[int, PdfObject] = {}
        self._moved: dict[tuple[int, int, int], int] = {}

    def page_refs(self) -> list[IndirectObject]:
        """References to the pages in order. reportlab lists every page in the root's /Kids:
        then no page needs reading (pypdf's `pages` would read them all)."""
        root = _dictionary(_dictionary(self.reader.trailer["/Root"])["/Pages"])
        listed = root["/Kids"]
        if isinstance(listed, ArrayObject):
            kids = [k for k in list.__iter__(listed) if isinstance(k, IndirectObject)]
            if root.get("/Count") == len(kids) == len(listed):
                return kids
        return self.all_page_refs()

    def all_page_refs(self) -> list[IndirectObject]:
        refs = [page.indirect_reference for page in self.reader.pages]
        return [r for r in refs if r is not None]

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


def _dictionary(value: PdfObject | None) -> DictionaryObject:
    """The dictionary `value` is or points to (in the pack's own PDF, always one)."""
    found = value.get_object() if value is not None else None
    if not isinstance(found, DictionaryObject):
        raise ValueError(f"not a dictionary in the pack's PDF: {value!r}")
    return found


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
        page = _dictionary(pages[page_number - 1])
        if page.get("/Type") != "/Page":  # a nested page tree after all: read it whole
            pages = update.all_page_refs()
            page = _dictionary(pages[page_number - 1])
        replaced = DictionaryObject(dict.items(page))
        # A page of its own resources: reportlab shares one dictionary between pages.
        resources = DictionaryObject(dict.items(_dictionary(page["/Resources"])))
        xobjects = DictionaryObject(
            dict.items(_dictionary(resources["/XObject"])) if "/XObject" in resources else ()
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

            def pack_page(
                i: int, n: int = n, pages: list[IndirectObject] = pages
            ) -> IndirectObject:
                return pages[where[(n, i)] - 1]

            _keep_links(update, replaced, source, pack_page)
        update.objects[pages[page_number - 1].idnum] = replaced
    return update.bytes()
