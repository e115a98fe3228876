"""Long documents written page by page: rows read as pages fill (never all at once), the
header repeated, « Page n / N » on every page though N is known only at the end, fonts
embedded; the actions' tableau de suivi and the reminders are written so."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ess_desk.actions import actions, queries
from ess_desk.documents import actions_pdf, streamed
from ess_desk.documents.style import (
    Bookmark,
    Metadata,
    TextCell,
    escape,
    forget_shared_cells,
    styles,
    text_cell,
)
from ess_desk.membership import bodies, organisations
from tests.documents import plain, row_by_row, unembedded_fonts

TODAY = dt.date(2026, 11, 28)


def test_rows_are_read_as_the_pages_fill(tmp_path):
    read: list[int] = []
    pages_when: list[tuple[int, int]] = []

    def rows():
        for n in range(600):
            read.append(n)
            yield ([str(n), f"Ligne n° {n} : une action à suivre", "Échéance"], n % 7 == 0)

    class Watched(streamed.StreamedDocument):
        def new_page(self) -> None:
            pages_when.append((self.page, len(read)))
            super().new_page()

    path = tmp_path / "long.pdf"
    meta = Metadata(title="Essai", author="Conseil", subject="Essai", footer="Conseil — essai")
    doc = Watched(str(path), meta, landscape(A4))
    doc.add(Paragraph(escape("Tableau d'essai"), styles().title))
    count = doc.table(
        streamed.TableRows(["N°", "Action", "Échéance"], [20 * mm, 150 * mm, 40 * mm], rows())
    )
    doc.close()
    assert count == 600
    first_page, read_then = pages_when[0]
    assert first_page == 1 and read_then < 200  # the first page was done long before the end
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total == len(pages_when) + 1 > 10
    texts = [plain(page.extract_text()) for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} / {total}" in text
        assert "Action" in text  # the header on every page
    everything = " ".join(texts)
    assert all(f"Ligne n° {n} :" in everything for n in (0, 299, 599))
    assert not unembedded_fonts(path)


def test_the_tableau_has_a_section_per_body_and_every_action(store, tmp_path):
    bureau = bodies.create_body(store, name="Bureau", kind="bureau")
    commission = bodies.create_body(store, name="Commission Emploi", kind="commission")
    owner = organisations.create(store, name="Coopérative Alpha", kind="scic")
    with store.write():
        for n in range(120):
            actions.create(
                store,
                today=TODAY,
                body_id=bureau if n % 3 else commission,
                title=f"Action n° {n}",
                owner_organisation_id=owner,
                due_date="2026-10-01" if n % 5 == 0 else "2027-03-01",
            )
    path = tmp_path / "suivi.pdf"
    assert actions_pdf.build_tableau(store.db, path, today=TODAY) == 120
    reader = PdfReader(path)
    assert [o.title for o in reader.outline if not isinstance(o, list)] == [
        "Bureau",
        "Commission Emploi",
    ]
    text = plain(" ".join(page.extract_text() for page in reader.pages))
    assert all(f"Action n° {n}" in text for n in range(120))
    assert "120 actions, dont 24 en retard" in text
    assert f"Page {len(reader.pages)} / {len(reader.pages)}" in text


def _table_pdf(path, cell, first: int = 10000) -> list[bytes]:
    """A long table whose cells repeat (as owners, statuses and dates do), made by `cell`, its
    rows numbered from `first`; the content of each page."""
    st = styles()
    late = ParagraphStyle("late_test", parent=st.cell, textColor=colors.HexColor("#b3261e"))
    texts = [
        "Coopérative Alpha",
        "En cours",
        "Réunion du bureau du 07/02/2017 — 3. Financements européens : mobiliser le FSE+",
        "שלום עולם (חבר)",
        "—",
    ]

    def rows():
        for n in range(400):
            yield (
                [
                    str(first + n),  # from 10000, wider than its column: narrowed
                    cell((texts[n % 5], st.cell_bold), (texts[(n + 1) % 5], late)),
                    cell((texts[(n * 7) % 5], late if n % 2 else st.cell)),
                    cell(f"{n % 11 * 10} %"),
                ],
                n % 3 == 0,
            )

    meta = Metadata(title="Essai", author="Conseil", subject="Essai", footer="Conseil — essai")
    doc = streamed.StreamedDocument(str(path), meta, A4)
    doc.table(streamed.TableRows(["N°", "Action", "Origine", "Avancement"], WIDTHS, rows()))
    doc.close()
    return [page.get_contents().get_data() for page in PdfReader(path).pages]


WIDTHS = [9 * mm, 70 * mm, 60 * mm, 25 * mm]


def test_cells_drawn_again_write_what_they_wrote_the_first_time(tmp_path):
    # A cell shared by the rows that print the same is set and measured once, and its
    # operators are written again as they were: the pages are those of cells made anew.
    fresh = _table_pdf(tmp_path / "fresh.pdf", lambda *parts: TextCell(*parts))
    shared = _table_pdf(tmp_path / "shared.pdf", lambda *parts: text_cell(*parts))
    assert len(fresh) > 5
    assert shared == fresh
    text = plain(" ".join(page.extract_text() for page in PdfReader(tmp_path / "shared.pdf").pages))
    assert "10399" in text and "Coopérative Alpha" in text and "90 %" in text


def test_numbers_are_written_as_any_text_would_be(tmp_path, monkeypatch):
    # A table's N° (as many different numbers as rows) is laid out and written without being
    # wrapped nor looked up: the operators any other text of one line would have.
    from ess_desk.documents import style

    quick = _table_pdf(tmp_path / "quick.pdf", lambda *parts: text_cell(*parts), first=1)
    monkeypatch.setattr(style, "_number_lines", lambda *args: None)
    monkeypatch.setattr(style._RowWriter, "_number", lambda *args: None)
    monkeypatch.setattr(style._RowWriter, "rows", row_by_row)
    monkeypatch.setattr(style.TextCell, "number", lambda text: TextCell(text))
    plain_way = _table_pdf(tmp_path / "plain.pdf", lambda *parts: TextCell(*parts), first=1)
    assert len(quick) > 5
    assert quick == plain_way
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "quick.pdf").pages)
    assert "400" in text and "1\n" in text


def test_each_bookmark_has_a_key_of_its_own():
    # The bookmarks of a streamed document are let go once drawn: a key made from id() would
    # be given again to the next one, and two entries of the outline would lead to one page.
    assert len({Bookmark(f"Section {n}").key for n in range(500)}) == 500


def test_a_streamed_file_is_written_as_it_is_made_and_other_pdfs_as_before(tmp_path):
    # A streamed document hands each piece of its file to the disk as it comes; any other PDF
    # of the same process (the pack, a canvas asked for its bytes) is put together as before.
    pages = _table_pdf(tmp_path / "streamed.pdf", lambda *parts: text_cell(*parts))
    data = (tmp_path / "streamed.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(pages) > 5
    canvas = Canvas(str(tmp_path / "other.pdf"))
    canvas.drawString(72, 720, "Un autre document")
    other = canvas.getpdfdata()
    assert other.startswith(b"%PDF-") and other.rstrip().endswith(b"%%EOF")
    assert "Un autre document" in PdfReader(io.BytesIO(other)).pages[0].extract_text()


def test_a_document_after_another_is_written_as_if_alone(tmp_path):
    # The cells and lines one streamed document wrote serve the next (the reminders to each
    # owner): written after another, a document has the pages it has written alone.
    forget_shared_cells()
    alone = _table_pdf(tmp_path / "alone.pdf", lambda *parts: text_cell(*parts))
    _table_pdf(tmp_path / "first.pdf", lambda *parts: text_cell(*parts))
    after = _table_pdf(tmp_path / "after.pdf", lambda *parts: text_cell(*parts))
    assert after == alone


def test_reminders_written_in_a_row_are_the_ones_written_alone(store, on_demo_day, tmp_path):
    # The cells of the reminders' tables are kept from one owner's list to the next, found by
    # what they show and the language: written in a row, or in English after French ones, each
    # owner's list is the one written alone (nothing remembered).
    from reportlab import rl_config

    from ess_desk import i18n
    from ess_desk.council import get_letterhead
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    groups = queries.open_by_owner(store.db, today=on_demo_day)
    letterhead = get_letterhead(store.db)
    assert any(r.overdue for g in groups for r in g.rows)

    def written(name: str, group) -> bytes:
        path = actions_pdf.reminder_lists(tmp_path / name, [group], letterhead, on_demo_day)
        return path.read_bytes()

    invariant, rl_config.invariant = rl_config.invariant, 1
    try:
        alone = {}
        for lang in ("fr", "en"):
            i18n.set_language(lang)
            for n, group in enumerate(groups):
                forget_shared_cells()
                assert not actions_pdf._REMINDER_CELLS
                alone[lang, n] = written(f"alone-{lang}-{n}.pdf", group)
        for lang in ("fr", "en"):
            i18n.set_language(lang)
            for n, group in enumerate(groups):
                assert written(f"row-{lang}-{n}.pdf", group) == alone[lang, n], (lang, n)
        assert len(actions_pdf._reminder_cells()) > len(groups)  # (kept from one to the next)
    finally:
        rl_config.invariant = invariant
        i18n.set_language("fr")


def test_a_seeded_canvas_has_the_codes_reportlab_gives_and_its_own_copy_of_them():
    # seed_codes gives each new canvas a copy of the state `splitString(SEEDED)` leaves a new
    # document in, made once per font: the same codes and subsets, no name, nothing shared.
    from reportlab.pdfbase import pdfmetrics

    from ess_desk.documents import style

    style.register_fonts()
    fonts = [style.FONT, style.FONT_BOLD, style.FONT_ITALIC, style.FONT_BOLD_ITALIC]
    first, second = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    style.seed_codes(first)
    expected, plain_docs = {}, []
    for name in fonts:
        font = pdfmetrics.getFont(name)
        plain = Canvas(io.BytesIO())
        plain_docs.append(plain)  # (a font's state lives as long as its document)
        font.splitString(style.SEEDED, plain._doc)
        expected[name] = dict(vars(font.state[plain._doc]))
        assert expected[name]["internalName"] is None
        assert vars(font.state[first._doc]) == expected[name], name
        font.splitString("ΩЖ", first._doc)  # new codes in the first canvas alone
    style.seed_codes(second)
    for name in fonts:
        assert vars(pdfmetrics.getFont(name).state[second._doc]) == expected[name], name
    # A canvas that has codes already gets the seeded ones after them, as reportlab gives them.
    third, plain = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    font = pdfmetrics.getFont(style.FONT)
    font.splitString("ΩЖ", third._doc)
    font.splitString("ΩЖ" + style.SEEDED, plain._doc)
    style.seed_codes(third)
    assert vars(font.state[third._doc]) == vars(font.state[plain._doc])


def test_a_first_row_taller_than_a_page_is_drawn_as_when_its_table_was_measured_whole(
    tmp_path, monkeypatch
):
    # A table is measured only as far as the room (`GridTable.wrap`); one whose first row
    # cannot be cut and is taller than a fresh page is drawn whole anyway, placed by its whole
    # height: the page is the one drawn when the table's height was added whole.
    from reportlab.platypus import Spacer

    from ess_desk.documents.style import GridTable

    def pages(path):
        rows = [(["1", Spacer(1, 900), text_cell("Zoé")], False)]
        rows += [([str(n), text_cell(f"ligne {n}"), text_cell("Zoé")], n % 2 == 0) for n in (2, 3)]
        meta = Metadata(title="Essai", author="Conseil", subject="Essai", footer="Conseil")
        doc = streamed.StreamedDocument(str(path), meta, A4)
        doc.table(streamed.TableRows(["N°", "Action", "Porteur"], WIDTHS[:3], iter(rows)))
        doc.close()
        return [page.get_contents().get_data() for page in PdfReader(path).pages]

    measured = pages(tmp_path / "measured.pdf")

    def whole(self, available_width, available_height):
        self._measure()
        self.width = sum(self.widths)
        self.height = (self._header_height or 0) + sum(r.height for r in self.rows)
        return (self.width, self.height)

    monkeypatch.setattr(GridTable, "wrap", whole)
    assert len(measured) == 1 and measured == pages(tmp_path / "whole.pdf")
