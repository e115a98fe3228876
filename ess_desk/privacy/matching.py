"""How a person is recognised in free text: their name (accents, case, spacing, either order),
their e-mail address and their phone number, wherever a secretary typed them."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ess_desk.store import audit_numbers, database
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
    return "".join(_name_pieces(text, _char_pattern))


def _name_pieces(text: str, char_pattern: Callable[[str], str]) -> list[str]:
    """The pattern of each character of `text`, a run of separators as one."""
    words = text.split()
    joined = " ".join(words)
    out: list[str] = []
    previous_separator = False
    for char in joined:
        piece = char_pattern(char)
        is_separator = char in _SEPARATORS
        if is_separator and previous_separator:
            continue
        out.append(piece)
        previous_separator = is_separator
    return out


# What IGNORECASE takes for a letter beyond the letters that fold to it (`_variants`): the
# Ångström and Kelvin signs, the dotless « ı » for « i » and the other way round (a test checks
# it over the whole of Unicode).
_CASE_EXTRAS = {"a": "\u212b", "i": "\u0131", "k": "\u212a", "\u0131": "Ii\u0130"}


class _Cased(Exception):
    """A character whose IGNORECASE matches `_uncased_char` does not give."""


def _uncased_char(char: str) -> str:
    """`_char_pattern(char)` to be compiled without IGNORECASE, taking the same characters;
    raises _Cased for a ligature or a letter outside Latin-1 and Latin Extended-A."""
    if char in _SEPARATORS or char in _APOSTROPHES:
        return _char_pattern(char)  # no letter in them
    base = fold(char)
    variants = _variants()
    if len(base) == 1 and base in variants:
        return "[" + re.escape(variants[base] + _CASE_EXTRAS.get(base, "")) + "]"
    if char.isascii() and not char.isalpha():
        return re.escape(char)
    raise _Cased(char)


def _names_uncased(names: Sequence[str]) -> re.Pattern[str] | None:
    """The pattern `(?:name_pattern(n)|…)(?!\\w)` of `names` compiled without IGNORECASE (the
    same matches: each class holds what IGNORECASE would take), written to begin with one class
    of every first letter: Python's engine then skips to where one of them is instead of trying
    the whole pattern at every position, six times faster over a minutes' snapshot (60 KB) in
    the audit log. None when a name has a character `_uncased_char` cannot give."""
    try:
        pieces = [_name_pieces(n, _uncased_char) for n in names]
    except _Cased:
        return None
    heads = [p[0] for p in pieces if p]
    if len(heads) != len(pieces) or not all(h.startswith("[") and h.endswith("]") for h in heads):
        return re.compile("(?:" + "|".join("".join(p) for p in pieces) + r")(?!\w)")
    first = "[" + "".join(dict.fromkeys(h[1:-1] for h in heads)) + "]"
    rests = [f"(?<={p[0]})" + "".join(p[1:]) for p in pieces]
    return re.compile(first + "(?:" + "|".join(rests) + r")(?!\w)")


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
        row = database.row(
            db,
            "SELECT civility, first_name, last_name, email, phone FROM people WHERE id = ?",
            [person_id],
        )
        if row is None:
            return None
        civility, first, last = row["civility"], row["first_name"], row["last_name"]
        email, phone = row["email"], row["phone"]
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
    core = _phone_core(phone)
    return None if core is None else r"(?<!\d)" + core


def _phone_core(phone: str) -> str | None:
    """The phone number as people write it, not followed by a digit (nor preceded by one:
    `_phone_pattern` adds that)."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None  # too short to be told apart from any other number
    between = r"[\s.\-]?"
    patterns = [between.join(digits)]
    if len(digits) == 10 and digits.startswith("0"):
        # « 06 12 34 56 78 » is also written « +33 6 12 34 56 78 ».
        patterns.append(r"\+33" + between + r"\(?0?\)?" + between + between.join(digits[1:]))
    return "(?:" + "|".join(patterns) + r")(?!\d)"


# How each civility is written before a name, short or long.
_TITLES = {
    "Mme": r"(?:Mme|Madame)\.?[\s\u00a0]+",
    "M.": r"(?:M\.|Monsieur)[\s\u00a0]*",
    "Mx": r"Mx\.?[\s\u00a0]+",
}
_ANY_TITLE = (
    r"(?:Mmes?|Mlle|Madame|Mademoiselle|Mx|Monsieur|Messieurs)\.?[\s\u00a0]+|M\.[\s\u00a0]*"
)
# The most characters a title above takes before its spaces (« Mademoiselle. »: 13), with room.
_TITLE_ROOM = 16


# What may not stand just before a match: a letter or digit before a name, an address's own
# characters before an e-mail, a digit before a phone number.
_WORD = re.compile(r"\w")
_EMAIL_CHAR = re.compile(r"[\w.+-]")
_DIGIT = re.compile(r"\d")
# Every byte of the UTF-8 form of every character `\s` takes, with the full stop and hyphen:
# dropped, the digits of a phone number written with them follow one another.
SPACES = [*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B)] + [
    0x2028,
    0x2029,
    0x202F,
    0x205F,
    0x3000,
]  # what str.isspace() and `\s` take (a test checks it against the whole of Unicode)
_PHONE_DROP = bytes(sorted({b for c in SPACES for b in chr(c).encode("utf-8")} | set(b".-")))


def _next_found(core: re.Pattern[str], before: re.Pattern[str], text: str, pos: int) -> int | None:
    """Where `core` next matches at or after `pos` where the character before is not `before`."""
    found = core.search(text, pos)
    while found is not None:
        start = found.start()
        if start == 0 or before.match(text, start - 1) is None:
            return start
        found = core.search(text, start + 1)
    return None


def _found(core: re.Pattern[str], before: re.Pattern[str], text: str) -> bool:
    """Whether `core` matches somewhere in `text` where the character before is not `before`."""
    return _next_found(core, before, text, 0) is not None


class Matcher:
    """Finds and replaces a person's name, e-mail and phone in any text."""

    def __init__(self, identity: Identity):
        self.identity = identity
        first, last = identity.first_name.strip(), identity.last_name.strip()
        names = [f"{first} {last}", f"{last} {first}"] if first and last else [first or last]
        names = [n for n in sorted(set(names), key=len, reverse=True) if n]
        full = [name_pattern(n) for n in names]
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
        # The same three pieces with their look-behind checked apart: a pattern that starts with
        # letters lets Python's engine skip ahead to where they are, fifteen times faster over a
        # long text (a minutes' snapshot copied in the audit log) than the whole pattern, whose
        # look-behind makes it try every position.
        self._pieces: list[tuple[re.Pattern[str], re.Pattern[str]]] = []
        if full:
            # A title before the whole name changes nothing to whether it is there: it ends with
            # a space or a full stop, so the name alone is found where the titled one is.
            core = "(?:" + "|".join(full) + r")(?!\w)"
            uncased = _names_uncased(names)
            self._pieces.append((uncased or re.compile(core, re.IGNORECASE), _WORD))
        if own_titles and first and last:
            core = f"(?:{own_titles})" + name_pattern(last) + r"(?!\w)"
            self._pieces.append((re.compile(core, re.IGNORECASE), _WORD))
        if email:
            core = re.escape(email) + r"(?![\w-])"
            self._pieces.append((re.compile(core, re.IGNORECASE), _EMAIL_CHAR))
        self._phone: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        phone_core = _phone_core(identity.phone)
        if phone_core is not None:  # the same test as `phone` above
            self._phone = (re.compile(phone_core, re.IGNORECASE), _DIGIT)
            self._pieces.append(self._phone)
        # Every written form of the number holds its digits but the first (« +33 6 12… »).
        self._phone_tail = re.sub(r"\D", "", identity.phone)[1:].encode()
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

    def search_phone(self, text: str | bytes | None) -> bool:
        """`search` for a text whose words, by the index, cannot hold the name nor the e-mail
        (see Candidates.named): only the phone number may be there. Its digits, once every
        byte of every space, full stop and hyphen is dropped, follow one another in the text
        wherever it is written: a check at C speed before the pattern. The text may be given
        as its UTF-8 bytes, as SQLite holds it (then decoded only when the check passes)."""
        if not text or self._phone is None:
            return False
        utf8 = text if isinstance(text, bytes) else text.encode("utf-8")
        if self._phone_tail not in utf8.translate(None, _PHONE_DROP):
            return False
        return _found(*self._phone, text.decode("utf-8") if isinstance(text, bytes) else text)

    def candidates(self) -> Candidates:
        """Where SQLite should look for the texts `search` may find (see Candidates)."""
        if self._pattern is None:
            return Candidates(nothing=True)
        identity = self.identity
        first, last = identity.first_name.strip(), identity.last_name.strip()
        email = identity.email.strip()
        terms: list[str] = []
        if first or last:
            if not _tokens_tell(f"{first} {last}"):
                return Candidates()  # the index cannot tell: every text is looked at
            # Every way of naming them is one of these runs of words: the whole name either
            # way round, or their own title then the last name (« Mme Secrète »).
            if first and last:
                runs = [f"{first} {last}", f"{last} {first}"]
                runs += [f"{title} {last}" for title in _TITLE_WORDS.get(identity.civility, ())]
            else:
                runs = [first or last]
            terms += [_fts_string(run) for run in runs]
        if email:
            if not email.isascii():
                return Candidates()
            terms.append(_fts_string(email))
        phones: tuple[str, ...] = ()
        pairs: tuple[tuple[str, str], ...] = ()
        phone_key: int | None = None
        if _phone_pattern(identity.phone):
            digits = re.sub(r"\D", "", identity.phone)
            phone_key = audit_numbers.key(digits)
            phones = ("%" + "%".join(digits) + "%",)
            if len(digits) == 10 and digits.startswith("0"):
                phones += ("%+33%" + "%".join(digits[1:]) + "%",)
            # Both ways of writing it put at most one separator between two of the digits
            # after the first (`_phone_core`): each such pair side by side or one apart.
            tail = digits[1:]
            pairs = tuple((f"%{a}{b}%", f"%{a}_{b}%") for a, b in itertools.pairwise(tail))
        return Candidates(
            " OR ".join(terms) if terms else None,
            phones,
            nothing=not terms,
            phone_pairs=pairs,
            phone_key=phone_key,
        )

    def search(self, text: str | None) -> bool:
        if not text or self._pattern is None or not self._maybe(text):
            return False
        return self.search_named(text)

    def search_named(self, text: str | None) -> bool:
        """`search` for a text whose words, by the index, may hold the name or the e-mail (see
        Candidates.named): the quick look at its letters, a reduction of the whole text that
        only ever rules texts out, is left to the index; the pattern decides."""
        if not text or self._pattern is None:
            return False
        # As `self._pattern.search(text)`: a piece matching where its look-behind holds.
        return any(_found(core, before, text) for core, before in self._pieces)

    def replace(self, text: str, label: str) -> str:
        if not text or self._pattern is None or not self._maybe(text):
            return text
        if "\\" in label:  # a template for `sub` (never so: the label is plain text)
            return self._pattern.sub(label, text)
        return "".join(self._replaced(text, label))

    def _replaced(self, text: str, label: str) -> Iterator[str]:
        """The pieces of `self._pattern.sub(label, text)`, found faster: the whole pattern tries
        every position of a long text (its look-behind hides where a match may start), while
        each of `_pieces` skips ahead. A match of the whole pattern at or after `done` holds a
        piece's match at its start, or its name's after a title and spaces (`_TITLE_ROOM`), and
        no piece matches inside that title or those spaces (a letter or a full stop stands before
        them, and no piece starts with a space); so no match starts before the first piece's,
        less the spaces and a title before it, from where the whole pattern takes over, as `sub`
        would from `done`, up to the next match it finds (a piece's is one)."""
        assert self._pattern is not None
        done = 0
        # Each piece's next match (its look-behind checked), searched again once passed.
        nexts: list[int | None] = [-1] * len(self._pieces)
        while True:
            for n, (core, before) in enumerate(self._pieces):
                start = nexts[n]
                if start is not None and start < done:
                    nexts[n] = _next_found(core, before, text, done)
            start = min((s for s in nexts if s is not None), default=None)
            if start is None:
                break
            room = start
            while room > done and text[room - 1].isspace():  # `\s`: what str.isspace() takes
                room -= 1
            found = self._pattern.search(text, max(done, room - _TITLE_ROOM))
            if found is None:
                break
            yield text[done : found.start()]
            yield label
            done = found.end()
        yield text[done:]

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


# The words of each civility's own titles, as the index holds them (see _TITLES).
_TITLE_WORDS = {"Mme": ("mme", "madame"), "M.": ("m", "monsieur"), "Mx": ("mx",)}


def _fts_string(text: str) -> str:
    """`text` as an FTS5 string: its words, one right after the other (the tokenizer splits at
    spaces, hyphens, apostrophes and any other character that is not a letter or a digit)."""
    return '"' + text.replace('"', '""') + '"'


def _tokens_tell(name: str) -> bool:
    """True when every way `name_pattern` may find the name in a text leaves the name's words
    as whole words of the search index: the index's tokenizer splits at anything but letters
    and digits and drops the accents of Latin letters, as the pattern takes them. Not so for a
    name with a ligature (« œ » is also written « oe »), letters outside Latin-1 and Latin
    Extended-A, or an apostrophe (the pattern also takes the modifier letter « ʼ », which the
    tokenizer keeps inside a word): those names are looked for text by text."""
    for char in name:
        if char in _APOSTROPHES:
            return False
        if char.isascii() or char in _SEPARATORS:
            continue
        base = fold(char)
        if len(base) != 1 or not base.isascii():
            return False
    return True


@dataclass(frozen=True)
class Candidates:
    """Which rows SQLite should hand to `Matcher.search`, chosen through the indexes: the rows
    whose words, in the search index (or the audit log's and approved minutes' own, 0012), hold
    every word of the person's name or their e-mail, and — the index cannot see a phone number
    typed in any grouping of its digits — the rows whose text has the number's digits in order
    (a LIKE that SQLite runs on its side). The rows left out cannot be found by `search`, but
    for one case: a dotless « ı » typed for an « i » (Python's case-insensitive matching takes
    one for the other, the index does not).

    `query` None with `nothing` False: the index cannot tell for this name, every row is
    read. `nothing` True: the person has nothing to look for in words (only the phone, if any).
    """

    query: str | None = None
    phones: tuple[str, ...] = ()
    nothing: bool = False
    # The phone's digits after the first, two by two, as LIKE patterns (side by side, one
    # apart): a text that lacks one of them cannot hold the number as `search` reads it. Most
    # long texts have the ten digits somewhere in order; few have them in pairs.
    phone_pairs: tuple[tuple[str, str], ...] = ()
    # The key of the number in the audit log's numbers (ess_desk.store.audit_numbers, 0018).
    phone_key: int | None = None

    def phone_condition(self, column: str) -> tuple[str, list[object]]:
        """An SQL condition on `column` for the texts that may hold the phone number (digits
        in order, in pairs); ("", []) when there is no number to look for."""
        if not self.phones:
            return "", []
        params: list[object] = list(self.phones)
        parts = ["(" + " OR ".join(f"{column} LIKE ?" for _p in self.phones) + ")"]
        for together, apart in self.phone_pairs:
            parts.append(f"({column} LIKE ? OR {column} LIKE ?)")
            params += [together, apart]
        return "(" + " AND ".join(parts) + ")", params

    def numbered(self, row_id: str, columns: Sequence[str]) -> tuple[str, list[object]]:
        """An SQL condition for the audit entries (their id: `row_id`, their copies in
        `columns`) that may hold the phone number: the long ones its key points at in the log's
        numbers, and those not keyed whose text has its digits (`phone_condition`); ("", [])
        when there is no number to look for."""
        if self.phone_key is None:
            return "", []
        texts: list[str] = []
        params: list[object] = [self.phone_key]
        for column in columns:
            condition, values = self.phone_condition(column)
            texts.append(condition)
            params += values
        return (
            f"({row_id} IN (SELECT entry_id FROM audit_numbers WHERE number = ?) OR ({row_id} "
            f"NOT IN (SELECT entry_id FROM audit_numbered) AND ({' OR '.join(texts)})))",
            params,
        )

    def named(self, index: str, row_id: str) -> tuple[str, list[object]]:
        """An SQL value, 1 for the rows whose words in `index` may hold the name or the e-mail:
        for the others, only the phone number is to be looked for (`Matcher.search_phone`)."""
        if self.query is None:
            return ("0", []) if self.nothing else ("1", [])
        return f"{row_id} IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)", [self.query]

    def where(
        self, index: str | None, row_id: str, columns: Sequence[str], ids: str = "rowid"
    ) -> tuple[str, list[object]]:
        """An SQL condition for rows whose id is `row_id`, indexed in `index` (None: not
        indexed) under `ids` (an expression of the index's rowid), with their text in
        `columns`; `(condition, parameters)`."""
        parts: list[str] = []
        params: list[object] = []
        if self.query is None and not self.nothing:
            return "1", []
        if index is None:
            if not self.nothing:
                return "1", []  # a table without index: every row goes to `search`
        elif self.query is not None:
            parts.append(f"{row_id} IN (SELECT {ids} FROM {index} WHERE {index} MATCH ?)")
            params.append(self.query)
        for column in columns:
            condition, values = self.phone_condition(column)
            if condition:
                parts.append(condition)
                params += values
        if not parts:
            return "0", []
        return "(" + " OR ".join(parts) + ")", params


def audit_entries(
    db: Database,
    person_id: int,
    mandate_ids: Iterable[int],
    matcher: Matcher,
    columns: str,
    *,
    utf8: bool = False,
) -> Iterator[tuple[database.Row | dict[str, Any], bool]]:
    """The audit entries that may concern the person, with `columns`, `before` and `after`:
    those of their card and mandates (through the log's entity index) and those whose copies
    may name them (through its own words index, 0012); each with True when its copies are
    `found` (see `search`). The copies of an entry that is neither found nor the person's own
    are None: most entries the phone's digits bring are long texts that do not hold it, read as
    UTF-8 bytes, where its digits are looked for, without being decoded (`search_phone`).
    `utf8`: every entry also carries its copies' UTF-8 bytes as SQLite holds them, as
    `before_utf8` and `after_utf8` (None where its copies are None), every copy read as bytes
    and decoded here (a person's file hashes and writes the bytes: `chain.content_digest_utf8`)."""
    mandates = list(mandate_ids)
    candidates = matcher.candidates()
    # The name and e-mail through the copies' words index, the phone through their numbers.
    where, params = candidates.where("privacy_audit", "id", ())
    phone, phone_params = candidates.numbered("id", ("before", "after"))
    if phone:
        where, params = f"({where} OR {phone})", [*params, *phone_params]
    named, named_params = candidates.named("privacy_audit", "id")
    own = "(entity = 'person' AND entity_id = ?)"
    if mandates:
        own += f" OR (entity = 'mandate' AND entity_id IN ({', '.join('?' for _m in mandates)}))"
    if utf8:
        copies = "CAST(before AS BLOB) AS before, CAST(after AS BLOB) AS after"
        copies_params: list[object] = []
    else:
        copies = ", ".join(
            f"CASE WHEN {named} THEN {c} ELSE CAST({c} AS BLOB) END AS {c}"
            for c in ("before", "after")
        )
        copies_params = [*named_params, *named_params]
    rows = database.each_row(
        db,
        f"SELECT {columns}, {copies}, {named} AS may_name, ({own}) AS own FROM audit_log "
        f"WHERE {own} OR {where} ORDER BY id",
        [*copies_params, *named_params, person_id, *mandates, person_id, *mandates, *params],
    )
    for r in rows:
        if utf8:
            yield _entry_utf8(r, matcher)
        elif r["may_name"]:
            yield r, matcher.search_named(r["before"]) or matcher.search_named(r["after"])
        else:
            yield _entry_by_phone(r, matcher)


def _entry_by_phone(r: database.Row, matcher: Matcher) -> tuple[dict[str, Any], bool]:
    """An entry whose copies (their UTF-8 bytes) may only hold the phone number: found or not,
    its copies decoded when it is found or the person's own, None otherwise."""
    before, after = r["before"], r["after"]  # their UTF-8 bytes
    found = matcher.search_phone(before) or matcher.search_phone(after)
    entry = dict(r)
    keep = found or r["own"]
    entry["before"] = before.decode("utf-8") if keep and before is not None else None
    entry["after"] = after.decode("utf-8") if keep and after is not None else None
    return entry, found


def _entry_utf8(r: database.Row, matcher: Matcher) -> tuple[dict[str, Any], bool]:
    """`audit_entries`'s entry, found or not, from copies read as UTF-8 bytes, which it keeps
    beside the text (`before_utf8`, `after_utf8`)."""
    if not r["may_name"]:
        entry, found = _entry_by_phone(r, matcher)
        keep = found or r["own"]
        entry["before_utf8"] = r["before"] if keep else None
        entry["after_utf8"] = r["after"] if keep else None
        return entry, found
    entry = dict(r)
    entry["before_utf8"], entry["after_utf8"] = r["before"], r["after"]
    before = entry["before"] = None if r["before"] is None else r["before"].decode("utf-8")
    after = entry["after"] = None if r["after"] is None else r["after"].decode("utf-8")
    return entry, matcher.search_named(before) or matcher.search_named(after)


@dataclass(frozen=True)
class SnapshotFilter:
    """For approved minutes (their id: `row_id`): `condition` keeps those whose frozen snapshot
    may refer to the person (`"person_id": N`) or name them, through the snapshots' words index
    (0012); `named` is 1 where the name or e-mail may be there (see Candidates.named). Put the
    parameters in that order: `named_params`, then `params`."""

    condition: str
    params: list[object]
    named: str
    named_params: list[object]


def snapshot_filter(person_id: int, matcher: Matcher, row_id: str) -> SnapshotFilter:
    candidates = matcher.candidates()
    named, named_params = candidates.named("privacy_minutes", row_id)
    if candidates.query is None and not candidates.nothing:
        return SnapshotFilter("1", [], named, named_params)
    reference = _fts_string(f"person_id {person_id}")
    query = reference if candidates.query is None else f"{reference} OR {candidates.query}"
    phones, phone_params = candidates.phone_condition("approved_text")
    condition = f"{row_id} IN (SELECT rowid FROM privacy_minutes WHERE privacy_minutes MATCH ?)"
    if phones:
        condition += f" OR {phones}"
    return SnapshotFilter(f"({condition})", [query, *phone_params], named, named_params)
