"""The fault campaign (issue 18): what `make faults` runs, and what `make test` samples.

- kill -9 at a random moment (seeded) during every write path, then `check`: the file holds
  (intact, passes the check, the lock taken over, no temporary file left, an output either
  absent or whole);
- mutated import files (bytes and structure, encodings, quotes, huge fields, zip bombs): each
  refused with a sentence or accepted whole, never another error, never a hang;
- a full disk, a read-only file system, a read-only file without root's rights: each write
  command ends with one sentence, exit code 1, the file unchanged;
- many programs opening the same file at once: exactly one writer each time.

Each part returns `Row(case, trials, held, failed, notes)`; a failure keeps a note of what
went wrong so that it can be replayed (the seed and the trial's number).
"""

from __future__ import annotations

import contextlib
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"


@dataclass
class Row:
    case: str
    trials: int = 0
    held: int = 0
    failed: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, ok: bool, note: str = "") -> None:
        self.trials += 1
        if ok:
            self.held += 1
        else:
            self.failed += 1
            if note and len(self.notes) < 5:
                self.notes.append(note)


def format_table(rows: list[Row]) -> str:
    width = max(len(r.case) for r in rows)
    lines = [f"{'cas':<{width}}  {'essais':>7}  {'tenus':>7}  {'échecs':>7}"]
    lines.append("-" * len(lines[0]))
    for r in rows:
        lines.append(f"{r.case:<{width}}  {r.trials:>7}  {r.held:>7}  {r.failed:>7}")
    total = Row("total", sum(r.trials for r in rows), sum(r.held for r in rows))
    total.failed = sum(r.failed for r in rows)
    lines.append("-" * len(lines[0]))
    lines.append(f"{total.case:<{width}}  {total.trials:>7}  {total.held:>7}  {total.failed:>7}")
    for r in rows:
        lines += [f"  {r.case} : {n}" for n in r.notes]
    return "\n".join(lines)


# -- running the command line as a user does -------------------------------------------------


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        ESS_DESK_LOG_DIR=str(home / "log"),
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("ESS_DESK_DB", None)
    return env


def cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ess_desk", *map(str, args)],
        capture_output=True,
        text=True,
        env=_env(home),
        cwd=str(ROOT),
        timeout=timeout,
    )


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ess_desk", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(home),
        cwd=str(ROOT),
    )


# -- kill -9 -----------------------------------------------------------------------------------


@dataclass
class WritePath:
    """A command that writes, on a copy of a database made ready for it."""

    name: str
    prepare: Callable[[Path, Path], tuple[Path, list[str], Path | None]]
    # (work folder, template) → (database, command arguments, output file or None)


def _copy_template(work: Path, template: Path) -> Path:
    db = work / "conseil.sqlite"
    shutil.copy(template, db)
    os.chmod(db, 0o600)
    return db


def _simple(name: str, *args: str, output: str | None = None) -> WritePath:
    def prepare(work: Path, template: Path) -> tuple[Path, list[str], Path | None]:
        db = _copy_template(work, template)
        out = work / output if output else None
        filled = [a.replace("{out}", str(out)) for a in args]
        return db, ["--db", str(db), *filled], out

    return WritePath(name, prepare)


def _demo() -> WritePath:
    def prepare(work: Path, _template: Path) -> tuple[Path, list[str], Path | None]:
        db = work / "conseil.sqlite"
        return db, ["--db", str(db), "demo", "--size", "small"], None

    return WritePath("démo", prepare)


def _import(suffix: str) -> WritePath:
    def prepare(work: Path, template: Path) -> tuple[Path, list[str], Path | None]:
        db = _copy_template(work, template)
        source = work.parent / f"membres{suffix}"
        return db, ["--db", str(db), "import-members", str(source)], None

    return WritePath(f"import {suffix[1:].upper()}", prepare)


def _restore() -> WritePath:
    def prepare(work: Path, template: Path) -> tuple[Path, list[str], Path | None]:
        db = _copy_template(work, template)
        copy = work / "copie.sqlite"
        shutil.copy(template, copy)
        return db, ["--db", str(db), "restore", str(copy)], None

    return WritePath("restauration", prepare)


def _migration(fixture: str) -> WritePath:
    def prepare(work: Path, _template: Path) -> tuple[Path, list[str], Path | None]:
        db = work / "conseil.sqlite"
        shutil.copy(SCHEMAS / f"{fixture}.sqlite", db)
        return db, ["--db", str(db), "check"], None

    return WritePath(f"migration depuis {fixture[:4]}", prepare)


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
        _simple("dossier de séance", "export-pack", meeting, "-o", "{out}", output="dossier.pdf"),
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
    folders = [db.parent, db.parent / f"{db.stem}-sauvegardes"]
    return [p.name for f in folders if f.is_dir() for p in f.glob(".ess-desk-tmp-*")]


def kill_trial(home: Path, path: WritePath, template: Path, delay: float, work: Path) -> str:
    """One trial: the command killed after `delay` seconds, then the file checked. Returns ""
    when the file held, else what went wrong."""
    db, args, out = path.prepare(work, template)
    process = start(home, *args)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    if not db.exists():
        return ""  # killed before the file was made: nothing to hold
    checked = cli(home, "--db", db, "check")
    if checked.returncode != 0 or "Traceback" in checked.stderr:
        return f"check : {(checked.stdout + checked.stderr).strip()[:300]}"
    left = _leftovers(db)
    if left:
        return f"fichiers temporaires restés : {left}"
    if out is not None and not _whole(out):
        return f"{out.name} à moitié écrit"
    return ""


def _duration(home: Path, path: WritePath, template: Path, root: Path) -> float:
    work = Path(tempfile.mkdtemp(dir=root))
    db, args, _out = path.prepare(work, template)
    began = time.perf_counter()
    cli(home, *args, timeout=300)
    spent = time.perf_counter() - began
    shutil.rmtree(work, ignore_errors=True)
    return spent


NEEDS_NO_TEMPLATE = ("démo", "migration depuis")


def kill_campaign(
    root: Path, trials: int, seed: int, names: tuple[str, ...] | None = None
) -> list[Row]:
    """`trials` kill -9 trials on each write path (those whose name starts with one of `names`
    when given: the demo and the migrations need no demonstration council made first)."""
    home = root / "home"
    home.mkdir(exist_ok=True)
    rng = random.Random(seed)
    rows = []
    if names is not None and all(n.startswith(NEEDS_NO_TEMPLATE) for n in names):
        template, facts = root / "aucun.sqlite", {"meeting": "1", "body": "", "person": "1"}
    else:
        template, facts = make_template(root, home)
    paths = [p for p in write_paths(facts) if names is None or p.name.startswith(names)]
    for path in paths:
        row = Row(f"kill -9 : {path.name}")
        span = _duration(home, path, template, root)
        for n in range(trials):
            work = Path(tempfile.mkdtemp(dir=root))
            # From just after the start (imports) to just after the end.
            delay = rng.uniform(0.05, span * 1.05)
            problem = kill_trial(home, path, template, delay, work)
            row.add(not problem, f"essai {n} (graine {seed}, {delay:.2f} s) : {problem}")
            shutil.rmtree(work, ignore_errors=True)
        rows.append(row)
    return rows


def make_template(root: Path, home: Path) -> tuple[Path, dict[str, str]]:
    """A small demonstration council, and what the commands need to know of it."""
    template = root / "modele.sqlite"
    if not template.exists():
        cli(home, "--db", template, "demo", "--size", "small", "--seed", "7")
    import sqlite3

    conn = sqlite3.connect(template)
    try:
        meeting = conn.execute(
            "SELECT meeting_id FROM minutes WHERE status = 'approved' ORDER BY id LIMIT 1"
        ).fetchone()
        body = conn.execute("SELECT name FROM bodies WHERE kind = 'plenary'").fetchone()[0]
    finally:
        conn.close()
    review = cli(home, "--db", template, "privacy", "--review", "--years", "0", "--json")
    people = json.loads(review.stdout or "[]")
    facts = {
        "meeting": str(meeting[0]) if meeting else "1",
        "body": body,
        "person": str(people[0]["id"]) if people else "1",
    }
    _member_files(root)
    return template, facts


def _member_files(root: Path) -> None:
    from bench.gen_members import generate

    csv_path = root / "membres.csv"
    if not csv_path.exists():
        generate(csv_path, rows=600, seed=3, organisations=80)
    xlsx_path = root / "membres.xlsx"
    if not xlsx_path.exists():
        import csv

        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        with csv_path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f, delimiter=";"):
                sheet.append(row)
        book.save(xlsx_path)
        book.close()


# -- mutated import files ----------------------------------------------------------------------


def _base_csv() -> bytes:
    lines = ["Nom;Prénom;Courriel;Collège;Rôle;Début de mandat;Fin de mandat"]
    for n in range(12):
        lines.append(f"Dupré{n};Hélène{n};h{n}@exemple.fr;Élus;Titulaire;01/0{n % 9 + 1}/2025;")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def mutate(rng: random.Random, base: bytes, n: int) -> tuple[str, bytes]:
    """One mutated import file (its suffix and bytes), of a kind chosen by `n`."""
    kind = n % 10
    data = bytearray(base)
    if kind == 0:  # bytes flipped
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return ".csv", bytes(data)
    if kind == 1:  # cut short
        return ".csv", bytes(data[: rng.randrange(len(data))])
    if kind == 2:  # another encoding
        text = base.decode("utf-8-sig")
        encoding = rng.choice(["utf-16", "cp1252", "latin-1", "utf-32", "mac_roman"])
        return ".csv", text.encode(encoding, errors="replace")
    if kind == 3:  # quotes and separators
        text = base.decode("utf-8-sig")
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(['"', '""', ";", ",", "\t", "\n", "\r"]) + text[at:]
        return ".csv", text.encode("utf-8")
    if kind == 4:  # a huge field
        text = base.decode("utf-8-sig")
        huge = "H" * rng.choice([10_000, 200_000, 2_000_000])
        return ".csv", text.replace("Hélène3", huge).encode("utf-8")
    if kind == 5:  # lines duplicated, shuffled, dropped
        lines = base.split(b"\r\n")
        rng.shuffle(lines[1:])
        return ".csv", b"\r\n".join(lines[: rng.randrange(1, len(lines) + 1)] * rng.randint(1, 3))
    if kind == 6:  # control characters, odd Unicode
        text = base.decode("utf-8-sig")
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(text))
            text = (
                text[:at]
                + rng.choice(["\x00", "\x07", "\x1b", "\u202e", "\ufeff", "\ud7ff"])
                + text[at:]
            )
        return ".csv", text.encode("utf-8", errors="surrogatepass")
    if kind == 7:  # a zip bomb dressed as XLSX
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", b"<x/>")
            z.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * rng.choice([10**6, 10**7]) + b">")
        return ".xlsx", buffer.getvalue()
    if kind == 8:  # a real XLSX, damaged
        from openpyxl import Workbook

        book = Workbook()
        for line in base.decode("utf-8-sig").splitlines():
            book.active.append(line.split(";"))
        buffer = io.BytesIO()
        book.save(buffer)
        raw = bytearray(buffer.getvalue())
        for _ in range(rng.randint(0, 6)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return ".xlsx", bytes(raw)
    # random bytes of any length
    return rng.choice([".csv", ".xlsx"]), bytes(
        rng.randrange(256) for _ in range(rng.randint(0, 3000))
    )


class _Hang(Exception):
    pass


def import_campaign(root: Path, files: int, seed: int, limit: float = 20.0) -> list[Row]:
    """`files` mutated import files planned (and applied when accepted) against a council:
    refused with a sentence, or accepted whole; anything else, or longer than `limit` s, fails."""
    from ess_desk.errors import UserError
    from ess_desk.exchange import members_import
    from ess_desk.membership import bodies
    from ess_desk.store import open_store

    rng = random.Random(seed)
    row = Row("fichiers d'import altérés")
    refused = accepted = 0
    base = _base_csv()
    db = root / "import.sqlite"
    with open_store(db) as store:
        plenary = bodies.create_body(store, name="Conseil", kind="plenary")
        bodies.create_college(store, plenary, name="Élus", seats=None)
    previous = signal.signal(signal.SIGALRM, lambda *_a: (_ for _ in ()).throw(_Hang()))
    try:
        for n in range(files):
            suffix, data = mutate(rng, base, n)
            path = root / f"altere{suffix}"
            path.write_bytes(data)
            copy = root / "import-essai.sqlite"
            shutil.copy(db, copy)
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                with open_store(copy, auto_backup=False) as store:
                    plan = members_import.plan_import(store.db, path)
                    if plan.problems:
                        refused += 1
                    else:
                        members_import.apply_import(store, plan)
                        accepted += 1
                row.add(True)
            except UserError:
                refused += 1
                row.add(True)
            except _Hang:
                row.add(False, f"fichier {n} ({suffix}) : plus de {limit} s")
            except Exception as exc:  # the very thing the campaign looks for
                row.add(False, f"fichier {n} ({suffix}) : {type(exc).__name__}: {exc}"[:300])
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    row.notes.insert(0, f"{refused} refusés avec une phrase, {accepted} acceptés en entier")
    return [row]


# -- full disk, read-only, rights --------------------------------------------------------------


def storage_campaign(root: Path) -> list[Row]:
    """Every write command on a full disk and on a read-only file system (tmpfs, as root), and
    on a read-only file without root's rights: exit 1, one sentence, the file unchanged."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")):
        return [Row("disque plein, lecture seule (root requis)")]
    home = root / "home"
    home.mkdir(exist_ok=True)
    rows = []
    for case, setup in (("disque plein", "full"), ("disque en lecture seule", "ro")):
        row = Row(case)
        mount = root / f"disque-{setup}"
        mount.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], check=True)
        try:
            db = mount / "conseil.sqlite"
            cli(home, "--db", db, "demo", "--size", "small", "--seed", "7")
            facts = _facts(home, db)
            if setup == "full":
                _fill(mount)
            else:
                subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
            before = db.read_bytes()
            for args in _write_commands(mount, facts):
                done = cli(home, "--db", db, *args)
                first = (done.stderr.strip().splitlines() or [""])[0]
                ok = (
                    done.returncode == 1
                    and "Traceback" not in done.stderr
                    and first.startswith("Erreur : ")
                    and db.read_bytes() == before
                )
                row.add(ok, f"{' '.join(args[:2])} : {done.returncode} {done.stderr.strip()[:200]}")
        finally:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        rows.append(row)
    rows.append(_rights_case(root, home))
    return rows


def _facts(home: Path, db: Path) -> dict[str, str]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        meeting = conn.execute("SELECT id FROM meetings ORDER BY id LIMIT 1").fetchone()[0]
        body = conn.execute("SELECT name FROM bodies WHERE kind = 'plenary'").fetchone()[0]
    finally:
        conn.close()
    review = cli(home, "--db", db, "privacy", "--review", "--years", "0", "--json")
    people = json.loads(review.stdout or "[]")
    return {
        "meeting": str(meeting),
        "body": body,
        "person": str(people[0]["id"]) if people else "1",
    }


def _write_commands(folder: Path, facts: dict[str, str]) -> list[list[str]]:
    return [
        ["search", "--rebuild"],
        ["privacy", "--anonymise", facts["person"]],
        ["schedule", "--body", facts["body"], "--rule", "FREQ=WEEKLY;BYDAY=TU"]
        + ["--from", "2031-01-01", "--until", "2031-03-31", "--keep-flagged"],
        ["backup", "-o", str(folder / "copie.sqlite")],
        ["export-members", str(folder / "membres.xlsx")],
        ["export-pack", facts["meeting"], "-o", str(folder / "dossier.pdf")],
        ["attendance-sheet", facts["meeting"], "-o", str(folder / "emargement.pdf")],
        ["restore", str(folder / "absente.sqlite")],
    ]


def _fill(folder: Path) -> None:
    fd = os.open(folder / "remplissage.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 65536)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 512)
    finally:
        os.close(fd)


def _rights_case(root: Path, home: Path) -> Row:
    row = Row("fichier en lecture seule (sans les droits de root)")
    if not shutil.which("setpriv"):
        return row
    db = root / "droits" / "conseil.sqlite"
    db.parent.mkdir()
    cli(home, "--db", db, "demo", "--size", "small", "--seed", "7")
    facts = _facts(home, db)
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        for args in _write_commands(db.parent, facts)[:3]:
            done = subprocess.run(
                ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
                + [sys.executable, "-m", "ess_desk", "--db", str(db), *args],
                capture_output=True,
                text=True,
                env=_env(home),
                cwd=str(ROOT),
                timeout=120,
            )
            ok = (
                done.returncode == 1
                and "Traceback" not in done.stderr
                and "lecture seule" in done.stderr
                and db.read_bytes() == before
            )
            row.add(ok, f"{' '.join(args[:2])} : {done.stderr.strip()[:200]}")
    finally:
        db.chmod(0o600)
    return row


# -- one writer --------------------------------------------------------------------------------


def _open_and_report(path: str, barrier, results) -> None:  # (in a child process)
    from ess_desk.store import open_store

    barrier.wait()
    store = open_store(path, auto_backup=False)
    results.put(not store.read_only)
    barrier.wait()  # everyone has opened before anyone closes
    store.close()


def writers_campaign(root: Path, rounds: int, openers: int = 4) -> list[Row]:
    """`rounds` rounds of `openers` programs opening the same file at the same instant: exactly
    one of them may write each time."""
    import multiprocessing as mp

    from ess_desk.store import open_store

    db = root / "verrou.sqlite"
    open_store(db).close()
    row = Row(f"{openers} ouvertures simultanées")
    ctx = mp.get_context("fork")
    for n in range(rounds):
        barrier = ctx.Barrier(openers)
        results = ctx.Queue()
        procs = [
            ctx.Process(target=_open_and_report, args=(str(db), barrier, results))
            for _ in range(openers)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        writers = sum(1 for _ in range(openers) if results.get(timeout=5))
        row.add(writers == 1, f"tour {n} : {writers} écrivains")
    return [row]


def run(
    root: Path,
    *,
    kill_trials: int = 30,
    import_files: int = 2000,
    writer_rounds: int = 100,
    seed: int = 2026,
    paths: tuple[str, ...] | None = None,
    progress: Callable[[str], None] = print,
) -> list[Row]:
    rows: list[Row] = []
    progress(f"1/4 kill -9 ({kill_trials} essais par chemin d'écriture)…")
    rows += kill_campaign(_fresh(root / "kill"), kill_trials, seed, names=paths)
    progress(f"2/4 {import_files} fichiers d'import altérés…")
    rows += import_campaign(_fresh(root / "import"), import_files, seed)
    progress("3/4 disque plein, lecture seule, droits…")
    rows += storage_campaign(_fresh(root / "disques"))
    progress(f"4/4 {writer_rounds} tours d'ouvertures simultanées…")
    rows += writers_campaign(_fresh(root / "verrou"), writer_rounds)
    return rows


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
