"""The window's start path stays light: what `ess-desk --quit-after-start` imports is checked here.

The start-up bench (`make bench`) measures the time; this test keeps the cause from coming back.
A start that imports a heavy library (reportlab, sqlite-utils, openpyxl, holidays...), a part of
the core that only later work needs (documents, exchanges, the demo, the command line...), another
page or a dialog costs tens of milliseconds and megabytes at every start. Adding a small module of
our own to the start path is allowed (up to OWN_MODULES_CEILING); anything on the lists below
must be imported where it is used (inside the function, or when its page or dialog is first
shown) instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Beyond the standard library, the start may load Qt's binding and nothing else.
ALLOWED_THIRD_PARTY = {"PySide6", "shiboken6", "shibokensupport", "signature_bootstrap"}
ALLOWED_THIRD_PARTY |= {"__main__", "__feature__", "_distutils_hack"}

# Parts of ESS Desk the first page does not need (prefixes of module names).
HEAVY_OWN = (
    "ess_desk.cli",  # the command line: argparse and every subcommand's module
    "ess_desk.demo",
    "ess_desk.demo_data",
    "ess_desk.documents",
    "ess_desk.exchange",
    "ess_desk.minutes",
    "ess_desk.privacy",
    "ess_desk.report",
    "ess_desk.dashboard.participation",  # the second tab, built when first shown
    "ess_desk.store.schema",  # migrations: sqlite-utils, only when the file needs them
    "ess_desk.store.recovery",  # a refused file and its backup (the header is read by .header)
    "ess_desk.search.",  # the search index, at the first search (a lazy module is fine)
    "ui.dialogs.",  # every dialog opens on demand (ui.dialogs.common excepted, below)
    "ui.pages.",  # the other pages are built when first shown
    "ui.workers",
    "ui.search_results",  # the search's results: model, delegate and panel, at the first search
    # The cards' lines (ui.lines) draw a selected or focused line through the style, and give a
    # screen reader its list, once the window has painted: neither is needed for the first frame.
    "ui.lines_style",
    "ui.lines_a11y",
    "ui.card_a11y",  # the cards' painted texts for a screen reader, with the lines' list
)
START_PAGE_MODULES = {"ui.pages.dashboard", "ui.dialogs.common"}

# Heavy parts of the standard library that the start never needs.
HEAVY_STDLIB = ("asyncio", "concurrent", "decimal", "email", "http", "multiprocessing", "ssl")
HEAVY_STDLIB += ("xml", "zoneinfo", "csv", "sqlite3.dump", "tkinter", "unittest", "uuid")
# Loaded only when used: the system libraries' check (ctypes) and its message box (subprocess),
# the log file's handler (logging.handlers, with pickle, queue and socket), the host's name
# (socket: ess_desk.host_name reads uname), a network drive's mount table off Linux.
HEAVY_STDLIB += ("ctypes", "logging.handlers", "pickle", "queue", "socket", "subprocess")
# shlex quotes a path in a refusal's message only (ess_desk.store.recovery).
HEAVY_STDLIB += ("shlex",)
# unicodedata folds a text beyond ASCII (ess_desk.text.fold), which the start never does.
HEAVY_STDLIB += ("unicodedata",)
# A dataclass compiles its methods when its module is imported (0.3–1.5 ms each; 28 of them
# were 16 ms of the start): the start path's records are NamedTuples or plain classes.
HEAVY_STDLIB += ("dataclasses",)

# ESS Desk's own modules on the start path: 38 when this test was written. Room is left for a few
# small ones; past it, move what the first page does not need off the start path. 50 since the
# main window was split into three modules (ui.window_pages, ui.window_files): the same code; 52
# since the dashboard shows what is due to post, sign or publish (ess_desk.publication and its
# deadlines: two small modules, plain SELECTs, no library); 53 since the window draws a visible
# focus ring from its start (ui.focus: one small module, Qt only); 52 since opening a search hit's
# record (ess_desk.records) waits for the first hit opened; 53 since the dashboard's cards paint
# their titles, counts and subtitles (ui.card_text: one small module, Qt only, in place of 32
# labels); 54 since PySide6's enumeration classes are built by a shorter road to the same classes
# (ui.enum_build: one small module, the standard library only, ~17 ms less at every start); 55
# since the first page is settled after its paint (ui.collector: one small module, gc and Qt's
# timer only).
OWN_MODULES_CEILING = 55

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from ui.launcher import main

    code = main(["--db", sys.argv[1], "--quit-after-start"])
    # A module behind importlib's LazyLoader is listed but not loaded until first used.
    loaded = sorted(m for m, v in list(sys.modules.items()) if type(v).__name__ != "_LazyModule")
    # PySide makes a Qt class (and its enumerations) the first time Python names it, and only
    # then puts it in its module's namespace.
    from PySide6 import QtCore, QtGui, QtWidgets

    made = sorted(n for m in (QtCore, QtGui, QtWidgets) for n in vars(m) if n.startswith("Q"))
    # The NamedTuples our modules define at the start (each compiles its fields' annotations).
    named = sorted(
        {
            f"{v.__module__}.{v.__name__}"
            for m, module in list(sys.modules.items())
            if m.split(".")[0] in ("ess_desk", "ui") and type(module).__name__ != "_LazyModule"
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, tuple) and hasattr(v, "_fields")
        }
    )
    # The import statement's hook: PySide6's feature switches' (every import statement then ran
    # Python code) or Python's own.
    import builtins

    hook = builtins.__import__.__name__
    out = {"code": code, "modules": loaded, "qt_classes": made, "named": named, "hook": hook}
    print(json.dumps(out))
    """
)


@pytest.fixture(scope="module")
def start_run(tmp_path_factory) -> dict:
    from ess_desk.demo import fill_demo
    from ess_desk.store import open_store

    folder = tmp_path_factory.mktemp("start-path")
    db = folder / "demo.sqlite"
    with open_store(db, auto_backup=False) as store:
        fill_demo(store, size="small")
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "HOME": str(folder),
        "PATH": "/usr/bin:/bin",
    }
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    return result


@pytest.fixture(scope="module")
def start_modules(start_run) -> list[str]:
    return start_run["modules"]


def _top(name: str) -> str:
    return name.split(".")[0]


def test_no_third_party_library_but_qt_on_the_start_path(start_modules):
    own = {"ess_desk", "ui"}
    others = {
        _top(m)
        for m in start_modules
        if _top(m) not in sys.stdlib_module_names
        and _top(m) not in own
        and not m.startswith("__editable__")  # an editable install's import hook
    }
    assert others <= ALLOWED_THIRD_PARTY, sorted(others - ALLOWED_THIRD_PARTY)


def _matches(module: str, prefix: str) -> bool:
    """ "x." names the submodules of x; "x" names x and its submodules."""
    if prefix.endswith("."):
        return module.startswith(prefix)
    return module == prefix or module.startswith(prefix + ".")


def test_no_heavy_part_of_ess_desk_on_the_start_path(start_modules):
    heavy = sorted(
        m
        for m in start_modules
        if m not in START_PAGE_MODULES and any(_matches(m, p) for p in HEAVY_OWN)
    )
    assert not heavy, heavy


def test_no_heavy_standard_module_on_the_start_path(start_modules):
    heavy = sorted(m for m in start_modules if any(_matches(m, p) for p in HEAVY_STDLIB))
    assert not heavy, heavy


def test_the_start_path_does_not_grow(start_modules):
    own = [m for m in start_modules if _top(m) in {"ess_desk", "ui"}]
    assert len(own) <= OWN_MODULES_CEILING, own


# Qt classes that only later pages and dialogs use (tables' models, filters, a worker's task):
# named on the start path through `ui.qt`, they would be made, with their enumerations, before
# the first frame. (QThreadPool is made when the window closes: it waits for the workers.)
LATER_QT_CLASSES = {"QAbstractTableModel", "QSortFilterProxyModel", "QRunnable"}
LATER_QT_CLASSES |= {"QPersistentModelIndex", "QAbstractItemModel", "QDialogButtonBox"}


def test_no_later_qt_class_is_made_before_the_first_frame(start_run):
    made = LATER_QT_CLASSES & set(start_run["qt_classes"])
    assert not made, sorted(made)


# `typing.NamedTuple` compiles each field's annotation (a string here) into a ForwardRef when its
# module loads: ~0.1 ms a class against ~0.01 for an `ess_desk.record.Record`. The start path's
# records are Records but for these two, whose callers use `_replace`.
START_NAMED_TUPLES = {
    "ess_desk.actions.queries.ActionFilter",
    "ess_desk.publication.deadlines.Deadline",
}


def test_no_new_named_tuple_on_the_start_path(start_run):
    extra = set(start_run["named"]) - START_NAMED_TUPLES
    assert not extra, sorted(extra)


def test_the_window_alone_skips_the_command_line(monkeypatch):
    from ui.launcher import window_options

    monkeypatch.delenv("ESS_DESK_DB", raising=False)
    assert window_options(["--db", "a.sqlite", "--quit-after-start"]) == {
        "db": "a.sqlite",
        "quit_after_start": True,
        "db_given": True,
    }
    assert window_options(["--db=b.sqlite"])["db"] == "b.sqlite"
    assert window_options([])["db_given"] is False
    monkeypatch.setenv("ESS_DESK_DB", "c.sqlite")
    assert window_options([]) == {"db": "c.sqlite", "quit_after_start": False, "db_given": True}
    # Anything else is the command line's to read (and to refuse with its message).
    for argv in (["--db"], ["--db="], ["--help"], ["--version"], ["check"], ["--bd", "x"]):
        assert window_options(argv) is None, argv


def test_unchanged_settings_are_not_written_again(tmp_path):
    from ui.qt import QByteArray, QSettings
    from ui.settings import AppSettings

    path = tmp_path / "settings.ini"
    qsettings = QSettings(str(path), QSettings.Format.IniFormat)
    settings = AppSettings(qsettings)
    settings.set_last_page("members")
    settings.set_window_geometry(QByteArray(b"geometry"))
    settings.sync()
    written = path.read_bytes()
    path.write_bytes(written + b"\n; untouched\n")  # a rewrite would drop this line
    again = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    again.set_last_page("members")
    again.set_window_geometry(QByteArray(b"geometry"))
    again.sync()
    assert path.read_bytes().endswith(b"; untouched\n")
    again.set_last_page("actions")
    again.sync()
    assert not path.read_bytes().endswith(b"; untouched\n")
    assert AppSettings(QSettings(str(path), QSettings.Format.IniFormat)).last_page() == "actions"


def test_import_statements_skip_pyside_feature_hook(start_run):
    """`ui.qt` puts Python's own `__import__` back in place of PySide6's hook for its
    `from __feature__ import …` switches, which ESS Desk never uses (about a microsecond per
    import statement run, some 470 of them while the window starts)."""
    assert start_run["hook"] != "__feature_import__"
