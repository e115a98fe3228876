"""What the core says to users: French source strings, English from a gettext catalogue.

The messages are written in French in the code, marked for extraction, and translated through the
catalogue `ess_desk/locale/<lang>/LC_MESSAGES/ess_desk.mo` (compiled from the `.po` by
`make translations`; `make po` refreshes the `.pot` and the `.po` from the code):

    _("Aucune séance.")                                    # a sentence
    ngettext("{n} pouvoir", "{n} pouvoirs", n).format(n=n)  # a count: French and English plurals
    pgettext("meeting status", "Tenue")                    # one French word, two meanings
    STATUSES = {"done": N_("Fait")}                        # a label table, translated where shown

French needs no catalogue: it is the source, and its plural rule (the singular for 0 and 1,
"0 abstention", "1 pouvoir", "2 pouvoirs") is applied here. Only the standard library's `gettext`
is used (argparse loads it anyway), and the catalogue is read only when English is chosen:
start-up in French reads no file.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "ess_desk"
LOCALE = Path(__file__).with_name("locale")

_language = "fr"
_catalogue: gettext.NullTranslations | None = None  # None in French, the language of the source


def set_language(code: str) -> None:
    """Choose the language of core messages and documents ("fr" or "en")."""
    global _language, _catalogue
    _language = "en" if code.lower().startswith("en") else "fr"
    _catalogue = _load(_language) if _language != "fr" else None


def language() -> str:
    return _language


class _French(gettext.NullTranslations):
    """What a message missing from a catalogue falls back to: its French, with French plurals."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return _french_plural(msgid1, msgid2, n)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return _french_plural(msgid1, msgid2, n)


def _load(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (an error if it was never built: `make translations`)."""
    catalogue = gettext.translation(DOMAIN, LOCALE, languages=[code])
    catalogue.add_fallback(_French())
    return catalogue


def _french_plural(singular: str, plural: str, n: int) -> str:
    """French takes the singular for 0 and 1 ("0 abstention", "1 pouvoir", "2 pouvoirs")."""
    return singular if abs(n) < 2 else plural


def _(message: str) -> str:
    """Translate a French source string into the current language (French is returned as is)."""
    return message if _catalogue is None else _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` of a counted message: `ngettext("{n} pouvoir", "{n} pouvoirs", n)`.

    Returns the pattern only: format it with the number (`.format(n=n)`) as any other message."""
    if _catalogue is None:
        return _french_plural(singular, plural, n)
    return _catalogue.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A French word that has two meanings, told apart by a context ("meeting status", …)."""
    return message if _catalogue is None else _catalogue.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """`ngettext` with a context."""
    if _catalogue is None:
        return _french_plural(singular, plural, n)
    return _catalogue.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a label for extraction without translating it yet: tables of labels are defined at
    import, in no language, and translated where they are shown (`label(TABLE, code)`)."""
    return message
