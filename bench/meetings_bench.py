"""Meetings benchmarks: (a) opening the Séances page of the large demo, against the Membres page
opened the same way; (b) the sign-in sheet of a 200-person body, against a plain reportlab table
of the same 200 rows × 6 columns in the same font.

Both pairs are measured in the same process and run, alternating ours and the baseline so that
machine noise hits both alike, after one untimed warm-up of each; the figure is the median.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.common import Figure, alternate, large_demo_db, open_page, settled_copy

RUNS = 5
SHEET_PEOPLE = 200


# --------------------------------------------------------------------------- (a) Séances page


def measure_meetings_page(runs: int = RUNS) -> Figure:
    from bench.filtering import _app
    from ess_desk.store import open_store

    name = f"Ouverture de la page Séances (démo large, médiane de {runs})"
    app = _app()
    with tempfile.TemporaryDirectory(prefix="ess-bench-meetings-") as tmp:
        db = Path(tmp) / "large.sqlite"
        settled_copy(large_demo_db(), db)
        with open_store(db, auto_backup=False) as store:
            count = store.db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0]
            name = (
                f"Ouverture de la page Séances ({count} séances de la démo large, "
                f"médiane de {runs})"
            )
            from ui.pages.members import MembersPage

            def members() -> float:
                return open_page(app, lambda: MembersPage(store))

            try:
                from ui.pages.meetings import MeetingsPage
            except ImportError as exc:  # the page is another module's: say so, do not crash
                baseline = [members() for _i in range(runs)]
                return Figure(
                    name=name,
                    ours=None,
                    baseline=statistics.median(baseline),
                    unit="ms",
                    goal="≤ 2× Membres",
                    max_ratio=2.0,
                    error=f"page Séances indisponible (ui.pages.meetings) : {exc}",
                )

            def meetings_page() -> float:
                return open_page(app, lambda: MeetingsPage(store))

            ours, baseline = alternate(meetings_page, members, runs)
    return Figure(
        name=name,
        ours=statistics.median(ours),
        baseline=statistics.median(baseline),
        unit="ms",
        goal="≤ 2× Membres",
        max_ratio=2.0,
    )


# --------------------------------------------------------------------------- (b) sign-in sheet


def build_big_body(store, size: int = SHEET_PEOPLE) -> int:
    """A body of `size` expected people (members with long names and organisations, a quarter
    of them paired with a substitute) and one meeting with some attendance; returns the meeting."""
    from ess_desk.meetings import meetings, presence
    from ess_desk.membership import bodies, mandates, organisations, people

    body = bodies.create_body(store, name="Conseil métropolitain de l'ESS", kind="plenary")
    college = bodies.create_college(store, body, name="Structures de l'ESS")
    orgs = [
        organisations.create(store, name=f"{label} {n}", kind="association")
        for n, label in enumerate(
            (
                "Union régionale des sociétés coopératives et participatives",
                "Chambre régionale de l'économie sociale et solidaire",
                "Association pour le droit à l'initiative économique",
                "Fédération des entreprises d'insertion",
            )
        )
    ]
    members: list[int] = []
    substitutes = size // 5
    with store.write():
        for i in range(size - substitutes):
            person = people.create(
                store,
                first_name="Marie-Thérèse" if i % 2 else "Jean-Baptiste",
                last_name=f"Lefèbvre-Œuvrard {i:03d}",
                organisation_id=orgs[i % len(orgs)],
            )
            members.append(
                mandates.create(
                    store, person_id=person, body_id=body, college_id=college,
                    role="member", start_date="2026-01-01",
                )
            )  # fmt: skip
        for i in range(substitutes):
            person = people.create(store, first_name="Zoé", last_name=f"Suppléante {i:03d}")
            mandates.create(
                store, person_id=person, body_id=body, college_id=college, role="substitute",
                start_date="2026-01-01", substitute_for_id=members[i],
            )  # fmt: skip
    meeting = meetings.create(
        store, body_id=body, starts_at="10/12/2026 18:00", place="Hôtel de ville, salle du conseil"
    )
    with store.write():
        for n, mandate in enumerate(members[:100]):
            presence.record(store, meeting, mandate, "present")
            if n < 20:
                presence.record(store, meeting, members[100 + n], "represented", proxy_to=mandate)
    return meeting


def plain_table(path: Path, rows: list[list[str]]) -> None:
    """The baseline: the same rows in one reportlab Table of plain strings (no wrapping, so long
    names overflow their cell: the floor of what reportlab costs), header repeated, in the same
    embedded font, on A4."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from ess_desk.documents.style import FONT, register_fonts

    register_fonts()
    table = Table(
        rows, repeatRows=1, colWidths=[37 * mm, 35 * mm, 24 * mm, 23 * mm, 23 * mm, 32 * mm]
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 18),
            ]
        )
    )
    SimpleDocTemplate(str(path), pagesize=A4).build([table])


def measure_sign_in_sheet(runs: int = RUNS) -> Figure:
    from ess_desk.documents import attendance_sheet
    from ess_desk.meetings import presence
    from ess_desk.store import open_store

    with tempfile.TemporaryDirectory(prefix="ess-bench-sheet-") as tmp:
        folder = Path(tmp)
        with open_store(folder / "sheet.sqlite", auto_backup=False) as store:
            meeting = build_big_body(store)
            attendees = presence.expected_attendees(store.db, meeting)
            names = {a.mandate_id: a.name for a in attendees}
            recorded = {p.mandate_id: p for p in presence.presences(store.db, meeting)}
            header = ["Nom", "Structure", "Collège", "Qualité", "Pouvoir donné à", "Signature"]
            rows = [header] + [
                [
                    a.name,
                    a.organisation,
                    a.college,
                    attendance_sheet._quality(a),
                    names.get(recorded[a.mandate_id].proxy_to, "")
                    if a.mandate_id in recorded and recorded[a.mandate_id].proxy_to
                    else "",
                    "",
                ]
                for a in attendees
            ]
            assert len(rows) == SHEET_PEOPLE + 1

            def ours() -> float:
                start = time.perf_counter()
                attendance_sheet.build(store.db, meeting, folder / "feuille.pdf")
                return (time.perf_counter() - start) * 1000

            def plain() -> float:
                start = time.perf_counter()
                plain_table(folder / "plain.pdf", rows)
                return (time.perf_counter() - start) * 1000

            mine, theirs = alternate(ours, plain, runs)
    return Figure(
        name=f"Feuille d'émargement, instance de {SHEET_PEOPLE} personnes (médiane de {runs})",
        ours=statistics.median(mine),
        baseline=statistics.median(theirs),
        unit="ms",
        goal="< 2 s",
        max_value=2000.0,
    )


def measure_meetings() -> list[Figure]:
    return [measure_meetings_page(), measure_sign_in_sheet()]


if __name__ == "__main__":
    import os

    from bench.common import format_table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(format_table(measure_meetings()))
