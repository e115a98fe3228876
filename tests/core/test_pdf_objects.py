"""Pages, streams, object headers and references written by `pdf_objects` are reportlab's bytes:
documents of pages of every shape (links, other sizes, rotation, transparency, transitions,
durations, crop boxes, forms, uncompressed pages) saved with and without them are the same to
the byte, and the usual pages and streams do go the quick way."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from ess_desk.documents import pack, page_streams, pdf_objects
from ess_desk.documents.style import FONT, register_fonts
from tests.core.test_pack import TODAY, prepare


@pytest.fixture(autouse=True)
def _installed():
    register_fonts()  # (installs them)
    assert pdf_objects.REPORTLAB


class _ReportLab:
    """reportlab's own formatting put back while inside."""

    def __enter__(self) -> None:
        self.ours = (
            pdfdoc.format,
            pdfdoc.PDFIndirectObject.format,
            pdfdoc.PDFObjectReference.format,
            pdfdoc.PDFDocument.format,
        )
        pdfdoc.format = pdf_objects.REPORTLAB["format"]
        pdfdoc.PDFIndirectObject.format = pdf_objects.REPORTLAB["indirect"]
        pdfdoc.PDFObjectReference.format = pdf_objects.REPORTLAB["reference"]
        pdfdoc.PDFDocument.format = pdf_objects.REPORTLAB["document"]

    def __exit__(self, *exc: object) -> None:
        (
            pdfdoc.format,
            pdfdoc.PDFIndirectObject.format,
            pdfdoc.PDFObjectReference.format,
            pdfdoc.PDFDocument.format,
        ) = self.ours


def _same_as_reportlabs(written: Callable[[], bytes]) -> None:
    """What `written` writes with our formatting is what it writes with reportlab's."""
    ours = written()
    with _ReportLab():
        theirs = written()
    assert ours == theirs


def _page(canv: Any, features: list[str], n: int) -> None:
    canv.setFont(FONT, 10)
    canv.drawString(72, 700, f"Page {n} : séance du conseil")
    for feature in features:
        if feature == "link":
            canv.bookmarkPage(f"p{n}")
            canv.linkRect("", f"p{n}", (70, 690, 300, 710), relative=0, thickness=0)
        elif feature == "size":
            canv.setPageSize(landscape(A5) if n % 2 else (400.5, 600.25))
        elif feature == "rotate":
            canv.setPageRotation(90)
        elif feature == "alpha":
            canv.setFillAlpha(0.3)
            canv.setFillColor(colors.red)
            canv.rect(10, 10, 50, 50, fill=1)
        elif feature == "transition":
            canv.setPageTransition("Dissolve", 1)
        elif feature == "duration":
            canv.setPageDuration(3)
        elif feature == "crop":
            canv.setCropBox((10, 10, 500, 700))
        elif feature == "form":
            canv.beginForm(f"f{n}")
            canv.drawString(0, 0, "forme")
            canv.endForm()
            canv.doForm(f"f{n}")
        elif feature == "many links":
            for k in range(12):
                canv.linkURL(f"https://exemple.fr/{k}", (10, 10 * k, 20, 10 * k + 5))
    canv.showPage()


def _document(pages: list[list[str]], compression: int) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, invariant=1, pageCompression=compression)
    for n, features in enumerate(pages):
        _page(canv, features, n)
    canv.save()
    return out.getvalue()


_FEATURES = st.lists(
    st.sampled_from(
        [
            "link",
            "size",
            "rotate",
            "alpha",
            "transition",
            "duration",
            "crop",
            "form",
            "many links",
        ]
    ),
    max_size=3,
    unique=True,
)


@settings(max_examples=60, deadline=None)
@given(pages=st.lists(_FEATURES, min_size=1, max_size=6), compression=st.sampled_from([0, 1]))
def test_documents_of_any_pages_are_reportlabs(pages, compression):
    ours = _document(pages, compression)
    with _ReportLab():
        theirs = _document(pages, compression)
    assert ours == theirs


def _counted(monkeypatch) -> dict[str, list]:
    found: dict[str, list] = {"page": [], "stream": []}
    page_bytes, stream_bytes = pdf_objects.page_bytes, pdf_objects.stream_bytes

    def page(p: Any, document: Any) -> bytes | None:
        found["page"].append(page_bytes(p, document))
        return found["page"][-1]

    def stream(s: Any, document: Any) -> bytes | None:
        found["stream"].append(stream_bytes(s, document))
        return found["stream"][-1]

    monkeypatch.setattr(pdf_objects, "page_bytes", page)
    monkeypatch.setattr(pdf_objects, "stream_bytes", stream)
    return found


def test_plain_pages_and_their_streams_go_the_quick_way(monkeypatch):
    found = _counted(monkeypatch)
    _document([[], ["link"], ["many links"], ["size"], ["rotate"]], 1)
    assert len(found["page"]) == 5 and None not in found["page"]
    assert len(found["stream"]) >= 4 and found["stream"].count(None) < len(found["stream"])


@pytest.mark.parametrize("feature", ["alpha", "transition", "duration", "crop", "form"])
def test_other_pages_are_left_to_reportlab(monkeypatch, feature):
    found = _counted(monkeypatch)
    _document([[feature]], 1)
    assert found["page"] == [None]


def test_uncompressed_pages_are_left_to_reportlab(monkeypatch):
    found = _counted(monkeypatch)
    _document([[]], 0)
    assert found["stream"] and set(found["stream"]) == {None}
    assert found["page"] != [None]


@pytest.mark.parametrize("settings", [{"pdfMultiLine": 1}, {"invariant": 0, "pdfComments": 1}])
def test_other_layouts_are_left_to_reportlab(monkeypatch, settings):
    found = _counted(monkeypatch)
    for setting, value in settings.items():
        monkeypatch.setattr(rl_config, setting, value)
    _document([[]], 1)
    assert found["page"] == [None] and set(found["stream"]) == {None}


def test_multiline_documents_are_reportlabs(monkeypatch):
    monkeypatch.setattr(rl_config, "pdfMultiLine", 1)
    ours = _document([["link"], []], 1)
    with _ReportLab():
        theirs = _document([["link"], []], 1)
    assert ours == theirs


def test_a_reference_not_registered_is_refused_as_reportlab_refuses_it():
    document = pdfdoc.PDFDocument(invariant=1)
    with pytest.raises(KeyError, match="forward reference to 'nowhere'"):
        pdfdoc.PDFObjectReference("nowhere").format(document)


def test_the_pack_is_reportlabs(store, tmp_path, monkeypatch):
    # Its page streams given zlib (`page_streams`): reportlab's bytes, every variant.
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(page_streams, "FAST", page_streams.Flate(zlib.compress))
    council = prepare(store, tmp_path)
    found = _counted(monkeypatch)
    for variant in pack.VARIANTS:
        path = tmp_path / f"{variant}.pdf"
        pack.build(store.db, council["second"], path, variant=variant, today=TODAY)
        ours = path.read_bytes()
        with _ReportLab():
            pack.build(store.db, council["second"], path, variant=variant, today=TODAY)
        assert ours == path.read_bytes()
    assert found["page"].count(None) < len(found["page"]) / 2


def _unusual(canv: Any, shape: str) -> None:
    """A page or a stream of a shape our documents never make, drawn on `canv`."""
    if shape in ("bleed", "trim", "art"):
        getattr(canv, f"set{shape.capitalize()}Box")((5, 5, 400, 600))
    elif shape == "rotate 270":
        canv.setPageRotation(270)
    elif shape == "image":
        from reportlab.lib.utils import ImageReader

        try:
            from PIL import Image
        except ImportError:  # (reportlab's own images need it)
            return
        canv.drawImage(ImageReader(Image.new("RGB", (4, 3), "red")), 10, 10, 40, 30)
    elif shape == "outline":
        canv.bookmarkPage("here")
        canv.addOutlineEntry("Séance « été »", "here")
    elif shape == "url":
        canv.linkURL("https://exemple.fr/é?a=(b)", (10, 10, 60, 30), relative=0)


_SHAPES = ["bleed", "trim", "art", "rotate 270", "image", "outline", "url"]


def _unusual_document(shapes: list[str], **options: Any) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, pageCompression=1, **options)
    for n, shape in enumerate(shapes):
        canv.setFont(FONT, 10)
        canv.drawString(72, 700, f"Page {n} : séance")
        _unusual(canv, shape)
        canv.showPage()
    canv.save()
    return out.getvalue()


@pytest.mark.parametrize("shape", _SHAPES)
def test_unusual_pages_are_reportlabs(shape):
    ours = _unusual_document([shape, "url"], invariant=1)
    with _ReportLab():
        theirs = _unusual_document([shape, "url"], invariant=1)
    assert ours == theirs


def test_encrypted_documents_are_reportlabs():
    from reportlab.lib import pdfencrypt

    def encrypted() -> bytes:
        # (the same key each time: reportlab draws it from the document's ID, invariant)
        encrypt = pdfencrypt.StandardEncryption("lecture", "propriétaire", strength=128)
        return _unusual_document(["url", "bleed"], invariant=1, encrypt=encrypt)

    ours = encrypted()
    with _ReportLab():
        theirs = encrypted()
    assert ours == theirs


def test_documents_not_invariant_keep_reportlabs_pages(monkeypatch):
    """Without `invariant` (its dates and ID change from one save to the next), the pages and
    their streams are still written as reportlab writes them: the same bytes, all but the
    document's dates and ID."""
    monkeypatch.setattr(rl_config, "invariant", 0)
    found = _counted(monkeypatch)
    ours = _unusual_document(["url", "rotate 270"])
    assert found["page"] and None not in found["page"]
    with _ReportLab():
        theirs = _unusual_document(["url", "rotate 270"])
    strip = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[[^]]*\]")
    assert strip.sub(b"", ours) == strip.sub(b"", theirs)


def _stream(dictionary: dict, filters: Any, content: Any = b"BT /F1 12 Tf (x) Tj ET\n") -> Any:
    return lambda: pdfdoc.PDFStream(pdfdoc.PDFDictionary(dictionary), content, filters)


@pytest.mark.parametrize(
    "made",
    [
        _stream({}, [pdfdoc.PDFZCompress]),
        _stream({}, (pdfdoc.PDFZCompress,), "BT (é) Tj ET\n"),
        _stream({}, None),
        _stream({"DecodeParms": pdfdoc.PDFDictionary({"Predictor": 12})}, [pdfdoc.PDFZCompress]),
        _stream({"Type": pdfdoc.PDFName("XObject")}, [pdfdoc.PDFZCompress]),
        _stream({}, [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress]),
        _stream({}, [pdfdoc.PDFBase85Encode]),
        _stream({}, []),
        _stream({"Filter": pdfdoc.PDFName("FlateDecode")}, [pdfdoc.PDFZCompress], b"x\x9c\x03\x00"),
    ],
)
@pytest.mark.parametrize("default_filters", [None, [pdfdoc.PDFZCompress]])
def test_streams_of_any_shape_are_reportlabs(made, default_filters):
    def written() -> bytes:
        stream = made()
        document = pdfdoc.PDFDocument(invariant=1)
        document.defaultStreamFilters = default_filters
        name = document.Reference(stream).name
        return pdfdoc.PDFIndirectObject(name, stream).format(document)

    _same_as_reportlabs(written)


@pytest.mark.parametrize("entry", ["MediaBox", "Annots"])
def test_arrays_written_on_several_lines_are_reportlabs(entry):
    """An array reportlab writes one item a line whatever the settings (`multiline` 'forced'):
    a page holding one is written as reportlab writes it."""

    def written() -> bytes:
        out = io.BytesIO()
        canv = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
        canv.linkURL("https://exemple.fr/", (10, 10, 60, 30), relative=0)
        canv.linkURL("https://exemple.fr/2", (10, 40, 60, 60), relative=0)
        canv.showPage()
        page = canv._doc.Pages.pages[-1]
        if entry == "MediaBox":
            page.MediaBox = pdfdoc.PDFArray([0, 0, 595.27, 841.89])
        else:
            page.Annots = pdfdoc.PDFArray(page.Annots)
        getattr(page, entry).multiline = "forced"
        canv.save()
        return out.getvalue()

    _same_as_reportlabs(written)


@pytest.mark.parametrize(
    "procs",
    [
        ["/PDF", "/Text", "/ImageB", "/ImageC", "/ImageI"],
        ["/PDF", "/Tëxt"],
        ["/PDF", "/A#20B", "/C-D"],
        ["PDF", "/Text"],
        ("/PDF", "/Text"),
        [],
    ],
)
@pytest.mark.parametrize("font", ["reference", "dictionary"])
def test_pages_own_resources_are_reportlabs(procs, font):
    """A page given resources of its own (procedure sets of other names, fonts in a dictionary
    of their own): reportlab's bytes."""

    def written() -> bytes:
        out = io.BytesIO()
        canv = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
        canv.setFont(FONT, 10)
        canv.drawString(72, 700, "Séance")
        canv.showPage()
        resources = pdfdoc.PDFResourceDictionary()
        resources.basicFonts()
        if font == "dictionary":
            resources.Font = pdfdoc.PDFDictionary({"F1": resources.Font})
        resources.ProcSet = procs
        canv._doc.Pages.pages[-1].Resources = resources
        canv.save()
        return out.getvalue()

    _same_as_reportlabs(written)


def _fresh_taken(monkeypatch) -> list:
    found: list = []
    fresh = pdf_objects._fresh_page_bytes

    def counted(page: Any, document: Any) -> bytes | None:
        found.append(fresh(page, document))
        return found[-1]

    monkeypatch.setattr(pdf_objects, "_fresh_page_bytes", counted)
    return found


def test_plain_pages_are_written_without_check_format(monkeypatch):
    """Pages as `showPage` leaves them (links, other sizes, rotation) go the way that shares
    their media box, resources and parent; the others are left to `check_format`."""
    found = _fresh_taken(monkeypatch)
    _document([[], ["link"], ["many links"], ["size"], ["rotate"], []], 1)
    assert len(found) == 6 and None not in found
    for feature in ("alpha", "transition", "duration", "crop", "form"):
        found.clear()
        _document([[feature]], 1)
        assert found == [None], feature


def _tweaked(tweak: str) -> bytes:
    """Pages of one size whose dictionaries differ in what `_shared_entries` keys them by (or
    in what leaves them to `check_format`), each made the way `tweak` says."""
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    for n in range(4):
        canv.setFont(FONT, 10)
        canv.drawString(72, 700, f"Page {n}")
        if n % 2 and tweak == "no images":
            canv._currentPageHasImages = 0
        if n == 2 and tweak == "rotate":
            canv.setPageRotation(90)
        if n == 1 and tweak == "size":
            canv.setPageSize((A4[0], A4[1] + 0.5))
        if n == 1 and tweak == "width":  # (as tall as the others)
            canv.setPageSize((A4[0] - 0.5, A4[1]))
        canv.showPage()
        page = canv._doc.Pages.pages[-1]
        if n == 3 and tweak == "media box":
            page.MediaBox = pdfdoc.PDFArray([0, 0, 300, 400])
        if n == 3 and tweak == "parent":
            page.Parent = canv._doc.Reference(canv._doc.Pages)
        if n == 1 and tweak == "contents":
            page.Contents = pdfdoc.PDFStream(content="BT ET\n", filters=[pdfdoc.PDFZCompress])
        if n == 2 and tweak == "annotations array":
            canv._doc.Pages.pages[-1].Annots = pdfdoc.PDFArray([])
        if n == 0 and tweak == "colours":
            page._colorsUsed = {"CS0": "CS0"}
        if n == 1 and tweak == "type":
            page.Type = pdfdoc.PDFName("Template")
        if n == 2 and tweak == "no transition":  # (`showPage` gives each page an empty one)
            page.Trans = None
    if tweak == "colours":
        canv._doc.Reference(pdfdoc.PDFArray([pdfdoc.PDFName("DeviceRGB")]), "CS0")
    canv.save()
    return out.getvalue()


@pytest.mark.parametrize(
    "tweak",
    [
        "none",
        "no images",
        "rotate",
        "size",
        "width",
        "media box",
        "parent",
        "contents",
        "annotations array",
        "colours",
        "type",
        "no transition",
    ],
)
def test_pages_keyed_apart_are_reportlabs(tweak):
    _same_as_reportlabs(lambda: _tweaked(tweak))


def test_a_page_written_without_check_format_holds_what_it_would_have_set(monkeypatch):
    """The page's media box, resources, parent, links and stream are those `check_format`
    sets (written by reportlab's own formatting: the same bytes)."""

    def pages(fresh: bool) -> list[list[bytes]]:
        if not fresh:
            monkeypatch.setattr(pdf_objects, "_fresh_page_bytes", lambda page, document: None)
        out = io.BytesIO()
        canv = Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
        for n in range(3):
            _page(canv, ["link"] if n == 1 else [], n)
        document = canv._doc
        canv.save()
        fmt = pdf_objects.REPORTLAB["format"]
        return [
            [
                fmt(getattr(page, name), document)
                for name in ("MediaBox", "Resources", "Parent", "Annots")
            ]
            + [page.Contents.content.encode()]
            for page in document.Pages.pages
        ]

    assert pages(fresh=True) == pages(fresh=False)


def test_a_streamed_document_is_reportlabs(tmp_path, monkeypatch):
    """A streamed document (the tableau, the reminders) hands each piece of its file to the
    disk as it is made: its objects, cross-reference table and trailer are reportlab's."""
    from reportlab.lib.units import mm

    from ess_desk.documents import streamed
    from ess_desk.documents.style import Metadata

    monkeypatch.setattr(rl_config, "invariant", 1)
    meta = Metadata(title="Essai", author="Conseil", subject="Essai", footer="Conseil — essai")

    def rows():
        for n in range(150):
            yield ([str(n), f"Ligne n° {n} : une action à suivre", "Échéance"], n % 7 == 0)

    def fill(doc: Any) -> None:
        doc.table(
            streamed.TableRows(["N°", "Action", "Échéance"], [20 * mm, 110 * mm, 40 * mm], rows())
        )

    def written() -> bytes:
        path = tmp_path / "long.pdf"
        streamed.write(path, meta, A4, fill)
        return path.read_bytes()

    _same_as_reportlabs(written)


def test_documents_signed_or_commented_are_left_to_reportlab(monkeypatch):
    """A document with comments, or to be signed, is put together by reportlab's own
    `PDFDocument.format`."""
    calls: list = []
    theirs = pdf_objects.REPORTLAB["document"]
    monkeypatch.setitem(
        pdf_objects.REPORTLAB, "document", lambda document: calls.append(1) or theirs(document)
    )
    _document([[]], 1)
    assert calls == []
    monkeypatch.setattr(rl_config, "invariant", 0)
    monkeypatch.setattr(rl_config, "pdfComments", 1)
    _document([[]], 1)
    assert calls == [1]
