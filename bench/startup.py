"""(1) The whole program, `ess-desk --db large.sqlite --quit-after-start` from exec to exit, and
its peak memory, against a bare PySide6 window shown then quit the same way (bench/bare_window.py).

Both run as fresh processes, alternately, after one untimed run of each (the file cache, the
day's automatic backup); each figure is the median. The peak memory is the kernel's count for
each process alone (wait4's ru_maxrss): nothing watches the process while it runs.
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, env, large_demo_db, measured_run, settled_copy

RUNS = 11  # alternated with the baseline: the median of eleven is steady on a busy machine


@dataclass(frozen=True)
class Start:
    """Medians of `runs` alternated starts: ms from exec to exit and peak MiB, ours and bare."""

    ours_ms: float
    bare_ms: float
    ours_mib: float
    bare_mib: float
    runs: int


def measure_start(source: Path, runs: int = RUNS) -> Start:
    with tempfile.TemporaryDirectory(prefix="ess-bench-start-") as tmp:
        # A copy, so that the window's lock, backups and settings never touch the cache; the
        # copy is made where the cache is (same disk) only for the huge demo's sake.
        db = Path(tmp) / source.name
        settled_copy(source, db)
        ours_cmd = [str(Path(PYTHON).parent / "ess-desk"), "--db", str(db), "--quit-after-start"]
        # Settings of their own, empty: the window opens as for a new user, on its first page
        # (the dashboard), whatever page another measure left remembered.
        ours_env = env()
        ours_env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        bare_cmd = [PYTHON, str(ROOT / "bench" / "bare_window.py")]
        measured_run(bare_cmd)
        measured_run(ours_cmd, environment=ours_env)
        ours: list[tuple[float, float]] = []
        bare: list[tuple[float, float]] = []
        for _i in range(runs):
            bare.append(measured_run(bare_cmd))
            ours.append(measured_run(ours_cmd, environment=ours_env))
    return Start(
        ours_ms=statistics.median(t for t, _m in ours) * 1000,
        bare_ms=statistics.median(t for t, _m in bare) * 1000,
        ours_mib=statistics.median(m for _t, m in ours),
        bare_mib=statistics.median(m for _t, m in bare),
        runs=runs,
    )


def measure_startup(runs: int = RUNS) -> list[Figure]:
    try:
        start = measure_start(large_demo_db(), runs)
    except RuntimeError as exc:
        error = f"échec de l'application : {exc}"
        return [
            Figure("Démarrage complet (démo large)", None, None, "ms", "≤ 1,5×", error=error),
            Figure("Mémoire de pointe au démarrage", None, None, "Mio", "≤ 1,3×", error=error),
        ]
    return [
        Figure(
            name=(
                "Démarrage complet, exec → sortie (`ess-desk --db large.sqlite "
                f"--quit-after-start`, médiane de {start.runs})"
            ),
            ours=start.ours_ms,
            baseline=start.bare_ms,
            unit="ms",
            goal="≤ 1,5× fenêtre PySide6 nue",
            max_ratio=1.5,
        ),
        Figure(
            name="Mémoire de pointe du même démarrage",
            ours=start.ours_mib,
            baseline=start.bare_mib,
            unit="Mio",
            goal="≤ 1,3×",
            max_ratio=1.3,
        ),
    ]
