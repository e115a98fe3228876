"""What every part of the fault campaign shares: the table's rows, the command line run as a user
does (its own home, log and data folders), and the demonstration council the commands work on."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"


@dataclass
class Row:
    """One line of the table. `interrupted` counts the kill -9 trials whose kill landed inside
    the write the row names (None for the cases that kill nothing)."""

    case: str
    trials: int = 0
    held: int = 0
    failed: int = 0
    notes: list[str] = field(default_factory=list)
    interrupted: int | None = None

    def add(self, ok: bool, note: str = "") -> None:
        self.trials += 1
        if ok:
            self.held += 1
        else:
            self.failed += 1
            if note and len(self.notes) < 5:
                self.notes.append(note)


def format_table(rows: list[Row]) -> str:
    width = max(len(r.case) for r in [*rows, Row("total")])
    head = f"{'cas':<{width}}  {'essais':>7}  {'interrompus':>11}  {'tenus':>7}  {'échecs':>7}"
    lines = [head, "-" * len(head)]

    def line(r: Row) -> str:
        cut = "" if r.interrupted is None else str(r.interrupted)
        return f"{r.case:<{width}}  {r.trials:>7}  {cut:>11}  {r.held:>7}  {r.failed:>7}"

    lines += [line(r) for r in rows]
    total = Row("total", sum(r.trials for r in rows), sum(r.held for r in rows))
    total.failed = sum(r.failed for r in rows)
    kills = [r.interrupted for r in rows if r.interrupted is not None]
    total.interrupted = sum(kills) if kills else None
    lines += ["-" * len(head), line(total)]
    for r in rows:
        lines += [f"  {r.case} : {n}" for n in r.notes]
    return "\n".join(lines)


# -- running the command line as a user does -------------------------------------------------


def env(home: Path) -> dict[str, str]:
    values = dict(os.environ)
    values.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        ESS_DESK_LOG_DIR=str(home / "log"),
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    values.pop("ESS_DESK_DB", None)
    return values


def cli(home: Path, *args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ess_desk.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env(home),
        cwd=str(ROOT),
        timeout=timeout,
    )


def start(home: Path, *args: str | Path, module: str = "ess_desk") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", module, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env(home),
        cwd=str(ROOT),
    )


# -- the council the commands work on --------------------------------------------------------


def anonymisable_person(db: Path) -> int:
    """A person the anonymisation accepts (every mandate over, not yet anonymised): picking one
    with a running mandate would stop each trial at the mandate rule, before the write."""
    from ess_desk.privacy.anonymise import running_mandates
    from ess_desk.privacy.person_file import is_anonymised
    from ess_desk.store import open_store

    today = dt.date.today()
    with open_store(db, read_only=True) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM people ORDER BY id")]
        for person in ids:
            if not running_mandates(store.db, person, today) and not is_anonymised(
                store.db, person
            ):
                return person
    raise RuntimeError(f"personne à anonymiser dans {db} : aucune (tous ont un mandat en cours)")


def facts(db: Path) -> dict[str, str]:
    """What the write commands need to know of a demonstration council."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        approved = conn.execute(
            "SELECT meeting_id FROM minutes WHERE status = 'approved' ORDER BY id LIMIT 1"
        ).fetchone()
        first = conn.execute("SELECT id FROM meetings ORDER BY id LIMIT 1").fetchone()
        body = conn.execute("SELECT name FROM bodies WHERE kind = 'plenary'").fetchone()[0]
    finally:
        conn.close()
    return {
        "meeting": str((approved or first)[0]),
        "body": body,
        "person": str(anonymisable_person(db)),
    }


def make_template(root: Path, home: Path) -> tuple[Path, dict[str, str]]:
    """A small demonstration council (made once in `root`), and what the commands need of it."""
    template = root / "modele.sqlite"
    if not template.exists():
        done = cli(home, "--db", template, "demo", "--size", "small", "--seed", "7")
        if done.returncode != 0:
            raise RuntimeError(f"démonstration impossible : {done.stderr}")
    return template, facts(template)


def member_files(root: Path) -> None:
    """The CSV and XLSX files of 600 members the import paths read."""
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
