"""The command line: help and version everywhere, clear errors, backup/restore/check."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from ess_desk import __version__
from ess_desk.cli import build_parser, main
from ess_desk.membership import people
from ess_desk.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help_version_and_docs(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"ess-desk {command}" in out and len(out.splitlines()) > 3
    with pytest.raises(SystemExit):
        main([command, "--version"])
    assert __version__ in capsys.readouterr().out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"ess-desk [^\n]*{re.escape(command)}", readme), f"{command} not in README"


def test_a_command_imports_no_command_module_after_its_own():
    """`ess-desk import-members …` builds the parser of the modules up to `members` (the others
    cost ~15 ms of every command); the program's help and an unknown command still list all."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ess_desk.cli import COMMAND_MODULES, main\n"
        "try:\n"
        "    main(['--db', 'x.sqlite', 'import-members', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in COMMAND_MODULES if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines()[-1] == "['ess_desk.cli.members', 'ess_desk.cli.store']"
    assert "ess-desk import-members" in result.stdout
    assert build_parser(command="nosuch").format_usage() == build_parser().format_usage()
    assert "demo" in build_parser(command="nosuch").format_help()


def test_check_reports_problems_and_exit_code(db_path, capsys):
    s = open_store(db_path)
    s.conn.execute("PRAGMA foreign_keys = OFF")
    s.conn.execute("INSERT INTO people (first_name, last_name, organisation_id) VALUES ('A','B',7)")
    s.conn.commit()
    s.close()
    assert main(["--db", str(db_path), "check"]) == 1
    out = capsys.readouterr().out
    assert "1 problème" in out and "organisations" in out


def test_not_a_database_is_one_sentence_no_traceback(tmp_path, capsys):
    bad = tmp_path / "liste.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is a zip")
    assert main(["--db", str(bad), "check"]) == 1
    err = capsys.readouterr().err
    assert "n'est pas une base de données ESS Desk" in err and "Traceback" not in err


def test_backup_and_restore_commands(db_path, tmp_path, capsys):
    s = open_store(db_path)
    people.create(s, first_name="Anne", last_name="Martin")
    s.close()
    copy = tmp_path / "copie.sqlite"
    assert main(["--db", str(db_path), "backup", "-o", str(copy)]) == 0
    s = open_store(db_path)
    people.create(s, first_name="Paul", last_name="Durand")
    s.close()
    assert main(["--db", str(db_path), "restore", str(copy)]) == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 1
    conn.close()


def test_cli_refuses_to_write_when_another_instance_holds_the_file(db_path, capsys):
    holder = open_store(db_path)
    try:
        copy = db_path.with_name("copie.sqlite")
        assert main(["--db", str(db_path), "backup", "-o", str(copy)]) == 0  # reading is fine
        assert main(["--db", str(db_path), "restore", str(copy)]) == 1
        assert "lecture seule" in capsys.readouterr().err
    finally:
        holder.close()


def test_db_from_environment(monkeypatch, tmp_path, capsys):
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("ESS_DESK_DB", str(target))
    assert main(["new", str(target)]) == 0
    assert main(["check"]) == 0
    assert target.exists()


def test_without_a_subcommand_the_window_opener_is_called(db_path, capsys):
    calls = []

    def open_window(**options):
        calls.append(options)
        return 0

    assert main(["--db", str(db_path), "--quit-after-start"], open_window=open_window) == 0
    assert calls == [{"db": str(db_path), "quit_after_start": True, "db_given": True}]
    # The core alone has no window to open: it shows its help instead.
    assert main(["--db", str(db_path)]) == 2
    assert "SOUS-COMMANDE" in capsys.readouterr().out
