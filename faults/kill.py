"""kill -9 inside every write path, then `check`: the file holds (intact, passes the check, the
lock taken over, no temporary file left, an output either absent or whole).

Each trial waits until the command's write has begun (its journal beside the database, or its
temporary file beside the output), kills it at a random moment (seeded) within the time that
write takes, and counts the trial as interrupting the write only when the write's journal or
temporary file is still there after the kill. A kill that landed before or after the write is
tried again (up to `ATTEMPTS` times); a trial that never interrupts its write is a failure of
the campaign itself, said in the table.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faults.common import ROOT, SCHEMAS, Row, cli, env, make_template, member_files, start

ATTEMPTS = 6
# How long a command may take to begin its write (start-up, reading, daily backup).
BEGIN_TIMEOUT = 120.0
POLL = 0.002

Prepared = tuple[Path, list[str], "Path | None"]


def _journal_beside(db: Path, _out: Path | None) -> bool:
    return os.path.exists(f"{db}-journal")


def _temporary_beside(db: Path, out: Path | None) -> bool:
    """A temporary file of ESS Desk's own in the output's folder (not the lock's)."""
    from ess_desk.fileio import TEMP_PREFIX

    folder = (out or db).parent
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    return any(n.startswith(TEMP_PREFIX) and "-verrou-" not in n for n in names)


def _creating(db: Path, out: Path | None) -> bool:
    return _temporary_beside(db, out) or _journal_beside(db, out)


# What shows a write in flight (and, after a kill, that the kill interrupted it), by name.
MARKERS: dict[str, Callable[[Path, Path | None], bool]] = {
    "journal": _journal_beside,
    "temporary": _temporary_beside,
    "creating": _creating,
}


@dataclass
class WritePath:
    """A command that writes, on a copy of a database made ready for it."""

    name: str
    prepare: Callable[[Path, Path], Prepared]
    # (work folder, template) → (database, command arguments, output file or None)
    marker: str = "journal"  # which of MARKERS shows its write in flight
    creates: bool = False  # the command makes the database: none at all is a valid outcome
    # Killed at a step (before a statement or a rename) rather than after a delay: an output
    # made whole in memory and written at once (the pack) has a temporary file for microseconds,
    # which no delay can hit.
    by_step: bool = False

    def writing(self, db: Path, out: Path | None) -> bool:
        return MARKERS[self.marker](db, out)


def _copy_template(work: Path, template: Path) -> Path:
    db = work / "conseil.sqlite"
    shutil.copy(template, db)
    os.chmod(db, 0o600)
    return db


def _simple(name: str, *args: str, output: str | None = None) -> WritePath:
    def prepare(work: Path, template: Path) -> Prepared:
        db = _copy_template(work, template)
        out = work / output if output else None
        filled = [a.replace("{out}", str(out)) for a in args]
        return db, ["--db", str(db), *filled], out

    return WritePath(name, prepare, "temporary" if output else "journal")


def _demo() -> WritePath:
    def prepare(work: Path, _template: Path) -> Prepared:
        db = work / "conseil.sqlite"
        return db, ["--db", str(db), "demo", "--size", "small"], None

    return WritePath("démo", prepare, "creating", creates=True)


def _import_council(root: Path) -> Path:
    """The council the member files are imported into (made once in `root`): the bench's empty
    council whose colleges have no seat limit. The demonstration council's colleges are full, and
    the import rightly refuses a file that would seat more members than a college has seats."""
    from bench.import_members import prepare_council

    council = root / "import-modele.sqlite"
    if not council.exists():
        prepare_council(council)
    return council


def _import(suffix: str) -> WritePath:
    def prepare(work: Path, _template: Path) -> Prepared:
        from bench.import_members import BODY

        db = _copy_template(work, _import_council(work.parent))
        source = work.parent / f"membres{suffix}"
        return db, ["--db", str(db), "import-members", str(source), "--body", BODY], None

    return WritePath(f"import {suffix[1:].upper()}", prepare)


def _restore() -> WritePath:
    def prepare(work: Path, template: Path) -> Prepared:
        db = _copy_template(work, template)
        copy = work / "copie.sqlite"
        shutil.copy(template, copy)
        return db, ["--db", str(db), "restore", str(copy)], None

    return WritePath("restauration", prepare)


def _migration(fixture: str) -> WritePath:
    def prepare(work: Path, _template: Path) -> Prepared:
        db = work / "conseil.sqlite"
        shutil.copy(SCHEMAS / f"{fixture}.sqlite", db)
        return db, ["--db", str(db), "check"], None

    return WritePath(f"migration depuis {fixture[:4]}", prepare)


def _at_steps(path: WritePath) -> WritePath:
    path.by_step = True
    return path


def write_paths(facts: dict[str, str]) -> list[WritePath]:
    meeting, person, body = facts["meeting"], facts["person"], facts["body"]
    return [
        _demo(),
        _import(".csv"),
        _import(".xlsx"),
        _restore(),
        _simple("sauvegarde", "backup", "-o", "{out}", output="copie.sqlite"),
        _simple(
            "calendrier",
            *("schedule", "--body", body, "--rule", "FREQ=WEEKLY;BYDAY=TU"),
            *("--from", "2031-01-01", "--until", "2031-12-31", "--keep-flagged"),
        ),
        _at_steps(
            _simple(
                "dossier de séance", "export-pack", meeting, "-o", "{out}", output="dossier.pdf"
            )
        ),
        _simple("PV en PDF", "export-minutes", meeting, "-o", "{out}", output="pv.pdf"),
        _simple("PV en DOCX", "export-minutes", meeting, "-o", "{out}", output="pv.docx"),
        _simple("rapport d'activité", "report", "-o", "{out}", output="rapport.pdf"),
        _simple("anonymisation", "privacy", "--anonymise", person),
        _simple("index de recherche", "search", "--rebuild"),
        _migration("0001_membership"),
        _migration("0004_actions"),
        _migration("0005_actions_listing"),
        _migration("0006_search"),
    ]


def _whole(out: Path) -> bool:
    """An output file is absent, or whole (never half-written under its final name)."""
    if not out.exists():
        return True
    data = out.read_bytes()
    if out.suffix == ".pdf":
        return data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    if out.suffix == ".docx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return z.testzip() is None
        except zipfile.BadZipFile:
            return False
    if out.suffix == ".sqlite":
        return data.startswith(b"SQLite format 3\x00")
    return True


def _leftovers(db: Path) -> list[str]:
    from ess_desk.fileio import TEMP_PREFIX

    folders = [db.parent, db.parent / f"{db.stem}-sauvegardes"]
    return [p.name for f in folders if f.is_dir() for p in f.glob(TEMP_PREFIX + "*")]


def _wait_for(condition: Callable[[], bool], timeout: float) -> float:
    """Poll `condition` until it holds; returns when (perf_counter), or raises TimeoutError."""
    limit = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > limit:
            raise TimeoutError
        time.sleep(POLL)
    return time.perf_counter()


def held(home: Path, path: WritePath, db: Path, out: Path | None) -> str:
    """ "" when what a killed command left holds, else what went wrong."""
    if not db.exists():
        # Only a command that makes the database may leave none (killed before it was whole).
        return "" if path.creates else "la base a disparu"
    checked = cli(home, "--db", db, "check")
    if checked.returncode != 0 or "Traceback" in checked.stderr:
        return f"check : {(checked.stdout + checked.stderr).strip()[:300]}"
    left = _leftovers(db)
    if left:
        return f"fichiers temporaires restés : {left}"
    if out is not None and not _whole(out):
        return f"{out.name} à moitié écrit"
    return ""


@dataclass
class Attempt:
    problem: str  # "" when the file held
    interrupted: bool  # the kill landed inside the write (its journal or temporary file left)
    where: str  # when it was killed: "0.412 s" after the write began, or "pas 2183"


def kill_attempt(home: Path, path: WritePath, template: Path, work: Path, delay: float) -> Attempt:
    """Start the command, wait for its write to begin, kill it `delay` s later, check the file."""
    db, args, out = path.prepare(work, template)
    process = start(home, *args)
    try:
        _wait_for(lambda: process.poll() is not None or path.writing(db, out), BEGIN_TIMEOUT)
        time.sleep(delay)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
    interrupted = process.returncode == -signal.SIGKILL and path.writing(db, out)
    return Attempt(held(home, path, db, out), interrupted, f"{delay:.3f} s")


def kill_at_step(home: Path, path: WritePath, template: Path, work: Path, step: int) -> Attempt:
    """The command killed by itself just before its `step`-th SQL statement or rename
    (`faults.killpoint`): the same step kills at the same point on any machine, at any load."""
    db, args, out = path.prepare(work, template)
    process = start(home, str(step), *args, module="faults.killpoint")
    process.wait(timeout=300)
    interrupted = process.returncode == -signal.SIGKILL and path.writing(db, out)
    return Attempt(held(home, path, db, out), interrupted, f"pas {step}")


def write_span(home: Path, path: WritePath, template: Path, root: Path) -> float:
    """How long the write lasts, from the first sight of its journal or temporary file to the
    last (a command run to its end, watched)."""
    work = Path(tempfile.mkdtemp(dir=root))
    db, args, out = path.prepare(work, template)
    process = start(home, *args)
    first = last = None
    try:
        while process.poll() is None:
            if path.writing(db, out):
                now = time.perf_counter()
                first = first or now
                last = now
            time.sleep(POLL)
    finally:
        process.wait()
        shutil.rmtree(work, ignore_errors=True)
    if process.returncode != 0:
        raise RuntimeError(f"{path.name} : la commande échoue sans être interrompue")
    return max((last - first) if first and last else 0.0, 0.01)


def write_steps(home: Path, path: WritePath, template: Path, root: Path) -> list[int]:
    """The steps (SQL statements, renames) of the command, run to its end, before which its
    write was in flight: a kill before any of them interrupts it."""
    from faults.killpoint import COUNT_FILE, WATCH

    work = Path(tempfile.mkdtemp(dir=root))
    db, args, out = path.prepare(work, template)
    count = work.parent / f"{work.name}-pas.json"
    watch = json.dumps([path.marker, str(db), str(out) if out else None])
    done = subprocess.run(
        [sys.executable, "-m", "faults.killpoint", "0", *args],
        env={**env(home), COUNT_FILE: str(count), WATCH: watch},
        cwd=str(ROOT),
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        if done.returncode != 0:
            raise RuntimeError(f"{path.name} : la commande échoue ({done.stderr.strip()[:200]})")
        runs = json.loads(count.read_text())["writing"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
        count.unlink(missing_ok=True)
    steps = [n for first, last in runs for n in range(first, last + 1)]
    if not steps:
        raise RuntimeError(f"{path.name} : aucune écriture vue")
    return steps


def kill_campaign(
    root: Path,
    trials: int,
    seed: int,
    names: tuple[str, ...] | None = None,
    template: tuple[Path, dict[str, str]] | None = None,
    *,
    by_step: bool = False,
) -> list[Row]:
    """`trials` kill -9 trials on each write path (those whose name starts with one of `names`
    when given), each killed inside its write: after a random delay once the write has begun,
    or (`by_step`, deterministic) by itself before a random step of the command."""
    home = root / "home"
    home.mkdir(exist_ok=True)
    rng = random.Random(seed)
    council, facts = template or make_template(root, home)
    member_files(root)
    rows = []
    for path in [p for p in write_paths(facts) if names is None or p.name.startswith(names)]:
        aim = _aim(home, path, council, root, rng, by_step)
        rows.append(_trials(f"kill -9 : {path.name}", trials, seed, root, aim))
    return rows


Aim = Callable[[int, Path], Attempt]  # (attempt number, work folder) → the attempt made


def _aim(
    home: Path, path: WritePath, council: Path, root: Path, rng: random.Random, by_step: bool
) -> Aim:
    """How the trials of `path` kill: at a random step, or after a random delay in the write."""
    if by_step or path.by_step:
        steps = write_steps(home, path, council, root)

        def at_step(_attempt: int, work: Path) -> Attempt:
            return kill_at_step(home, path, council, work, rng.choice(steps))

        return at_step
    span = write_span(home, path, council, root)

    def after_delay(attempt: int, work: Path) -> Attempt:
        # Later attempts aim at the write's first part: the last one was missed by its end.
        return kill_attempt(home, path, council, work, rng.uniform(0, span) / (1 + attempt))

    return after_delay


def _trials(case: str, trials: int, seed: int, root: Path, aim: Aim) -> Row:
    row = Row(case, interrupted=0)
    for n in range(trials):
        for attempt in range(ATTEMPTS):
            work = Path(tempfile.mkdtemp(dir=root))
            tried = aim(attempt, work)
            shutil.rmtree(work, ignore_errors=True)
            if tried.problem or tried.interrupted:
                break
        if tried.problem:
            row.add(False, f"essai {n}.{attempt} (graine {seed}, {tried.where}) : {tried.problem}")
        elif not tried.interrupted:
            row.add(False, f"essai {n} : aucune des {ATTEMPTS} tentatives n'a tué l'écriture")
        else:
            row.add(True)
        row.interrupted += tried.interrupted
    return row
