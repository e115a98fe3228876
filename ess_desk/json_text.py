"""Indented JSON written fast: exactly the text of `json.dumps(value, ensure_ascii=False,
indent=N)`, for plain data (dicts, lists, tuples, str, int, float, bool, None). json's own
indented writer is pure Python, one generator step per value; this one joins each container's
items at once and leaves the strings to json's C writer. A person's file holds 20 MB of copies
(tests/core/test_json_text.py holds the two writers together).

`loads_encoded` reads an object as json.dumps(…, ensure_ascii=False) wrote it (the audit log's
copies) keeping its long strings as the JSON text they were read from (`Encoded`), which the
writer copies as is: a 60 KB snapshot is decoded to be checked but not encoded again."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

_STRING = json.encoder.encode_basestring  # json's own C writer of a string (ensure_ascii=False)
_CONSTANTS = {None: "null", True: "true", False: "false"}
# json's C reader of a string and of any value, as json.loads uses them (not in typeshed).
_SCANSTRING = json.decoder.scanstring  # type: ignore[attr-defined]
_SCAN = json.decoder.JSONDecoder().scan_once  # type: ignore[attr-defined]


class Encoded:
    """A string held as the text `_STRING` writes for it (quotes included): written as is."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Encoded({self.text!r})"


def loads_encoded(text: str, longer_than: int = 256, worth_it: int = 4096) -> Any:
    """`json.loads(text)`, but for an object written as `json.dumps(value, ensure_ascii=False)`
    writes one, each of its member strings longer than `longer_than` that is written exactly as
    `_STRING` writes it comes back as `Encoded`: `dumps` and `write` give the same text as for
    `json.loads(text)`. Anything else (another layout, invalid JSON) goes to json.loads, and so
    does a text shorter than `worth_it` (json reads it whole in C: quicker)."""
    if len(text) < worth_it:
        return json.loads(text)
    value = _compact_object(text, longer_than)
    return json.loads(text) if value is None else value


def _compact_object(text: str, longer_than: int) -> dict[str, Any] | None:
    """The members of `text` read as json.loads reads them, if it is `{"key": value, …}` with
    exactly those separators; None otherwise."""
    last = len(text) - 1
    if last < 1 or text[0] != "{" or text[last] != "}":
        return None
    out: dict[str, Any] = {}
    if last == 1:
        return out
    pos = 1
    try:
        while True:
            if text[pos] != '"':
                return None
            key, pos = _SCANSTRING(text, pos + 1, True)
            if not text.startswith(": ", pos):
                return None
            start = pos + 2
            if text[start] == '"':
                value, pos = _SCANSTRING(text, start + 1, True)
                if pos - start > longer_than and _as_written(start, pos, value):
                    value = Encoded(text[start:pos])
            else:
                value, pos = _SCAN(text, start)
            out[key] = value  # a key given twice keeps its first place and last value, as in json
            if pos == last:
                return out
            if not text.startswith(", ", pos):
                return None
            pos += 2
    except (StopIteration, ValueError, IndexError, RecursionError):
        return None  # json.loads says what is wrong, if anything


def _as_written(start: int, end: int, value: str) -> bool:
    """Whether the JSON string `text[start:end]`, read as `value`, is `_STRING(value)`: `_STRING`
    writes the quote, the backslash and the line break with a backslash before them and every
    other character but the controls as itself, the shortest writing of each; a quote, a
    backslash or a control is never written alone in JSON. So a writing of `value` that many
    characters long uses those three two-letter escapes and writes everything else as itself:
    it is `_STRING(value)`. (A string with another control is encoded again: same text.)"""
    wanted = 2 + len(value) + value.count('"') + value.count("\\") + value.count("\n")
    return end - start == wanted


def dumps(value: Any, indent: int = 2) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`."""
    pieces: list[str] = []
    _pieces(value, "\n", " " * indent, pieces.append)
    return "".join(pieces)


def write(value: Any, out: IO[str], indent: int = 2) -> None:
    """`dumps(value, indent)` written to `out`, the items of the top container one by one (a
    file of many megabytes is never one string in memory)."""
    pieces: list[str] = []

    def flush() -> None:
        out.write("".join(pieces))
        pieces.clear()

    _pieces(value, "\n", " " * indent, pieces.append, flush)
    flush()


def _pieces(
    value: Any,
    newline: str,
    step: str,
    add: Callable[[str], None],
    each: Callable[[], None] | None = None,
) -> None:
    """`value` as json.dumps writes it at the depth whose line break (with its indent) is
    `newline`, in pieces given to `add` (a long string is never copied into a bigger one);
    `each` is called after each of its own items (not those of the containers inside)."""
    kind = type(value)
    if kind is str:
        add(_STRING(value))
    elif kind is Encoded:
        add(value.text)
    elif kind is int:
        add(int.__repr__(value))
    elif value is None or kind is bool:
        add(_CONSTANTS[value])
    elif kind is dict and all(type(k) is str for k in value):
        if not value:
            add("{}")
            return
        inner = newline + step
        separator = "{" + inner
        for key, item in value.items():
            add(separator)
            add(_STRING(key))
            add(": ")
            _pieces(item, inner, step, add)
            if each is not None:
                each()
            separator = "," + inner
        add(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            add("[]")
            return
        inner = newline + step
        separator = "[" + inner
        for item in value:
            add(separator)
            _pieces(item, inner, step, add)
            if each is not None:
                each()
            separator = "," + inner
        add(newline + "]")
    else:
        # Anything else (a float, a key that is not a string, a subclass): json itself, here.
        add(json.dumps(value, ensure_ascii=False, indent=len(step)).replace("\n", newline))
