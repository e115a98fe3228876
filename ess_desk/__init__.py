"""ESS Desk core: the council's record in one SQLite file, with no Qt anywhere below."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "ESS Desk"


def host_name() -> str:
    """This computer's name, as `socket.gethostname()` gives it: read from `os.uname()` where
    there is one (the same system call), so that the window's start does not load the socket
    module (and its selectors) for it; Windows asks the socket module."""
    import os

    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()
