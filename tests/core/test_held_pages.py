"""The numbered canvas shows the pages it held back for their footers through `_show_page`
(`style.SHOW_QUICKLY`), not reportlab's `showPage`: the same bytes either way, for a numbered
document of pages of several sizes, with links, bookmarks, a watermark and a footer of two
lines, for one whose pages have crop marks (reportlab's way), and for the pack (its annexes'
pages held too) in its three variants."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.platypus import Flowable, PageBreak, Paragraph

from ess_desk.documents import pack, style
from ess_desk.documents.style import Bookmark, Metadata, pdf_bytes, styles
from tests.core.test_pack import TODAY, prepare


def _alike(monkeypatch, written: Callable[[], bytes]) -> None:
    shown: list = []
    quick = style._show_page
    monkeypatch.setattr(style, "_show_page", lambda canv: shown.append(1) or quick(canv))
    ours = written()
    assert shown  # (the quick way was taken)
    monkeypatch.setattr(style, "SHOW_QUICKLY", False)
    theirs = written()
    monkeypatch.setattr(style, "SHOW_QUICKLY", True)
    assert ours == theirs


class _Resize(Flowable):
    """The pages from the next on of another size (what a landscape annex asks for)."""

    def __init__(self, size: tuple[float, float]):
        super().__init__()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.setPageSize(self.size)


class _PageSettings(Flowable):
    """A page with a box, a duration, a transition, PostScript before and after, a form and
    transparency of its own: what a page can carry that `_show_page` sets."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        canv: Any = self.canv
        canv.setCropBox((10, 10, 500, 700))
        canv.setPageDuration(3)
        canv.setPageTransition("Dissolve", 1)
        canv._psCommandsBeforePage.append("% avant")
        canv._psCommandsAfterPage.append("% après")
        canv.setFillAlpha(0.4)
        canv.rect(0, 0, 20, 20, fill=1)
        canv.beginForm("forme")
        canv.drawString(0, 0, "forme")
        canv.endForm()
        canv.doForm("forme")


def _story(settings: bool = False) -> list:
    st = styles()
    story: list = []
    for n in range(6):
        story += [
            Bookmark(f"Partie {n}", n % 2),
            Paragraph(f'Voir <a href="https://exemple.fr/{n}">le site</a>, partie {n}.', st.body),
            Paragraph("Un paragraphe de la séance, assez long pour la page. " * 40, st.body),
        ]
        if n == 2:
            story.append(_Resize(landscape(A5)))
        if n == 3 and settings:
            story.append(_PageSettings())
        if n == 4:
            story.append(_Resize(A4))
        story.append(PageBreak())
    return story


@pytest.mark.parametrize("watermark", [None, "PROJET"])
@pytest.mark.parametrize("settings", [False, True])
def test_a_numbered_document_is_the_same(monkeypatch, watermark, settings):
    monkeypatch.setattr(rl_config, "invariant", 1)
    meta = Metadata(
        title="Essai",
        author="ESS Desk",
        subject="Pages",
        footer="Pied\nChaîne",
        watermark=watermark,
    )
    _alike(monkeypatch, lambda: pdf_bytes(_story(settings), meta))


def test_pages_with_crop_marks_are_shown_by_reportlab(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)
    shown: list = []
    monkeypatch.setattr(style, "_show_page", lambda canv: shown.append(1))
    doc = style.document(io.BytesIO(), Metadata(title="Marques", author="ESS Desk", subject="x"))
    doc.cropMarks = True
    style.built(doc, _story(), style._numbered_canvas("Pied", None))
    assert shown == []


def test_the_pack_is_the_same(store, tmp_path, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)
    council = prepare(store, tmp_path)
    for variant in pack.VARIANTS:
        path = tmp_path / f"{variant}.pdf"

        def written(variant: str = variant, path=path) -> bytes:
            pack.build(store.db, council["second"], path, variant=variant, today=TODAY)
            return path.read_bytes()

        _alike(monkeypatch, written)
