"""The annexes of a meeting pack read and checked before anything is laid out: each page kept
with the resources it reaches, an unreadable annex named (`BrokenAnnexesError`)."""

from __future__ import annotations

import hashlib
import logging
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pypdf import PageObject
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    PdfObject,
    StreamObject,
)
from reportlab.lib.units import mm

from ess_desk.documents import (
    annex_marks,
)
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import annexes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils import Database


ANNEX_BAND = 9 * mm  # kept free under each annex page for the pack's page number


@dataclass(frozen=True)
class AnnexPage:
    """One page of an annex, ready to be drawn inside a page of the pack."""

    content: bytes  # the page's content streams, decoded and joined (when it has several)
    stream: StreamObject | None  # its content stream, when it has just one (copied as it is)
    box: tuple[float, float, float, float]  # its visible area (crop box)
    rotation: int  # 0, 90, 180 or 270 (clockwise, as the viewer shows it)
    resources: PdfObject | None  # the page's /Resources, still in its own file
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


def _page_content(page: PageObject, checked: bool) -> tuple[bytes | None, StreamObject | None]:
    """A page's content decoded (a damaged stream is found now), and its stream when it has
    just one (copied as it is, still compressed). `checked`: the annex was found whole before,
    a single stream is not decoded again (None)."""
    contents = page.get("/Contents")  # get() gives the reference: resolve it
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        return (None if checked else contents.get_data()), contents
    if isinstance(contents, ArrayObject):
        return b"\n".join(part.get_object().get_data() for part in contents), None
    return b"", None


def _prepare_page(
    page: PageObject, page_index: dict[int, int], reached: set[int] | None
) -> AnnexPage:
    """`reached` None: the annex was found whole before (`_SOUND`), its references are not
    followed again (the merge still reaches them, and names the annex if one fails)."""
    if reached is not None:
        _reach_everything(page.get("/Resources"), reached)
    box = page.cropbox
    decoded, single = _page_content(page, checked=reached is None)
    resources = page.get("/Resources")
    # Typed form values, ticked boxes and stamps are drawn into the page (flattened).
    marks = annex_marks.marks(page)
    if marks:
        if reached is not None:
            _reach_everything(ArrayObject(m.appearance for m in marks), reached)
        if decoded is None and single is not None:
            decoded = single.get_data()
        decoded, single = annex_marks.content_with_marks(decoded or b"", marks), None
        resources = annex_marks.resources_with_marks(resources, marks)
    return AnnexPage(
        content=b"" if single is not None else (decoded or b""),
        stream=single,
        box=(float(box.left), float(box.bottom), float(box.right), float(box.top)),
        rotation=int(page.rotation) % 360,
        resources=resources,
        links=tuple(annex_marks.links(page, page_index)),
    )


# The SHA-256 of the annexes this process has read whole and found sound (every reference
# followed, every content stream decoded): the check is a function of the bytes alone, so a pack
# made again (after a change, or the public variant) does not decode them again. Bounded: an
# entry is 32 bytes, the oldest go first.
_SOUND: dict[bytes, None] = {}
_SOUND_MAX = 4096


def _prepare_annex(content: bytes, name: str = "") -> tuple[AnnexPage, ...]:
    digest = hashlib.sha256(content).digest()
    pages = _read_pages(content, name, checked=digest in _SOUND)
    _SOUND[digest] = None
    while len(_SOUND) > _SOUND_MAX:
        del _SOUND[next(iter(_SOUND))]
    return pages


def forget_sound(content: bytes) -> None:
    """The annex of these bytes is to be checked whole again (it failed in a merge)."""
    _SOUND.pop(hashlib.sha256(content).digest(), None)


def _read_pages(content: bytes, name: str, checked: bool) -> tuple[AnnexPage, ...]:
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
        reached: set[int] | None = None if checked else set()
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
    db: Database, listed: Iterable[annexes.Annex], *, public_only: bool = False
) -> tuple[list[PreparedAnnex], list[BrokenAnnex]]:
    """The annexes `listed` (a meeting's, in agenda order: `MeetingRecord.annexes`;
    `public_only`: those marked public), read and checked; those that cannot be merged are set
    apart with the reason."""
    ready: list[PreparedAnnex] = []
    broken: list[BrokenAnnex] = []
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # a damaged file is reported once, in words, not in warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for annex in listed:
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
