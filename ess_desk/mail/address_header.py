"""An address header (« To: Zoé Martin <zoe@exemple.fr> ») folded as `email` folds it, without
`email`'s parser: for a name of words (no quotes, no specials) and an address of plain words, the
tree `email` would parse is known, and `email`'s folding (`_refold_parse_tree`, RFC 2047 encoded
words, moving a part that fits to the next line) is followed on it step by step. `email` took a
millisecond and a half per name with accents, most of it walking its tree again and again
(a thousand reminders' recipients). Anything else is left to `email` (`folded` gives None).

A test holds it to `email`'s bytes (hypothesis, names and addresses of every length around the
folding)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from email import _encoded_words as encoded_words  # type: ignore[attr-defined]  # (no stubs: RFC 2047 words as email writes them)
from email import _header_value_parser as parser

LINE_END = "\r\n"

# A word of a name as `email` reads it as one atom: no space or tab, none of RFC 5322's
# specials, no encoded word's start, printable (`str.isprintable` is checked apart).
_WORD = re.compile(r'[^\s()<>@,:;.\\"\[\]]+')
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/?^_`{|}~-]+")
_LABEL = re.compile(r"[A-Za-z0-9-]+")


@dataclass
class _Part:
    """A token of `email`'s tree: its text, and what the folding asks of it."""

    text: str
    children: list[_Part] | None = None  # None: a terminal
    as_ew_allowed: bool = True
    ew_combine_allowed: bool = True
    starts_with_fws: bool = False


def _terminal(text: str, *, fws: bool = False) -> _Part:
    return _Part(text, starts_with_fws=fws)


def _list(children: list[_Part], *, ew: bool | None = None, combine: bool = True) -> _Part:
    return _Part(
        "".join(c.text for c in children),
        children,
        as_ew_allowed=all(c.as_ew_allowed for c in children) if ew is None else ew,
        ew_combine_allowed=combine,
        starts_with_fws=children[0].starts_with_fws,
    )


def _space() -> _Part:
    return _list([_terminal(" ", fws=True)])  # CFWSList[WhiteSpaceTerminal]


def _dot_atom(text: str, *, ew: bool) -> _Part:
    """LocalPart or Domain[DotAtom[DotAtomText[atext, dot, atext…]]]."""
    pieces: list[_Part] = []
    for n, word in enumerate(text.split(".")):
        if n:
            pieces.append(_terminal("."))
        pieces.append(_terminal(word))
    return _list([_list([_list(pieces, ew=True)])], ew=ew)


def _tree(header: str, name: str, address: str) -> _Part:
    """The tree `email` folds for `Header: name <address>`."""
    words = [_list([_terminal(word), _space()]) for word in name.split(" ")]  # Atoms
    display_name = _list(words, combine=False)
    local, domain = address.rsplit("@", 1)
    addr_spec = _list(
        [_dot_atom(local, ew=False), _terminal("@"), _dot_atom(domain, ew=False)], ew=False
    )
    angle = _list([_terminal("<"), addr_spec, _terminal(">")])
    address_list = _list([_list([_list([_list([display_name, angle])])])])
    label = _list([_terminal(header), _terminal(":")], ew=False)
    return _list([label, _space(), address_list])


# The folding followed is that of Python 3.11's `email` (later versions fold otherwise in places):
# elsewhere `email` folds.
FOLLOWED = sys.version_info[:2] == (3, 11)


def fits(name: str, address: str) -> bool:
    """Whether `folded` knows the tree of this name and address."""
    if not FOLLOWED or not name or not name.isprintable() or "=?" in name:
        return False
    if any(not _WORD.fullmatch(word) for word in name.split(" ")):
        return False
    local, _at, domain = address.rpartition("@")
    return (
        bool(local)
        and all(_ATEXT.fullmatch(w) for w in local.split("."))
        and all(_LABEL.fullmatch(w) for w in domain.split("."))
    )


def folded(header: str, name: str, address: str, max_line: int) -> bytes | None:
    """`header: name <address>` as `email` writes it (policy of `max_line` characters, CRLF, not
    UTF-8), or None when `fits` says the tree is not known."""
    if not fits(name, address):
        return None
    return _refold(_tree(header, name, address), max_line).encode("ascii")


_END_BLOCK = _Part("")  # (`email`'s end_ew_not_allowed)


def _refold(tree: _Part, maxlen: int) -> str:
    """`email._header_value_parser._refold_parse_tree` (Python 3.11), on this module's tree."""
    lines = [""]
    last_ew: int | None = None
    blocked = 0
    want_encoding = False
    parts = list(tree.children or [])
    while parts:
        part = parts.pop(0)
        if part is _END_BLOCK:
            blocked -= 1
            continue
        text = part.text
        if not text.isascii():
            want_encoding = True
        if want_encoding and not blocked:
            want_encoding = False
            parts, last_ew = _encoded(part, parts, lines, maxlen, last_ew)
            continue
        if len(text) <= maxlen - len(lines[-1]):
            lines[-1] += text
            continue
        if len(text) + 1 <= maxlen:
            newline = _steal_trailing_space(lines)
            if newline or part.starts_with_fws:
                lines.append(newline + text)
                last_ew = None
                continue
        if part.children is not None:
            inner = list(part.children)
            if not part.as_ew_allowed:
                blocked += 1
                inner.append(_END_BLOCK)
            parts = inner + parts
            continue
        if part.as_ew_allowed and not blocked:
            parts.insert(0, part)
            want_encoding = True
            continue
        newline = _steal_trailing_space(lines)
        if newline or part.starts_with_fws:
            lines.append(newline + text)
        else:
            lines[-1] += text
    return LINE_END.join(lines) + LINE_END


def _encoded(
    part: _Part, parts: list[_Part], lines: list[str], maxlen: int, last_ew: int | None
) -> tuple[list[_Part], int | None]:
    """A part to encode (beyond ASCII, or too long): one that cannot be an encoded word goes
    whole where it fits on a line (the next if not this one); else its tokens are taken in turn,
    a terminal written as an encoded word. The parts left, and where the last encoded word is."""
    if not part.as_ew_allowed:
        last_ew = None
        alone = _refold(part, maxlen)[: -len(LINE_END)]
        if LINE_END not in alone:
            if len(alone) > maxlen - len(lines[-1]):
                lines.append(_steal_trailing_space(lines))
            lines[-1] += alone
            return parts, last_ew
    if part.children is not None:
        return list(part.children) + parts, last_ew
    return parts, _fold_as_ew(part.text, lines, maxlen, last_ew, part.ew_combine_allowed)


def _steal_trailing_space(lines: list[str]) -> str:
    if lines and lines[-1] and lines[-1][-1] in " \t":
        space = lines[-1][-1]
        lines[-1] = lines[-1][:-1]
        return space
    return ""


def _fold_as_ew(
    to_encode: str, lines: list[str], maxlen: int, last_ew: int | None, combine: bool
) -> int | None:
    """`email._header_value_parser._fold_as_ew` (Python 3.11), in UTF-8."""
    if last_ew is not None and combine:
        to_encode = str(parser.get_unstructured(lines[-1][last_ew:] + to_encode))
        lines[-1] = lines[-1][:last_ew]
    if to_encode[0] in " \t":
        leading = to_encode[0]
        to_encode = to_encode[1:]
        if len(lines[-1]) == maxlen:
            lines.append(_steal_trailing_space(lines))
        lines[-1] += leading
    trailing = ""
    if to_encode[-1] in " \t":
        trailing = to_encode[-1]
        to_encode = to_encode[:-1]
    new_last_ew = len(lines[-1]) if last_ew is None else last_ew
    chrome = len("utf-8") + 7
    while to_encode:
        room = maxlen - len(lines[-1])
        text_room = room - chrome
        if text_room <= 0:
            lines.append(" ")
            continue
        word = to_encode[:text_room]
        encoded = encoded_words.encode(word, charset="utf-8")
        while len(encoded) > room:
            word = word[:-1]
            encoded = encoded_words.encode(word, charset="utf-8")
        lines[-1] += encoded
        to_encode = to_encode[len(word) :]
        if to_encode:
            lines.append(" ")
            new_last_ew = len(lines[-1])
    lines[-1] += trailing
    return new_last_ew if combine else None
