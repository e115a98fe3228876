"""The owners' reminders written by worker processes: the same files, the same result and the
same failure as when this process writes them in turn (on the small demo, cut in small chunks)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from reportlab import rl_config

from ess_desk import i18n
from ess_desk.errors import UserError
from ess_desk.exchange import action_reminders


@pytest.fixture
def demo(store, on_demo_day, monkeypatch):
    from ess_desk.demo import fill_demo

    fill_demo(store, "small")
    monkeypatch.setattr(rl_config, "invariant", 1)  # (the workers are given it)
    monkeypatch.setattr(action_reminders, "CHUNK", 4)  # several chunks for each worker
    return store


def _files(folder) -> dict[str, bytes]:
    """Every file of the folder, a draft's date, Message-ID and part boundary set aside (new in
    each message)."""
    found = {}
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if path.suffix == ".eml":
            data = re.sub(rb"\r\n(Date|Message-ID): [^\r]*", rb"\r\n\1: -", data)
            data = re.sub(rb"=_ess-desk_[0-9a-f]{24}", b"-", data)
        found[path.name] = data
    return found


def _names(result: action_reminders.ReminderFiles) -> tuple:
    return (
        [p.name for p in result.pdfs],
        [p.name for p in result.drafts],
        result.without_email,
        result.refused,
        result.summary(),
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_worker_processes_write_the_same_files(demo, on_demo_day, tmp_path, lang):
    i18n.set_language(lang)
    steps: list[tuple[int, int]] = []
    alone = action_reminders.write_all(demo.db, tmp_path / "one", today=on_demo_day, workers=1)
    shared = action_reminders.write_all(
        demo.db,
        tmp_path / "two",
        today=on_demo_day,
        progress=lambda done, total: steps.append((done, total)),
        workers=2,
    )
    assert len(alone.pdfs) > 2 * action_reminders.CHUNK and alone.drafts
    assert _names(shared) == _names(alone)
    assert [p.parent for p in shared.pdfs] == [tmp_path / "two"] * len(alone.pdfs)
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    total = len(alone.pdfs)
    assert steps[-1] == (total, total) and steps == sorted(steps)


@pytest.mark.parametrize("chunk", [0, 1, 2, -1])
def test_a_failure_in_a_worker_leaves_what_one_process_leaves(demo, on_demo_day, tmp_path, chunk):
    """An owner's file that cannot be written (a folder has its name): the same sentence, and
    the files of the owners before it only, whichever process met it (the first chunks go to
    the worker, the next ones mostly to this process, which takes every chunk the worker has
    not begun: a failure in the first, second, third and last chunks)."""
    alone = action_reminders.write_all(demo.db, tmp_path / "first", today=on_demo_day, workers=1)
    owner = chunk * action_reminders.CHUNK + 1 if chunk >= 0 else len(alone.pdfs) - 1
    blocked = alone.pdfs[owner].name  # (the owners before it have their files)
    left, messages = {}, {}
    for workers in (1, 2):
        folder = tmp_path / f"with-{workers}"
        (folder / blocked).mkdir(parents=True)
        with pytest.raises(UserError) as failure:
            action_reminders.write_all(demo.db, folder, today=on_demo_day, workers=workers)
        messages[workers] = str(failure.value).replace(f"with-{workers}", "-")
        left[workers] = _files_but(folder, blocked)
    assert messages[2] == messages[1]
    assert left[2] == left[1]
    assert left[1] and len(left[1]) < len(_files(tmp_path / "first"))


def _files_but(folder, name: str) -> dict[str, bytes]:
    (folder / name).rmdir()
    return _files(folder)


def test_the_owners_are_counted_before_they_are_read(demo, on_demo_day):
    """Whether to start a worker is decided from a count, before the rows are read: the count
    is that of the owners reminded, whatever the filter."""
    from ess_desk.actions import queries
    from ess_desk.actions.queries import ActionFilter

    db = demo.db
    body = db.execute("SELECT body_id FROM actions LIMIT 1").fetchone()[0]
    for filt in (
        None,
        ActionFilter(overdue=True),
        ActionFilter(body_id=body),
        ActionFilter(owner="a"),
    ):
        groups = queries.open_by_owner(db, filt, on_demo_day)
        assert queries.open_owner_count(db, filt, on_demo_day) == len(groups)


class _Interrupted(BaseException):
    """As Ctrl+C: not an error of an owner's files, it stops everything."""


def test_an_interruption_leaves_the_chunks_not_begun_unwritten(
    demo, on_demo_day, tmp_path, monkeypatch
):
    """Interrupted while this process writes a chunk: the worker finishes what it has begun,
    and the chunks not begun are dropped, not written while the interruption waits."""
    total = len(action_reminders.write_all(demo.db, tmp_path / "all", today=on_demo_day).pdfs)
    monkeypatch.setattr(action_reminders, "CHUNK", 2)
    write_owner = action_reminders._write_owner
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise _Interrupted
        return write_owner(*args, **kwargs)

    monkeypatch.setattr(action_reminders, "_write_owner", interrupted)  # (in this process)
    with pytest.raises(_Interrupted):
        action_reminders.write_all(demo.db, tmp_path / "cut", today=on_demo_day, workers=2)
    assert len(list((tmp_path / "cut").glob("*.pdf"))) < total // 2


@pytest.mark.parametrize("chunk", [24, 4, 1])
def test_the_owners_are_cut_in_order_and_smaller_at_the_end(monkeypatch, chunk):
    """Every owner once, in order; chunks of CHUNK, then smaller ones for the last owners (an
    eighth of those left, two at least), never growing again."""
    monkeypatch.setattr(action_reminders, "CHUNK", chunk)
    for count in [*range(0, 60), 199, 200, 1193]:
        owners = list(range(count))
        chunks = action_reminders._chunks(owners)  # type: ignore[arg-type]
        assert [o for c in chunks for o in c] == owners
        sizes = [len(c) for c in chunks]
        assert all(0 < s <= chunk for s in sizes)
        assert sizes == sorted(sizes, reverse=True)
        left = count
        for size in sizes:
            assert size == min(chunk, max(2, -(-left // 8)), left)
            left -= size
    big = [len(c) for c in action_reminders._chunks(list(range(1193)))]  # type: ignore[arg-type]
    assert big[:40] == [chunk] * 40 and big[-1] <= 2


# A worker that leaves an object in a cycle, which says (in a file) whether it was collected.
_CYCLE_FILE = "ess-desk-worker-cycle"


class _Cycle:
    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT)
        self.me = self

    def __del__(self, write=os.write) -> None:  # (the module may be taken apart already)
        write(self.fd, b"collected")


def _leave_a_cycle(path: str) -> int:
    import atexit
    import gc

    gc.collect()
    _Cycle(path)  # (garbage at once: only a collection frees it)
    gc.disable()  # (as a worker's end finds it: not collected yet)
    atexit.register(Path(path + "-exit").write_text, "ran")
    return 1


def test_a_worker_ends_without_collecting_what_it_made(tmp_path):
    """A worker's end is waited for by the process that shuts the pool down: its exit functions
    run, but the interpreter's last collections do not go through what it made (they took the
    reminders' worker 0.2 s)."""
    from ess_desk.exchange import worker_processes

    path = str(tmp_path / _CYCLE_FILE)
    with worker_processes.pool(1) as pool:
        assert pool.submit(_leave_a_cycle, path).result() == 1
    assert (tmp_path / f"{_CYCLE_FILE}-exit").read_text() == "ran"
    assert (tmp_path / _CYCLE_FILE).read_bytes() == b""
