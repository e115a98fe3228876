"""The retention review: people whose last mandate ended more than N years ago (or who never held
one and have done nothing for N years) are listed, so that the secretariat anonymises them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from ess_desk import council
from ess_desk.actions.rules import OPEN_STATUSES
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.store import Store, database

if TYPE_CHECKING:
    from sqlite_utils import Database

SETTING = "privacy_retention_years"
DEFAULT_YEARS = 5
MAX_YEARS = 50


def retention_years(db: Database) -> int:
    """The setting, or the default when it is missing or unreadable."""
    try:
        years = int(council.get_setting(db, SETTING, str(DEFAULT_YEARS)))
    except ValueError:
        return DEFAULT_YEARS
    return years if 1 <= years <= MAX_YEARS else DEFAULT_YEARS


def check_years(value: object) -> int:
    try:
        years = int(str(value).strip())
    except (TypeError, ValueError) as exc:
        raise UserError(
            _("« {value} » n'est pas un nombre d'années.").format(value=value), field=SETTING
        ) from exc
    if not 1 <= years <= MAX_YEARS:
        raise UserError(
            _("La durée de conservation doit être comprise entre 1 et {max} ans.").format(
                max=MAX_YEARS
            ),
            field=SETTING,
        )
    return years


def set_retention_years(store: Store, value: object) -> int:
    years = check_years(value)
    with store.write() as db:
        council.set_setting(db, SETTING, str(years))
    return years


def cutoff(today: dt.date, years: int) -> dt.date:
    """Whatever ended before this day ended more than `years` years ago (29/02 → 28/02)."""
    return today - relativedelta(years=years)


@dataclass(frozen=True)
class ReviewRow:
    person_id: int
    name: str
    organisation: str
    last_mandate_end: str | None  # None: never held a mandate
    last_activity: str | None  # presented an item, carried an action, wrote a follow-up
    recorded_on: str | None  # when the record was created (audit log)
    archived: bool

    @property
    def last_seen(self) -> str | None:
        """The day the council last had to do with the person: from which retention counts."""
        dates = [self.last_mandate_end, self.last_activity]
        if self.last_mandate_end is None:
            dates.append(self.recorded_on)
        known = [d for d in dates if d]
        return max(known) if known else None

    def reason(self) -> str:
        if self.last_mandate_end is not None:
            text = _("Dernier mandat terminé le {day}").format(day=display(self.last_mandate_end))
            if self.last_activity and self.last_activity > self.last_mandate_end:
                text += _(" ; dernière activité le {day}").format(day=display(self.last_activity))
            return text
        if self.last_seen is None:
            return _("Aucun mandat, aucune activité connue")
        return _("Aucun mandat ; dernière trace le {day}").format(day=display(self.last_seen))


_OPEN = ", ".join(f"'{s}'" for s in sorted(OPEN_STATUSES))

_REVIEW_SQL = f"""
WITH
mand AS (
    SELECT person_id, MAX(end_date) AS last_end,
           SUM(end_date IS NULL OR end_date >= :today) AS running
    FROM mandates GROUP BY person_id
),
act AS (
    SELECT pid, MAX(day) AS day FROM (
        -- An open action is activity today: its owner is still at work for the council.
        SELECT owner_person_id AS pid,
               CASE WHEN status IN ({_OPEN}) THEN :today ELSE COALESCE(closed_on, created_on) END
               AS day
        FROM actions WHERE owner_person_id IS NOT NULL
        UNION ALL
        SELECT author_person_id, on_date FROM action_updates WHERE author_person_id IS NOT NULL
        UNION ALL
        SELECT i.presenter_person_id, substr(m.starts_at, 1, 10)
        FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE i.presenter_person_id IS NOT NULL
    ) GROUP BY pid
),
created AS (
    SELECT entity_id AS pid, MIN(substr(at, 1, 10)) AS day FROM audit_log
    WHERE entity = 'person' AND action = 'create' GROUP BY entity_id
)
SELECT p.id, p.first_name, p.last_name, COALESCE(o.name, '') AS organisation, p.archived,
       mand.last_end, act.day AS last_activity, created.day AS recorded_on
FROM people p
LEFT JOIN organisations o ON o.id = p.organisation_id
LEFT JOIN mand ON mand.person_id = p.id
LEFT JOIN act ON act.pid = p.id
LEFT JOIN created ON created.pid = p.id
WHERE COALESCE(mand.running, 0) = 0
  AND NOT EXISTS (
      SELECT 1 FROM audit_log a WHERE a.entity = 'person' AND a.entity_id = p.id
      AND a.action = 'anonymise'
  )
"""


def due_for_review(
    db: Database, today: dt.date | None = None, years: int | None = None
) -> list[ReviewRow]:
    """People to review, the longest gone first: no mandate in force or to come, not yet
    anonymised, and nothing to do with the council for more than `years` years."""
    today = today or dt.date.today()
    years = retention_years(db) if years is None else check_years(years)
    limit = cutoff(today, years).isoformat()
    out = []
    for r in database.each_row(db, _REVIEW_SQL, {"today": today.isoformat()}):
        row = ReviewRow(
            person_id=r["id"],
            name=f"{r['first_name']} {r['last_name']}".strip(),
            organisation=r["organisation"],
            last_mandate_end=r["last_end"],
            last_activity=r["last_activity"],
            recorded_on=r["recorded_on"],
            archived=bool(r["archived"]),
        )
        if row.last_seen is None or row.last_seen < limit:
            out.append(row)
    out.sort(key=lambda r: (r.last_seen or "", r.name.casefold()))
    return out
