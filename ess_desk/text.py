"""Text compared as people read it: ignoring case, accents and the œ/æ ligatures."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


def _has_ligature(text: str) -> bool:
    # Four searches for one character each, in C: as fast as a pattern's search, without the
    # pattern's half a millisecond of compiling at every start of the window.
    return "œ" in text or "æ" in text or "Œ" in text or "Æ" in text


def fold(text: str | None) -> str:
    """Lower case without accents: « Hélène », « HELENE » and « helene » fold alike, and
    « Œuvre » gives « oeuvre »."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold_beyond_ascii(text)


def _folded(
    normalize: Callable[..., str],
    beyond_latin_marks: Callable[[str], object],
    text: str,
) -> str:
    """`fold` for a text beyond ASCII, given unicodedata's normalize and the search for what is
    neither ASCII nor one of the common combining diacritical marks (U+0300 to U+036F)."""
    if _has_ligature(text):  # rare: str.translate reads every character
        text = text.translate(_LIGATURES)
    decomposed = normalize("NFKD", text.casefold())
    if beyond_latin_marks(decomposed) is None:
        # ASCII letters and the common diacritics only (French text): dropping every other
        # character is the fastest way to drop the marks.
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return decomposed.translate(_combining_marks())


def _first_beyond_ascii(text: str) -> str:
    """The first text beyond ASCII loads what `_folded` needs, then hands every text after it
    to `_folded` directly: the window's start folds none, and unicodedata and the pattern were
    half a millisecond of its modules."""
    global _fold_beyond_ascii
    import unicodedata

    beyond = re.compile("[^\x00-\x7f\u0300-\u036f]")
    _fold_beyond_ascii = functools.partial(_folded, unicodedata.normalize, beyond.search)
    return _fold_beyond_ascii(text)


_fold_beyond_ascii: Callable[[str], str] = _first_beyond_ascii


# Every combining mark lies between these two (a test checks it against the whole of Unicode).
COMBINING_FIRST, COMBINING_LAST = 0x0300, 0x1E94A


@functools.cache
def _combining_marks() -> dict[int, None]:
    """The combining marks, for str.translate to drop them: a C loop, five times faster over a
    text than testing each character in Python (the demo and imports fold many thousands)."""
    import unicodedata

    return {
        code: None
        for code in range(COMBINING_FIRST, COMBINING_LAST + 1)
        if unicodedata.combining(chr(code))
    }


@functools.cache
def _not_alnum() -> re.Pattern[str]:
    return re.compile(r"[^0-9a-z]+")  # compiled at the first name compared (not at the start)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name as compared: no case or accents, hyphens, apostrophes and spaces as one space.

    Two names with the same key name one thing: « Structure AÉ », « structure ae » and
    « Structure  Ae » are one organisation, as secretaries type the same name differently from
    one list to the next. The member import and the organisations service both follow it."""
    return " ".join(w for w in _not_alnum().split(fold(text)) if w)


# Characters no document or spreadsheet may carry: the C0 controls but tab, line feed and
# carriage return, DEL and the C1 controls, lone surrogates and the two non-characters XML
# refuses. A bell (U+0007) pasted from an old system crashes an XLSX or DOCX writer, and shows
# as nothing anywhere else.
# Compiled at the first use (an import or an export): the window's start folds text but
# never looks for controls, and this pattern takes half a millisecond to compile.
@functools.cache
def _control() -> re.Pattern[str]:
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control_characters(texts: Iterable[str]) -> bool:
    """Whether any of `texts` holds a control character (see `_control`), in one search. Text
    that Python finds printable holds none of them (they are all of the categories it is not:
    Cc, Cs, Cn), and is found so in C about three times faster than by the pattern (a 10,000-line
    member file: 3.4 against 5.5–7.5 ms); anything else (a tab, a line break, a no-break
    space…) is searched."""
    text = " ".join(texts)
    return not text.isprintable() and _control().search(text) is not None


def control_characters(text: str) -> list[str]:
    """The control characters found in `text`, each once, as « U+0007 »."""
    found = dict.fromkeys(_control().findall(text))
    return [f"U+{ord(c):04X}" for c in found]


def printable(text: str) -> str:
    """`text` without its control characters (see `_control`): what every export writes."""
    if text.isprintable():
        return text
    control = _control()
    return control.sub("", text) if control.search(text) else text


def printable_copy(value):  # type: ignore[no-untyped-def]
    """A copy of `value` (a string, or a dataclass, tuple, list or dict holding strings) with
    every string made `printable`: the record a document is built from, cleaned once."""
    import dataclasses

    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list | tuple):
        cleaned = [printable_copy(v) for v in value]
        if isinstance(value, list):
            return cleaned
        return type(value)(*cleaned) if hasattr(value, "_fields") else tuple(cleaned)
    if isinstance(value, dict):
        return {k: printable_copy(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: printable_copy(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


def slug(text: str) -> str:
    """A file name's part made of a name: ASCII letters and digits, lower case, runs of anything
    else one dash (« Zoé Martin (La Ruche) » gives « zoe-martin-la-ruche »)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "convocation"
