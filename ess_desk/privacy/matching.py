"""How a person is recognised in free text: their name (accents, case, spacing, either order),
their e-mail address and their phone number, wherever a secretary typed them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

# Letters that Latin names use, accented or not (Latin-1 and Latin Extended-A).
_LATIN = [chr(c) for c in range(0x41, 0x5B)] + [chr(c) for c in range(0x61, 0x7B)]
_LATIN += [chr(c) for c in range(0xC0, 0x180) if unicodedata.category(chr(c)).startswith("L")]
_SEPARATORS = " \t\n\u00a0-\u2010\u2011"
_APOSTROPHES = "'\u2019\u02bc"


@cache
def _variants() -> dict[str, str]:
    """For each base letter, every letter that folds to it: « e » → « eéèêëEÉÈÊË… »."""
    out: dict[str, list[str]] = {}
    for char in _LATIN:
        base = fold(char)
        if len(base) == 1:
            out.setdefault(base, []).append(char)
    return {base: "".join(sorted(set(chars))) for base, chars in out.items()}


def _char_pattern(char: str) -> str:
    if char in _SEPARATORS:
        return r"[\s\-\u2010\u2011]+"
    if char in _APOSTROPHES:
        return "['\u2019\u02bc]"
    base = fold(char)
    variants = _variants()
    if len(base) == 1 and base in variants:
        return "[" + re.escape(variants[base]) + "]"
    if base and base != char.lower():  # a ligature: « œ » is also written « oe »
        return f"(?:{re.escape(char)}|{re.escape(base)})"
    return re.escape(char)


def name_pattern(text: str) -> str:
    """A pattern for a name as people type it: « Zoé Secrète » also finds « ZOE SECRETE »
    and « Zoé  Secrète »; « Jean-Pierre » also finds « Jean Pierre »."""
    words = text.split()
    joined = " ".join(words)
    out: list[str] = []
    previous_separator = False
    for char in joined:
        piece = _char_pattern(char)
        is_separator = char in _SEPARATORS
        if is_separator and previous_separator:
            continue
        out.append(piece)
        previous_separator = is_separator
    return "".join(out)


@dataclass(frozen=True)
class Identity:
    """What identifies a person in texts: the name as recorded, and their contact details."""

    person_id: int
    civility: str
    first_name: str
    last_name: str
    email: str
    phone: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @classmethod
    def of(cls, db: Database, person_id: int) -> Identity | None:
        """The person's identity as texts may show it. An e-mail or phone number that another
        card holds too (a structure's switchboard, a shared mailbox) is left out: it does not
        tell this person apart, and rewriting it would touch the other person's records."""
        row = db.execute(
            "SELECT civility, first_name, last_name, email, phone FROM people WHERE id = ?",
            [person_id],
        ).fetchone()
        if row is None:
            return None
        civility, first, last, email, phone = row
        if (
            email
            and db.execute(
                "SELECT 1 FROM people WHERE id != ? AND email = ? COLLATE NOCASE LIMIT 1",
                [person_id, email],
            ).fetchone()
        ):
            email = ""
        digits = re.sub(r"\D", "", phone)
        if digits and any(
            re.sub(r"\D", "", other) == digits
            for (other,) in db.execute(
                "SELECT phone FROM people WHERE id != ? AND phone != ''", [person_id]
            )
        ):
            phone = ""
        return cls(person_id, civility, first, last, email, phone)

    def homonyms(self, db: Database) -> int:
        """Other cards with the same first and last names: their mentions in texts cannot be
        told apart from this person's."""
        if not self.full_name:
            return 0
        target = fold(" ".join(self.full_name.split()))
        return sum(
            1
            for other_id, first, last in db.execute(
                "SELECT id, first_name, last_name FROM people WHERE id != ?", [self.person_id]
            )
            if fold(" ".join(f"{first} {last}".split())) == target
        )


def ascii_key(text: str) -> bytes:
    """Text reduced to lower-case ASCII (accents dropped): a quick first look that rules out
    most texts before the exact pattern runs (0.1 s instead of 2 s over a large audit log)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").lower()


_PHONE_SEPARATORS = b" .-()/\t\r\n"


def _phone_pattern(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None  # too short to be told apart from any other number
    between = r"[\s.\-]?"
    patterns = [between.join(digits)]
    if len(digits) == 10 and digits.startswith("0"):
        # « 06 12 34 56 78 » is also written « +33 6 12 34 56 78 ».
        patterns.append(r"\+33" + between + r"\(?0?\)?" + between + between.join(digits[1:]))
    return r"(?<!\d)(?:" + "|".join(patterns) + r")(?!\d)"


# How each civility is written before a name, short or long.
_TITLES = {
    "Mme": r"(?:Mme|Madame)\.?[\s\u00a0]+",
    "M.": r"(?:M\.|Monsieur)[\s\u00a0]*",
    "Mx": r"Mx\.?[\s\u00a0]+",
}
_ANY_TITLE = (
    r"(?:Mmes?|Mlle|Madame|Mademoiselle|Mx|Monsieur|Messieurs)\.?[\s\u00a0]+|M\.[\s\u00a0]*"
)


class Matcher:
    """Finds and replaces a person's name, e-mail and phone in any text."""

    def __init__(self, identity: Identity):
        self.identity = identity
        first, last = identity.first_name.strip(), identity.last_name.strip()
        full = [f"{first} {last}", f"{last} {first}"] if first and last else [first or last]
        full = [name_pattern(n) for n in sorted(set(full), key=len, reverse=True) if n]
        alternatives = []
        if full:
            # « Mme Zoé Secrète » goes whole, whatever title is written before the name.
            alternatives.append(f"(?:{_ANY_TITLE})?(?:" + "|".join(full) + ")")
        own_titles = _TITLES.get(identity.civility)
        if own_titles and first and last:
            # « Mme Secrète » is her, « M. Secrète » may be someone else.
            alternatives.append(f"(?:{own_titles})" + name_pattern(last))
        words = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)" if alternatives else ""
        pieces = [words] if words else []
        email = identity.email.strip()
        if email:
            pieces.append(r"(?<![\w.+-])" + re.escape(email) + r"(?![\w-])")
        phone = _phone_pattern(identity.phone)
        if phone:
            pieces.append(phone)
        self._pattern = re.compile("|".join(pieces), re.IGNORECASE) if pieces else None
        self._quick = self._quick_needles(first, last, email, identity.phone)

    @staticmethod
    def _quick_needles(
        first: str, last: str, email: str, phone: str
    ) -> tuple[list[bytes], list[bytes], list[bytes]] | None:
        """What a text must hold, reduced like `ascii_key`, to possibly name the person: every
        word of the last name (each alternative holds it), or the e-mail, or the phone digits.
        None when the name has no Latin letters to look for (then the pattern alone decides)."""
        parts = re.split(r"[\s\-\u2010\u2011'\u2019\u02bc]+", last or first)
        words = [ascii_key(w) for w in parts if w]
        if any(not w for w in words):
            return None
        digits = re.sub(r"\D", "", phone)
        phones: list[bytes] = []
        if _phone_pattern(phone):
            phones = [digits.encode()]
            if len(digits) == 10 and digits.startswith("0"):
                phones.append(b"33" + digits[1:].encode())
        return [w for w in words if w], [ascii_key(email)] if email else [], phones

    def _maybe(self, text: str) -> bool:
        if self._quick is None:
            return True
        words, emails, phones = self._quick
        key = ascii_key(text)
        if words and all(w in key for w in words):
            return True
        if any(e in key for e in emails):
            return True
        if phones:
            packed = key.translate(None, _PHONE_SEPARATORS)
            return any(p in packed for p in phones)
        return False

    @property
    def empty(self) -> bool:
        return self._pattern is None

    def search(self, text: str | None) -> bool:
        if not text or self._pattern is None or not self._maybe(text):
            return False
        return self._pattern.search(text) is not None

    def replace(self, text: str, label: str) -> str:
        if not text or self._pattern is None or not self._maybe(text):
            return text
        return self._pattern.sub(label, text)

    def excerpt(self, text: str, width: int = 60) -> str:
        """The words around the first mention: « …le bureau remercie Zoé Secrète pour… »."""
        if not text or self._pattern is None:
            return ""
        found = self._pattern.search(text)
        if found is None:
            return ""
        start, end = max(0, found.start() - width), min(len(text), found.end() + width)
        piece = " ".join(text[start:end].split())
        return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")
