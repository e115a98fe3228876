"""The meeting pack's page streams deflated by ISA-L (`isal`) instead of zlib.

reportlab compresses each page's operators with zlib at its default level (6) when the file is
written: for the busiest meeting's pack (104 pages, 930 KB of operators) 10 ms, the largest
single step of its build. ISA-L's deflate at its level 2 writes the same operators in a
quarter of that time, in a FlateDecode stream any reader inflates as it inflates zlib's; the
pages are the same, the streams ~6 % larger (the pack 299 → 316 KB). A machine without `isal`
keeps reportlab's zlib (the very bytes it always wrote).

Only the page streams of the documents that ask for it (the pack's canvas): fonts and other
streams, and the other documents (the signed minutes among them: the same bytes each time),
keep reportlab's compression.

The documents that ask for it are written without ASCII85 (a 7-bit transport of another age,
which makes a file a fifth larger), whatever reportlab's global `rl_config.useA85` says: the
choice is the document's, handed here at save time, never made by turning the global off for
the build, which a document built at the same time on another thread would read.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from reportlab.lib.rl_accel import asciiBase85Decode
from reportlab.pdfbase import pdfdoc

isal_zlib: Any
try:
    from isal import isal_zlib
except ImportError:  # (a platform without its wheel: zlib, as reportlab writes)
    isal_zlib = None


class Flate:
    """A FlateDecode filter as reportlab's `PDFStreamFilterZCompress`, by another deflater."""

    pdfname = "FlateDecode"

    def __init__(self, compress: Callable[[bytes], bytes]):
        self.compress = compress

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            text = text.encode("utf8")  # (as reportlab's filter encodes a page's operators)
        return self.compress(text)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


def _isal(data: bytes) -> bytes:
    return isal_zlib.compress(data, 2)


# The pack's: ISA-L's deflate where it is installed, else None (reportlab's own filter).
FAST: Flate | None = Flate(_isal) if isal_zlib is not None else None

# reportlab's own filter (zlib): the pack's where ISA-L is not installed.
ZLIB: Any = pdfdoc.PDFZCompress


def deflate_pages(doc: Any, flate: Flate) -> None:
    """Give each page of reportlab's PDF document `doc` whose stream it would compress the
    stream it makes of it at save time (`PDFPage.check_format`), compressed by `flate` alone
    (reportlab's filter also ASCII85-encodes it when `rl_config.useA85` is on), and its images
    the streams they have with `useA85` off (`_images_not_ascii85`). Pages with streams of
    their own, or not compressed, are left to reportlab."""
    for page in doc.Pages.pages:
        if page.Contents or not page.stream or not page.compression:
            continue
        if getattr(page, "Override_default_compilation", 0):
            continue
        stream: Any = pdfdoc.PDFStream()
        stream.filters = [flate]
        stream.content = page.stream
        stream.__Comment__ = "page stream"
        page.Contents = stream
    _images_not_ascii85(doc)


def _images_not_ascii85(doc: Any) -> None:
    """reportlab ASCII85-encodes an image's stream when it reads the image (a logo), if
    `rl_config.useA85` is on then: decoded, the stream is the one it makes with it off, byte
    for byte (the same deflated or JPEG data), and its filters the same less ASCII85Decode."""
    for obj in doc.idToObject.values():
        if type(obj) is not pdfdoc.PDFImageXObject:
            continue
        image: Any = obj  # (its filters are not in reportlab's stubs)
        if image._filters[:1] == ("ASCII85Decode",):
            image.streamContent = asciiBase85Decode(image.streamContent)
            image._filters = tuple(image._filters[1:])
