"""Personal data (RGPD) on the large demo: the retention review, the whole file of the busiest
person (the most attendance to gather) as JSON and as PDF, the anonymisation of people due
for review, each in its own transaction, and that of the busiest person (once, on a fresh copy:
the most audit entries to redact). Medians of five; no baseline: the goals are times."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, large_demo_db, median, settled_copy

RUNS = 5


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def busiest_person(db) -> int:
    """The person with the most recorded attendance: the largest file to gather."""
    return db.execute(
        "SELECT m.person_id FROM attendance a JOIN mandates m ON m.id = a.mandate_id "
        "GROUP BY m.person_id ORDER BY COUNT(*) DESC, m.person_id LIMIT 1"
    ).fetchone()[0]


def _busiest_anonymised(source: Path | None, folder: Path, busiest: int) -> float:
    """The anonymisation of the busiest person, once, on a fresh copy of the demo."""
    from ess_desk.privacy import anonymise
    from ess_desk.store import open_store

    path = folder / "busiest.sqlite"
    settled_copy(source or large_demo_db(), path)
    store = open_store(path, auto_backup=False)
    try:
        return _ms(lambda: anonymise.anonymise(store, busiest))
    finally:
        store.close()


def measure_privacy(source: Path | None = None, runs: int = RUNS) -> list[Figure]:
    from ess_desk.exchange import person_file
    from ess_desk.privacy import anonymise, retention
    from ess_desk.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="ess-desk-bench-privacy-"))
    try:
        path = folder / "large.sqlite"
        settled_copy(source or large_demo_db(), path)
        store = open_store(path, auto_backup=False)
        try:
            db = store.db
            retention.due_for_review(db)  # warm: the first query of the process
            review = [_ms(lambda: retention.due_for_review(db)) for _ in range(runs)]
            due = [r.person_id for r in retention.due_for_review(db)]
            busiest = busiest_person(db)
            person_file.export(db, busiest, folder / "fiche.json")  # warm-up, untimed
            as_json = [
                _ms(lambda: person_file.export(db, busiest, folder / "fiche.json"))
                for _ in range(runs)
            ]
            as_pdf = [
                _ms(lambda: person_file.export(db, busiest, folder / "fiche.pdf"))
                for _ in range(runs)
            ]
            anonymised = [_ms(lambda p=p: anonymise.anonymise(store, p)) for p in due[:runs]]
        finally:
            store.close()
        busiest_anonymised = _busiest_anonymised(source, folder, busiest)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        Figure(
            f"RGPD : revue de conservation ({len(due)} personnes à revoir)",
            median(review),
            None,
            "ms",
            "< 500 ms",
            max_value=500,
        ),
        Figure(
            f"RGPD : fiche complète de la personne la plus présente (JSON, médiane de {runs})",
            median(as_json),
            None,
            "ms",
            "≤ 300 ms",
            max_value=300,
        ),
        Figure(
            "RGPD : la même fiche en PDF",
            median(as_pdf),
            None,
            "ms",
            "≤ 600 ms",
            max_value=600,
        ),
        Figure(
            f"RGPD : anonymisation d'une personne (une transaction, médiane de {len(anonymised)})",
            median(anonymised),
            None,
            "ms",
            "≤ 500 ms",
            max_value=500,
        ),
        Figure(
            f"RGPD : anonymisation de la personne la plus présente (n°{busiest}, une fois ; "
            "information, objectif de 500 ms non atteint)",
            busiest_anonymised,
            None,
            "ms",
            "(information)",
        ),
    ]
