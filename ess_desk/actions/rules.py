"""The rules of an action's state as plain functions: statuses, status/progress coherence, overdue."""

from __future__ import annotations

import datetime as dt

from ess_desk.errors import UserError
from ess_desk.i18n import N_, _
from ess_desk.text import fold as fold  # re-exported: rules.fold folds the actions' search text

STATUSES: dict[str, str] = {
    "todo": N_("À faire"),
    "in_progress": N_("En cours"),
    "done": N_("Fait"),
    "abandoned": N_("Abandonné"),
    "postponed": N_("Reporté"),
}

# A postponed action is not closed: it keeps coming back at every meeting until done or abandoned.
OPEN_STATUSES: frozenset[str] = frozenset({"todo", "in_progress", "postponed"})
CLOSED_STATUSES: frozenset[str] = frozenset({"done", "abandoned"})

PRIORITIES: dict[str, str] = {
    "high": N_("Haute"),
    "normal": N_("Normale"),
    "low": N_("Basse"),
}
PRIORITY_RANK = {"high": 0, "normal": 1, "low": 2}


def is_open(status: str) -> bool:
    return status in OPEN_STATUSES


def coherent(status: str, progress: int) -> tuple[str, int]:
    """The state an action is in once status and progress agree.

    - a done action is at 100 %;
    - an open action that reaches 100 % is done;
    - an action "à faire" that has progressed has started: it is "en cours";
    - an abandoned action keeps the progress it had reached.
    """
    if status not in STATUSES:
        raise UserError(
            _("Statut d'action inconnu : « {value} ».").format(value=status), field="status"
        )
    if status == "done":
        return "done", 100
    if status in OPEN_STATUSES and progress >= 100:
        return "done", 100
    if status == "todo" and progress > 0:
        return "in_progress", progress
    return status, progress


def parse_progress(value: object, field: str = "progress") -> int:
    """A percentage typed by a person: "40", "40 %", 40; whole numbers from 0 to 100."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise UserError(_("L'avancement doit être un pourcentage de 0 à 100."), field=field)
    text = str(value).strip().rstrip("%").strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError as exc:
        raise UserError(
            _("L'avancement « {value} » n'est pas un pourcentage de 0 à 100.").format(value=value),
            field=field,
        ) from exc
    if number != int(number) or not 0 <= number <= 100:
        raise UserError(
            _("L'avancement « {value} » n'est pas un pourcentage de 0 à 100.").format(value=value),
            field=field,
        )
    return int(number)


def parse_status(value: object, field: str = "status") -> str:
    """A status given as its code ("in_progress") or its French label ("en cours")."""
    text = " ".join(str(value or "").split()).lower()
    for code, french in STATUSES.items():
        if text in (code, french.lower(), _(french).lower()):
            return code
    raise UserError(
        _("Statut d'action inconnu : « {value} » (attendu : {choices}).").format(
            value=value, choices=", ".join(_(f).lower() for f in STATUSES.values())
        ),
        field=field,
    )


def parse_priority(value: object, field: str = "priority") -> str:
    text = " ".join(str(value or "").split()).lower()
    if not text:
        return "normal"
    for code, french in PRIORITIES.items():
        if text in (code, french.lower(), _(french).lower()):
            return code
    raise UserError(
        _("Priorité inconnue : « {value} » (attendu : haute, normale ou basse).").format(
            value=value
        ),
        field=field,
    )


def is_overdue(status: str, due_date: dt.date | str | None, today: dt.date) -> bool:
    """Overdue is a fact of the day, never stored: an open action whose due date has passed."""
    if due_date is None or due_date == "" or not is_open(status):
        return False
    if isinstance(due_date, str):
        due_date = dt.date.fromisoformat(due_date[:10])
    return due_date < today


def days_late(status: str, due_date: dt.date | str | None, today: dt.date) -> int:
    if not is_overdue(status, due_date, today):
        return 0
    if isinstance(due_date, str):
        due_date = dt.date.fromisoformat(due_date[:10])
    assert due_date is not None
    return (today - due_date).days
