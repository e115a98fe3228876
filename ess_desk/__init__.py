"""ESS Desk core: the council's record in one SQLite file, with no Qt anywhere below."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "ESS Desk"
