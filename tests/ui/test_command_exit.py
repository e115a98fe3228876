"""How the program ends after a subcommand (ui.launcher.run and `python -m ess_desk.cli`
alike: ess_desk.cli.ending.leave): the exit functions run and the output is whole, without the
interpreter taking apart what the command made."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A program that runs `ess-desk` on `argv`: an exit function, an object that says when the
# interpreter takes it apart, and (WITH_THREAD) a thread still running when the command ends.
PROGRAM = textwrap.dedent(
    """
    import atexit, sys, threading

    class Finalised:
        def __del__(self):
            print("taken apart", flush=True)

    held = Finalised()
    atexit.register(print, "exit functions ran")
    if WITH_THREAD:
        gate = threading.Event()
        threading.Thread(target=lambda: (gate.wait(0.3), print("thread done"))).start()
    sys.argv = ["ess-desk", *ARGV]
    exec(PRELUDE)
    if AS_MODULE:
        import runpy
        runpy.run_module("ess_desk.cli", run_name="__main__")
    else:
        from ui.launcher import run
        run()
    """
)


def ending(
    argv: list[str], *, with_thread: bool = False, prelude: str = "", as_module: bool = False
) -> subprocess.CompletedProcess[str]:
    """How `ess-desk argv` (`as_module`: `python -m ess_desk.cli argv`) ends, `prelude` run just
    before it."""
    code = (
        f"WITH_THREAD = {with_thread}\nARGV = {argv!r}\nPRELUDE = {prelude!r}\n"
        f"AS_MODULE = {as_module}\n{PROGRAM}"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


@pytest.mark.parametrize("as_module", [False, True])
def test_a_command_ends_with_its_code_its_output_and_its_exit_functions(tmp_path, as_module):
    db = str(tmp_path / "conseil.sqlite")
    assert ending(["new", db], as_module=as_module).returncode == 0
    done = ending(["--db", db, "check"], as_module=as_module)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-2:] == [
        f"Aucun problème : la base {db} est intègre.",
        "exit functions ran",
    ]
    failed = ending(["--db", str(tmp_path / "absent.sqlite"), "check"], as_module=as_module)
    assert failed.returncode == 1
    assert failed.stdout.splitlines() == ["exit functions ran"]
    assert "absent.sqlite" in failed.stderr
    # Nothing the command made was taken apart object by object.
    assert "taken apart" not in done.stdout + failed.stdout


@pytest.mark.parametrize("as_module", [False, True])
def test_a_thread_still_running_is_waited_for(tmp_path, as_module):
    db = str(tmp_path / "conseil.sqlite")
    done = ending(["new", db], with_thread=True, as_module=as_module)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    # The interpreter's usual end: the thread waited for, then the exit functions (os._exit
    # after them would have ended the thread before it said anything).
    assert lines.index("thread done") < lines.index("exit functions ran")


def test_a_command_without_standard_streams_ends_with_its_code(tmp_path):
    """The installed program on Windows is a windowed build: sys.stdout and sys.stderr are None.
    A command ends there with its own code and its exit functions run (an exit through the
    flush of a stream that is not there ended with 1)."""
    db, ran = tmp_path / "conseil.sqlite", tmp_path / "ran"
    prelude = (
        f"atexit.register(lambda: open({str(ran)!r}, 'a').write('ran'))\n"
        "sys.stdout = sys.stderr = None"
    )
    assert ending(["new", str(db)], prelude=prelude).returncode == 0
    assert db.exists()
    failed = ending(["--db", str(tmp_path / "absent.sqlite"), "check"], prelude=prelude)
    assert failed.returncode == 1
    assert ran.read_text() == "ranran"


def test_an_interrupted_command_ends_with_130(tmp_path):
    """Ctrl+C during a command: its code, 130, as the command line gives it, with the exit
    functions run."""
    prelude = (
        "import ess_desk.cli.store as store\n"
        "def interrupted(args): raise KeyboardInterrupt\n"
        "store.cmd_new = interrupted"
    )
    done = ending(["new", str(tmp_path / "conseil.sqlite")], prelude=prelude)
    assert done.returncode == 130
    assert done.stdout.splitlines() == ["exit functions ran"]


@pytest.mark.parametrize("as_module", [False, True])
def test_a_command_s_unexpected_error_is_in_the_log_whole(tmp_path, as_module):
    """A bug met by a command: its sentence on the error stream, code 1, and its traceback in
    the support log, written whole (the log's file is flushed and closed by the exit functions
    before the process ends without the interpreter's teardown)."""
    logs = tmp_path / "logs"
    prelude = (
        f"import os; os.environ['ESS_DESK_LOG_DIR'] = {str(logs)!r}\n"
        "import ess_desk.cli.store as store\n"
        "def broken(args): raise RuntimeError('panne ' + 'x' * 20000)\n"
        "store.cmd_new = broken"
    )
    done = ending(["new", str(tmp_path / "conseil.sqlite")], prelude=prelude, as_module=as_module)
    assert done.returncode == 1
    assert done.stderr.strip() and "Traceback" not in done.stderr
    assert done.stdout.splitlines() == ["exit functions ran"]
    written = (logs / "ess-desk.log").read_text(encoding="utf-8")
    assert "Traceback" in written and "RuntimeError: panne " + "x" * 20000 in written
    assert written.rstrip().endswith("x" * 20000)
