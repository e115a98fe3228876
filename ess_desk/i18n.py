"""The one catalogue for what the core says to users: French source strings, English on request."""

from __future__ import annotations

from ess_desk.i18n_en import EN

_language = "fr"


def set_language(code: str) -> None:
    """Choose the language of core messages and documents ("fr" or "en")."""
    global _language
    _language = "en" if code.lower().startswith("en") else "fr"


def language() -> str:
    return _language


def _(message: str) -> str:
    """Translate a French source string into the current language (French is returned as is)."""
    if _language == "en":
        return EN.get(message, message)
    return message
