"""PAdES signatures over PDF bytes: the signature fields put over the boxes of the signature block,
one visible signature per signatory (an incremental update: earlier signatures stay valid), the
signing time, and an RFC 3161 timestamp from the configured server when it answers — otherwise
the computer's own clock, said as such in the visible signature and in the verification."""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.resources import resource
from ess_desk.typography import typeset

if TYPE_CHECKING:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.writer import BasePdfFileWriter
    from pyhanko.pdf_utils.xref import ObjectStream
    from pyhanko.sign.signers import Signer
    from pyhanko.sign.timestamps import TimeStamper
    from pyhanko.stamp import TextStampStyle

FIELD_PREFIX = "Signature_"
STAMP_FONT_SIZE = 8  # the font engine and the text box must agree, or glyphs spread out
STAMP_LEADING = 11  # points between lines: the font size alone made the lines touch
TIMESTAMP_TIMEOUT = 10  # seconds: a server that does not answer leaves the local time


@dataclass(frozen=True)
class Field:
    """A signature field to create: its name, page (0-based) and rectangle in PDF points."""

    name: str
    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Signed:
    data: bytes
    signed_at: str  # ISO, the computer's clock
    timestamped: bool  # an RFC 3161 token from the server is in the signature
    timestamp_server: str
    signer: str


def field_name(role: str) -> str:
    return FIELD_PREFIX + role


def _font() -> GlyphAccumulatorFactory:
    """The documents' embedded font for the visible signature (pyHanko's own opens the font
    file and never closes it: this one reads it from memory)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class Scaled(GlyphAccumulator):
        """pyHanko writes a TrueType glyph's width in font units into the PDF's /W array, which
        counts in thousandths of an em: DejaVu's 2048 units per em spread the letters apart."""

        def __init__(
            self,
            writer: BasePdfFileWriter,
            font_handle: io.BytesIO,
            font_size: float,
            obj_stream: ObjectStream | None,
        ):
            super().__init__(writer, font_handle, font_size, obj_stream=obj_stream)
            # Everything in thousandths of an em: the widths, HarfBuzz's advances, the layout.
            self._to_thousandths = 1000 / self.units_per_em
            self.units_per_em = 1000
            self.hb_font.scale = (1000, 1000)

        def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
            known = self._glyphs.get(glyph_id)
            if known is not None:
                return known
            cid, width = super()._get_cid_and_width(glyph_id)
            # The cache also gives the /W array its widths: kept in thousandths.
            self._glyphs[glyph_id] = result = cid, round(width * self._to_thousandths)
            return result

    class InMemory(GlyphAccumulatorFactory):
        def create_font_engine(
            self, writer: BasePdfFileWriter, obj_stream: ObjectStream | None = None
        ) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return Scaled(
                writer=writer,
                font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    # fontTools logs every glyph it keeps at INFO: not the program's log's business.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    return InMemory(str(resource("fonts", "DejaVuSans.ttf")), font_size=STAMP_FONT_SIZE)


def _stamp_style(role_text: str, clock_note: str) -> TextStampStyle:
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = _font()
    lines = [
        _("Signé électroniquement par %(signer)s"),
        role_text,
        _("le %(ts)s"),
        clock_note,
    ]
    return TextStampStyle(
        stamp_text="\n".join(
            typeset(line).replace("%", "%%").replace("%%(", "%(") for line in lines
        ),
        text_box_style=TextBoxStyle(font=font, font_size=STAMP_FONT_SIZE, leading=STAMP_LEADING),
        timestamp_format=typeset(_("%d/%m/%Y à %H h %M (UTC%z)")),
        border_width=1,
    )


def _whole_points(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """A field's rectangle in whole points, as pyHanko takes it (the box drawn round it on the
    page stays where it is: the field covers it to the nearest point)."""
    left, bottom, right, top = box
    return (round(left), round(bottom), round(right), round(top))


def _timestamper(url: str) -> TimeStamper | None:
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url, timeout=TIMESTAMP_TIMEOUT)


def _sign_once(
    data: bytes,
    field: str,
    signer: Signer,
    *,
    role_text: str,
    location: str,
    new_fields: tuple[Field, ...],
    timestamper: TimeStamper | None,
    clock_note: str,
) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    for f in new_fields:
        fields.append_signature_field(
            writer, fields.SigFieldSpec(f.name, on_page=f.page, box=_whole_points(f.box))
        )
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        reason=role_text,
        location=location or None,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=signer,
        timestamper=timestamper,
        stamp_style=_stamp_style(role_text, clock_note),
    )
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def sign(
    data: bytes,
    role: str,
    role_text: str,
    signer: Signer,
    *,
    location: str = "",
    new_fields: tuple[Field, ...] = (),
    timestamp_url: str = "",
) -> Signed:
    """Sign `data` in the field of `role` (created first from `new_fields` when the file has none
    yet). With `timestamp_url`, the signature carries the server's RFC 3161 token; a server that
    does not answer leaves the local time, and the visible signature says so."""
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import TimestampRequestError

    from ess_desk.signing.certificates import holder_of

    name = holder_of(signer.signing_cert).name
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    stamper = _timestamper(timestamp_url)

    def attempt(timestamper: TimeStamper | None, note: str) -> bytes:
        return _sign_once(
            data,
            field_name(role),
            signer,
            role_text=role_text,
            location=location,
            new_fields=new_fields,
            timestamper=timestamper,
            clock_note=note,
        )

    try:
        if stamper is not None:
            try:
                signed = attempt(
                    stamper, _("Horodatage RFC 3161 : {server}").format(server=timestamp_url)
                )
                return Signed(signed, now, True, timestamp_url, name)
            except (TimestampRequestError, OSError):
                pass  # the server did not answer: the local time, stated as such
        signed = attempt(None, _("Heure de l'ordinateur du signataire, sans horodatage"))
        return Signed(signed, now, False, "", name)
    except SigningError as exc:
        raise UserError(
            _("La signature n'a pas pu être apposée : {reason}").format(reason=exc)
        ) from exc
