"""The core stays Qt-free: every module under ess_desk imports with PySide6 made unimportable."""

from __future__ import annotations

import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ess_desk

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import importlib.abc, sys, pkgutil, importlib

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "ui" or name.startswith("ui."):
            raise ImportError("blocked for the test: " + name)
        return None

sys.meta_path.insert(0, Block())
import ess_desk
# cli/__main__ runs the program when imported: it is a script, not a module of the core.
names = [
    m.name
    for m in pkgutil.walk_packages(ess_desk.__path__, "ess_desk.")
    if m.name != "ess_desk.cli.__main__"
]
for name in names:
    importlib.import_module(name)
assert not any(n.startswith("PySide6") for n in sys.modules)
print(len(names))
"""


def test_core_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    expected = len(list(pkgutil.walk_packages(ess_desk.__path__, "ess_desk."))) - 1
    assert int(result.stdout.strip()) == expected > 10


def test_cli_subcommands_do_not_import_qt(tmp_path):
    code = (
        "import sys; from ess_desk.cli import main; "
        f"main(['new', r'{tmp_path / 'c.sqlite'}']); "
        f"rc = main(['--db', r'{tmp_path / 'c.sqlite'}', 'check']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("ci", "derandomised"), [("true", True), ("1", True), ("", False)])
def test_hypothesis_profile_follows_the_ci_variable(ci, derandomised):
    """Under CI every run tries the same examples; at a desk, new ones each time."""
    code = (
        "import tests.conftest; from hypothesis import settings; "
        "print(settings.default.derandomize, settings.default.deadline, settings.default.database)"
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": ci} if ci else {})
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    derandomize, deadline, database = result.stdout.split(maxsplit=2)
    assert derandomize == str(derandomised)
    if derandomised:
        assert (deadline, database.strip()) == ("None", "None")


def test_opening_the_window_imports_no_command_module(tmp_path):
    """The window's start-up path parses the global options only: no command module, nothing a
    command needs (reportlab, openpyxl, the domains) is imported for it."""
    code = (
        "import sys; from ess_desk.cli import main, COMMAND_MODULES; "
        f"rc = main(['--db', r'{tmp_path / 'c.sqlite'}', '--quit-after-start'], "
        "open_window=lambda **options: 0); "
        "loaded = sorted(m for m in sys.modules if m.startswith('ess_desk.cli.') "
        "or m.startswith(('ess_desk.membership', 'ess_desk.meetings', 'reportlab', 'openpyxl'))); "
        "assert not loaded, loaded; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_the_window_reads_and_writes_through_the_core():
    """No page or dialog opens a connection of its own or a write transaction: a read off the
    GUI thread goes through `ess_desk.store.reading`, a write through a service function."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"sqlite3\.connect\(", r"\.write\(\)\s+as\b", r"LazyDatabase\("):
            if re.search(pattern, text):
                found.append(f"{path.relative_to(ROOT)}: {pattern}")
    assert found == []


def test_rows_are_read_by_name_in_the_modules_already_moved_to_it():
    """Modules whose queries read columns by name (`ess_desk.store.rows`/`records`) keep doing
    so: no `r[3]` or `Dataclass(*row)` comes back into them."""
    moved = [
        "ess_desk/actions/queries.py",
        "ess_desk/actions/themes.py",
        "ess_desk/actions/updates.py",
        "ess_desk/audit.py",
        "ess_desk/mail/outbox.py",
        "ess_desk/mail/proof.py",
        "ess_desk/meetings/annexes.py",
        "ess_desk/meetings/compliance.py",
        "ess_desk/meetings/presence.py",
        "ess_desk/meetings/votes.py",
        "ess_desk/membership/roster.py",
        "ess_desk/minutes/decisions.py",
        "ess_desk/publication/deadlines.py",
        "ess_desk/publication/decisions_list.py",
        "ess_desk/search/index.py",
        "ess_desk/signing/signed.py",
    ]
    positional = re.compile(r"\b(r|row|u|found|current)\[[1-9]\d*\]|\w\(\*(r|row)\b")
    found = []
    for name in moved:
        for n, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
            if positional.search(line):
                found.append(f"{name}:{n}: {line.strip()}")
    assert found == []


def test_no_class_is_over_400_lines():
    """A class that grows past 400 lines is split at its seams (issue 16): a widget of its own,
    a step of its own; its parts keep their names in the glossary's words."""
    import ast

    found = []
    for root in ("ess_desk", "ui"):
        for path in sorted((ROOT / root).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                    size = node.end_lineno - node.lineno + 1
                    if size > 400:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} {size}")
    assert found == []
