"""(2) Importing a 10,000-row member CSV, against `sqlite-utils insert --csv` of the same file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import PYTHON, Figure, median, timed_run
from bench.gen_members import COLLEGES, generate

ROWS = 10_000
RUNS = 5  # alternated with the baseline, after one untimed run of each
BODY = "Conseil"


def prepare_council(path: Path) -> None:
    """An empty council named "Conseil" with the file's colleges, without seat limits."""
    from ess_desk.membership import bodies
    from ess_desk.store import open_store

    with open_store(path, auto_backup=False) as store:
        body_id = bodies.create_body(store, name=BODY, kind="plenary")
        for name in COLLEGES:
            bodies.create_college(store, body_id, name=name, seats=None)


def measure_import(rows: int = ROWS, runs: int = RUNS) -> Figure:
    bin_dir = Path(PYTHON).parent
    ess_desk = str(bin_dir / "ess-desk")
    sqlite_utils = str(bin_dir / "sqlite-utils")
    ours: list[float] = []
    baseline: list[float] = []
    error = ""
    with tempfile.TemporaryDirectory(prefix="ess-bench-import-") as tmp:
        folder = Path(tmp)
        csv_file = generate(folder / "membres.csv", rows)
        for run in range(runs + 1):  # the first of each is a warm-up, not counted
            db = folder / f"ours-{run}.sqlite"
            prepare_council(db)  # not timed
            plain = folder / f"baseline-{run}.db"
            spent = timed_run(
                [
                    sqlite_utils,
                    "insert",
                    str(plain),
                    "members",
                    str(csv_file),
                    "--csv",
                    "--delimiter",
                    ";",
                    "--encoding",
                    "utf-8-sig",
                ]
            )  # fmt: skip
            if run:
                baseline.append(spent)
            if error:
                continue
            try:
                spent = timed_run(
                    [ess_desk, "--db", str(db), "import-members", str(csv_file), "--body", BODY]
                )
            except RuntimeError as exc:
                error = f"échec de l'import : {exc}"
                continue
            if run:
                ours.append(spent)
    return Figure(
        name=(
            f"`import-members` de {rows:,} lignes (validation, structures, collèges, mandats, "
            f"journal, index) contre `sqlite-utils insert --csv` (médiane de {runs})"
        ).replace(",", "\u202f", 1),
        ours=median(ours) * 1000 if ours and not error else None,
        baseline=median(baseline) * 1000,
        unit="ms",
        goal="≤ 1,0×",
        max_ratio=1.0,
        error=error,
    )
