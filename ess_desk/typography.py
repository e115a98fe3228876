"""French typography for everything the council hands out: documents, e-mails and exports.

One place for the rules a proofreader applies (Lexique des règles typographiques en usage à
l'Imprimerie nationale; Unicode UAX #14 for what may break): a narrow no-break space (U+202F)
before « : ; ! ? » and inside « », a no-break space (U+00A0) in « 18 h 30 », between a number
and its unit, after « M. » or « Mme » and between a day and its month, « 1er » for the first
day of a month, the typographic apostrophe, and where a word too long for its line may be cut
(its hyphenation points, or after a hyphen it already has; a word with none that fits is cut
between two characters, without a hyphen: `force_cut`).

`typeset(text)` applies them in the current language (English text gets only the apostrophe);
builders call it on every string they print, through `documents.style` for the PDFs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ess_desk.i18n import language

if TYPE_CHECKING:
    import pyphen

NBSP = "\u00a0"  # no-break space: « 18 h 30 », « 10 % », « M. Dupont »
NNBSP = "\u202f"  # narrow no-break space: before « : ; ! ? », inside « », thousands
APOSTROPHE = "\u2019"
# Spaces a line may not break at (UAX #14 class GL), beside the ordinary ones it may.
NO_BREAK_SPACES = NBSP + NNBSP + "\u2007\u2060"

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS = "|".join(MONTHS)
# Units and signs that follow a number (SI symbols, currencies, and the usual abbreviations of
# French office documents: « 30 j », « 12 p. », « 5 min »).
_UNITS = r"%|‰|€|\$|£|°C|°|h|min|s|j|p\.|pp\.|mm|cm|m|km|g|kg|t|l|ml|Ko|Mo|Go|ko|kB|MB|GB|ans?|jours?|mois|heures?|minutes?"
_LETTER = r"[^\W\d_]"
_SPACE = f"[ \t{NBSP}{NNBSP}]"

# (Patterns begin with what they look for, never with a look-behind, which the regular expression
# engine would try at every character: the character before is checked on each match.)
_APOSTROPHE = re.compile(r"'(?=[\w«])")  # after a letter
_OPEN_QUOTE = re.compile(rf"«{_SPACE}*")
_CLOSE_QUOTE = re.compile(rf"{_SPACE}*»")
# A space before « ; ! ? : » (any kind) becomes a narrow no-break one; where none was typed
# after a word (« Lieu: »), one is added, but never inside « 20:00 » or « https:// ».
_SPACED_PUNCT = re.compile(rf"[ \t{NBSP}]+(?=[;!?:])")
_BARE_PUNCT = re.compile(r"([;!?:]+)(?=\s|$|[»)\]\"'’])")  # after a word, not a number
_BEFORE_BARE_PUNCT = re.compile(r"(?!\d)[\w»)\]]")
_TIME = re.compile(rf"\b(\d{{1,2}}){_SPACE}h(?:{_SPACE}(\d{{2}}))?\b")
_UNIT = re.compile(rf"(\d) (?=(?:{_UNITS})(?!\w))")
_NUMBER_AFTER = re.compile(r"(n°|N°|no\.|art\.|p\.|pp\.|§|Art\.) (?=\d)")  # not after [\w.]
# (The character before a number, neither a digit nor « , . », is looked at once its first digit
# is found, as `(?<![\d,.])` before it would be: a pattern that begins with a look-behind is
# tried at every character of the text, one that begins with a digit only where there is one.)
_THOUSANDS = re.compile(r"(\d(?<![\d,.]\d)\d{0,2})((?:[ \u00a0]\d{3})+)(?![\d,])")
_CIVILITY = re.compile(r"(M\.|MM\.|Mme|Mmes|Mlle|Mlles|Mgr|Dr) (?=[^\W\d_])")  # not after \w
# A digit, a space and « h »: where a time of day may be.
_TIME_HINT = re.compile(rf"\d{_SPACE}h")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}|1er) ({_MONTHS})\b")
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|\S+@\S+\.\w+", re.IGNORECASE)


def french_rules() -> bool:
    return language() == "fr"


def typeset(text: str | None, lang: str | None = None) -> str:
    """`text` as a French proofreader would print it (see the module's docstring). An English
    document gets the same no-break spaces where spaces were typed (its content is often
    French), but no space is added before « : ; ! ? ». Web and e-mail addresses are left as
    they are. Applying it twice changes nothing more."""
    if not text:
        return text or ""
    if text.isdigit() or (_NOTHING_TO_DO.fullmatch(text) and "M" not in text):
        return text  # most table cells (numbers, names, statuses): nothing to do, nothing kept
    return _typeset(text, (lang or language()) == "fr")


# What no rule applies to.
_NOTHING_TO_DO = re.compile(r"[^'«»;:!?.\d]*")


@lru_cache(maxsize=8192)
def _typeset(text: str, french: bool) -> str:
    if "://" in text or "@" in text or "www." in text:
        # Addresses keep every character; the words around them are set as usual.
        parts = _URL.split(text)
        found = _URL.findall(text)
        out = [_typeset_words(parts[0], french)]
        for address, words in zip(found, parts[1:], strict=True):
            out += [address, _typeset_words(words, french)]
        return "".join(out)
    return _typeset_words(text, french)


def _typeset_words(text: str, french: bool) -> str:
    if "'" in text:
        text = _APOSTROPHE.sub(_after_letter, text)
    # What was typed in French keeps its spaces unbreakable in an English document too; only
    # a space missing before « : ; ! ? » is added, in French alone.
    if "«" in text:
        text = _OPEN_QUOTE.sub("«" + NNBSP, text)
    if "»" in text:
        text = _CLOSE_QUOTE.sub(NNBSP + "»", text)
    text = _SPACED_PUNCT.sub(NNBSP, text)
    if french:
        text = _BARE_PUNCT.sub(_bare_punct, text)
    if "..." in text:
        text = _ELLIPSIS.sub("…", text)
    if not any(c.isdigit() for c in text):
        return _CIVILITY.sub(_civility, text)
    if _TIME_HINT.search(text):
        text = _TIME.sub(_time_match, text)
    if any(month in text for month in MONTHS):
        text = _first_day(text)
        text = _DAY_MONTH.sub(rf"\1{NBSP}\2", text)
    text = _UNIT.sub(rf"\1{NBSP}", text)
    text = _NUMBER_AFTER.sub(_number_after, text)
    text = _THOUSANDS.sub(_thousands, text)
    return _CIVILITY.sub(_civility, text)


def _thousands(match: re.Match) -> str:
    return match.group(1) + match.group(2).replace(" ", NNBSP).replace(NBSP, NNBSP)


def _before(match: re.Match) -> str:
    """The character before the match, or an empty string at the start."""
    start = match.start()
    return match.string[start - 1] if start else ""


def _after_letter(match: re.Match) -> str:
    before = _before(match)
    return APOSTROPHE if before and _IS_LETTER.match(before) else match.group(0)


def _bare_punct(match: re.Match) -> str:
    before = _before(match)
    if before and _BEFORE_BARE_PUNCT.match(before):
        return NNBSP + match.group(1)
    return match.group(0)


def _number_after(match: re.Match) -> str:
    before = _before(match)
    if before and (before == "." or _IS_WORD.match(before)):
        return match.group(0)
    return match.group(1) + NBSP


def _civility(match: re.Match) -> str:
    before = _before(match)
    if before and _IS_WORD.match(before):
        return match.group(0)
    return match.group(1) + NBSP


_IS_LETTER = re.compile(_LETTER)
_IS_WORD = re.compile(r"\w")


_FIRST_OF_MONTH = re.compile(rf"1(?<![\d,.]1)(?:er)?{_SPACE}+({_MONTHS})\b")  # (as _THOUSANDS)


def _first_day(text: str) -> str:
    """« le 1 décembre » → « le 1er décembre »."""
    return _FIRST_OF_MONTH.sub(rf"1er{NBSP}\1", text)


def _time_match(match: re.Match) -> str:
    hour, minutes = match.group(1), match.group(2)
    return f"{hour}{NBSP}h" + (f"{NBSP}{minutes}" if minutes else "")


def time_of_day(value: dt.time | dt.datetime) -> str:
    """« 18 h 30 » and « 18 h » in French (Imprimerie nationale), « 18:30 » in English."""
    if language() != "fr":
        return f"{value.hour:02d}:{value.minute:02d}"
    if value.minute == 0:
        return f"{value.hour}{NBSP}h"
    return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"


def day_of_month(day: int) -> str:
    """« 1er », « 2 »…: the first day of a month is written as an ordinal in French."""
    return "1er" if day == 1 and language() == "fr" else str(day)


def number(n: int) -> str:
    """A count in digits as the documents print it: in French, its groups of three digits set
    apart by a narrow no-break space (« 3 512 j », « 15 281 »), as `typeset` sets the numbers
    typed with spaces; « 3,512 » in English."""
    text = f"{n:,}"
    return text.replace(",", NNBSP) if language() == "fr" else text


def quote(text: str) -> str:
    """« text » in French (narrow no-break spaces inside), “text” in English."""
    if language() == "fr":
        return f"«{NNBSP}{text}{NNBSP}»"
    return f"\u201c{text}\u201d"


# ----------------------------------------------------------------------------- articles

# The first word of the names councils give their bodies and services, with its gender, and
# whether it is a common noun set in lower case after its article (« le service ESS ») or the
# start of an institution's name that keeps its capital (« le Conseil de l'ESS »).
_NOUNS: dict[str, tuple[str, bool]] = {
    **{w: ("m", False) for w in (
        "conseil", "bureau", "comité", "collège", "groupe", "réseau", "collectif", "syndicat",
        "centre", "club", "observatoire", "office", "incubateur", "laboratoire", "mouvement",
        "groupement", "atelier", "forum", "pacte", "ptce", "département", "fonds",
    )},
    **{w: ("f", False) for w in (
        "commission", "assemblée", "conférence", "cress", "chambre", "fédération", "union",
        "association", "coopérative", "fondation", "mutuelle", "agence", "maison", "région",
        "métropole", "ville", "préfecture", "communauté", "plateforme", "banque", "scic",
        "scop", "délégation", "instance",
    )},
    **{w: ("m", True) for w in ("service", "secrétariat", "cabinet", "pôle")},
    **{w: ("f", True) for w in ("direction", "mission", "cellule", "présidence", "vice-présidence")},
}  # fmt: skip
_ARTICLES = ("le ", "la ", "les ", "l'", "l’")


def with_article(name: str) -> str:
    """« le Conseil de l’ESS de Lyon », « la Commission Emploi », « l’Assemblée plénière »,
    « le service ESS de la collectivité »: a body's or a service's name as a sentence needs it,
    in French. A person's name, or a name this does not know, is returned as it is; so is any
    name in English."""
    name = name.strip()
    if language() != "fr" or not name:
        return name
    first = name.split(" ", 1)[0]
    lowered = first.lower()
    if name.lower().startswith(_ARTICLES):
        return name[0].lower() + name[1:]
    if lowered not in _NOUNS:
        return name
    gender, common = _NOUNS[lowered]
    if common and first[1:].islower():
        name = name[0].lower() + name[1:]
    if lowered[0] in "aeiouyéèêhâîô":
        return "l’" + name
    return ("le " if gender == "m" else "la ") + name


def of(name: str) -> str:
    """The name after the French preposition « de », contracted as French requires: « du
    Conseil de l’ESS » (never « de Conseil »), « de la Commission », « de l’Assemblée », « des
    … », « d’Emmaüs », « de Lyon ». In English the name as it is: the English sentence has its
    own « of »."""
    if language() != "fr":
        return name
    named = with_article(name)
    if named.startswith("le "):
        return "du " + named[3:]
    if named.startswith("les "):
        return "des " + named[4:]
    if named[:1].lower() in "aeiouyéèêâîô" and not named.startswith(("l’", "la ")):
        return "d’" + named
    return "de " + named


# ----------------------------------------------------------------------------- line breaking


@cache
def _hyphenator(lang: str) -> pyphen.Pyphen:
    import pyphen

    # Two letters at least before the cut, three after: « Aban-donné », never « Abandon-né ».
    return pyphen.Pyphen(lang="fr" if lang == "fr" else "en_GB", left=2, right=3)


@lru_cache(maxsize=8192)
def break_points(word: str, lang: str | None = None) -> tuple[tuple[int, bool], ...]:
    """Where `word` may be cut at the end of a line, from its end: (position, add a hyphen).
    After a hyphen or a slash it already has (« Rhône-|Alpes », « https://x/|y »), else at a
    hyphenation point of its language (« Aban-|donné »). A word without any has none: it is
    never cut."""
    points: set[tuple[int, bool]] = set()
    for n, char in enumerate(word[:-1]):
        if char in "-‐/–—" and n > 0:
            points.add((n + 1, False))
    pieces = re.split(r"([-‐/–—])", word)
    offset = 0
    for piece in pieces:
        if len(piece) >= 5 and piece.isalpha():
            for position in _hyphenator(lang or language()).positions(piece):
                points.add((offset + position, True))
        offset += len(piece)
    return tuple(sorted(points, reverse=True))


class Cut(NamedTuple):
    head: str  # what stays on the line, with the hyphen added when there is one
    rest: str
    hyphen_added: bool


def cut_word(word: str, fits: Callable[[str], bool], lang: str | None = None) -> Cut | None:
    """The longest start of `word` that `fits` (a test on the printed text, hyphen included)
    when cut at one of its break points, and the rest; None when no cut fits."""
    for position, hyphen in break_points(word, lang):
        head = word[:position] + ("-" if hyphen else "")
        if fits(head):
            return Cut(head, word[position:], hyphen)
    return None


def _joins_previous(char: str) -> bool:
    """A character drawn with the one before it (an accent, a joiner, a variation selector, a
    skin tone): a line never breaks just before it."""
    import unicodedata

    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == "\u200d"
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE01EF
    )


def force_cut(word: str, fits: Callable[[str], bool]) -> Cut | None:
    """The longest start of `word` that `fits`, cut between two characters (never inside an
    accented letter or an emoji), without a hyphen: for a word with no break point that fits
    (a reference, an address, « xxxxxxxx… ») which would otherwise run over the margin. None
    when not even its first character fits."""
    best: int | None = None
    for position in range(1, len(word)):
        if _joins_previous(word[position]) or word[position - 1] == "\u200d":
            continue
        if not fits(word[:position]):
            break
        best = position
    if best is None:
        return None
    return Cut(word[:best], word[best:], False)


def breakable_words(text: str) -> list[str]:
    """The words of a line of text, split only where a line may break: at ordinary spaces,
    never at no-break ones (str.split() would split at those too)."""
    return [w for w in re.split(r"[ \t\r\n\f\v]+", text) if w]


def wrap_chars(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters (chart labels), broken at ordinary spaces only."""
    lines: list[str] = []
    for word in breakable_words(text):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
