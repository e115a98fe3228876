"""kill -9 at exact points of the writes that make a council's file (`faults.killpoint`): a real
`ess-desk` process dies just before its Nth SQL statement or file rename, and the file it leaves
is either absent or complete — never an empty or half-migrated file that the next opening
refuses as damaged (what `make faults` found: `demo` killed about half a second in)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ess_desk.fileio import TEMP_PREFIX
from ess_desk.integrity import check_council
from ess_desk.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _run(home: Path, step: int, *args: str) -> tuple[int, dict]:
    """(exit code, steps taken: `faults.killpoint`'s count) of `ess-desk ARGS` killed before its
    `step`-th step (0: never)."""
    count = home / "steps"
    count.unlink(missing_ok=True)
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        ESS_DESK_LOG_DIR=str(home / "log"),
        ESS_DESK_KILLPOINT_COUNT=str(count),
    )
    env.pop("ESS_DESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "faults.killpoint", str(step), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(count.read_text()) if count.exists() else {}


def _holds(db: Path) -> None:
    """The file left is absent or passes the check; the next opening leaves no temporary file."""
    existed = db.exists()
    with open_store(db, auto_backup=False) as store:  # takes the dead program's lock over
        if existed:
            assert check_council(store) == []
    left = [p.name for p in db.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert left == [], left


def _kill_points(total: int, early: list[int]) -> list[int]:
    return sorted({*early, total // 2, total - 1, total})


def test_a_new_council_killed_at_any_point_is_absent_or_complete(tmp_path):
    code, counted = _run(tmp_path, 0, "new", str(tmp_path / "mesure.sqlite"))
    total = counted["steps"]
    assert code == 0 and total > 50
    for step in _kill_points(total, [1, 2, 6, 25]):
        db = tmp_path / f"tue-{step}" / "conseil.sqlite"
        db.parent.mkdir()
        code, _steps = _run(tmp_path, step, "new", str(db))
        assert code == -9, step
        _holds(db)


def test_the_demo_killed_while_it_fills_leaves_an_empty_council_or_the_whole_demo(tmp_path):
    code, counted = _run(tmp_path, 0, "--db", str(tmp_path / "mesure.sqlite"), "demo")
    total, commit = counted["steps"], counted["commits"][-1]
    assert code == 0 and total > 1000 and total // 3 < commit - 50
    # Inside the demo's one transaction (its creation is the test above's): a third of the way,
    # and among its last statements before its COMMIT (a few steps ahead of it: the count of
    # the index's own statements varies by one or two from one run to the next).
    for step in (total // 3, commit - 50):
        db = tmp_path / f"tue-{step}" / "conseil.sqlite"
        db.parent.mkdir()
        code, _steps = _run(tmp_path, step, "--db", str(db), "demo")
        assert code == -9, step
        _holds(db)
