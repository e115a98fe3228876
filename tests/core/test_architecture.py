"""The core stays Qt-free: every module under ess_desk imports with PySide6 made unimportable."""

from __future__ import annotations

import ast
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


# Modules whose positional reads are left for now, each with why (keep this list short).
POSITIONAL_ALLOWED: dict[str, str] = {
    # module: why it must read rows by position (none today: a line that must, for speed, says
    # `# by position: …` beside it instead)
}


class _PositionalReads(ast.NodeVisitor):
    """Reads of a query's row by position, in one module: `row[3]`, `r[:30]`,
    `fetchone()[0]`, `Dataclass(*row)`, `dict(cursor.fetchall())`, and the unpacking of a row
    of more than three columns (`for a, b, c, d in db.execute(…)`) or with a starred name.

    A row is what `fetchone()` or `database.row()` returns, or the loop variable over
    `execute()`, `fetchall()`, `rows()`, `each_row()` or a name bound to one of them, in the
    same function. A narrow unpacking (`for oid, name in db.execute("SELECT id, name …")`)
    is left: the SELECT names its two or three columns beside it."""

    ONE = {"fetchone", "row"}
    MANY = {"fetchall", "fetchmany", "execute", "rows", "each_row"}

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self.scopes: list[tuple[set[str], set[str]]] = [(set(), set())]

    @staticmethod
    def _called(node: ast.AST) -> str | None:
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute):
                return node.func.attr
            if isinstance(node.func, ast.Name):
                return node.func.id
        return None

    def _is_row(self, node: ast.AST) -> bool:
        return self._called(node) in self.ONE or (
            isinstance(node, ast.Name) and node.id in self.scopes[-1][0]
        )

    def _is_rows(self, node: ast.AST) -> bool:
        return self._called(node) in self.MANY or (
            isinstance(node, ast.Name) and node.id in self.scopes[-1][1]
        )

    def _bind(self, target: ast.AST, value: ast.AST, iterated: bool) -> None:
        is_row = self._is_rows(value) if iterated else self._is_row(value)
        if isinstance(target, (ast.Tuple, ast.List)):
            wide = len(target.elts) > 3 or any(isinstance(e, ast.Starred) for e in target.elts)
            if is_row and wide:
                self.found.append((target.lineno, "a wide row unpacked"))
        elif isinstance(target, ast.Name):
            if is_row:
                self.scopes[-1][0].add(target.id)
            elif not iterated and self._is_rows(value):
                self.scopes[-1][1].add(target.id)

    def visit_FunctionDef(self, node: ast.AST) -> None:
        self.scopes.append((set(), set()))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._bind(target, node.value, False)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._bind(node.target, node.value, False)
        self.generic_visit(node)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._bind(node.target, node.value, False)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self._bind(node.target, node.iter, True)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._bind(node.target, node.iter, True)
        self.generic_visit(node)

    def _comprehension(self, node: ast.AST) -> None:
        for generator in node.generators:  # type: ignore[attr-defined]
            self.visit(generator)  # bind the loop's names before reading the element
        for name in ("elt", "key", "value"):
            if hasattr(node, name):
                self.visit(getattr(node, name))

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def visit_Subscript(self, node: ast.Subscript) -> None:
        index = node.slice
        by_position = isinstance(index, ast.Slice) or (
            isinstance(index, (ast.Constant, ast.UnaryOp))
            and not isinstance(getattr(index, "value", None), str)
        )
        if by_position and self._is_row(node.value):
            self.found.append((node.lineno, "a row read by position"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if any(isinstance(a, ast.Starred) and self._is_row(a.value) for a in node.args):
            self.found.append((node.lineno, "a row spread into a call"))
        elif any(isinstance(a, ast.Starred) and self._is_rows(a.value) for a in node.args):
            self.found.append((node.lineno, "rows spread into a call (zip(*rows))"))
        if self._called(node) == "dict" and node.args and self._is_rows(node.args[0]):
            self.found.append((node.lineno, "rows made into a dict by position"))
        self.generic_visit(node)


def positional_reads(source: str) -> list[tuple[int, str]]:
    """Each positional read of a query row in `source`, but those on a line that says why it
    must be so (`# by position: …`, for a measured speed-up)."""
    finder = _PositionalReads()
    finder.visit(ast.parse(source))
    lines = source.splitlines()
    return sorted(
        (line, why) for line, why in set(finder.found) if "# by position:" not in lines[line - 1]
    )


def test_the_positional_read_finder_finds_what_it_should():
    """The finder below catches each way of reading a row by position, and leaves reads by
    name alone (a finder that finds nothing would pass any code)."""
    bad = """
def f(db):
    n = db.execute("SELECT COUNT(*) FROM t").fetchone()[0]
    row = db.execute("SELECT a, b FROM t").fetchone()
    x = row[1]
    for r in db.execute("SELECT a, b FROM t"):
        print(r[0])
    rows = db.execute("SELECT a, b FROM t").fetchall()
    out = [Thing(*r) for r in rows]
    tail = [r[2:] for r in rows]
    pairs = dict(db.execute("SELECT a, b FROM t").fetchall())
    for a, b, c, d in db.execute("SELECT a, b, c, d FROM t"):
        pass
    for first, *rest in rows:
        pass
    columns = list(zip(*rows))
    kept = list(zip(*rows))  # by position: measured, the reason said here
"""
    assert [line for line, _why in positional_reads(bad)] == [3, 5, 7, 9, 10, 11, 12, 14, 16]
    good = """
def f(db):
    n = database.scalar(db, "SELECT COUNT(*) FROM t")
    row = database.row(db, "SELECT a, b FROM t")
    x = row["b"]
    for r in database.rows(db, "SELECT a, b FROM t"):
        print(r["a"], r.keys())
    for oid, name in db.execute("SELECT id, name FROM t"):
        pass
    words = "a b c".split()
    first = words[0]
"""
    assert positional_reads(good) == []


def test_rows_are_read_by_name_in_the_core_and_the_window():
    """No module of the core or the window reads a query's row by position (issue 16): a column
    added to a SELECT, or two swapped, leaves every reader right. One-value queries go through
    `database.scalar`/`count`, one-column lists through `database.column`, the rest through
    `database.row`/`rows`/`each_row`/`records` and column names (`SELECT b.name AS body`)."""
    found = []
    for path in sorted([*(ROOT / "ess_desk").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if name in POSITIONAL_ALLOWED:
            continue
        for line, why in positional_reads(path.read_text(encoding="utf-8")):
            found.append(f"{name}:{line}: {why}")
    assert found == []


def test_the_positional_allow_list_holds_only_modules_that_need_it():
    """An entry of the allow-list whose module reads by name now is taken off it."""
    stale = [
        name
        for name in POSITIONAL_ALLOWED
        if not positional_reads((ROOT / name).read_text(encoding="utf-8"))
    ]
    assert stale == []


def test_no_class_is_over_400_lines():
    """A class that grows past 400 lines is split at its seams (issue 16): a widget of its own,
    a step of its own; its parts keep their names in the glossary's words."""
    found = []
    for root in ("ess_desk", "ui"):
        for path in sorted((ROOT / root).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                    size = node.end_lineno - node.lineno + 1
                    if size > 400:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} {size}")
    assert found == []
