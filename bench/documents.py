"""Large exports of the large demo, each command run as a user runs it (a process of its own,
its wall time and its peak memory), beside a plain reportlab script writing the same number of
rows (bench.plain_reportlab) in the same run, alternating, after one untimed run of each:

- the actions' tableau de suivi PDF (about 30,000 actions): goal under 3 s and 150 MB;
- the reminders to every owner of open actions (about 1,100 PDFs and their e-mail drafts):
  goal under 5 s, against one plain PDF per owner with the same rows.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.common import PYTHON, Figure, alternate, large_demo_db, measured_run, settled_copy

RUNS = 3


def _counts(db: Path) -> tuple[int, list[int]]:
    """How many actions the tableau lists, and how many open ones each owner is reminded of."""
    from ess_desk.actions import queries
    from ess_desk.store import open_store

    with open_store(db, auto_backup=False) as store:
        total = store.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
        owners = [len(g.rows) for g in queries.open_by_owner(store.db)]
    return total, owners


def _pair(
    ours: Callable[[Path], list[str]], plain: Callable[[Path], list[str]], folder: Path
) -> tuple[list, list]:
    """(seconds, MiB) of each run of our command and of the baseline, alternated; each run
    writes into a new empty folder of its own (`ours(out)`, `plain(out)`: the command's
    arguments), and none of them is deleted before the measure ends. Deleting the last run's
    ~2,300 files just before the next one made its file creations slower than any user's: on a
    file system such as this machine's ext4 without a journal, creating a file walks the inodes
    deleted in the last ~30 s (bench/NOTES.md, Session 19: 17–28 % of a profiled run)."""
    mine: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []

    def run(args: Callable[[Path], list[str]], into: list) -> float:
        out = Path(tempfile.mkdtemp(prefix="run-", dir=folder))
        seconds, peak = measured_run(args(out))
        into.append((seconds, peak))
        return seconds

    alternate(lambda: run(ours, mine), lambda: run(plain, theirs), RUNS)
    return mine[1:], theirs[1:]  # the warm-up runs left out


def measure_documents() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="ess-bench-documents-") as tmp:
        folder = Path(tmp)
        db = folder / "large.sqlite"
        settled_copy(large_demo_db(), db)
        total, owners = _counts(db)
        base = [PYTHON, "-m", "ess_desk.cli", "--db", str(db)]
        plain = [PYTHON, "-m", "bench.plain_reportlab"]
        tableau, tableau_plain = _pair(
            lambda out: [*base, "export-actions", "-o", str(out / "actions.pdf")],
            lambda out: [*plain, "rows", str(total), str(out / "actions.pdf")],
            folder,
        )
        reminders, reminders_plain = _pair(
            lambda out: [*base, "action-reminders", "-o", str(out / "relances")],
            lambda out: [*plain, "files", ",".join(map(str, owners)), str(out / "relances")],
            folder,
        )

    def median(runs: list, n: int) -> float:
        return statistics.median(r[n] for r in runs)

    return [
        Figure(
            name=f"PDF des actions, démo large ({total} actions, médiane de {RUNS})",
            ours=median(tableau, 0),
            baseline=median(tableau_plain, 0),
            unit="s",
            goal="< 3 s",
            max_value=3.0,
        ),
        Figure(
            name=f"PDF des actions, démo large : mémoire au plus haut ({total} actions)",
            ours=median(tableau, 1),
            baseline=median(tableau_plain, 1),
            unit="Mo",
            goal="< 150 Mo",
            max_value=150.0,
        ),
        Figure(
            name=(
                f"Relances, démo large ({len(owners)} porteurs, {sum(owners)} actions, "
                f"médiane de {RUNS})"
            ),
            ours=median(reminders, 0),
            baseline=median(reminders_plain, 0),
            unit="s",
            goal="< 5 s",
            max_value=5.0,
        ),
    ]


if __name__ == "__main__":
    import os

    from bench.common import format_table

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(format_table(measure_documents()))
