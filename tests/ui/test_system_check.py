"""When the window cannot start for lack of a system library (libxcb-cursor0 on many desktops,
Qt 6.5+), the program says why in French, on the terminal and in a native message box, naming
the package; it never reaches Qt's abort."""

from __future__ import annotations

import shutil

import pytest

from ui import launcher, system_check


@pytest.fixture
def x11(monkeypatch):
    monkeypatch.setattr(system_check.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


def without(*missing: str):
    return lambda library: library not in missing


def test_the_missing_package_is_named_on_the_terminal(x11, capsys, monkeypatch):
    monkeypatch.setattr(system_check, "_loads", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(system_check, "show_native", lambda text, run=None: True)
    monkeypatch.setattr("ui.app.run_app", lambda **options: pytest.fail("Qt must not start"))
    assert launcher.open_window(db="x.sqlite", quit_after_start=False, db_given=True) == 1
    err = capsys.readouterr().err
    assert err.startswith("ESS Desk ne peut pas ouvrir sa fenêtre")
    assert "(libxcb-cursor0)" in err and "sudo apt install libxcb-cursor0" in err
    assert "Traceback" not in err


def test_without_a_terminal_a_native_message_box_says_it(x11, monkeypatch):
    shown = []
    monkeypatch.setattr(shutil, "which", lambda tool: f"/usr/bin/{tool}")
    monkeypatch.setattr(system_check.sys, "stderr", open(system_check.os.devnull, "w"))  # noqa: SIM115
    try:
        refused = system_check.refuse_start_if_missing(
            loads=without("libxcb-cursor.so.0", "libxcb-icccm.so.4"),
            run=lambda args, **kw: shown.append(args),
        )
    finally:
        system_check.sys.stderr.close()
    assert refused
    (args,) = shown
    assert args[0] == "/usr/bin/zenity" and "--error" in args
    assert "libxcb-cursor0, libxcb-icccm4" in args[-1]


def test_a_desktop_with_every_library_starts(x11):
    assert not system_check.refuse_start_if_missing(loads=lambda library: True)


def test_other_platforms_are_not_checked(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not system_check.uses_xcb()
    monkeypatch.setattr(system_check.sys, "platform", "win32")
    assert not system_check.uses_xcb()


def test_readme_lists_the_packages_a_linux_desktop_needs():
    readme = system_check.os.path.dirname(system_check.__file__) + "/../README.md"
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    assert all(package in text for package in system_check.XCB_LIBRARIES.values())
