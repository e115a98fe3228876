"""How the interactive measures grow from the small demo to the large one and to the huge one (ten
times the large: 20,000 people, about 6,000 meetings, 300,000 actions).

For each size, in a fresh interpreter of its own (`python -m bench.growth DB`): the first paint
of each page of the window, a keystroke in the Membres filter, the 95th percentile of a hundred
searches, the dashboard's data, a meeting's page and its pack; the whole program's start-up is
measured apart (bench/startup.py). Each figure is a median (five runs after a warm-up; the pack
seven: on this shared machine the runs of a 0.1 s build swing by ±10 %, and with three, two slow
ones of the three made the figure; the dashboard's data, a couple of milliseconds, 31 so that one
slice of another process's time does not decide it), each search the best of three (the steady
state of a session, as bench/search.py measures it). The goal: every measure on huge within 2× of
large, and under 100 ms but the start-up.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import PYTHON, ROOT, aligned, demo_db, env, open_page

SIZES = ("small", "large", "huge")
RUNS = 5
PACK_RUNS = 7
DASHBOARD_RUNS = 31
SEARCH_ROUNDS = 3
PAGES = (
    ("dashboard", "ui.pages.dashboard", "DashboardPage"),
    ("members", "ui.pages.members", "MembersPage"),
    ("bodies", "ui.pages.bodies", "BodiesPage"),
    ("meetings", "ui.pages.meetings", "MeetingsPage"),
    ("decisions", "ui.pages.decisions", "DecisionsPage"),
    ("actions", "ui.pages.actions", "ActionsPage"),
)
LABELS = {
    "start": "Démarrage complet (exec → sortie)",
    **{f"page:{key}": f"1re image, page {key}" for key, _m, _c in PAGES},
    "filter": "Filtre Membres, médiane par frappe",
    "search_p95": "Recherche, 95e centile (100 requêtes)",
    "dashboard": "Tableau de bord, lecture des données",
    "meeting_page": "Page d'une séance (la plus fournie), 1re image",
    "pack": "Dossier de cette séance (PDF)",
}
GROWTH_LIMIT = 2.0  # huge / large
INTERACTIVE_LIMIT_MS = 100.0


def _median(fn: Callable[[], float], runs: int = RUNS) -> float:
    fn()  # warm-up: imports, fonts, the page cache
    return statistics.median(fn() for _i in range(runs))


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def busiest_meeting(db) -> int:
    """The held meeting with the most agenda items and people, the latest of them: the
    heaviest meeting page and pack of the demo."""
    return db.execute(
        """
        SELECT m.id FROM meetings m
        WHERE m.status IN ('held', 'closed')
        ORDER BY (SELECT COUNT(*) FROM agenda_items i WHERE i.meeting_id = m.id)
               + (SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = m.id) DESC,
                 m.starts_at DESC
        LIMIT 1
        """
    ).fetchone()[0]


def measure_here(path: Path) -> dict[str, float]:
    """Every in-process measure on the database at `path` (milliseconds)."""
    import importlib

    from bench.filtering import _app, measure_filter, members_page_target
    from bench.search import _p95, search_times
    from ess_desk.dashboard import overview
    from ess_desk.store import open_store

    app = _app()
    out: dict[str, float] = {}
    with open_store(path, auto_backup=False) as store:
        for key, module, name in PAGES:
            page_class = getattr(importlib.import_module(module), name)
            out[f"page:{key}"] = _median(
                lambda page_class=page_class: open_page(app, lambda: page_class(store))
            )
        out["filter"] = statistics.median(measure_filter(members_page_target(store)))
        today = dt.date.today()
        out["dashboard"] = _median(
            lambda: _ms(lambda: overview.overview(store.db, store.path, today)), DASHBOARD_RUNS
        )
        meeting = busiest_meeting(store.db)
        from ui.pages.meeting import MeetingView

        out["meeting_page"] = _median(lambda: open_page(app, lambda: MeetingView(store, meeting)))
        out["pack"] = pack_times(store, meeting, ("membre",))["membre"]
    out["search_p95"] = _p95(search_times(path, rounds=SEARCH_ROUNDS))
    return out


PACK_VARIANTS = ("membre", "animation", "public")


def pack_times(store, meeting: int, variants: tuple[str, ...] = PACK_VARIANTS) -> dict[str, float]:
    """The meeting's pack in each variant (ms, median of PACK_RUNS after a warm-up)."""
    from ess_desk.documents import pack

    today = dt.date.today()
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="ess-bench-growth-") as tmp:
        target = Path(tmp) / "dossier.pdf"
        for variant in variants:
            out[variant] = _median(
                lambda variant=variant: _ms(
                    lambda: pack.build(store.db, meeting, target, variant=variant, today=today)
                ),
                PACK_RUNS,
            )
    return out


def measure_packs(sizes: tuple[str, ...] = SIZES) -> dict[str, dict[str, float]]:
    """The pack row of the growth table alone, for every variant (the public one replaces the
    names of people without consent), each size in a fresh interpreter."""
    out: dict[str, dict[str, float]] = {}
    for size in sizes:
        out[size] = _fresh("--packs", str(demo_db(size)), failed=f"dossiers sur {size}")
    return out


def _fresh(*args: str, failed: str) -> dict[str, float]:
    """The figures `python -m bench.growth …args` prints on its last line (a fresh interpreter);
    `failed` starts the error's sentence when it stops."""
    proc = subprocess.run(
        [PYTHON, "-m", "bench.growth", *args],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{failed} : {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _packs_here(path: Path) -> dict[str, float]:
    from ess_desk.store import open_store

    with open_store(path, auto_backup=False) as store:
        return pack_times(store, busiest_meeting(store.db))


@dataclass
class Growth:
    """Every measure (ms) by size, and what each demo held."""

    values: dict[str, dict[str, float]]
    sizes: dict[str, str]
    bare_start: dict[str, float]


def _contents(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        people, meetings, actions = conn.execute(
            "SELECT (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM meetings), "
            "(SELECT COUNT(*) FROM actions)"
        ).fetchone()
    finally:
        conn.close()

    def number(n: int) -> str:
        return f"{n:,}".replace(",", "\u202f")

    return f"{number(people)} pers., {number(meetings)} séances, {number(actions)} actions"


def measure_growth(sizes: tuple[str, ...] = SIZES) -> Growth:
    from bench.startup import measure_start

    values: dict[str, dict[str, float]] = {}
    contents: dict[str, str] = {}
    bare: dict[str, float] = {}
    for size in sizes:
        path = demo_db(size)
        contents[size] = _contents(path)
        print(f"  {size} : {contents[size]}…", flush=True)
        values[size] = _fresh(str(path), failed=f"mesures sur {size}")
        start = measure_start(path, runs=5)
        values[size]["start"] = start.ours_ms
        bare[size] = start.bare_ms
    return Growth(values, contents, bare)


def format_growth(growth: Growth) -> str:
    """The growth table: each measure by size, the ratios, and whether the goal is met."""
    sizes = [s for s in SIZES if s in growth.values]
    head = ["Mesure (ms)", *sizes]
    if "large" in sizes and "small" in sizes:
        head.append("large/small")
    if "huge" in sizes and "large" in sizes:
        head += ["huge/large", "Objectif", "Résultat"]
    rows = [head]
    for key, label in LABELS.items():
        row = [label, *(f"{growth.values[s][key]:.1f}" for s in sizes)]
        v = {s: growth.values[s][key] for s in sizes}
        if "large/small" in head:
            row.append(f"{v['large'] / v['small']:.2f}×")
        if "huge/large" in head:
            ratio = v["huge"] / v["large"]
            if key == "start":
                goal = f"≤ {GROWTH_LIMIT:.0f}× large"
                ok = ratio <= GROWTH_LIMIT
            else:
                goal = f"≤ {GROWTH_LIMIT:.0f}× large, < {INTERACTIVE_LIMIT_MS:.0f} ms"
                ok = ratio <= GROWTH_LIMIT and v["huge"] < INTERACTIVE_LIMIT_MS
            row += [f"{ratio:.2f}×", goal, "PASS" if ok else "FAIL"]
        rows.append(row)
    lines = aligned(rows)
    lines.append(
        "Démos : "
        + " ; ".join(f"{s} = {growth.sizes[s]}" for s in sizes)
        + ". Fenêtre PySide6 nue au même moment : "
        + ", ".join(f"{growth.bare_start[s]:.0f} ms ({s})" for s in sizes)
        + "."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "--packs":
        print(json.dumps(_packs_here(Path(sys.argv[2]))))
    else:
        print(json.dumps(measure_here(Path(sys.argv[1]))))
    sys.stdout.flush()
    os._exit(0)  # the Qt wrappers need no teardown
