"""Shared fixtures: every test gets its own temporary database and data folders."""

from __future__ import annotations

import datetime as dt
import functools
import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Hypothesis: under CI every run tries the same examples (derandomised, no example database, no
# deadline on a loaded machine), so a submission never fails or lands by chance; a failure prints
# the blob that replays it. At a desk, the default profile keeps looking for new examples.
settings.register_profile("ci", derandomize=True, deadline=None, database=None, print_blob=True)
settings.register_profile("dev")


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


settings.load_profile("ci" if running_under_ci() else "dev")


def pytest_sessionstart(session):
    """The core's compiled catalogue as `make translations` builds it, rebuilt here when its .po is
    newer (a test run straight through pytest after editing the .po, or after a merge). Under
    pytest-xdist the controller does it before its workers start; written aside then renamed, so
    that no reader ever sees half a catalogue."""
    if hasattr(session.config, "workerinput"):
        return
    from pathlib import Path

    import ess_desk

    for po in (Path(ess_desk.__file__).parent / "locale").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po

            with po.open("rb") as source:
                catalog = read_po(source)
            partial = mo.with_suffix(".mo.partial")
            with partial.open("wb") as target:
                write_mo(target, catalog)
            partial.replace(mo)


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path_factory, monkeypatch):
    """Point the user data folder and settings at a temporary place, never the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ESS_DESK_DB", raising=False)
    from ess_desk import i18n

    i18n.set_language("fr")
    yield home


@functools.cache
def _memory_backend_class():
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            self.passwords.pop((service, username), None)

    return MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """A credential store in memory: no test ever touches the real system keyring."""
    import keyring.core

    backend = _memory_backend_class()()
    # Set without keyring.set_keyring(), which would first look for the system's back-ends.
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    # Programs the tests start get no store at all (they read ESS_DESK_SMTP_PASSWORD).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("ESS_DESK_SMTP_PASSWORD", raising=False)
    return backend


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "conseil.sqlite"


@pytest.fixture
def store(db_path):
    from ess_desk.store import open_store

    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def on_demo_day(time_machine):
    """The demo's history is anchored at fixed dates (its profile's `anchor`, never today's): a test
    that reads a demo with the clock (the dashboard, the upcoming meetings, the late notices) travels
    to the anchor's morning, the clock ticking from there, so that it gives the same verdict
    whatever day it runs. Returns that day."""
    from ess_desk.demo import SMALL

    time_machine.move_to(dt.datetime.combine(SMALL.anchor, dt.time(9, 30)), tick=True)
    assert dt.date.today() == SMALL.anchor
    return SMALL.anchor
