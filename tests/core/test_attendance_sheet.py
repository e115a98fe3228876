"""The sign-in sheet read back: text, pages, embedded font, repeated headers, metadata."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ess_desk import council
from ess_desk.documents import attendance_sheet
from ess_desk.meetings import meetings, presence
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
