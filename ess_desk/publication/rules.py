"""What a body publishes and when: the ACTES subject code its decisions carry by default, the days
within which the list of decisions is posted (CGCT L. 2121-25: a week) and the signed minutes are
published (L. 2121-15: within the week after the meeting that approved them), and a decision's
own subject code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk import service
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.publication import actes, deadlines
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.store import Store

DEFAULT_DAYS = deadlines.DEFAULT_DAYS


@dataclass(frozen=True)
class PublicationRules:
    actes_code: str = actes.DEFAULT_CODE
    decisions_list_days: int = DEFAULT_DAYS
    minutes_days: int = DEFAULT_DAYS


def rules_of(db: Database, body_id: int) -> PublicationRules:
    """The body's rules; the minutes' delay is the body's `minutes_publish_days` where the meeting
    law's migration added it, else a week."""
    row = database.row(db, "SELECT actes_code FROM bodies WHERE id = ?", [body_id])
    if row is None:
        raise UserError(_("L'instance n°{id} n'existe pas.").format(id=body_id))
    list_days, minutes_days = deadlines.body_days(db, body_id)
    return PublicationRules(row["actes_code"] or actes.DEFAULT_CODE, list_days, minutes_days)


def _days(value: Any, field: str) -> int:
    try:
        days = int(str(value).strip())
    except (TypeError, ValueError) as exc:
        raise UserError(_("Indiquez un nombre de jours."), field=field) from exc
    if not 1 <= days <= 60:
        raise UserError(_("Le délai se compte entre 1 et 60 jours."), field=field)
    return days


def set_rules(
    store: Store, body_id: int, *, actes_code: Any = None, decisions_list_days: Any = None
) -> None:
    values: dict[str, Any] = {}
    if actes_code is not None:
        values["actes_code"] = actes.clean_code(actes_code)
    if decisions_list_days is not None:
        values["decisions_list_days"] = _days(decisions_list_days, "decisions_list_days")
    with store.write() as db:
        service.require(db, "bodies", body_id, _("L'instance"))
        if values:
            service.update(db, "bodies", "body", body_id, values)


def decision_codes(db: Database, meeting_id: int) -> dict[int, str]:
    """The ACTES subject code of each decision of a meeting: its own, else its body's."""
    rows = database.each_row(
        db,
        "SELECT d.id, COALESCE(NULLIF(d.actes_code, ''), b.actes_code) AS code FROM decisions d "
        "JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id "
        "WHERE d.meeting_id = ?",
        [meeting_id],
    )
    return {r["id"]: r["code"] or actes.DEFAULT_CODE for r in rows}


def set_decision_code(store: Store, decision_id: int, code: Any) -> None:
    """A decision's own subject code (empty: its body's). The code is not part of the decision's
    words: it may still be set once the minutes are approved."""
    value = actes.clean_code(code) if str(code or "").strip() else None
    with store.write() as db:
        service.require(db, "decisions", decision_id, _("La décision"))
        service.update(db, "decisions", "decision", decision_id, {"actes_code": value})
