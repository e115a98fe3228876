"""The meeting pack (dossier de séance) as one PDF: cover, contents, convocation, agenda, minutes
to approve, action follow-up, members, sign-in sheet and proxy form, then the annexes merged in,
numbered « Page n / N » throughout; for members, for facilitators, or for the public."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    Spacer,
)

from ess_desk.documents import collector
from ess_desk.documents.pack.annex_pages import (
    BrokenAnnex,
    BrokenAnnexesError,
    PreparedAnnex,
    _LateBroken,
    forget_sound,
    read_annexes,
)
from ess_desk.documents.pack.merging import (
    _annex_key,
    _canvas_class,
    _ContentsRow,
    _Layout,
    _merge_annexes,
    _SectionStart,
)
from ess_desk.documents.pack.parts import VARIANTS, _Section
from ess_desk.documents.pack.sections import _Pack
from ess_desk.documents.style import (
    Metadata,
    built,
    document,
    escape,
    register_fonts,
    styles,
)
from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.meetings import annexes
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.record import MeetingRecord

if TYPE_CHECKING:
    from sqlite_utils import Database


__all__ = ["VARIANTS", "BrokenAnnexesError", "PackResult", "build"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    variant: str
    left_out: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()


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
    record: MeetingRecord,
    variant: str,
    today: dt.date,
    prepared: list[PreparedAnnex],
    broken: list[BrokenAnnex],
) -> tuple[_Pack, list[_Section], _Layout, bytes]:
    """The pack laid out by reportlab, in one pass: the annex pages are blank pages numbered
    with the others, and the contents' page numbers are written once every page is known."""
    pack = _Pack(db, record, variant, today, prepared, [b.name for b in broken])
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
    built(doc, story, _canvas_class(layout, pack.footer()))
    return pack, sections, layout, buffer.getvalue()


@collector.paused()
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
    # Everything the pack's parts read of the meeting, loaded once; an unknown meeting is
    # refused before anything else.
    record = meeting_record.load(db, meeting_id)
    prepared, broken = read_annexes(db, record.annexes, public_only=variant == "public")
    if broken and not skip_broken_annexes:
        raise BrokenAnnexesError(broken)
    report(1, steps)
    register_fonts()
    while True:
        _pack, sections, layout, data = _lay_out(
            db, record, variant, today or dt.date.today(), prepared, broken
        )
        report(2, steps)
        try:
            if layout.annex_pages:
                data = _merge_annexes(data, layout)
            report(3, steps)
            break
        except _LateBroken as late:
            forget_sound(annexes.content(db, prepared[late.index].annex.id))
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
