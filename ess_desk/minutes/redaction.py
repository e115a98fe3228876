"""Names of people without consent replaced in free text: what one regular expression of every
name would replace, found through the words of each text.

The public version replaces every name written as it is in any case, as a whole run of words, the
longest first. One expression of all the council's names (ten thousand on a large council) tried
at every word of every text cost seconds for a single public pack. Here each text is first
cut into its words, folded as the expression's case-insensitive matching compares letters: only
the names whose rarest word is among them, and whose whole folded text is in it, can match. The
expression of those few names alone, in the same order, makes the same replacements: a name that
cannot match anywhere in the text never decides anything there.

Why the words of a name are whole words of a text where the name matches: every character the
matching takes as a case variant of a name's character folds (`folded`) to the same text as it
(tests/core/test_redaction.py checks it for every character), and a character that is not part of
a word folds to characters that are not either, but the combining ypogegrammeni (U+0345) that
folds to the letter iota: a text holding it is searched with the expression of every name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

_WORD = re.compile(r"\w+")
# (the one character outside words whose folded text holds a letter: see above)
_OUTSIDE_WORDS_FOLDED_TO_A_LETTER = "\u0345"


def folded(text: str) -> str:
    """The text with every character folded as the case-insensitive matching of a regular
    expression compares it: the dotted and dotless i (which it takes as variants of i) made i,
    then case folding (ß and ss are not variants there: the names are folded already)."""
    return text.replace("\u0130", "i").replace("\u0131", "i").casefold()


def pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Any of `names` (folded by the caller), in this order, as a whole run of words, in any
    case."""
    return re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
        re.IGNORECASE,
    )


class Redactor:
    """Replaces in a text the names (already case-folded, longest first) by what `replacement`
    gives for the match: `pattern(names).sub(replacement(text), text)`, made fast."""

    def __init__(
        self, names: list[str], replacement: Callable[[str], Callable[[re.Match[str]], str]]
    ):
        self._names = _names(tuple(names))
        self._replacement = replacement
        self._done: dict[str, str] = {}  # (a pack's titles, owners and comments come back)

    def text(self, value: str) -> str:
        if not value or not self._names.names:
            return value
        done = self._done.get(value)
        if done is None:
            compiled = self._names.pattern_for(value)
            done = value if compiled is None else compiled.sub(self._replacement(value), value)
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
        if _OUTSIDE_WORDS_FOLDED_TO_A_LETTER in value:
            return self.names
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
