"""The `index.html` of a publication folder: one page that reads well in a browser and with a
screen reader (RGAA): `lang="fr"`, one h1, an h2 per meeting, lists of links that say the type and
size of their file, no script, no table for layout, no colour as the only signal."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ess_desk.i18n import _
from ess_desk.typography import typeset


@dataclass(frozen=True)
class Link:
    title: str
    href: str  # relative to the folder
    kind: str  # « PDF », « CSV »
    size: int  # bytes


@dataclass(frozen=True)
class Section:
    heading: str
    note: str
    links: tuple[Link, ...]


def size_text(size: int) -> str:
    """« 12 ko », « 1,4 Mo »: the unit French readers know."""
    if size < 1024:
        return _("{size} octets").format(size=size)
    if size < 1024 * 1024:
        return _("{size} ko").format(size=max(1, round(size / 1024)))
    return _("{size} Mo").format(size=f"{size / 1024 / 1024:.1f}".replace(".", ","))


def _text(value: str) -> str:
    """Escaped for HTML and set as a French proofreader expects (no-break spaces before « : »,
    inside « », in « 18 h 30 »…)."""
    return escape(typeset(value), quote=False)


def _link(link: Link) -> str:
    detail = _("{kind}, {size}").format(kind=link.kind, size=size_text(link.size))
    return (
        f'<li><a href="{escape(link.href)}" type="{_mime(link.kind)}">{_text(link.title)}</a> '
        f'<span class="detail">({_text(detail)})</span></li>'
    )


def _mime(kind: str) -> str:
    return {"PDF": "application/pdf", "CSV": "text/csv"}.get(kind, "application/octet-stream")


STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; color: #1f5c4a; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #9aa5a8; }
a { color: #14503f; }
a:focus { outline: 3px solid #1f5c4a; outline-offset: 2px; }
.detail { color: #4a5557; }
"""


def page(title: str, intro: list[str], sections: list[Section]) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_text(title)}</h1>",
        *[f"<p>{_text(p)}</p>" for p in intro],
    ]
    for section in sections:
        parts.append(f"<h2>{_text(section.heading)}</h2>")
        if section.note:
            parts.append(f"<p>{_text(section.note)}</p>")
        if section.links:
            parts += ["<ul>", *[_link(link) for link in section.links], "</ul>"]
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
