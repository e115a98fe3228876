"""Activity report benchmark: the 2025 annual report of the plenary council of the large demo
(579 meetings, 30,000 actions in the file).

(a) The whole report (figures and PDF with its charts), against a plain reportlab document of the
    same tables (the same rows as plain strings, no wrapping, same embedded font): the floor of
    what reportlab costs for that content.
(b) The figures alone (every count of the report, aggregated in SQL), against merely fetching
    the raw rows they are made of (the body's actions, the attendance rows of its meetings of
    the year) into Python, without counting anything.

Pairs are measured in the same process and run, alternating ours and the baseline so that
machine noise hits both alike, after one untimed warm-up of each; the figure is the median.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, alternate, large_demo_db, settled_copy

RUNS = 5
YEAR = 2025  # the last full year of the demo, whose history stops at the end of 2026
TODAY = dt.date(2026, 11, 28)


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report_tables(fig) -> list[list[list[str]]]:
    """The tables of the report, as plain rows of strings."""
    tables: list[list[list[str]]] = [
        [["Date", "Séance", "Statut", "Présents", "Taux", "Décisions"]]
        + [
            [m.starts_at, m.title, m.status, str(m.presences), str(m.quorum), str(m.decisions)]
            for m in fig.meetings
        ],
        [["Collège", "Présences"]] + [[c.college, str(c.presences)] for c in fig.colleges],
        [["Référence", "Date", "Nature", "Texte", "Suivi"]]
        + [[d.reference, str(d.day), d.kind, d.text[:60], d.status] for d in fig.decisions],
        [["Thème", "Ouvertes", "Faites", "Abandonnées", "En cours", "En retard"]]
        + [
            [t.theme[:40], str(t.opened), str(t.done), str(t.abandoned)]
            + [str(t.open_at_end), str(t.overdue_at_end)]
            for t in fig.themes
        ],
        [["Collège", "Sièges", "Début", "Arrivées", "Départs", "Fin", "Vacants"]]
        + [
            [c.name, str(c.seats), str(c.at_start), str(c.arrivals), str(c.departures)]
            + [str(c.at_end), str(c.vacant)]
            for c in fig.composition
        ],
        [["Date", "Mouvement", "Personne", "Collège", "Qualité"]]
        + [[str(c.day), str(c.arrival), c.name[:30], c.college, c.role] for c in fig.changes],
        [["Qualité", "Membre", "Structure", "Début", "Fin"]]
        + [
            [m.role, m.name[:30], m.organisation[:30], m.start_date, str(m.end_date)]
            for m in fig.roster
        ],
        [["Membre", "Collège", "Présences"]]
        + [[m.name[:30], m.college, str(m.presences)[:50]] for m in fig.members],
    ]
    return tables


def plain_document(path: Path, tables: list[list[list[str]]]) -> int:
    """The baseline: each table in a reportlab Table of plain strings, header repeated, in the
    same embedded font, on A4; returns its number of pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from ess_desk.documents.style import FONT, register_fonts

    register_fonts()
    story = []
    for rows in tables:
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ]
            )
        )
        story += [table, Spacer(1, 12)]
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build(story)
    return doc.page


def measure_report(runs: int = RUNS, db_path: Path | None = None) -> list[Figure]:
    from pypdf import PdfReader

    from ess_desk.documents import activity_report
    from ess_desk.membership import bodies
    from ess_desk.report.figures import Period, report_figures
    from ess_desk.store import open_store

    period = Period(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    with tempfile.TemporaryDirectory(prefix="ess-bench-report-") as tmp:
        folder = Path(tmp)
        db_file = folder / "large.sqlite"
        settled_copy(db_path or large_demo_db(), db_file)
        with open_store(db_file, auto_backup=False) as store:
            db = store.db
            body = bodies.plenary_body(db)
            assert body is not None
            counts = db.execute(
                "SELECT (SELECT COUNT(*) FROM meetings), (SELECT COUNT(*) FROM actions)"
            ).fetchone()
            fig = report_figures(db, body, period.start, period.end, today=TODAY)
            tables = report_tables(fig)
            ours_pdf, plain_pdf = folder / "rapport.pdf", folder / "plain.pdf"

            def whole_report() -> float:
                return _ms(lambda: activity_report.build(db, body, period, ours_pdf, today=TODAY))

            def plain() -> float:
                return _ms(lambda: plain_document(plain_pdf, tables))

            mine, theirs = alternate(whole_report, plain, runs)
            pages = len(PdfReader(ours_pdf).pages)
            plain_pages = len(PdfReader(plain_pdf).pages)

            after = (period.end + dt.timedelta(days=1)).isoformat()

            def figures_only() -> float:
                return _ms(lambda: report_figures(db, body, period.start, period.end, TODAY))

            def raw_rows() -> float:
                def fetch() -> None:
                    db.execute(
                        "SELECT theme_id, status, created_on, closed_on, due_date FROM actions "
                        "WHERE body_id = ?",
                        [body],
                    ).fetchall()
                    db.execute(
                        "SELECT a.mandate_id, a.status FROM attendance a "
                        "JOIN meetings m ON m.id = a.meeting_id "
                        "WHERE m.body_id = ? AND m.starts_at >= ? AND m.starts_at < ?",
                        [body, period.start.isoformat(), after],
                    ).fetchall()

                return _ms(fetch)

            mine_fig, theirs_fig = alternate(figures_only, raw_rows, runs)
    where = f"{counts[0]} séances, {counts[1]} actions"
    return [
        Figure(
            name=(
                f"Rapport d'activité {YEAR} du plénier, démo large ({where}) : {pages} pages "
                f"et graphiques ; témoin : mêmes tableaux en reportlab brut ({plain_pages} p.), "
                f"médiane de {runs}"
            ),
            ours=statistics.median(mine),
            baseline=statistics.median(theirs),
            unit="ms",
            goal="< 2 s",
            max_value=2000.0,
        ),
        Figure(
            name=(
                f"Chiffres du rapport {YEAR} (SQL) ; témoin : lecture brute des lignes "
                f"d'actions et de présences, médiane de {runs}"
            ),
            ours=statistics.median(mine_fig),
            baseline=statistics.median(theirs_fig),
            unit="ms",
            goal="< 150 ms",
            max_value=150.0,
        ),
    ]


if __name__ == "__main__":
    import os

    from bench.common import format_table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(format_table(measure_report()))
