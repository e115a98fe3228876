"""The documents' frame (`style._BodyFrame`) answers by its class what reportlab's Frame answers
by raising AttributeError (no content generated yet, the last frame of its page): documents laid
out in it are those laid out in reportlab's Frame, content generated for it included."""

from __future__ import annotations

import copy
import io
import zlib

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, KeepTogether, PageBreak, Paragraph, Spacer

from ess_desk.documents import pack, page_streams, style
from ess_desk.documents.style import Metadata, render_pdf, styles
from tests.core.test_pack import TODAY, prepare


class _Generating(Flowable):
    """A flowable that has the frame it is added to lay out a paragraph after it."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        if frame is not None and not getattr(self, "_done", False):
            self._done = True
            frame.add_generated_content(Paragraph(self.text, styles().body))
        return (available_width, 12)

    def draw(self) -> None:
        self.canv.drawString(0, 0, "·")


def _story() -> list:
    st = styles()
    out: list = []
    for n in range(40):
        out += [
            Paragraph(f"Paragraphe {n} : l'ordre du jour de la séance.", st.body),
            _Generating(f"Généré après le paragraphe {n}."),
            KeepTogether([Paragraph("Vote", st.h2), Spacer(1, 30 * mm)]),
        ]
        if n % 13 == 12:
            out.append(PageBreak())
    return out


def _document(monkeypatch, frame: type) -> bytes:
    monkeypatch.setattr(style, "_BodyFrame", frame)
    out = io.BytesIO()
    render_pdf(out, _story(), Metadata("Essai", "Conseil", "Cadre"), invariant=True)
    return out.getvalue()


def test_documents_are_those_of_reportlabs_frame(monkeypatch):
    ours = _document(monkeypatch, style._BodyFrame)
    theirs = _document(monkeypatch, Frame)
    assert ours == theirs
    assert ours.count(b"/Type /Page\n") > 3


def test_the_content_generated_is_laid_out(monkeypatch):
    from pypdf import PdfReader

    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(_document(monkeypatch, style._BodyFrame))).pages
    )
    assert "Généré après le paragraphe 39." in text


def test_the_documents_frame_is_the_quick_one():
    doc = style.document(io.BytesIO(), Metadata("Essai", "Conseil", "Cadre"))
    (frame,) = doc.pageTemplates[0].frames
    assert type(frame) is style._BodyFrame
    assert frame._generated_content is None and "_generated_content" not in vars(frame)


def test_the_pack_is_that_of_reportlabs_frame(store, tmp_path, monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(page_streams, "FAST", page_streams.Flate(zlib.compress))
    council = prepare(store, tmp_path)
    out = []
    for frame in (style._BodyFrame, Frame):
        monkeypatch.setattr(style, "_BodyFrame", frame)
        for variant in pack.VARIANTS:
            path = tmp_path / f"{variant}.pdf"
            pack.build(store.db, council["second"], path, variant=variant, today=TODAY)
            out.append(path.read_bytes())
    assert out[:3] == out[3:]


def test_a_deep_copy_of_the_frame_is_what_deepcopy_makes_of_a_frame():
    # platypus deep-copies the frame before it measures a KeepTogether's content: the quick
    # copy is the one copy.deepcopy makes through reportlab's Frame (plain values shared, the
    # others copied deep), of the same class, once for a frame met twice.
    doc = style.document(io.BytesIO(), Metadata("Essai", "Conseil", "Cadre"))
    (frame,) = doc.pageTemplates[0].frames
    frame._reset()
    frame._frameBGs = [("fond", [1, 2])]
    frame._debug = {"marques": [3]}
    twin = copy.deepcopy(frame)
    plain = object.__new__(Frame)
    plain.__dict__.update(vars(frame))
    made = copy.deepcopy(plain)
    assert type(twin) is style._BodyFrame
    assert list(vars(twin).items()) == list(vars(made).items())
    assert twin._frameBGs is not frame._frameBGs
    assert twin._frameBGs[0][1] is not frame._frameBGs[0][1]
    assert twin._debug["marques"] is not frame._debug["marques"]
    first, second = copy.deepcopy([frame, frame])
    assert first is second is not frame
