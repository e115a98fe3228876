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
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from reportlab import rl_config

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


def deflate_pages(doc: Any, flate: Flate) -> None:
    """Give each page of reportlab's PDF document `doc` whose stream it would compress the
    stream it makes of it at save time (`PDFPage.check_format`), compressed by `flate` instead
    of reportlab's filter. Pages with streams of their own, or not compressed, or whose streams
    are also ASCII85-encoded, are left to reportlab."""
    if rl_config.useA85:
        return
    from reportlab.pdfbase.pdfdoc import PDFStream

    for page in doc.Pages.pages:
        if page.Contents or not page.stream or not page.compression:
            continue
        if getattr(page, "Override_default_compilation", 0):
            continue
        stream: Any = PDFStream()
        stream.filters = [flate]
        stream.content = page.stream
        stream.__Comment__ = "page stream"
        page.Contents = stream
