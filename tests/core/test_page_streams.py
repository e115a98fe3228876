"""The meeting pack's page streams deflated by ISA-L (`page_streams`): the same pages as those
reportlab deflates with zlib, and, through the same filter given zlib's own deflater, the very
bytes reportlab writes."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as hs
from PIL import Image
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdfcanvas

from ess_desk.documents import pack, page_streams
from tests.core.test_pack import TODAY, prepare


@pytest.fixture
def council(store, tmp_path):
    return prepare(store, tmp_path)


def packs(store, council, tmp_path, flate: page_streams.Flate | None) -> list[bytes]:
    """The three variants' bytes, their page streams deflated by `flate` (None: reportlab's)."""
    out = []
    page_streams_fast = page_streams.FAST
    page_streams.FAST = flate
    try:
        for variant in pack.VARIANTS:
            path = tmp_path / f"dossier-{variant}.pdf"
            pack.build(store.db, council["second"], path, variant=variant, today=TODAY)
            out.append(path.read_bytes())
    finally:
        page_streams.FAST = page_streams_fast
    return out


def test_the_filter_given_zlib_writes_reportlabs_bytes(store, council, tmp_path, monkeypatch):
    # The streams `deflate_pages` makes are those reportlab makes at save time, filter aside.
    monkeypatch.setattr(rl_config, "invariant", 1)
    by_zlib = page_streams.Flate(zlib.compress)
    assert packs(store, council, tmp_path, by_zlib) == packs(store, council, tmp_path, None)


def test_isal_deflates_the_same_pages(store, council, tmp_path, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)
    assert page_streams.FAST is not None  # (isal is one of the project's dependencies)
    fast = packs(store, council, tmp_path, page_streams.FAST)
    plain = packs(store, council, tmp_path, None)
    assert fast != plain  # (the pages are deflated otherwise)
    for ours, theirs in zip(fast, plain, strict=True):
        ours_pages = PdfReader(_file(tmp_path, "ours.pdf", ours)).pages
        their_pages = PdfReader(_file(tmp_path, "theirs.pdf", theirs)).pages
        assert len(ours_pages) == len(their_pages) > 5
        filters = []
        for mine, other in zip(ours_pages, their_pages, strict=True):
            assert mine.get_contents().get_data() == other.get_contents().get_data()
            contents = mine["/Contents"].get_object()
            if not isinstance(contents, list):  # (not an annex page: merged by pypdf)
                filters.append(contents["/Filter"])
        assert filters and filters == [["/FlateDecode"]] * len(filters)
        assert len(ours) < 1.15 * len(theirs)


def _file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@given(hs.text() | hs.binary())
def test_the_filter_writes_what_zlib_inflates(text):
    assert page_streams.FAST is not None
    data = text.encode("utf8") if isinstance(text, str) else text
    assert zlib.decompress(page_streams.FAST.encode(text)) == data
    assert page_streams.FAST.decode(page_streams.FAST.encode(text)) == data


def test_pages_left_to_reportlab(tmp_path):
    # Pages not compressed, or with streams of their own keep theirs.
    def document(compression: int) -> pdfcanvas.Canvas:
        canv = pdfcanvas.Canvas(str(tmp_path / "x.pdf"), pageCompression=compression)
        for n in range(3):
            canv.drawString(72, 72, f"page {n}")
            canv.showPage()
        return canv

    flate = page_streams.Flate(zlib.compress)
    canv = document(0)
    page_streams.deflate_pages(canv._doc, flate)
    assert [page.Contents for page in canv._doc.Pages.pages] == [None] * 3
    canv = document(1)
    own = canv._doc.Pages.pages[1].Contents = object()
    page_streams.deflate_pages(canv._doc, flate)
    contents = [page.Contents for page in canv._doc.Pages.pages]
    assert contents[1] is own
    assert [c.filters for n, c in enumerate(contents) if n != 1] == [[flate], [flate]]


def test_the_stream_given_is_reportlabs_filter_aside(tmp_path, monkeypatch):
    # What reportlab's PDFPage.check_format makes of each page's stream (comment included, which
    # it writes with rl_config.pdfComments), and what deflate_pages gives, compared attribute by
    # attribute; and the pages it must leave alone: an empty one (reportlab gives it its test
    # stream), one whose compilation is overridden (it sets its own).
    def document() -> pdfcanvas.Canvas:
        canv = pdfcanvas.Canvas(str(tmp_path / "x.pdf"), pageCompression=1)
        for n in range(4):
            canv.drawString(72, 72, f"page {n}")
            canv.showPage()
        return canv

    monkeypatch.setattr(rl_config, "useA85", 0)  # (reportlab's streams, not ASCII85-encoded)
    flate = page_streams.Flate(zlib.compress)
    ours, theirs = document(), document()
    for canv in (ours, theirs):
        canv._doc.Pages.pages[1].stream = None
        canv._doc.Pages.pages[2].Override_default_compilation = 1
    page_streams.deflate_pages(ours._doc, flate)
    assert [page.Contents is None for page in ours._doc.Pages.pages] == [False, True, True, False]
    for page in theirs._doc.Pages.pages:
        page.check_format(theirs._doc)
    for mine, other in zip(ours._doc.Pages.pages, theirs._doc.Pages.pages, strict=True):
        if mine.Contents is not None:
            given, made = vars(mine.Contents), vars(other.Contents)
            assert given.pop("filters") == [flate]
            assert made.pop("filters") == [pdfcanvas.pdfdoc.PDFZCompress]
            assert given.pop("dictionary").dict == made.pop("dictionary").dict == {}
            assert given == made


def test_without_isal_the_pack_keeps_reportlabs_filter():
    # A machine without the isal package (no wheel for it): the module still loads, and the
    # pack's canvas keeps reportlab's own filter (FAST None: deflate_pages is given it).
    script = (
        "import sys; sys.modules['isal'] = None\n"  # (an import of it fails)
        "from reportlab.pdfbase import pdfdoc\n"
        "from ess_desk.documents import page_streams\n"
        "from ess_desk.documents.pack import merging\n"
        "assert page_streams.isal_zlib is None and page_streams.FAST is None\n"
        "canvas = merging._canvas_class(merging._Layout([], []), 'pied')\n"
        "assert canvas.page_flate is pdfdoc.PDFZCompress\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr


def test_the_pages_and_images_are_not_ascii85_encoded_whatever_reportlab_is_set_to(
    tmp_path, monkeypatch
):
    # The pack's choice, made at save time: reportlab's global setting is another thread's
    # document's too, and is never turned off for a pack's build. Its images (a logo) get the
    # very stream and filters reportlab gives them with the setting off.
    logo = io.BytesIO()
    Image.new("RGB", (60, 20), (31, 92, 74)).save(logo, format="PNG")

    def written(a85: int, flate: page_streams.Flate | None) -> bytes:
        monkeypatch.setattr(rl_config, "useA85", a85)
        target = io.BytesIO()
        canv = pdfcanvas.Canvas(target, pageCompression=1, invariant=1)
        for n in range(2):
            canv.drawImage(ImageReader(io.BytesIO(logo.getvalue())), 72, 600, 60, 20)
            canv.drawString(72, 72, f"page {n}")
            canv.showPage()
        if flate is not None:
            page_streams.deflate_pages(canv._doc, flate)
        canv.save()
        return target.getvalue()

    plain = written(0, None)
    assert b"ASCII85Decode" not in plain and b"/Subtype /Image" in plain
    assert b"ASCII85Decode" in written(1, None)
    assert written(1, page_streams.ZLIB) == written(0, page_streams.ZLIB) == plain
