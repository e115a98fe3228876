"""A document made is freed as soon as it is written, by reference counting: its canvas, and the
whole PDF document the canvas holds, are in no reference cycle (reportlab's template, the pages
held back for their footers, a paragraph's text object with a link or an underline), so they do
not wait for the cycle collector's next pass (a pack: 3,000 objects, some 1 ms of the next
build)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from reportlab.platypus import Paragraph

from ess_desk.documents import pack as pack_module
from ess_desk.documents import style
from ess_desk.documents.style import Metadata, build_pdf, pdf_bytes, styles
from tests.core.test_pack import build, prepare


@pytest.fixture
def collector_off() -> Iterator[None]:
    """No cycle collection during the test: what is freed is freed by reference counting."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _watched(canvas_class, made: list):
    class Watched(canvas_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))
            made.append(weakref.ref(self._doc))

    return Watched


def _story() -> list:
    st = styles()
    lines = [
        'Voir <a href="https://exemple.fr/ess">le site du conseil</a> pour le détail.',
        "Un mot <u>souligné</u>, un autre <strike>barré</strike>.",
        "Un paragraphe sans rien de tel. " * 30,
    ]
    return [Paragraph(text, st.body) for text in lines * 40]


def test_a_pack_is_freed_as_soon_as_it_is_written(store, tmp_path, monkeypatch, collector_off):
    council = prepare(store, tmp_path)
    made: list = []
    canvas_class = pack_module._canvas_class
    monkeypatch.setattr(pack_module, "_canvas_class", lambda *a: _watched(canvas_class(*a), made))
    for variant in pack_module.VARIANTS:
        build(store, council, tmp_path, variant)
    assert len(made) == 2 * len(pack_module.VARIANTS)
    assert [ref() for ref in made] == [None] * len(made)


@pytest.mark.parametrize("make", ["file", "bytes"])
def test_a_numbered_document_is_freed_as_soon_as_it_is_written(
    tmp_path, monkeypatch, collector_off, make
):
    made: list = []
    numbered = style._numbered_canvas
    monkeypatch.setattr(style, "_numbered_canvas", lambda *a: _watched(numbered(*a), made))
    meta = Metadata(title="Essai", author="ESS Desk", subject="Liens", footer="Pied")
    if make == "file":
        build_pdf(tmp_path / "essai.pdf", _story(), meta)
    else:
        assert pdf_bytes(_story(), meta).startswith(b"%PDF")
    assert len(made) == 2
    assert [ref() for ref in made] == [None, None]


def test_a_document_that_failed_is_freed_too(tmp_path, monkeypatch, collector_off):
    made: list = []
    numbered = style._numbered_canvas
    monkeypatch.setattr(style, "_numbered_canvas", lambda *a: _watched(numbered(*a), made))

    class Broken(Paragraph):
        def draw(self):
            raise RuntimeError("cassé")

    meta = Metadata(title="Essai", author="ESS Desk", subject="Échec")
    with pytest.raises(RuntimeError, match="cassé"):
        build_pdf(tmp_path / "essai.pdf", [*_story(), Broken("x", styles().body)], meta)
    assert made
    del Broken  # (the class, in cycles of its own, is not the document)
    # The traceback held the frames; once gone, so is the document.
    assert [ref() for ref in made] == [None, None]
