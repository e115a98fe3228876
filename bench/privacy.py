"""Personal data (RGPD) on the large demo: the retention review, a person's whole file (JSON and
PDF) and one anonymisation. The baseline of the last two is the same work with the exact name
pattern alone, without the quick ASCII look that rules most texts out first."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, large_demo_db, median

RUNS = 3


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _busiest_person(db) -> int:
    """The person with the most recorded attendance: the largest file to collect."""
    return db.execute(
        "SELECT m.person_id FROM attendance a JOIN mandates m ON m.id = a.mandate_id "
        "GROUP BY m.person_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]


def _without_quick_look():
    """The matcher as the baseline uses it: every text goes through the exact pattern."""
    from ess_desk.privacy.matching import Matcher

    original = Matcher._maybe
    Matcher._maybe = lambda self, text: True  # type: ignore[method-assign]
    return lambda: setattr(Matcher, "_maybe", original)


def measure_privacy(source: Path | None = None) -> list[Figure]:
    from ess_desk.exchange import person_file
    from ess_desk.privacy import anonymise, retention
    from ess_desk.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="ess-desk-bench-privacy-"))
    try:
        path = folder / "large.sqlite"
        shutil.copy(source or large_demo_db(), path)
        store = open_store(path, auto_backup=False)
        try:
            db = store.db
            review = [_ms(lambda: retention.due_for_review(db)) for _ in range(RUNS)]
            due = [r.person_id for r in retention.due_for_review(db)]
            busiest = _busiest_person(db)
            as_json = [
                _ms(lambda: person_file.export(db, busiest, folder / "fiche.json"))
                for _ in range(RUNS)
            ]
            as_pdf = [
                _ms(lambda: person_file.export(db, busiest, folder / "fiche.pdf"))
                for _ in range(RUNS)
            ]
            ours = [_ms(lambda p=p: anonymise.anonymise(store, p)) for p in due[:RUNS]]
            restore = _without_quick_look()
            try:
                json_base = [
                    _ms(lambda: person_file.export(db, busiest, folder / "fiche.json"))
                    for _ in range(RUNS)
                ]
                base = [
                    _ms(lambda p=p: anonymise.anonymise(store, p)) for p in due[RUNS : 2 * RUNS]
                ]
            finally:
                restore()
        finally:
            store.close()
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
            "RGPD : fiche complète d'une personne (JSON)",
            median(as_json),
            median(json_base),
            "ms",
            "< 3 s",
            max_value=3000,
        ),
        Figure(
            "RGPD : fiche complète d'une personne (PDF)",
            median(as_pdf),
            None,
            "ms",
            "< 5 s",
            max_value=5000,
        ),
        Figure(
            "RGPD : anonymisation d'une personne (une transaction)",
            median(ours),
            median(base),
            "ms",
            "< 5 s",
            max_value=5000,
        ),
    ]
