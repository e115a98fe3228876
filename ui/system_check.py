"""Before the window starts on Linux: are the system libraries Qt's window system plugin (xcb)
needs there? Without them Qt aborts with a core dump, and from a menu shortcut the user sees
nothing at all. Here the program says why in French, on the terminal and in a message box from
the desktop's own tools (zenity, kdialog, xmessage), naming the Debian/Ubuntu packages to install.

No Qt here: this runs before PySide6 is loaded. `python -m ui.system_check` (run by `make run`)
prints the same and exits 1 when something is missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# The libraries Qt 6.5+'s xcb plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """True when Qt would start its X11 plugin: Linux, a display, no other platform asked."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages whose library cannot be loaded, in the order above."""
    loads = loads or _loads
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def message(packages: list[str]) -> str:
    command = "sudo apt install " + " ".join(packages)
    return (
        "ESS Desk ne peut pas ouvrir sa fenêtre : il manque à ce poste des bibliothèques du "
        f"système dont Qt a besoin pour l'affichage ({', '.join(packages)}). Aucune donnée n'a "
        "été touchée. Demandez à la personne qui gère ce poste de les installer (Debian, "
        f"Ubuntu : {command}), puis relancez ESS Desk. Les commandes `ess-desk …` sans "
        "fenêtre fonctionnent en attendant."
    )


def show_native(text: str, run: Callable[..., object] | None = None) -> bool:
    """A message box from the desktop's own tools (no Qt): True when one could be shown."""
    import shutil
    import subprocess

    run = run or subprocess.run
    title = "ESS Desk"
    for tool, args in (
        ("zenity", ["--error", "--no-wrap", f"--title={title}", f"--text={text}"]),
        ("kdialog", ["--title", title, "--error", text]),
        ("xmessage", ["-center", text]),
        ("notify-send", ["-u", "critical", title, text]),
    ):
        path = shutil.which(tool)
        if path is None:
            continue
        try:
            run([path, *args], check=False, timeout=600)
        except (OSError, subprocess.SubprocessError):
            continue
        return True
    return False


def refuse_start_if_missing(
    loads: Callable[[str], bool] | None = None, run: Callable[..., object] | None = None
) -> bool:
    """Say why the window cannot start (terminal and message box) and return True, or return
    False when it can."""
    if not uses_xcb():
        return False
    packages = missing_packages(loads)
    if not packages:
        return False
    text = message(packages)
    print(text, file=sys.stderr)
    if not (sys.stderr and sys.stderr.isatty()):
        show_native(text, run)  # started from a menu: no terminal to read
    return True


def main() -> int:
    """`python -m ui.system_check`: 1 (and the sentence) when a library is missing."""
    if uses_xcb() or (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")):
        packages = missing_packages()
        if packages:
            print(message(packages), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
