"""Sending bench: the convocations of a 150-member meeting with 20 MB of annexes, sent through
the outbox to a local SMTP server, against writing the same `.eml` files to disk, in the same run
(goal: under 10 s and at most twice the disk-only run).

Both sides start from the same outbox (the 150 messages queued once, untimed: letters built,
annexes referenced) and compose the same bytes; ours then hands each message to the server over
one connection, committing each message's state before and after, the baseline writes each to a
file. The server is a local sink that reads each message's data in blocks: the aiosmtpd server
the tests use reads it line by line (about 40 MB/s on this machine, measured here on one message
for the record), which would time the test server rather than ESS Desk.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from bench.common import Figure, alternate

MEMBERS = 150
ANNEXES = 4
ANNEX_BYTES = 5 * 1024 * 1024  # four annexes of 5 MB: 20 MB
RUNS = 3


END = b"\r\n.\r\n"


class BlockSink:
    """A minimal SMTP server on a free local port, in a process of its own (as a mail server
    is): EHLO, MAIL, RCPT, DATA, RSET, QUIT. A message's data is read in 1 MB blocks into one
    buffer, as a mail server written in C reads it: the client waits for the answer after the
    final « . », and a dot at the start of a line is doubled inside the data, so the end is
    always the last five bytes received (no search through the message)."""

    def __init__(self) -> None:
        self.port = 0
        self.process: multiprocessing.Process | None = None

    @staticmethod
    def _data(conn: socket.socket, block: memoryview) -> int:
        size, tail = 0, b""
        while True:
            n = conn.recv_into(block)
            if not n:
                return size
            size += n
            tail = (tail + bytes(block[max(0, n - 5) : n]))[-5:]
            if tail == END:
                return size

    @classmethod
    def _session(cls, conn: socket.socket, block: memoryview) -> None:
        reader = conn.makefile("rb", buffering=0)
        conn.sendall(b"220 bench ESMTP\r\n")
        messages = 0
        while True:
            line = reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                conn.sendall(b"250-bench\r\n250-8BITMIME\r\n250 SIZE 0\r\n")
            elif verb == b"DATA":
                conn.sendall(b"354 end with .\r\n")
                cls._data(conn, block)
                messages += 1
                conn.sendall(f"250 2.0.0 queued as BENCH{messages}\r\n".encode())
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                break
            else:
                conn.sendall(b"250 OK\r\n")
        conn.close()

    @classmethod
    def _serve(cls, ports: multiprocessing.Queue) -> None:
        block = memoryview(bytearray(1024 * 1024))
        with socket.create_server(("127.0.0.1", 0)) as server:
            ports.put(server.getsockname()[1])
            while True:
                conn, _addr = server.accept()
                with conn:
                    cls._session(conn, block)

    def start(self) -> BlockSink:
        ports: multiprocessing.Queue = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=self._serve, args=(ports,), daemon=True)
        self.process.start()
        self.port = ports.get(timeout=30)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.join(10)


def _annex(path: Path, n: int) -> Path:
    """A one-page PDF carrying `ANNEX_BYTES` of incompressible data (an annex with images)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment(f"donnees-{n}.bin", os.urandom(ANNEX_BYTES))
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def prepare(folder: Path, port: int) -> tuple[Path, int]:
    """A council file with a body of 150 members reachable by e-mail, a meeting with 20 MB of
    annexes, its 150 convocations queued. Returns the file and the meeting."""
    from ess_desk import council
    from ess_desk.exchange import convocations
    from ess_desk.mail import settings as mail_settings
    from ess_desk.meetings import agenda, annexes, meetings
    from ess_desk.membership import bodies, mandates, people
    from ess_desk.store import open_store

    path = folder / "bench-mail.sqlite"
    with open_store(path, create=True) as store:
        council.set_letterhead(store, council_name="Conseil de l'ESS (banc d'essai)")
        body = bodies.create_body(store, name="Conseil plénier", kind="plenary")
        for n in range(MEMBERS):
            pid = people.create(
                store,
                first_name=f"Membre{n:03d}",
                last_name="Banc",
                email=f"membre{n:03d}@exemple.fr",
                consent_contact=1,
            )
            mandates.create(
                store, person_id=pid, body_id=body, role="member", start_date="2026-01-01"
            )
        meeting = meetings.create(store, body_id=body, starts_at="10/12/2030 18:00")
        for n in range(5):
            agenda.create_item(store, meeting, title=f"Point {n + 1}", kind="debate")
        for n in range(ANNEXES):
            annexes.attach(store, meeting, _annex(folder / f"annexe-{n + 1}.pdf", n))
        mail_settings.save(
            store,
            host="127.0.0.1",
            port=port,
            security="none",
            sender="conseil@exemple.fr",
            size_limit_mb=40,
        )
        convocations.queue(store, convocations.prepare(store.db, meeting))
    return path, meeting


def _rearm(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE outbox SET status = 'waiting', sent_at = NULL, server_reply = ''")
    conn.close()


def measure_mail() -> list[Figure]:
    from ess_desk.mail import outbox, sending
    from ess_desk.mail import settings as mail_settings
    from ess_desk.mail.message import PartCache
    from ess_desk.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="ess-desk-bench-mail-"))
    sink = BlockSink().start()
    try:
        path, _meeting = prepare(folder, sink.port)
        out = folder / "eml"

        def ours() -> float:
            _rearm(path)
            with open_store(path, auto_backup=False) as store:
                settings = mail_settings.get(store.db)
                start = time.perf_counter()
                report = sending.send_waiting(store, settings, None)
                elapsed = time.perf_counter() - start
            if len(report.sent) != MEMBERS:
                raise RuntimeError(report.summary())
            return elapsed

        def disk_only() -> float:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            with open_store(path, auto_backup=False) as store:
                settings = mail_settings.get(store.db)
                start = time.perf_counter()
                cache = PartCache()
                for row in outbox.rows(store.db):
                    data = outbox.compose(store.db, row, settings, cache=cache)
                    (out / f"{row.id}.eml").write_bytes(data)
                elapsed = time.perf_counter() - start
            return elapsed

        mine, theirs = alternate(ours, disk_only, RUNS)
        size = sum(p.stat().st_size for p in out.iterdir()) / MEMBERS / 1024 / 1024
        from bench.common import median

        return [
            Figure(
                f"Envoi de {MEMBERS} convocations de {size:.0f} Mo (annexes 20 Mo) au serveur "
                "local, contre l'écriture des mêmes .eml",
                median(mine),
                median(theirs),
                "s",
                "< 10 s et ≤ 2×",
                max_ratio=2.0,
                max_value=10.0,
            ),
            _aiosmtpd_rate(folder),
        ]
    except Exception as exc:  # a measure that cannot be taken says why in the table
        return [Figure("Envoi des convocations", None, None, "s", "< 10 s et ≤ 2×", error=str(exc))]
    finally:
        sink.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _aiosmtpd_rate(folder: Path) -> Figure:
    """For the record: the tests' aiosmtpd server receiving one 27 MB message, against the
    block sink receiving the same."""
    import smtplib

    from tests.smtp_server import SmtpServer

    data = next((folder / "eml").iterdir()).read_bytes()

    def to(port: int) -> float:
        start = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port, timeout=120) as smtp:
            smtp.sendmail("conseil@exemple.fr", ["membre@exemple.fr"], data)
        return time.perf_counter() - start

    sink = BlockSink().start()
    try:
        with SmtpServer() as server:
            slow = to(server.port)
        fast = to(sink.port)
    finally:
        sink.stop()
    return Figure(
        "Pour mémoire : un message reçu par aiosmtpd (lecture ligne à ligne), contre le serveur "
        "du banc",
        slow,
        fast,
        "s",
        "(information)",
    )
