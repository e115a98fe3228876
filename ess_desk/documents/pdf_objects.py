"""A page's dictionary and a deflated stream written out as reportlab writes them, without its
general formatting machinery, when they have the usual shape.

reportlab formats each object of a PDF at save time through the same general steps: a page's
dictionary is rebuilt from its attributes, its resources become a dictionary of their own, each
array, name, number and reference goes through `pdfdoc.format` (and each reference through a
codec written in Python): about 30 µs a page, 3.3 ms for the busiest meeting's pack (104 pages),
as much again for its page streams and the other objects. Every page of our documents has the
same shape (its stream, the page size, the shared font resources, maybe links), and every
stream given to a single FlateDecode filter too: `page_bytes` and `stream_bytes` write them
directly, the same bytes to the last space, and leave any other shape (ExtGState, colour
spaces, XObjects, crop boxes, durations, encryption, comments asked for…) to reportlab.

`install` puts them in front of `pdfdoc.format` (every document's objects go through it) and
writes the indirect objects' headers and the references without the codec (ASCII digits,
which the codec leaves as they are).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFResourceDictionary,
    PDFStream,
)

# What a page's dictionary may hold for `page_bytes` to write it; any other entry (a crop box, a
# duration, a thumbnail…) leaves the page to reportlab.
_PAGE_KEYS = frozenset(
    {"Annots", "Contents", "MediaBox", "Parent", "Resources", "Rotate", "Trans", "Type"}
)
# The resources' dictionaries that must be empty (only fonts and the procedure sets are written).
_EMPTY_RESOURCES = ("ColorSpace", "XObject", "ExtGState", "Pattern", "Properties", "Shading")


def _plain() -> bool:
    """Whether reportlab writes objects on one line each, without comments (its settings)."""
    return not rl_config.pdfMultiLine and bool(rl_config.invariant or not rl_config.pdfComments)


def _number(value: Any) -> bytes | None:
    kind = type(value)
    if kind is int or kind is float:
        return fp_str(value).encode("ascii")
    return None


def _joined(entries: list[bytes], every: int) -> bytes:
    """reportlab's one-line layout of a dictionary's entries (`every` 6) or an array's items
    (`every` 10): joined by spaces, a line break after each `every`."""
    for i in reversed(range(every, len(entries), every)):
        entries.insert(i, b"\n ")
    return b" ".join(entries)


def _array(value: Any, item: Callable[[Any], bytes | None]) -> bytes | None:
    """`PDFArray.format` when each item is written by `item` (None: not an array of those, or
    one reportlab writes an item a line whatever the settings)."""
    if type(value) is not PDFArray:
        return None
    layout: Any = value.multiline  # (True, False or "forced": its stubs say bool)
    if layout == "forced":
        return None
    items = [item(e) for e in value.sequence]
    if None in items:
        return None
    return b"[ " + _joined(items, 10) + b" ]"  # type: ignore[arg-type]


def _resources(resources: Any, document: Any) -> bytes | None:
    """`PDFResourceDictionary.format` for a page's usual resources: the fonts' reference and the
    procedure sets (names), nothing else."""
    if type(resources) is not PDFResourceDictionary:
        return None
    if any(getattr(resources, name) != {} for name in _EMPTY_RESOURCES):
        return None
    font, procs = resources.Font, resources.ProcSet
    if type(font) is not PDFObjectReference or type(procs) is not list or not procs:
        return None
    if not all(type(p) is str and p.isascii() and p[:1] == "/" and p[1:].isalnum() for p in procs):
        return None
    names = _joined([p.encode("ascii") for p in procs], 10)
    return b"<<\n/Font " + _reference_format(font, document) + b" /ProcSet [ " + names + b" ]\n>>"


def _page_values(page: Any, document: Any) -> dict[str, bytes] | None:
    """Each entry of the page's dictionary as reportlab writes it, or None when one is not of
    the usual shape. Nothing is registered in the document (the caller does that)."""
    values: dict[str, bytes] = {}
    entries = _page_entries(page)
    if entries.keys() - _PAGE_KEYS:
        return None
    if entries.get("Type") != "/Page" or type(entries.get("Rotate")) is not int:
        return None
    values["Type"] = b"/Page"
    values["Rotate"] = _number(entries["Rotate"])  # type: ignore[assignment]
    trans = entries.get("Trans")
    if trans is not None:
        if type(trans) is not PDFDictionary or trans.dict:
            return None
        values["Trans"] = b"<<\n\n>>"
    parent = entries.get("Parent")
    if type(parent) is not PDFObjectReference:
        return None
    values["Parent"] = _reference_format(parent, document)
    box = _array(entries.get("MediaBox"), _number)
    resources = _resources(entries.get("Resources"), document)
    if box is None or resources is None or not isinstance(entries.get("Contents"), PDFStream):
        return None
    values["MediaBox"], values["Resources"] = box, resources
    if "Annots" in entries:
        annots = _array(
            entries["Annots"],
            lambda e: _reference_format(e, document) if type(e) is PDFObjectReference else None,
        )
        if annots is None:
            return None
        values["Annots"] = annots
    return values


def _page_entries(page: Any) -> dict[str, Any]:
    """The entries `PDFCatalog.format` gives a page's dictionary (its defaults, then the
    attributes set), before the references are made."""
    entries: dict[str, Any] = {}
    for key, default in page.__Defaults__.items():
        value = getattr(page, key, default)
        if value is not None:
            entries[key] = value
    for key in page.__NoDefault__:
        value = getattr(page, key, None)
        if value is not None:
            entries[key] = value
    return entries


def page_bytes(page: Any, document: Any) -> bytes | None:
    """What reportlab's `format(page, document, toplevel=1)` gives for a page of the usual
    shape, with the same effects on the document (the page's stream registered); None, having
    changed nothing but what `check_format` sets (as reportlab would), for any other."""
    if type(page) is not PDFPage or page.Override_default_compilation or not _plain():
        return None
    found = _fresh_page_bytes(page, document)
    if found is not None:
        return found
    page.check_format(document)  # (what reportlab's format does first; it does it once)
    values = _page_values(page, document)
    if values is None:
        return None
    values["Contents"] = _reference_format(document.Reference(page.Contents), document)
    entries = [b"/" + key.encode("ascii") + b" " + values[key] for key in sorted(values)]
    return b"<<\n" + _joined(entries, 6) + b"\n>>"


# The entries of a page that `showPage` leaves unset and `_fresh_page_bytes` needs unset: any of
# them set (a crop box, a duration, a thumbnail, resources or a media box of its own…) leaves the
# page to `check_format` and `_page_values`.
_UNSET = tuple(sorted(set(PDFPage.__NoDefault__) - {"Annots", "Contents", "Rotate", "Trans"}))


def _fresh_page_bytes(page: Any, document: Any) -> bytes | None:
    """`page_bytes` of a page as reportlab's `showPage` leaves it (nothing set that
    `check_format` would not set, nothing used but the fonts), without `check_format`'s new
    media box, resources and parent for each page: those of its document's pages of the same
    size, rotation, procedure sets and transition (set or not), written once for the document
    (`_shared_entries`). The page is left as `check_format` leaves it (those objects given to
    it, its stream made)."""
    attributes = page.__dict__
    rotate = attributes.get("Rotate")
    if type(rotate) is not int or "Type" in attributes:
        return None
    if any(attributes.get(name) is not None for name in _UNSET):
        return None
    if page.XObjects or page.ExtGState or page._colorsUsed or page._shadingUsed:
        return None
    contents = attributes.get("Contents")
    if contents is None and page.stream:
        contents = _page_stream(page)
    elif not isinstance(contents, PDFStream):
        return None
    trans = attributes.get("Trans")
    if trans is not None and (type(trans) is not PDFDictionary or trans.dict):
        return None
    annots = attributes.get("Annots")
    if annots and not isinstance(annots, PDFObject):
        annots = PDFArray(annots)  # (as check_format makes it)
    written_annots = None
    if annots:
        written_annots = _array(
            annots,
            lambda e: _reference_format(e, document) if type(e) is PDFObjectReference else None,
        )
        if written_annots is None:
            return None
    shared = _shared_entries(page, document, rotate, trans is not None)
    if shared is None:
        return None
    box, resources, parent, entries = shared
    page.MediaBox, page.Resources, page.Parent = box, resources, parent
    page.Annots, page.Contents = annots or None, contents
    reference = b"/Contents " + _reference_format(document.Reference(contents), document)
    head = [reference] if written_annots is None else [b"/Annots " + written_annots, reference]
    return b"<<\n" + _joined(head + entries, 6) + b"\n>>"


def _page_stream(page: Any) -> PDFStream:
    """The stream `check_format` makes of a page's operators."""
    stream: Any = PDFStream()
    if page.compression:
        stream.filters = (
            rl_config.useA85
            and [pdfdoc.PDFBase85Encode, pdfdoc.PDFZCompress]
            or [pdfdoc.PDFZCompress]
        )
    stream.content = page.stream
    stream.__Comment__ = "page stream"
    return stream


def _shared_entries(
    page: Any, document: Any, rotate: int, trans: bool
) -> tuple[PDFArray, PDFResourceDictionary, PDFObjectReference, list[bytes]] | None:
    """The media box, resources and parent `check_format` would give the page, and the page's
    entries after its stream, as `_page_values` writes them: made once per document for the
    pages of the same size, rotation, procedure sets and transition (kept on the document)."""
    key = (page.pagewidth, page.pageheight, rotate, bool(page.hasImages), trans)
    known: dict | None = document.__dict__.get("_ess_page_entries")
    if known is None:
        known = document.__dict__["_ess_page_entries"] = {}
    found = known.get(key)
    if found is not None:
        return found
    width, height = page.pagewidth, page.pageheight
    box = PDFArray(rotate in (90, 270) and [0, 0, height, width] or [0, 0, width, height])
    resources = PDFResourceDictionary()
    resources.basicFonts()
    if page.hasImages:
        resources.allProcs()
    else:
        resources.basicProcs()
    parent = document.Reference(document.Pages)
    values = {
        "MediaBox": _array(box, _number),
        "Parent": _reference_format(parent, document),
        "Resources": _resources(resources, document),
        "Rotate": _number(rotate),
        "Type": b"/Page",
    }
    if trans:
        values["Trans"] = b"<<\n\n>>"
    if None in values.values():
        return None
    entries = [b"/" + name.encode("ascii") + b" " + values[name] for name in sorted(values)]  # type: ignore[operator]
    found = known[key] = (box, resources, parent, entries)
    return found


def stream_bytes(stream: Any, document: Any) -> bytes | None:
    """What reportlab's `PDFStream.format` gives for a stream with no entries of its own and one
    FlateDecode filter (a page's operators, a font's subset), not encrypted; None, having done
    nothing, for any other."""
    if type(stream) is not PDFStream or stream.content is None or not _plain():
        return None
    if type(stream.dictionary) is not PDFDictionary or stream.dictionary.dict:
        return None
    filters = stream.filters if stream.filters is not None else document.defaultStreamFilters
    if type(filters) not in (list, tuple) or len(filters) != 1:
        return None
    if filters[0].pdfname != "FlateDecode" or type(document.encrypt) is not NoEncryption:
        return None
    content = filters[0].encode(stream.content)
    written = content if type(content) is bytes else pdfdoc.format(content, document)
    length = fp_str(len(content)).encode("ascii")
    return (
        b"<<\n/Filter [ /FlateDecode ] /Length "
        + length
        + b"\n>>\nstream\n"
        + written
        + b"endstream\n"
    )


def _indirect_format(self: Any, document: Any) -> bytes:
    """`PDFIndirectObject.format`: « n v obj », the object, « endobj », the header written
    without reportlab's codec (which leaves ASCII digits as they are)."""
    document.encrypt.register(*document.idToObjectNumberAndVersion[self.name])
    return _object_bytes(self.name, self.content, document)


def _reference_format(self: Any, document: Any) -> bytes:
    """`PDFObjectReference.format`: « n v R », without reportlab's codec."""
    try:
        n, v = document.idToObjectNumberAndVersion[self.name]
    except Exception:
        raise KeyError(
            f"forward reference to {self.name!r} not resolved upon final formatting"
        ) from None
    return b"%d %d R" % (n, v) if type(n) is int and type(v) is int else _encoded(n, v, "R")


def _encoded(n: Any, v: Any, tail: str) -> bytes:
    return pdfdoc.pdfdocEnc(f"{n} {v} {tail}")


def _document_format(self: Any) -> bytes:
    """`PDFDocument.format`: each object registered written in turn, then the cross-reference
    table and the trailer, without an indirect object made around each object nor
    `PDFFile.add`'s checks, the cross-reference table's lines written at once (its one section
    of contiguous numbers, as this loop makes them). An encrypted or signed document, or one
    with comments, is left to reportlab."""
    if type(self.encrypt) is not NoEncryption or getattr(self, "_digiSigs", None):
        return REPORTLAB["document"](self)
    if not rl_config.invariant and rl_config.pdfComments:
        return REPORTLAB["document"](self)
    catalog, info = self.Catalog, self.info
    self.Reference(catalog)
    self.Reference(info)
    number_to_id, by_id = self.numberToId, self.idToObject
    numbers, offsets = self.idToObjectNumberAndVersion, self.idToOffset
    written = pdfdoc.PDFFile(self._pdfVersion)
    self._PDFDocument__accum__ = written
    write, offset = written.write, written.offset  # (a streamed document's goes to its file)
    indirect = pdfdoc.PDFIndirectObject.format
    lines = []
    counter = 1
    while counter in number_to_id:
        name = number_to_id[counter]
        if indirect is _indirect_format:
            data = _object_bytes(name, by_id[name], self)
        else:
            data = pdfdoc.PDFIndirectObject(name, by_id[name]).format(self)
        offsets[name] = offset
        write(data)
        lines.append(b"%010d %05d n " % (offset, numbers[name][1]))
        offset += len(data)
        written.offset = offset
        counter += 1
    del self._PDFDocument__accum__
    count = len(number_to_id)
    if counter - 1 != count:
        raise ValueError(f"counter {counter} doesn't match number to id dictionary {count}")
    lines[0:0] = [b"xref\n0 %d" % (count + 1), b"0000000000 65535 f "]
    lines.append(b"")
    start = written.add(b"\n".join(lines))
    trailer = pdfdoc.PDFTrailer(
        startxref=start,
        Size=count + 1,
        Root=self.Reference(catalog),
        Info=self.Reference(info),
        ID=self.ID(),
    )
    written.add(trailer.format(self))
    return written.format(self)


def _object_bytes(name: str, content: Any, document: Any) -> bytes:
    """« n v obj », the object, « endobj » (`_indirect_format`'s bytes), for an object given by
    its name and content, without an indirect object made around it."""
    n, v = document.idToObjectNumberAndVersion[name]
    written = pdfdoc.format(content, document, toplevel=1)
    head = b"%d %d obj\n" % (n, v) if type(n) is int and type(v) is int else _encoded(n, v, "obj\n")
    return head + written + (b"" if written.endswith(b"\n") else b"\n") + b"endobj\n"


# What `install` replaced (reportlab's ways, for the tests).
REPORTLAB: dict[str, Any] = {}


def install() -> None:
    """Pages and streams of the usual shape written by `page_bytes` and `stream_bytes`, the
    indirect objects' headers and the references without the codec (once)."""
    previous: Any = pdfdoc.format  # (style.py's, untyped)
    if getattr(previous, "_ess_desk_objects", False):
        return
    REPORTLAB.update(
        format=previous,
        indirect=pdfdoc.PDFIndirectObject.format,
        reference=pdfdoc.PDFObjectReference.format,
        document=pdfdoc.PDFDocument.format,
    )

    def format_value(element: Any, document: Any, toplevel: int = 0) -> bytes:
        kind = type(element)
        if toplevel and (kind is PDFPage or kind is PDFStream):
            found = (page_bytes if kind is PDFPage else stream_bytes)(element, document)
            if found is not None:
                return found
        return previous(element, document, toplevel)

    format_value._ess_desk_objects = True  # type: ignore[attr-defined]
    format_value._ess_desk = True  # type: ignore[attr-defined]
    target: Any = pdfdoc
    target.format = format_value
    target.PDFIndirectObject.format = _indirect_format
    target.PDFObjectReference.format = _reference_format
    target.PDFDocument.format = _document_format
