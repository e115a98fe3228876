"""Text that reaches a PDF never stops the document (issue 18, item 15): a decision of a few
thousand characters, a word longer than a line, emoji, right-to-left and CJK text, control
characters; a property test feeds arbitrary text to the decision register and the minutes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ess_desk.cli import main
from ess_desk.documents import decisions_pdf, minutes_pdf
from ess_desk.minutes import decisions
from ess_desk.minutes import minutes as mn
from tests.core.test_minutes import build_council

HARD = [
    ("Le conseil délibère longuement sur l'économie sociale et solidaire, " * 40)[:2400],
    "x" * 3000,
    "😀🎉 مرحبا بالعالم שלום עולם 中文字符 \u202eabc\u202c fin",
    "contrôle\x07\x1b caché",
]


def _pages(path):
    with PdfReader(path) as pdf:
        return len(pdf.pages)


def test_long_and_unusual_decisions_make_a_register_and_minutes(store, tmp_path):
    council = build_council(store)
    for text in HARD:
        decisions.add_decision(store, council["budget"], "decision", text)
    minutes_id = mn.start(store, council["first"])
    mn.save_section(store, minutes_id, council["budget"], "\n\n".join(HARD))
    store.close()
    register = tmp_path / "registre.pdf"
    assert main(["--db", str(store.path), "export-decisions", "-o", str(register)]) == 0
    assert _pages(register) >= 2  # the 2,400 characters go on over the next page
    pv = tmp_path / "pv.pdf"
    meeting = str(council["first"])
    assert main(["--db", str(store.path), "export-minutes", meeting, "-o", str(pv)]) == 0
    assert _pages(pv) >= 1


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=3000))
def test_any_text_makes_a_pdf(tmp_path_factory, text):
    from ess_desk.store import open_store

    folder = tmp_path_factory.mktemp("pdf")
    with open_store(folder / "c.sqlite") as store:
        council = build_council(store)
        decisions.add_decision(store, council["budget"], "decision", text)
        rows = decisions.search(store.db)
        assert _pages(decisions_pdf.build(rows, folder / "registre.pdf")) >= 1
        minutes_id = mn.start(store, council["first"])
        mn.save_section(store, minutes_id, council["debate"], text)
        assert _pages(minutes_pdf.build(store.db, council["first"], folder / "pv.pdf")) >= 1
