"""Long documents written page by page as their rows come (the tableau de suivi of tens of
thousands of actions, a reminder list per owner): no platypus story held whole, no page held
back for its « Page n / N » (each page's number is a form XObject drawn once the total is
known), the same look as every other document (style.py: fonts, grid tables, footer)."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, cast

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ess_desk import __version__
from ess_desk.documents.style import (
    FONT,
    GREY,
    LIGHT,
    MARGIN,
    GridTable,
    Metadata,
    forget_shared_cells,
    register_fonts,
    seed_codes,
)
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _, language
from ess_desk.typography import typeset

BOTTOM = 18 * mm
CHUNK = 60  # rows laid out at a time: a page or so
LONG = 100  # pages: a long document (see close)


@dataclass
class TableRows:
    """Rows for `StreamedDocument.table`: the header, column widths, and the rows as cell
    lists (strings, TextCells or flowables) with the indexes of those to mark (overdue)."""

    header: list
    widths: list[float]
    rows: Iterable[tuple[list, bool]]  # (cells, marked)


_saving = threading.local()  # the file a streamed document is being saved to, in this thread


class _WritingPDFFile(pdfdoc.PDFFile):
    """reportlab's collector of the file's pieces; while a streamed document is saved in this
    thread, each piece goes to the file as soon as it is made (thousands of pages are never held
    whole in memory, twice, before being written)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target = getattr(_saving, "file", None)
        if target is not None:
            for piece in self.strings:  # the header
                target.write(piece)
            self.strings = []
            self.write = target.write


class _CompressingCanvas(Canvas):
    """A canvas that compresses each page's content as soon as the page is done (reportlab
    keeps it as text until the end): thousands of pages in a few megabytes; and writes its file
    as it is put together."""

    def save(self) -> None:
        this: Any = self
        if not isinstance(this._filename, str):  # a file object: reportlab's own way
            super().save()
            return
        # (the same as reportlab's collector outside a streamed save)
        cast(Any, pdfdoc).PDFFile = _WritingPDFFile
        with open(this._filename, "wb") as out:
            _saving.file = out
            try:
                this._filename = out  # reportlab writes to a file it is given
                super().save()
            finally:
                _saving.file = None

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        super().showPage()
        from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress

        doc: Any = self._doc  # type: ignore[attr-defined]  # reportlab's document, untyped
        page = doc.Pages.pages[-1]
        if page.stream and not page.Contents:
            # Level 3: a third faster than zlib's default, a few per cent larger.
            stream = PDFStream(content=zlib.compress(page.stream.encode("utf8"), 3))
            stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
            page.Contents, page.stream = stream, None


class StreamedDocument:
    """A PDF written to `target` page after page. `add(flowable)` for titles and short
    paragraphs (moved to the next page whole when they do not fit), `table(rows)` for a long
    table (split between rows, its header repeated), `new_page()`, then `close()`."""

    def __init__(self, target: str, meta: Metadata, pagesize: tuple[float, float] = A4):
        register_fonts()
        self.meta = meta
        self.width, self.height = pagesize
        self.canvas = _CompressingCanvas(
            target,
            pagesize=pagesize,
            initialFontName=FONT,  # type: ignore[arg-type]  # a font name (stubs say a size)
            pageCompression=1,
            lang="fr-FR" if language() == "fr" else "en-GB",
        )
        seed_codes(self.canvas)
        self.canvas.setTitle(typeset(meta.title))
        self.canvas.setAuthor(typeset(meta.author))
        self.canvas.setSubject(typeset(meta.subject))
        self.canvas.setCreator(f"ESS Desk {__version__}")
        self.frame_width = self.width - 2 * MARGIN
        self.top = self.height - MARGIN
        self.y = self.top
        self.page = 1
        self._fresh = True  # nothing drawn on the current page yet
        self._footer_code: list[str] | None = None

    # -- pages -------------------------------------------------------------------------------
    @property
    def room(self) -> float:
        return self.y - BOTTOM

    def _footer(self) -> None:
        canv = self.canvas
        code: list[str] = cast(Any, canv)._code  # reportlab's page operators, untyped
        if self._footer_code is None:
            start = len(code)
            canv.saveState()
            canv.setFont(FONT, 8)
            canv.setFillColor(GREY)
            canv.setStrokeColor(LIGHT)
            canv.line(MARGIN, 12 * mm, self.width - MARGIN, 12 * mm)
            canv.drawString(MARGIN, 8 * mm, typeset(self.meta.footer))
            canv.restoreState()
            # The same on every page (its state saved and restored): written once, copied.
            self._footer_code = code[start:]
        else:
            code.extend(self._footer_code)
        # « Page n / N »: N is known at the end only, so the words are a form drawn then.
        canv.doForm(f"page{self.page}")

    def new_page(self) -> None:
        self._footer()
        self.canvas.showPage()
        self.page += 1
        self.y = self.top
        self._fresh = True

    def close(self) -> None:
        self._footer()
        self.canvas.showPage()
        total = self.page
        canv = self.canvas
        for n in range(1, total + 1):
            canv.beginForm(f"page{n}")
            canv.setFont(FONT, 8)
            canv.setFillColor(GREY)
            canv.drawRightString(
                self.width - MARGIN,
                8 * mm,
                typeset(_("Page {page} / {total}").format(page=n, total=total)),
            )
            canv.endForm()
        # This document's own codes of its lines are no longer needed; a long one also lets go
        # what serves every document (its memory is at its highest when its file is put
        # together), a short one keeps it for the next (the reminders to a thousand owners
        # share their cells and lines).
        cast(Any, canv).__dict__.pop("_ess_lines", None)
        if total > LONG:
            forget_shared_cells()
        canv.save()

    # -- content -----------------------------------------------------------------------------
    def _space(self, flowable: Flowable, before: bool) -> float:
        style = getattr(flowable, "style", None)
        if style is None or self._fresh:
            return 0.0
        return float(style.spaceBefore if before else style.spaceAfter)

    def add(self, flowable: Flowable, keep_with: float = 0.0) -> None:
        """Draw a small flowable where the page is; `keep_with`: room that must remain under
        it (a heading is not left alone at the foot of a page)."""
        before = self._space(flowable, True)
        _w, height = flowable.wrapOn(self.canvas, self.frame_width, self.top - BOTTOM)
        if not self._fresh and before + height + keep_with > self.room:
            self.new_page()
            before = 0.0
        self.y -= before + height
        flowable.drawOn(self.canvas, MARGIN, self.y)
        style = getattr(flowable, "style", None)
        self.y -= float(style.spaceAfter) if style is not None else 0.0
        self._fresh = False

    def table(self, rows: TableRows, *, first_index: int = 0) -> int:
        """The rows under their header, page after page; returns how many were drawn."""
        source: Iterator[tuple[list, bool]] = iter(rows.rows)
        pending: GridTable | None = None
        count = first_index
        while True:
            chunk = list(islice(source, CHUNK))
            if chunk:
                marked = {n for n, (_cells, mark) in enumerate(chunk) if mark}
                table = GridTable(
                    rows.header,
                    [cells for cells, _mark in chunk],
                    rows.widths,
                    marked=marked,
                    first_index=count,
                )
                count += len(chunk)
                if pending is not None:
                    table = pending.joined(table)
            elif pending is not None:
                table = pending
            else:
                break
            pending = self._draw_rows(table, more=bool(chunk))
        return count - first_index

    def _draw_rows(self, table: GridTable, more: bool) -> GridTable | None:
        """Draw as many whole pages of `table` as it fills; what is left (less than a page,
        while more rows may come) is returned to be joined to the next rows."""
        while True:
            _w, height = table.wrapOn(self.canvas, self.frame_width, self.room)
            if height <= self.room:
                if more:
                    return table  # not a full page yet: wait for the next rows
                self._draw(table, height)
                return None
            parts = table.split(self.frame_width, self.room)
            if len(parts) != 2:
                if self._fresh:  # one row taller than a page: drawn anyway, cut by the page
                    _w, height = table.wrapOn(self.canvas, self.frame_width, float("inf"))
                    self._draw(table, height)
                    return None
                self.new_page()
                continue
            head, rest = parts
            table = cast(GridTable, rest)  # a GridTable splits into GridTables
            _w, head_height = head.wrapOn(self.canvas, self.frame_width, self.room)
            self._draw(head, head_height)
            self.new_page()

    def _draw(self, table: Flowable, height: float) -> None:
        self.y -= height
        table.drawOn(self.canvas, MARGIN, self.y)
        self._fresh = False


def write(
    path: Path | str,
    meta: Metadata,
    pagesize: tuple[float, float],
    fill: Callable[[StreamedDocument], None],
) -> Path:
    """A streamed document at `path` (written to a temporary file, then renamed)."""
    path = Path(path)
    with atomic_path(path) as tmp:
        doc = StreamedDocument(str(tmp), meta, pagesize)
        fill(doc)
        doc.close()
    return path
