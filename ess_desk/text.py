"""Text compared as people read it: ignoring case, accents and the œ/æ ligatures."""

from __future__ import annotations

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
