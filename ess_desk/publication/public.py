"""What may go online: only the names of people who consented to publication (the others are
described by their role, as in the public minutes), and never a contact detail — an e-mail
address or a telephone number typed into a summary or a decision is taken out too."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ess_desk.i18n import _
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec

if TYPE_CHECKING:
    from sqlite_utils import Database

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# French numbers as people type them: 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78.
PHONE = re.compile(r"(?<![\w])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\w])")


def without_contacts(text: str) -> str:
    if not text:
        return text
    hidden = _("[coordonnées retirées]")
    return PHONE.sub(hidden, EMAIL.sub(hidden, text))


def has_contacts(text: str) -> bool:
    return bool(EMAIL.search(text or "") or PHONE.search(text or ""))


def public_record(db: Database, record: rec.MinutesRecord) -> rec.MinutesRecord:
    """The record with the names of people without consent replaced and no contact detail."""
    named = rec.Publication(db, record).record(record)
    # Every text of the record lives in its canonical JSON: take contacts out of it there (the
    # replacement holds no quote, the JSON stays well formed).
    return rec.from_json(without_contacts(rec.to_json(named)))


def publishable_as_is(db: Database, meeting_id: int) -> bool:
    """True when the approved minutes name nobody without consent and hold no contact detail:
    the signed file itself may then go online."""
    minutes = mn.get_minutes(db, meeting_id)
    if minutes is None or not minutes.frozen:
        return False
    record = mn.approved_record(db, minutes)
    full = rec.to_json(record)
    if has_contacts(full):
        return False
    errata = mn.errata(db, minutes.id)
    publication = rec.Publication(db, record)
    if any(publication.text(e.text) != e.text or has_contacts(e.text) for e in errata):
        return False
    return rec.to_json(publication.record(record)) == full
