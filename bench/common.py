"""What the benchmarks share: the cache folder, the large demo database, timing, the table."""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
PYTHON = sys.executable


@dataclass(frozen=True)
class Figure:
    """One line of the table: our figure, its baseline, and the goal it must meet."""

    name: str
    ours: float | None  # None when the measure could not be taken (see `error`)
    baseline: float | None
    unit: str
    goal: str
    max_ratio: float | None = None  # goal as ours / baseline
    max_value: float | None = None  # goal as an absolute value of ours
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    @property
    def passed(self) -> bool:
        if self.ours is None:
            return False
        if self.max_ratio is not None and (self.ratio is None or self.ratio > self.max_ratio):
            return False
        return self.max_value is None or self.ours < self.max_value


def env() -> dict[str, str]:
    """The environment of every measured subprocess: offscreen Qt, no user's database."""
    out = dict(os.environ)
    out.setdefault("QT_QPA_PLATFORM", "offscreen")
    out.pop("ESS_DESK_DB", None)
    # The window remembers its last database and geometry: keep that out of the user's settings.
    home = CACHE / "home"
    out["XDG_CONFIG_HOME"] = str(home / "config")
    out["XDG_DATA_HOME"] = str(home / "data")
    return out


def timed_run(
    args: list[str], cwd: Path = ROOT, environment: dict[str, str] | None = None
) -> float:
    """Wall-clock seconds of one subprocess; raises with its error output when it fails."""
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env=environment or env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"code {proc.returncode}")
    return elapsed


def measured_run(
    args: list[str], cwd: Path = ROOT, environment: dict[str, str] | None = None
) -> tuple[float, float]:
    """(wall-clock seconds from exec to exit, peak resident memory in MiB) of one subprocess;
    raises with its error output when it fails. The peak is that of the command with every
    process it starts (worker processes: the sum of their high-water marks while they run
    together), taken by `bench.peak`, a small process the command is forked from: forked from
    this one, it would count this process's memory too."""
    proc = subprocess.run(
        [PYTHON, "-m", "bench.peak", *args],
        cwd=cwd,
        env=environment or env(),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        detail = proc.stderr.strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"code {proc.returncode}")
    seconds, kib = proc.stdout.split()[-2:]
    return float(seconds), int(kib) / 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def demo_sources() -> list[Path]:
    """The demo's generator: the modules of the `ess_desk.demo` package and its data."""
    return [*sorted((ROOT / "ess_desk" / "demo").glob("*.py")), ROOT / "ess_desk" / "demo_data.py"]


def _demo_fingerprint() -> str:
    """A demo is made again when its generator or the schema changes."""
    digest = hashlib.sha256()
    for path in (
        *demo_sources(),
        ROOT / "ess_desk/store/schema.py",
        ROOT / "ess_desk/store/versions.py",
    ):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def demo_db(size: str) -> Path:
    """The demo of that size (small, large or huge), generated once into bench/.cache by
    `ess-desk demo` (the huge one takes a minute or two), kept until its generator changes."""
    folder = CACHE / f"{size}-demo-{_demo_fingerprint()}"
    path = folder / f"{size}.sqlite"
    if not path.exists():
        for stale in CACHE.glob(f"{size}-demo-*"):
            shutil.rmtree(stale, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"Génération de la base de démonstration « {size} » dans {path}…", flush=True)
        start = time.perf_counter()
        partial = folder / f"{size}.partial.sqlite"
        subprocess.run(
            [PYTHON, "-m", "ess_desk.cli", "--db", str(partial), "demo", "--size", size],
            cwd=ROOT,
            env=env(),
            check=True,
            capture_output=True,
        )
        GENERATED[size] = time.perf_counter() - start
        settle(partial)
        partial.rename(path)  # a generation stopped half-way leaves no file under the real name
    return path


def settle(path: Path) -> None:
    """Write `path`'s pages to the disk now, before anything is measured.

    A demo just generated, or a copy just made, is still in the page cache waiting to be
    written (the huge demo: 1.9 GB). The kernel writes it back some seconds later, while the
    next measures run: they then share the disk and the processors with that write-back (the
    bare window's start read 199 ms instead of 134 in such a step), and a commit's fsync on the
    copy waits for the whole file. No user's file is in that state, so the bench settles its
    own files first, outside every measure."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def settled_copy(source: Path, target: Path) -> Path:
    """`source` copied to `target` (as `shutil.copy2`), its pages written to the disk (`settle`)."""
    shutil.copy2(source, target)
    settle(target)
    return target


# Seconds each demo took to generate in this run (when it had to be).
GENERATED: dict[str, float] = {}


def large_demo_db() -> Path:
    """The large demo database (2,000 people, 579 meetings, 30,000 actions)."""
    return demo_db("large")


def alternate(
    ours: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Each measure `runs` times, one after the other, so that machine noise hits both alike;
    one untimed run of each first (imports, fonts, the file cache)."""
    ours()
    baseline()
    mine: list[float] = []
    theirs: list[float] = []
    for _i in range(runs):
        theirs.append(baseline())
        mine.append(ours())
    return mine, theirs


def open_page(app, make: Callable[[], object]) -> float:
    """Milliseconds from construction to the first paint of a page shown at 1200 × 800; the
    page is then closed and deleted (untimed)."""
    start = time.perf_counter()
    page = make()
    page.resize(1200, 800)
    page.show()
    page.repaint()  # paints now, synchronously: the first paint is inside the measure
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


def aligned(rows: list) -> list[str]:
    """Rows of cells as aligned columns, the first row as a heading underlined."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def format_table(figures: list[Figure]) -> str:
    head = ("Mesure", "ESS Desk", "Témoin", "Rapport", "Objectif", "Résultat")
    rows = [head]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.ours:.1f} {f.unit}" if f.ours is not None else "—",
                f"{f.baseline:.1f} {f.unit}" if f.baseline is not None else "—",
                f"{f.ratio:.2f}×" if f.ratio is not None else "—",
                f.goal,
                "PASS" if f.passed else "FAIL",
            )
        )
    lines = aligned(rows)
    for f in figures:
        if f.error:
            lines.append(f"! {f.name} : {f.error}")
    return "\n".join(lines)
