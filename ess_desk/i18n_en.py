"""English renderings of the core's French messages, keyed by the French source string."""

from __future__ import annotations

EN: dict[str, str] = {}
