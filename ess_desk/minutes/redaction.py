"""Names of people without consent replaced in free text: what one regular expression of every
name would replace in the folded text, found through the words of each text.

The public version replaces every name written as it is in any case (ß or ss, İ, ı or i, the
Kelvin sign or k…), as a whole run of words, the longest first. The names and the text are
compared folded (`folded`): a match in the folded text is mapped back to the characters of the
text it covers (a character whose folding it covers in part is replaced whole), and the
replacement is given the name that matched, never the text (RGPD: a name keyed by `casefold`
but matched letter by letter, « Strauß » or « İlknur », was left in the public documents).

One expression of all the council's names (ten thousand on a large council) tried at every word
of every text cost seconds for a single public pack. Here each folded text is first cut into its
words: only the names whose rarest word is among them, and whose whole folded text is in it, can
match. The expression of those few names alone, in the same order, makes the same replacements:
a name that cannot match anywhere in the text never decides anything there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

_WORD = re.compile(r"\w+")


def folded(text: str) -> str:
    """The text with every character folded as the case-insensitive matching of a regular
    expression compares it: the dotted and dotless i (which it takes as variants of i) made i,
    then case folding (ß and ss are not variants there: the names are folded already)."""
    return text.replace("\u0130", "i").replace("\u0131", "i").casefold()


def pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names` (folded by the caller), in this order, as a whole run of words of a folded
    text."""
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def folded_with_origins(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and for each of its characters the index of the text's character it
    comes from (None when each character folds to one: the same index)."""
    whole = folded(text)
    if len(whole) == len(text):  # (folding never shortens a character)
        return whole, None
    parts: list[str] = []
    origins: list[int] = []
    for i, ch in enumerate(text):
        part = folded(ch)
        parts.append(part)
        origins.extend([i] * len(part))
    return "".join(parts), origins


def replaced(value: str, compiled: re.Pattern[str], replace: Callable[[str, int], str]) -> str:
    """`value` with each match of `compiled` in its folded text replaced by `replace(name,
    start)`: the (folded) name that matched and where its characters start in `value`."""
    text, origins = folded_with_origins(value)
    out: list[str] = []
    done = 0
    for match in compiled.finditer(text):
        start, end = match.span()
        if origins is not None:
            # (a match starting within a character the last one replaced whole: what is left)
            start, end = max(origins[start], done), origins[end - 1] + 1
        out += (value[done:start], replace(match.group(1), start))
        done = end
    if not out:
        return value
    out.append(value[done:])
    return "".join(out)


class Redactor:
    """Replaces in a text the names (already folded, longest first) by what `replacement` gives
    for the name matched and where: `replaced(text, pattern(names), replacement(text))`, made
    fast."""

    def __init__(self, names: list[str], replacement: Callable[[str], Callable[[str, int], str]]):
        self._names = _names(tuple(names))
        self._replacement = replacement
        self._done: dict[str, str] = {}  # (a pack's titles, owners and comments come back)

    def text(self, value: str) -> str:
        if not value or not self._names.names:
            return value
        done = self._done.get(value)
        if done is None:
            compiled = self._names.pattern_for(value)
            done = (
                value if compiled is None else replaced(value, compiled, self._replacement(value))
            )
            if len(self._done) >= 4096:
                self._done.clear()
            self._done[value] = done
        return done


@lru_cache(maxsize=4)
def _names(names: tuple[str, ...]) -> _Names:
    """The names filed by word, once while they are the same (the pack's public version and
    the minutes it carries, the pack made again)."""
    return _Names(names)


class _Names:
    """Names filed by their rarest word, and the expressions made of some of them."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        self._rank = {n: i for i, n in enumerate(names)}
        self._folded = {n: folded(n) for n in names}
        words = {n: _WORD.findall(f) for n, f in self._folded.items()}
        seen = Counter(w for ws in words.values() for w in set(ws))
        # Each name under its rarest word (a surname, mostly, rather than a common first name).
        self._by_word: dict[str, list[str]] = {}
        self._wordless: list[str] = []
        for n, ws in words.items():
            if ws:
                self._by_word.setdefault(min(ws, key=seen.__getitem__), []).append(n)
            else:
                self._wordless.append(n)
        self._patterns: dict[tuple[str, ...], re.Pattern[str]] = {}

    def _candidates(self, value: str) -> tuple[str, ...]:
        """The names that may match somewhere in `value`, in the names' order."""
        text = folded(value)
        found = [
            n
            for w in set(_WORD.findall(text))
            for n in self._by_word.get(w, ())
            if self._folded[n] in text
        ]
        found += [n for n in self._wordless if self._folded[n] in text]
        if len(found) > 1:
            found.sort(key=self._rank.__getitem__)
        return tuple(found)

    def pattern_for(self, value: str) -> re.Pattern[str] | None:
        """The expression of the names that may match in `value`; None when none may."""
        names = self._candidates(value)
        if not names:
            return None
        compiled = self._patterns.get(names)
        if compiled is None:
            if len(self._patterns) >= 4096:  # (a report over years: its memory stays flat)
                self._patterns.clear()
            compiled = self._patterns[names] = pattern(names)
        return compiled
