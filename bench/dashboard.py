"""The Tableau de bord on the large demo (30,000 actions, 579 meetings, 2,000 people):

(a) its data: every section of `dashboard.overview` read at once (median of warm reads; the
    first read of the process, which builds the holiday calendar, is reported apart);
(b) the page in process, from construction to its first paint, against the Membres page opened
    the same way (the page the window opened on before the dashboard);
(c) the whole program started on the dashboard (`python -m ui --quit-after-start`, no remembered
    page) to its first paint, against a bare PySide6 window, as bench/startup.py measures it;
(d) in a fresh interpreter, the page from construction to its first paint and then to complete:
    on a cold start the notice deadlines come just after the first paint (the holiday calendars
    take about 0.1 s to load), so both moments are given;
(e) the participation figures over ten years of every body (the tab computes them on demand).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, env, large_demo_db, open_page, settled_copy

RUNS = 7
START_RUNS = 5


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure_data(path: Path, runs: int = RUNS) -> tuple[float, float, float]:
    """(first read ms, median warm read ms, participation over ten years ms)."""
    from ess_desk.dashboard import overview, participation
    from ess_desk.store import open_store

    today = dt.date.today()
    with open_store(path, auto_backup=False) as store:
        first = _ms(lambda: overview.overview(store.db, store.path, today))
        warm = [_ms(lambda: overview.overview(store.db, store.path, today)) for _i in range(runs)]
        start = today.replace(year=today.year - 10)
        figures = [
            _ms(lambda: participation.participation(store.db, start, today)) for _i in range(3)
        ]
    return first, statistics.median(warm), statistics.median(figures)


def measure_page(path: Path, runs: int = RUNS) -> tuple[float, float]:
    """(dashboard page median ms, Membres page median ms), alternated after a warm-up."""
    from bench.filtering import _app
    from ess_desk.store import open_store

    app = _app()
    with open_store(path, auto_backup=False) as store:
        from ui.pages.dashboard import DashboardPage
        from ui.pages.members import MembersPage

        def ours() -> float:
            return open_page(app, lambda: DashboardPage(store))

        def members() -> float:
            return open_page(app, lambda: MembersPage(store))

        ours()
        members()
        mine, theirs = [], []
        for _i in range(runs):
            theirs.append(members())
            mine.append(ours())
    return statistics.median(mine), statistics.median(theirs)


def _timed(args: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"code {proc.returncode}")
    return elapsed * 1000


_REMEMBER = (
    "import sys; from PySide6.QtCore import QCoreApplication; "
    "from ui.settings import APPLICATION, ORGANISATION, AppSettings; "
    "QCoreApplication.setOrganizationName(ORGANISATION); "
    "QCoreApplication.setApplicationName(APPLICATION); "
    "settings = AppSettings(); settings.set_last_page(sys.argv[1]); settings.sync()"
)


def measure_start(path: Path, runs: int = START_RUNS) -> tuple[float, float, float]:
    """(program started on the dashboard ms, started on the Membres page ms, bare window ms):
    medians, the three alternated so that machine noise hits them alike."""
    with tempfile.TemporaryDirectory(prefix="ess-bench-dashboard-") as tmp:
        db = Path(tmp) / "large.sqlite"
        settled_copy(path, db)
        environments: dict[str, dict[str, str]] = {}
        for page in ("dashboard", "members"):
            environment = env()
            # Settings of their own: the page remembered is the one the window opens on.
            environment["XDG_CONFIG_HOME"] = os.path.join(tmp, f"config-{page}")
            environment["XDG_DATA_HOME"] = os.path.join(tmp, "data")
            subprocess.run([PYTHON, "-c", _REMEMBER, page], cwd=ROOT, env=environment, check=True)
            environments[page] = environment
        ours_cmd = [PYTHON, "-m", "ui", "--db", str(db), "--quit-after-start"]
        bare_cmd = [PYTHON, str(ROOT / "bench" / "bare_window.py")]
        _timed(bare_cmd, env())  # warm-up: file cache, today's automatic backup
        _timed(ours_cmd, environments["members"])
        _timed(ours_cmd, environments["dashboard"])
        dashboard, members, bare = [], [], []
        for _i in range(runs):
            bare.append(_timed(bare_cmd, env()))
            members.append(_timed(ours_cmd, environments["members"]))
            dashboard.append(_timed(ours_cmd, environments["dashboard"]))
    return statistics.median(dashboard), statistics.median(members), statistics.median(bare)


def cold_page(path: Path) -> dict[str, float]:
    """In this (fresh) interpreter: ms from building the dashboard page to its first paint, and
    from then until complete (deadlines shown). Run by `measure_cold` in a subprocess."""
    from bench.filtering import _app
    from ess_desk.store import open_store

    app = _app()
    with open_store(path, auto_backup=False) as store:
        import ui.main_window  # noqa: F401 - the window's own imports are not the page's cost

        start = time.perf_counter()
        from ui.pages.dashboard import DashboardPage

        page = DashboardPage(store)
        page.resize(1200, 800)
        page.show()
        page.repaint()
        app.processEvents()
        painted = time.perf_counter()
        while not page.complete:
            app.processEvents()
        done = time.perf_counter()
        page.close()
    return {"first": (painted - start) * 1000, "complete": (done - start) * 1000}


def measure_cold(path: Path, runs: int = START_RUNS) -> tuple[float, float]:
    """(first paint ms, complete ms): medians over fresh interpreters."""
    environment = env()
    firsts, completes = [], []
    code = (
        "import json, sys; from pathlib import Path; from bench.dashboard import cold_page; "
        "print(json.dumps(cold_page(Path(sys.argv[1]))))"
    )
    for _i in range(runs + 1):
        proc = subprocess.run(
            [PYTHON, "-c", code, str(path)],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        firsts.append(result["first"])
        completes.append(result["complete"])
    # The first run warms the file cache: left out.
    return statistics.median(firsts[1:]), statistics.median(completes[1:])


def measure_dashboard(source: Path | None = None) -> list[Figure]:
    """The figures; `source` defaults to the benchmarks' large demo database."""
    figures: list[Figure] = []
    try:
        source = source or large_demo_db()
    except Exception as exc:  # report in the table rather than crash the whole run
        return [
            Figure("Tableau de bord (démo large)", None, None, "ms", "—", error=str(exc)),
        ]
    with tempfile.TemporaryDirectory(prefix="ess-bench-dash-") as tmp:
        db = Path(tmp) / "large.sqlite"
        settled_copy(source, db)
        try:
            first, warm, participation = measure_data(db)
            figures += [
                Figure(
                    f"Tableau de bord, données de toutes les sections (démo large, médiane de "
                    f"{RUNS})",
                    warm,
                    None,
                    "ms",
                    "< 50 ms",
                    max_value=50.0,
                ),
                Figure(
                    "Tableau de bord, première lecture du processus (chargement du calendrier "
                    "des jours fériés compris ; information)",
                    first,
                    None,
                    "ms",
                    "—",
                ),
                Figure(
                    "Participation sur dix ans, toutes instances (démo large)",
                    participation,
                    None,
                    "ms",
                    "< 150 ms",
                    max_value=150.0,
                ),
            ]
        except Exception as exc:
            figures.append(
                Figure("Tableau de bord, données", None, None, "ms", "< 50 ms", error=repr(exc))
            )
        try:
            page, members = measure_page(db)
            figures.append(
                Figure(
                    f"Page Tableau de bord → 1re image (démo large, médiane de {RUNS})",
                    page,
                    members,
                    "ms",
                    "≤ 2× Membres",
                    max_ratio=2.0,
                )
            )
        except Exception as exc:
            figures.append(
                Figure("Page Tableau de bord", None, None, "ms", "≤ 2× Membres", error=repr(exc))
            )
        try:
            first_paint, complete = measure_cold(db)
            figures += [
                Figure(
                    f"Page Tableau de bord à froid → 1re image (médiane de {START_RUNS})",
                    first_paint,
                    None,
                    "ms",
                    "< 150 ms",
                    max_value=150.0,
                ),
                Figure(
                    "Page Tableau de bord à froid → complète (échéances de convocation comprises)",
                    complete,
                    None,
                    "ms",
                    "< 300 ms",
                    max_value=300.0,
                ),
            ]
        except (subprocess.CalledProcessError, ValueError, KeyError) as exc:
            figures.append(
                Figure("Page Tableau de bord à froid", None, None, "ms", "< 150 ms", error=str(exc))
            )
    try:
        start, members_start, bare = measure_start(source)
        figures += [
            Figure(
                f"Démarrage sur le tableau de bord → 1re image (démo large, médiane de "
                f"{START_RUNS})",
                start,
                bare,
                "ms",
                "≤ 2×",
                max_ratio=2.0,
            ),
            Figure(
                "Démarrage sur le tableau de bord, témoin : démarrage sur la page Membres",
                start,
                members_start,
                "ms",
                "≤ 1,3×",
                max_ratio=1.3,
            ),
        ]
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        figures.append(
            Figure(
                "Démarrage sur le tableau de bord",
                None,
                None,
                "ms",
                "≤ 2×",
                error=f"échec de l'application : {exc}",
            )
        )
    return figures


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.common import format_table

    print(format_table(measure_dashboard()))
