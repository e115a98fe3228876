"""`python -m faults.killpoint STEP ARGS…`: run `ess-desk ARGS…` and kill it (SIGKILL, by itself)
just before its STEP-th step, so that a test can interrupt a write at an exact, repeatable point
instead of after a delay that a loaded machine stretches.

A step is one SQL statement on any connection the program opens (trigger statements included)
or one rename, replace or link of a file. STEP 0 runs the command to its end and writes the
number of steps it took to the file named by `$ESS_DESK_KILLPOINT_COUNT` (when set), as JSON:
`{"steps": N, "writing": [[first, last], …], "commits": [step, …]}` — the runs of steps before
which the write that `$ESS_DESK_KILLPOINT_WATCH` names (`[marker, database, output]`, see
`faults.kill.MARKERS`) was in flight, so that a campaign can kill inside that write and nowhere
else, and the steps that committed a transaction. The count of a long write varies by a step or
two from one run to the next (SQLite's full-text indexes merge their segments as the data, with
its timestamps, falls): aim a kill well inside a write, never at an exact step near its end.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

COUNT_FILE = "ESS_DESK_KILLPOINT_COUNT"
WATCH = "ESS_DESK_KILLPOINT_WATCH"


class _Steps:
    def __init__(self, kill_at: int, writing: Callable[[], bool] | None = None):
        self.kill_at = kill_at
        self.done = 0
        self.writing = writing
        self.runs: list[list[int]] = []  # [first, last] steps seen inside the watched write
        self.commits: list[int] = []  # the steps that were a COMMIT

    def step(self, what: object = None) -> None:
        self.done += 1
        if isinstance(what, str) and what.startswith("COMMIT"):
            self.commits.append(self.done)
        if self.done == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        if self.writing is not None and self.writing():
            if self.runs and self.runs[-1][1] == self.done - 1:
                self.runs[-1][1] = self.done
            else:
                self.runs.append([self.done, self.done])


def _counted(steps: _Steps, call: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        steps.step()
        return call(*args, **kwargs)

    return wrapper


def _watched() -> Callable[[], bool] | None:
    spec = os.environ.get(WATCH)
    if not spec:
        return None
    from pathlib import Path

    from faults.kill import MARKERS

    marker, db, out = json.loads(spec)
    test = MARKERS[marker]
    database, output = Path(db), Path(out) if out else None
    return lambda: test(database, output)


def install(kill_at: int, writing: Callable[[], bool] | None = None) -> _Steps:
    """Count (and kill at) every step of this process from now on."""
    steps = _Steps(kill_at, writing)
    connect = sqlite3.connect

    def traced_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(steps.step)
        return conn

    sqlite3.connect = traced_connect  # type: ignore[assignment]
    for name in ("replace", "rename", "link"):
        setattr(os, name, _counted(steps, getattr(os, name)))
    return steps


def main(argv: list[str]) -> int:
    steps = install(int(argv[0]), _watched())
    from ess_desk.cli import main as ess_desk_main

    try:
        code = ess_desk_main(argv[1:])
    finally:
        count = os.environ.get(COUNT_FILE)
        if count:
            with open(count, "w", encoding="utf-8") as f:
                json.dump({"steps": steps.done, "writing": steps.runs, "commits": steps.commits}, f)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
