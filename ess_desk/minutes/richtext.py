"""The little markup of minutes summaries: paragraphs, "- " bullet lists and **bold**."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_BULLET = re.compile(r"^\s*[-*•]\s+")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph (each entry of `lines` is a line of it) or a bullet list (one entry per item)."""

    kind: str  # "paragraph" or "bullets"
    lines: tuple[tuple[Run, ...], ...]


def runs(line: str) -> tuple[Run, ...]:
    """Split a line on **bold** markers; an unmatched ** stays as typed."""
    out: list[Run] = []
    position = 0
    for match in _BOLD.finditer(line):
        if match.start() > position:
            out.append(Run(line[position : match.start()]))
        out.append(Run(match.group(1), bold=True))
        position = match.end()
    if position < len(line):
        out.append(Run(line[position:]))
    return tuple(out)


def parse(text: str) -> list[Block]:
    """Blank lines separate paragraphs; consecutive "- " lines make a bullet list."""
    blocks: list[Block] = []
    normalised = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"\n\s*\n", normalised):
        current_kind: str | None = None
        lines: list[tuple[Run, ...]] = []
        for raw in chunk.split("\n"):
            if not raw.strip():
                continue
            bullet = bool(_BULLET.match(raw))
            kind = "bullets" if bullet else "paragraph"
            if kind != current_kind and lines:
                blocks.append(Block(current_kind or kind, tuple(lines)))
                lines = []
            current_kind = kind
            lines.append(runs(_BULLET.sub("", raw, count=1) if bullet else raw.strip()))
        if lines:
            blocks.append(Block(current_kind or "paragraph", tuple(lines)))
    return blocks


def plain(text: str) -> str:
    """The text without its bold markers (for plain-text outputs)."""
    return _BOLD.sub(r"\1", text or "")


def to_reportlab(line: tuple[Run, ...]) -> str:
    """A line as reportlab Paragraph markup (typeset, escaped, bold as <b>)."""
    from xml.sax.saxutils import escape

    from ess_desk.typography import typeset

    return "".join(
        f"<b>{escape(typeset(r.text))}</b>" if r.bold else escape(typeset(r.text)) for r in line
    )
