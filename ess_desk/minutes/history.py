"""A meeting's history for the secretariat's own checks: who changed what, when, from the audit
log (minutes, sections, errata, decisions, and the agenda, attendance and votes they record)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk.i18n import N_, _
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

# Entities of the audit log that belong to a meeting, and how to find that meeting in a row.
_BY_MEETING_ID = ("agenda_item", "attendance", "guest", "vote", "decision")


def _entity_label(entity: str) -> str:
    return {
        "meeting": _("Séance"),
        "agenda_item": _("Point de l'ordre du jour"),
        "agenda": _("Ordre du jour"),
        "attendance": _("Présence"),
        "guest": _("Invité(e)"),
        "vote": _("Vote"),
        "decision": _("Décision"),
        "minutes": _("Procès-verbal"),
        "minutes_section": _("Texte d'un point du procès-verbal"),
        "minutes_erratum": _("Erratum"),
    }.get(entity, entity)


def _action_label(action: str) -> str:
    return {
        "create": _("création"),
        "update": _("modification"),
        "delete": _("suppression"),
        "reorder": _("nouvel ordre"),
    }.get(action, action)


# Long values (the approved snapshot, summaries) are shortened in the history list.
_MAX = 80
_HIDDEN = frozenset({"id", "updated_at", "created_at"})


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= _MAX else text[: _MAX - 1] + "…"


# How the secretariat names the fields that change; links between records (…_id) are not shown.
FIELD_LABELS = {
    "status": N_("Statut"),
    "summary": N_("Texte"),
    "text": N_("Texte"),
    "secretary": N_("Secrétaire de séance"),
    "closing_time": N_("Séance levée à"),
    "reason": N_("Motif"),
    "recorded_on": N_("Date"),
    "kind": N_("Type"),
    "title": N_("Intitulé"),
    "position": N_("Rang"),
    "duration_minutes": N_("Durée (min)"),
    "description": N_("Description"),
    "presenter_text": N_("Présenté par"),
    "votes_for": N_("Pour"),
    "votes_against": N_("Contre"),
    "abstentions": N_("Abstentions"),
    "not_voting": N_("Ne prennent pas part"),
    "outcome": N_("Résultat"),
    "taken_at": N_("Heure du vote"),
    "arrival": N_("Arrivée"),
    "departure": N_("Départ"),
    "name": N_("Nom"),
    "organisation": N_("Structure"),
    "place": N_("Lieu"),
    "starts_at": N_("Début"),
    "ends_at": N_("Fin prévue"),
    "notice_sent_on": N_("Convocation envoyée le"),
    "approved_on": N_("Approuvé le"),
    "submitted_on": N_("Soumis le"),
    "approved_sha256": N_("Empreinte SHA-256"),
    "approved_text": N_("Texte approuvé"),
    "number": N_("Numéro"),
    "year": N_("Année"),
}


def _value_labels() -> dict[str, str]:
    """Codes stored in the record (statuses, outcomes…) and the words shown for them."""
    from ess_desk.meetings.attendance import STATUSES as ATTENDANCE
    from ess_desk.meetings.vocabulary import ITEM_KINDS, MEETING_STATUSES, OUTCOMES
    from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES, MINUTES_STATUSES

    table: dict[str, str] = {}
    for labels in (
        ATTENDANCE,
        ITEM_KINDS,
        MEETING_STATUSES,
        OUTCOMES,
        DECISION_KINDS,
        DECISION_STATUSES,
        MINUTES_STATUSES,
    ):
        table.update({code: _(text) for code, text in labels.items()})
    return table


@dataclass(frozen=True)
class Change:
    """One field changed, as stored (codes); `label` and `shown()` are what people read."""

    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return _(FIELD_LABELS[self.field]) if self.field in FIELD_LABELS else self.field

    @property
    def visible(self) -> bool:
        return not self.field.endswith("_id")

    def shown(self) -> tuple[str, str]:
        words = _value_labels()
        return (
            words.get(self.before, self.before or "∅"),
            words.get(self.after, self.after or "∅"),
        )


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # ISO date and time
    user: str
    entity: str
    entity_id: int | None
    action: str
    what: str  # « Décision — modification »
    changes: tuple[Change, ...]

    def describe(self) -> str:
        details = "; ".join(
            "{} : {} → {}".format(c.label, *c.shown()) for c in self.changes if c.visible
        )
        return f"{self.what} ({details})" if details else self.what


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[Change, ...]:
    before, after = before or {}, after or {}
    out = []
    for key in sorted(before.keys() | after.keys()):
        if key in _HIDDEN or before.get(key) == after.get(key):
            continue
        out.append(Change(key, _short(before.get(key)), _short(after.get(key))))
    return tuple(out)


def meeting_history(db: Database, meeting_id: int) -> list[HistoryEntry]:
    """Every audited change concerning a meeting and its minutes, oldest first."""
    minutes_ids = database.column(db, "SELECT id FROM minutes WHERE meeting_id = ?", [meeting_id])
    placeholders = ", ".join("?" for _e in _BY_MEETING_ID)
    conditions = [
        "(entity = 'meeting' AND entity_id = ?)",
        "(entity = 'agenda' AND entity_id = ?)",
        f"(entity IN ({placeholders}) AND "
        "json_extract(COALESCE(after, before), '$.meeting_id') = ?)",
    ]
    params: list[Any] = [meeting_id, meeting_id, *_BY_MEETING_ID, meeting_id]
    if minutes_ids:
        marks = ", ".join("?" for _m in minutes_ids)
        conditions.append(f"(entity = 'minutes' AND entity_id IN ({marks}))")
        conditions.append(
            f"(entity IN ('minutes_section', 'minutes_erratum') AND "
            f"json_extract(COALESCE(after, before), '$.minutes_id') IN ({marks}))"
        )
        params += minutes_ids + minutes_ids
    rows = database.rows(
        db,
        "SELECT at, os_user, entity, entity_id, action, before, after FROM audit_log "
        f"WHERE {' OR '.join(conditions)} ORDER BY id",
        params,
    )
    out = []
    for r in rows:
        before, after = r["before"], r["after"]
        out.append(
            HistoryEntry(
                at=r["at"],
                user=r["os_user"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                action=r["action"],
                what=f"{_entity_label(r['entity'])} — {_action_label(r['action'])}",
                changes=_changes(
                    json.loads(before) if before else None, json.loads(after) if after else None
                ),
            )
        )
    return out
