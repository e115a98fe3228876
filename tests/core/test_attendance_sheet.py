"""The sign-in sheet read back: text, pages, embedded font, repeated headers, metadata."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ess_desk import council
from ess_desk.documents import attendance_sheet
from ess_desk.meetings import meetings, presence
from ess_desk.meetings import record as meeting_record
from ess_desk.membership import bodies, mandates, organisations, people
from tests.documents import plain


@pytest.fixture
def big_meeting(store):
    council.set_letterhead(store, council_name="Conseil de l'ESS de Strasbourg")
    body = bodies.create_body(store, name="Conseil plénier", kind="plenary")
    college = bodies.create_college(store, body, name="Structures de l'ESS")
    org = organisations.create(
        store,
        name="Union régionale des sociétés coopératives et participatives du Grand Est et "
        "de Bourgogne-Franche-Comté",
        kind="reseau",
    )
    ids = []
    for i in range(80):
        pid = people.create(
            store,
            first_name="Bénédicte",
            last_name=f"Œuvrard-Müller {i:02d}",
            organisation_id=org if i % 2 else None,
        )
        ids.append(
            mandates.create(
                store,
                person_id=pid,
                body_id=body,
                college_id=college,
                role="member",
                start_date="2026-01-01",
            )
        )
    meeting = meetings.create(
        store, body_id=body, starts_at="10/12/2026 18:00", place="Maison de l'ESS, 4 rue de l'Œuvre"
    )
    presence.record(store, meeting, ids[0], "present")
    presence.record(store, meeting, ids[1], "represented", proxy_to=ids[0])
    presence.add_guest(store, meeting, "Jeanne Invitée", "Région Grand Est")
    return meeting


def test_sheet_lists_everyone_on_several_pages(store, big_meeting, tmp_path):
    out = attendance_sheet.build(store.db, big_meeting, tmp_path / "emargement.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    text = plain(" ".join(" ".join(page.extract_text() for page in reader.pages).split()))
    for i in range(80):
        assert f"Œuvrard-Müller {i:02d}" in text
    assert "Feuille d'émargement" in text and "jeudi 10 décembre 2026 à 18 h" in text
    assert "Jeanne Invitée" in text and "Région Grand Est" in text
    assert "quorum requis : 40" in text and "représentés : 1" in text
    assert f"Page 1 / {len(reader.pages)}" in reader.pages[0].extract_text()
    # the header row is repeated on every page
    assert all("Signature" in page.extract_text() for page in reader.pages)
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("DejaVuSans" in f for f in fonts)
    assert plain(reader.metadata.title).startswith("Feuille d'émargement")
    assert plain(reader.metadata.author) == "Conseil de l'ESS de Strasbourg"
    assert [plain(o.title) for o in reader.outline if not isinstance(o, list)] == [
        "Feuille d'émargement"
    ]


def test_sheet_is_written_atomically(store, big_meeting, tmp_path, monkeypatch):
    target = tmp_path / "emargement.pdf"

    def explode(*args, **kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr("ess_desk.documents.style.BaseDocTemplate.build", explode)
    with pytest.raises(RuntimeError):
        attendance_sheet.build(store.db, big_meeting, target)
    assert [p for p in tmp_path.iterdir() if "emargement" in p.name] == []


def test_room_to_sign_and_no_row_left_alone(store, big_meeting):
    """A signature column of 5 cm at least, rows of 1 cm at least, and neither the members' nor
    the guests' table split with fewer than two rows on a page."""
    from reportlab.lib.units import mm

    from ess_desk.documents.style import GridTable

    tables = [
        f
        for f in attendance_sheet.sheet_story(meeting_record.load(store.db, big_meeting))
        if isinstance(f, GridTable)
    ]
    assert len(tables) == 2
    for table in tables:
        table.wrap(174 * mm, 1e6)
        assert table.widths[-1] >= 50 * mm
        assert all(row.height >= 10 * mm - 0.01 for row in table.rows)
    guests = tables[1]
    assert len(guests.rows) == 5  # Jeanne and four empty lines
    one_row = guests._header_height + guests.rows[0].height + 1
    assert guests.split(174 * mm, one_row) == []  # the whole table goes to the next page
    three = guests._header_height + sum(r.height for r in guests.rows[:4]) + 1
    first, rest = guests.split(174 * mm, three)
    assert len(first.rows) == 3 and len(rest.rows) == 2  # never 4 + 1


def test_a_grid_table_never_leaves_one_row_alone():
    from ess_desk.documents.style import GridTable, register_fonts

    register_fonts()
    for count in range(1, 12):
        table = GridTable(["A"], [[f"ligne {n}"] for n in range(count)], [100])
        table.wrap(100, 1e6)
        row = table.rows[0].height
        for fits in range(0, count + 1):
            fresh = GridTable(["A"], [[f"ligne {n}"] for n in range(count)], [100])
            fresh.wrap(100, 1e6)
            parts = fresh.split(100, fresh._header_height + fits * row + 0.5)
            if parts:
                assert min(len(parts[0].rows), len(parts[1].rows)) >= 2, (count, fits)
