"""The suite's time limit (pyproject's [tool.pytest.ini_options] timeout, pytest-timeout): a test
left waiting in a modal box fails, naming itself, instead of holding every other test behind it
(a signing test did so when a new cryptography made its dialog show an unexpected error)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_test_held_by_a_modal_box_fails_instead_of_holding_the_suite(tmp_path):
    hanging = tmp_path / "test_hanging.py"
    hanging.write_text(
        textwrap.dedent(
            """
            def test_waits_for_a_click(qtbot):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox(QMessageBox.Icon.Warning, "ESS Desk", "?").exec()
            """
        )
    )
    # The project's settings (the timeout's method among them), with a limit of 3 s for this run;
    # one worker, as `make test` runs its files.
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), "-o", "timeout=3", "-p", "no:cacheprovider", "-n", "1",
         str(hanging)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert run.returncode == 1, run.stdout + run.stderr
    assert "crashed while running 'test_hanging.py::test_waits_for_a_click'" in run.stdout
    assert "1 failed" in run.stdout
