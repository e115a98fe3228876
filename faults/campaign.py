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
import os
import random
import shutil
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from faults.common import ROOT, Row, cli, env, format_table, make_template
from faults.kill import kill_campaign

__all__ = ["Row", "format_table", "kill_campaign", "import_campaign", "storage_campaign", "run"]


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


# What each case's sentence must say: the refusal is the disk's or the file's, not another rule's.
STORAGE_CASES = (
    ("disque plein", "full", ("plein",)),
    ("disque en lecture seule", "ro", ("protégé en écriture", "lecture seule")),
)


def storage_campaign(
    root: Path,
    template: tuple[Path, dict[str, str]] | None = None,
    commands: int | None = None,
) -> list[Row]:
    """Every write command (the first `commands` of them when given) on a full disk and on a
    read-only file system (tmpfs, as root), and on a read-only file without root's rights: exit
    1, one sentence that names the disk or the file, the database unchanged."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")):
        return [Row("disque plein, lecture seule (root requis)")]
    home = root / "home"
    home.mkdir(exist_ok=True)
    council, facts = template or make_template(root, home)
    rows = []
    # Room for the council and its copy to restore (then filled up): 6 MB, more if the council
    # has grown (the demo's meetings carry more of their record).
    size_kb = max(6 * 1024, 2 * council.stat().st_size // 1024 + 2048)
    for case, setup, words in STORAGE_CASES:
        row = Row(case)
        mount = root / f"disque-{setup}"
        mount.mkdir()
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount)], check=True
        )
        try:
            db = mount / "conseil.sqlite"
            shutil.copy(council, db)
            shutil.copy(council, mount / "copie-a-restaurer.sqlite")
            if setup == "full":
                _fill(mount)
            else:
                subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
            before = db.read_bytes()
            for args in _write_commands(mount, facts)[:commands]:
                done = cli(home, "--db", db, *args)
                row.add(
                    _refused(done, words) and db.read_bytes() == before,
                    f"{' '.join(args[:2])} : {done.returncode} {done.stderr.strip()[:200]}",
                )
        finally:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        rows.append(row)
    rows.append(_rights_case(root, home, council, facts, commands))
    return rows


def _refused(done: subprocess.CompletedProcess[str], words: tuple[str, ...]) -> bool:
    """Exit 1, one sentence beginning « Erreur : » that says one of `words`, no traceback."""
    first = (done.stderr.strip().splitlines() or [""])[0]
    return (
        done.returncode == 1
        and "Traceback" not in done.stderr
        and first.startswith("Erreur : ")
        and any(w in done.stderr for w in words)
    )


def _write_commands(folder: Path, facts: dict[str, str]) -> list[list[str]]:
    return [
        ["privacy", "--anonymise", facts["person"]],
        ["search", "--rebuild"],
        ["schedule", "--body", facts["body"], "--rule", "FREQ=WEEKLY;BYDAY=TU"]
        + ["--from", "2031-01-01", "--until", "2031-03-31", "--keep-flagged"],
        ["restore", str(folder / "copie-a-restaurer.sqlite")],
        ["backup", "-o", str(folder / "copie.sqlite")],
        ["export-members", str(folder / "membres.xlsx")],
        ["export-pack", facts["meeting"], "-o", str(folder / "dossier.pdf")],
        ["attendance-sheet", facts["meeting"], "-o", str(folder / "emargement.pdf")],
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


def _rights_case(
    root: Path, home: Path, council: Path, facts: dict[str, str], commands: int | None
) -> Row:
    """The database file read-only (0444) in a folder that can be written, for a program that
    has lost root's right to ignore permissions: each database write refused by the file."""
    row = Row("fichier en lecture seule (sans les droits de root)")
    if not shutil.which("setpriv"):
        return row
    db = root / "droits" / "conseil.sqlite"
    db.parent.mkdir()
    shutil.copy(council, db)
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        for args in _write_commands(db.parent, facts)[: min(commands or 3, 3)]:
            done = subprocess.run(
                ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
                + [sys.executable, "-m", "ess_desk.cli", "--db", str(db), *args],
                capture_output=True,
                text=True,
                env=env(home),
                cwd=str(ROOT),
                timeout=120,
            )
            row.add(
                _refused(done, ("lecture seule",)) and db.read_bytes() == before,
                f"{' '.join(args[:2])} : {done.stderr.strip()[:200]}",
            )
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
    storage: bool = True,
    progress: Callable[[str], None] = print,
) -> list[Row]:
    rows: list[Row] = []
    home = _fresh(root / "home")
    template = make_template(root, home)
    progress(f"1/4 kill -9 ({kill_trials} essais par chemin d'écriture)…")
    rows += kill_campaign(_fresh(root / "kill"), kill_trials, seed, paths, template)
    if import_files:
        progress(f"2/4 {import_files} fichiers d'import altérés…")
        rows += import_campaign(_fresh(root / "import"), import_files, seed)
    if storage:
        progress("3/4 disque plein, lecture seule, droits…")
        rows += storage_campaign(_fresh(root / "disques"), template)
    if writer_rounds:
        progress(f"4/4 {writer_rounds} tours d'ouvertures simultanées…")
        rows += writers_campaign(_fresh(root / "verrou"), writer_rounds)
    return rows


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
