"""What an annex shows above its page content, kept when the pack draws the page: the values
typed in its form fields and its ticked boxes (their appearance streams, flattened into the
page, PDF 32000-1 § 12.5.5), other visible marks (stamps, free text, ink), and its links (web
addresses, and pages of the annex itself, which become pages of the pack)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

# Annotations drawn into the page: form fields and the marks a reader sees on paper. A link is
# kept as a link; a note's icon, its pop-up and a file attachment are not drawn.
_NOT_DRAWN = frozenset({"/Link", "/Popup", "/Text", "/FileAttachment", "/Sound", "/Movie"})
_HIDDEN, _NO_VIEW = 2, 32  # annotation flags (§ 12.5.3)
MARK_PREFIX = "/EssMark"

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class Mark:
    """An annotation's appearance, placed on its page by `matrix` (from the appearance's space
    to the page's)."""

    appearance: PdfObject  # the appearance stream (a reference into the annex's file)
    matrix: Matrix


@dataclass(frozen=True)
class AnnexLink:
    rect: tuple[float, float, float, float]  # on the annex page
    uri: str | None = None  # a web address
    page_index: int | None = None  # or a page of the annex (from 0)


def _number(value: Any) -> float:  # whatever the PDF holds there: float() checks it
    if isinstance(value, IndirectObject):
        value = value.get_object()
    return float(value)


def _rect(value: Any) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (_number(v) for v in value.get_object())
    except (TypeError, ValueError, AttributeError):
        return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def apply(matrix: Sequence[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


def bounds(matrix: Sequence[float], rect: Sequence[float]) -> tuple[float, float, float, float]:
    """The rectangle `rect` once transformed by `matrix`, as an upright box."""
    x0, y0, x1, y1 = rect
    points = [apply(matrix, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _normal_appearance(annot: DictionaryObject) -> PdfObject | None:
    """The annotation's normal appearance in its current state (a ticked box: its « on »
    state), or None when it has none."""
    ap = annot.get("/AP")
    if ap is None:
        return None
    normal_ref = ap.get_object().raw_get("/N") if "/N" in ap.get_object() else None
    if normal_ref is None:
        return None
    normal = normal_ref.get_object()
    if isinstance(normal, StreamObject):
        return normal_ref
    if isinstance(normal, DictionaryObject):  # states: /Yes, /Off… chosen by /AS
        state = annot.get("/AS")
        if state is not None and state in normal:
            return normal.raw_get(state)
    return None


def _placement(appearance: StreamObject, rect: Sequence[float]) -> Matrix | None:
    """The matrix that puts the appearance's box (its /BBox through its /Matrix) onto the
    annotation's rectangle (§ 12.5.5, algorithm 8.1)."""
    box = _rect(appearance.get("/BBox"))
    if box is None:
        return None
    own = appearance.get("/Matrix")
    own_matrix = [_number(v) for v in own] if own is not None else [1, 0, 0, 1, 0, 0]
    bx0, by0, bx1, by1 = bounds(own_matrix, box)
    if bx1 - bx0 <= 0 or by1 - by0 <= 0:
        return None
    sx = (rect[2] - rect[0]) / (bx1 - bx0)
    sy = (rect[3] - rect[1]) / (by1 - by0)
    return (sx, 0.0, 0.0, sy, rect[0] - sx * bx0, rect[1] - sy * by0)


def _annotations(page: DictionaryObject) -> list[DictionaryObject]:
    annots = page.get("/Annots")
    if annots is None:
        return []
    return [
        a.get_object() for a in annots.get_object() if isinstance(a.get_object(), DictionaryObject)
    ]


def marks(page: DictionaryObject) -> list[Mark]:
    """The visible annotations of a page, form fields first among them, ready to be drawn."""
    out: list[Mark] = []
    for annot in _annotations(page):
        flags = int(annot.get("/F", 0))
        if annot.get("/Subtype") in _NOT_DRAWN or flags & (_HIDDEN | _NO_VIEW):
            continue
        rect = _rect(annot.get("/Rect"))
        appearance = _normal_appearance(annot)
        if rect is None or appearance is None:
            continue
        stream = appearance.get_object()
        matrix = _placement(stream, rect) if isinstance(stream, StreamObject) else None
        if matrix is not None:
            out.append(Mark(appearance, matrix))
    return out


def content_with_marks(content: bytes, found: Sequence[Mark]) -> bytes:
    """The page's content, its state saved around it, then each mark drawn at its place."""
    lines = [b"q\n", content, b"\nQ\n"]
    for n, mark in enumerate(found):
        matrix = " ".join(f"{v:.6g}" for v in mark.matrix)
        lines.append(f"q {matrix} cm {MARK_PREFIX}{n} Do Q\n".encode())
    return b"".join(lines)


def resources_with_marks(resources: PdfObject | None, found: Sequence[Mark]) -> DictionaryObject:
    """The page's resources (still those of the annex's file) with the marks' appearances as
    form XObjects named /EssMark0, /EssMark1…"""
    base = _dictionary(resources)
    out = DictionaryObject(dict.items(base))
    xobjects = DictionaryObject(dict.items(_dictionary(base.get("/XObject"))))
    for n, mark in enumerate(found):
        xobjects[NameObject(f"{MARK_PREFIX}{n}")] = mark.appearance
    out[NameObject("/XObject")] = xobjects
    return out


def _dictionary(value: PdfObject | None) -> DictionaryObject:
    """The dictionary `value` is or points to; an empty one when it is none (missing or not a
    dictionary: a damaged file)."""
    found = value.get_object() if value is not None else None
    return found if isinstance(found, DictionaryObject) else DictionaryObject()


def _target_page(destination: object, page_index: dict[int, int]) -> int | None:
    """The annex page an explicit destination [page /XYZ …] points to, if it is one of them."""
    dest = destination.get_object() if isinstance(destination, IndirectObject) else destination
    if isinstance(dest, DictionaryObject):  # a named destination's dictionary form
        dest = dest.get("/D")
    if isinstance(dest, ArrayObject) and dest:
        target = dest[0]
        if isinstance(target, IndirectObject):
            return page_index.get(target.idnum)
    return None


def links(page: DictionaryObject, page_index: dict[int, int]) -> list[AnnexLink]:
    """The page's links to a web address or to a page of the same annex."""
    out: list[AnnexLink] = []
    for annot in _annotations(page):
        if annot.get("/Subtype") != "/Link":
            continue
        rect = _rect(annot.get("/Rect"))
        if rect is None:
            continue
        action = annot.get("/A")
        action = action.get_object() if action is not None else None
        if isinstance(action, DictionaryObject) and action.get("/S") == "/URI":
            uri = action.get("/URI")
            if uri:
                out.append(AnnexLink(rect, uri=str(uri)))
            continue
        destination = annot.get("/Dest")
        if (
            destination is None
            and isinstance(action, DictionaryObject)
            and action.get("/S") == "/GoTo"
        ):
            destination = action.get("/D")
        if destination is not None:
            target = _target_page(destination, page_index)
            if target is not None:
                out.append(AnnexLink(rect, page_index=target))
    return out


def link_annotation(
    link: AnnexLink, matrix: Sequence[float], page_ref: Callable[[int], IndirectObject | None]
) -> DictionaryObject | None:
    """The link as an annotation of the pack's page (its rectangle where the annex page is
    drawn); `page_ref` gives the pack's page for a page of the annex."""
    x0, y0, x1, y1 = bounds(matrix, link.rect)
    annot = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(FloatObject(v) for v in (x0, y0, x1, y1)),
            NameObject("/Border"): ArrayObject([NumberObject(0)] * 3),
        }
    )
    if link.uri is not None:
        annot[NameObject("/A")] = DictionaryObject(
            {
                NameObject("/S"): NameObject("/URI"),
                NameObject("/URI"): TextStringObject(link.uri),
            }
        )
        return annot
    target = page_ref(link.page_index) if link.page_index is not None else None
    if target is None:
        return None
    annot[NameObject("/Dest")] = ArrayObject([target, NameObject("/Fit")])
    return annot
