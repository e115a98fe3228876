"""Text compared as people read it: ignoring case, accents and the œ/æ ligatures."""

from __future__ import annotations

import functools
import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


def fold(text: str | None) -> str:
    """Lower case without accents: « Hélène », « HELENE » and « helene » fold alike, and
    « Œuvre » gives « oeuvre »."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name as compared: no case or accents, hyphens, apostrophes and spaces as one space.

    Two names with the same key name one thing: « Structure AÉ », « structure ae » and
    « Structure  Ae » are one organisation, as secretaries type the same name differently from
    one list to the next. The member import and the organisations service both follow it."""
    return " ".join(w for w in _NOT_ALNUM.split(fold(text)) if w)
