"""Indented JSON written fast: exactly the text of `json.dumps(value, ensure_ascii=False,
indent=N)`, for plain data (dicts, lists, tuples, str, int, float, bool, None). json's own
indented writer is pure Python, one generator step per value; this one joins each container's
items at once and leaves the strings to json's C writer. A person's file holds 20 MB of copies
(tests/core/test_json_text.py holds the two writers together).

A value given as `Raw` (the text of a JSON value: an audit log's copy as the log holds it) is
written as is, on the line where it stands; given as its UTF-8 bytes, `write` puts them in the
file as they are (neither decoded nor encoded again)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import IO, Any

_STRING = json.encoder.encode_basestring  # json's own C writer of a string (ensure_ascii=False)
_CONSTANTS = {None: "null", True: "true", False: "false"}


class Raw:
    """The text of a JSON value, written as is wherever it stands (on one line, as the audit log
    holds its copies): the same data for any JSON reader, another layout than json.dumps's. The
    text may be given as its UTF-8 bytes (valid UTF-8: the caller has decoded them)."""

    __slots__ = ("text",)

    def __init__(self, text: str | bytes):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text!r})"


def dumps(value: Any, indent: int = 2) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`."""
    pieces: list[str] = []

    def raw(text: str | bytes) -> None:
        pieces.append(text if isinstance(text, str) else text.decode("utf-8"))

    _pieces(value, "\n", " " * indent, pieces.append, raw)
    return "".join(pieces)


def write(value: Any, out: IO[bytes], indent: int = 2, linesep: str | None = None) -> None:
    """`dumps(value, indent)` written to `out` in UTF-8, each line break as `linesep` (by default
    the system's, `os.linesep` when called: what a file opened as text writes), the items of the
    top container one by one (a file of many megabytes is never one string in memory); a `Raw`
    value's bytes are written as they are."""
    if linesep is None:
        linesep = os.linesep
    pieces: list[str] = []
    newline = linesep.encode("utf-8")

    def flush() -> None:
        text = "".join(pieces)
        pieces.clear()
        out.write((text if linesep == "\n" else text.replace("\n", linesep)).encode("utf-8"))

    def raw(text: str | bytes) -> None:
        if isinstance(text, str):
            pieces.append(text)
            return
        flush()
        out.write(text if linesep == "\n" else text.replace(b"\n", newline))

    _pieces(value, "\n", " " * indent, pieces.append, raw, flush)
    flush()


def _pieces(
    value: Any,
    newline: str,
    step: str,
    add: Callable[[str], None],
    raw: Callable[[str | bytes], None],
    each: Callable[[], None] | None = None,
) -> None:
    """`value` as json.dumps writes it at the depth whose line break (with its indent) is
    `newline`, in pieces given to `add` (a long string is never copied into a bigger one), the
    text of a `Raw` value to `raw`; `each` is called after each of its own items (not those of
    the containers inside)."""
    kind = type(value)
    if kind is str:
        add(_STRING(value))
    elif kind is Raw:
        raw(value.text)
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
            _pieces(item, inner, step, add, raw)
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
            _pieces(item, inner, step, add, raw)
            if each is not None:
                each()
            separator = "," + inner
        add(newline + "]")
    else:
        # Anything else (a float, a key that is not a string, a subclass): json itself, here.
        add(json.dumps(value, ensure_ascii=False, indent=len(step)).replace("\n", newline))
