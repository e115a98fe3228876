"""(1) Window start to first paint on the large demo, against a bare PySide6 window."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, env, large_demo_db, median, timed_run

RUNS = 9  # alternated with the baseline; the median of nine is steady on a busy machine


def measure_startup(runs: int = RUNS) -> Figure:
    source = large_demo_db()
    with tempfile.TemporaryDirectory(prefix="ess-bench-start-") as tmp:
        # A copy, so that the window's lock, backups and settings never touch the cache.
        db = Path(tmp) / "large.sqlite"
        shutil.copy2(source, db)
        ours_cmd = [PYTHON, "-m", "ui", "--db", str(db), "--quit-after-start"]
        # Settings of their own, empty: the window opens as for a new user, on its first page
        # (the dashboard), whatever page another measure left remembered.
        ours_env = env()
        ours_env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        bare_cmd = [PYTHON, str(ROOT / "bench" / "bare_window.py")]
        ours: list[float] = []
        bare: list[float] = []
        error = ""
        try:
            timed_run(bare_cmd)  # warm the file cache for both, untimed
            timed_run(ours_cmd, environment=ours_env)
            for _i in range(runs):  # alternate, so that machine noise hits both alike
                bare.append(timed_run(bare_cmd) * 1000)
                ours.append(timed_run(ours_cmd, environment=ours_env) * 1000)
        except RuntimeError as exc:
            error = f"échec de l'application : {exc}"
            if not bare:
                bare = [timed_run(bare_cmd) * 1000 for _i in range(runs)]
    return Figure(
        name=f"Démarrage → 1re image (démo large, médiane de {runs})",
        ours=median(ours) if ours and not error else None,
        baseline=median(bare),
        unit="ms",
        goal="≤ 2×",
        max_ratio=2.0,
        error=error,
    )
