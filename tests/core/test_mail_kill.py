"""The program killed while it sends (a real process, a real SIGKILL, at a precise moment of the
SMTP conversation): no message is lost and none is sent twice by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ess_desk.mail import outbox
from ess_desk.store import open_store
from tests.core.test_mail_sending import configure, make_meeting, queue_convocations, recipients
from tests.smtp_server import SmtpServer

ROOT = Path(__file__).parents[2]


def start_sending(db_path: Path, output: int = subprocess.PIPE) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "ess_desk.cli", "--db", str(db_path), "outbox", "--send"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=output,
        stderr=output,
    )


def prepared(db_path: Path, tmp_path: Path, server: SmtpServer) -> int:
    with open_store(db_path) as store:
        meeting = make_meeting(store, tmp_path)
        configure(store, server)
        queue_convocations(store, meeting)
    return meeting


def killer(proc_box: dict, at: int):
    """A server hook that kills the sending program when it reaches the `at`-th message."""
    seen = {"n": 0}

    def hook(*_args) -> None:
        seen["n"] += 1
        if seen["n"] == at:
            proc_box["proc"].kill()
            proc_box["proc"].wait(timeout=30)

    return hook


def finish(db_path: Path, server: SmtpServer) -> list[outbox.OutboxRow]:
    """Start the program again: it sends what waits, and nothing else."""
    proc = start_sending(db_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1), err.decode()
    with open_store(db_path) as store:
        return outbox.rows(store.db)


@pytest.mark.parametrize("moment", ["mail", "end_of_data"])
def test_killed_while_sending_loses_nothing_and_sends_nothing_twice(db_path, tmp_path, moment):
    server = SmtpServer()
    box: dict = {}
    if moment == "mail":
        # Killed when the third message starts: its data never reached the server.
        server.on_mail = killer(box, 3)
    else:
        # Killed once the third message's data is complete, before its answer is read: the
        # server keeps it, the program cannot know.
        server.on_data = killer(box, 3)
    with server:
        prepared(db_path, tmp_path, server)
        box["proc"] = start_sending(db_path, subprocess.DEVNULL)
        box["proc"].wait(timeout=120)
        assert box["proc"].returncode < 0  # killed, not finished
        server.on_mail = server.on_data = None
        rows = finish(db_path, server)
    addresses = recipients(server)
    assert len(addresses) == len(set(addresses)) == 5  # each member once, nobody twice
    assert {r.to_addr for r in rows} == set(addresses)  # nobody lost from the outbox
    statuses = sorted(r.public_status for r in rows)
    if moment == "mail":
        assert statuses == ["sent"] * 5
    else:
        # The third is left for the secretariat to check (the server has it), never resent.
        assert statuses == ["failed"] + ["sent"] * 4
        failed = next(r for r in rows if r.status == "failed")
        assert "peut-être" in failed.last_error
        assert len(server.messages_to(failed.to_addr)) == 1
