"""The one error type for what a user did wrong, carrying a message meant for them."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a refused action. `message` is already in the user's language.

    `field` names the form field concerned (for dialogs that show it beside the field);
    `problems` lists several problems at once (imports list every wrong row).
    """

    def __init__(self, message: str, *, field: str | None = None, problems: list | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems = list(problems or [])

    def __str__(self) -> str:
        return self.message


class StoreError(UserError):
    """The database file cannot be used: not ours, damaged, too new, locked for writing."""
