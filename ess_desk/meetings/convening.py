"""Who is convened to a meeting, in what capacity and by which channel, and the date the letters
bear: everything the convocation letters, e-mails and postal batch are built from, loaded once.

Capacities: a voting member (the proxy form goes with the letter where the body allows proxies),
a member without a vote (consultative college), a substitute (who sits when the member they
replace is absent) and a permanent guest (invited, no vote). A person who refused to be contacted
by e-mail gets a posted letter: convocation is an obligation, e-mail is a means.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ess_desk.council import Letterhead
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.meetings import agenda, annexes, meetings, presence
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.calendar import clear_days_between, notice_deadline
from ess_desk.meetings.record import MeetingRecord
from ess_desk.membership import bodies
from ess_desk.store import database

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlite_utils import Database

MEMBER, CONSULTATIVE, SUBSTITUTE, GUEST = "member", "consultative", "substitute", "guest"
EMAIL, POST = "email", "post"
NO_EMAIL, REFUSED = "no_email", "refused"

# NF Z 10-011 (AFNOR), the French postal address: at most 6 lines of at most 38 characters, left
# aligned, no punctuation from the street lines on, the last line « CODE POSTAL LOCALITÉ » in
# capitals without accents (as La Poste's sorting machines read it).
ADDRESS_LINES, ADDRESS_WIDTH = 6, 38


@dataclass(frozen=True)
class Addressee:
    """One person convened, with what their letter and their message depend on."""

    person_id: int
    mandate_id: int
    civility: str
    name: str
    organisation: str
    email: str
    consent_contact: bool
    capacity: str  # MEMBER, CONSULTATIVE, SUBSTITUTE or GUEST
    substitute_for: str = ""  # the member a substitute replaces
    postal: tuple[str, ...] = ()  # the address block (NF Z 10-011), empty when unknown

    @property
    def channel(self) -> str:
        return EMAIL if self.email and self.consent_contact else POST

    @property
    def why_post(self) -> str:
        """Why a letter goes by post: no address (NO_EMAIL) or contact refused (REFUSED)."""
        if self.channel == EMAIL:
            return ""
        return REFUSED if self.email and not self.consent_contact else NO_EMAIL

    @property
    def votes(self) -> bool:
        return self.capacity == MEMBER


@dataclass(frozen=True)
class Convening:
    """One meeting's convocation, loaded once for every letter and message built from it."""

    meeting: meetings.Meeting
    body: bodies.Body
    letterhead: Letterhead
    timetable: agenda.Timetable
    presenters: dict[int, str]
    annexes: tuple[annexes.Annex, ...]  # those marked for the members
    addressees: tuple[Addressee, ...]
    letter_date: dt.date
    deadline: dt.date
    council_uid: str = ""
    problems: tuple[str, ...] = field(default=())

    @property
    def proxies_allowed(self) -> bool:
        return self.body.proxies_per_holder > 0

    @property
    def late(self) -> bool:
        return self.letter_date > self.deadline

    @property
    def clear_days(self) -> int:
        """Clear days between the letters' date and the meeting."""
        return clear_days_between(self.letter_date, self.meeting.day)

    def late_warning(self) -> str:
        """What to say before producing letters after the deadline, or ""."""
        if not self.late:
            return ""
        return _(
            "La date limite d'envoi était le {deadline} ({required} jours francs avant la "
            "séance). Des convocations datées du {day} ne laissent que {left} jours francs."
        ).format(
            deadline=self.deadline.strftime("%d/%m/%Y"),
            required=self.body.notice_clear_days,
            day=self.letter_date.strftime("%d/%m/%Y"),
            left=self.clear_days,
        )

    def by_channel(self, channel: str) -> list[Addressee]:
        return [a for a in self.addressees if a.channel == channel]

    def without_address(self) -> list[Addressee]:
        """Letters to post that have no postal address to print."""
        return [a for a in self.by_channel(POST) if not a.postal]


def _capacity(attendee: presence.Attendee) -> str:
    if attendee.role == "substitute":
        return SUBSTITUTE
    if attendee.role == "permanent_guest":
        return GUEST
    return MEMBER if attendee.expected.voting else CONSULTATIVE


def _fold_upper(text: str) -> str:
    """Capitals without accents or punctuation (the street and locality lines)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"[^A-Za-z0-9 ]+", " ", ascii_text.replace("'", " "))
    return " ".join(ascii_text.upper().split())


def postal_lines(
    name: str, organisation: str, street: str, postcode: str, city: str
) -> tuple[str, ...]:
    """The address block of a letter, or () when the address is incomplete (no street, postcode
    or city): a letter is then listed as « sans adresse » before printing."""
    streets = [line for line in (street or "").splitlines() if line.strip()]
    if not streets or not (postcode or "").strip() or not (city or "").strip():
        return ()
    lines = [" ".join(name.split())]
    if organisation:
        lines.append(" ".join(organisation.split()))
    lines += [_fold_upper(s) for s in streets]
    lines.append(_fold_upper(f"{postcode} {city}"))
    if len(lines) > ADDRESS_LINES:  # the organisation's name goes first, the street never
        lines = [lines[0], *lines[-(ADDRESS_LINES - 1) :]]
    return tuple(lines)


def address_problems(addressee: Addressee) -> list[str]:
    """Lines of the address block longer than La Poste reads (38 characters)."""
    return [
        _("Adresse de {name} : la ligne « {line} » dépasse {width} caractères.").format(
            name=addressee.name, line=line, width=ADDRESS_WIDTH
        )
        for line in addressee.postal
        if len(line) > ADDRESS_WIDTH
    ]


def addressees(db: Database, meeting_id: int) -> list[Addressee]:
    """Everyone expected at the meeting, once each, with how to reach them."""
    return addressees_of(db, presence.expected_attendees(db, meeting_id))


def addressees_of(db: Database, attendees: Sequence[presence.Attendee]) -> list[Addressee]:
    """`addressees` from the expected attendees already loaded (`MeetingRecord.attendees`)."""
    if not attendees:
        return []
    ids = sorted({a.person_id for a in attendees})
    marks = ",".join("?" * len(ids))
    rows = {
        r["id"]: r
        for r in database.each_row(
            db,
            "SELECT p.id, p.civility, p.email, p.consent_contact, p.address, p.postcode, p.city, "
            "COALESCE(o.name, '') AS org, COALESCE(o.address, '') AS org_address, "
            "COALESCE(o.postcode, '') AS org_postcode, "
            f"COALESCE(o.city, '') AS org_city FROM people p LEFT JOIN organisations o "
            f"ON o.id = p.organisation_id WHERE p.id IN ({marks})",
            ids,
        )
    }
    out: list[Addressee] = []
    seen: set[int] = set()
    for attendee in attendees:
        if attendee.person_id in seen:  # two mandates in one body: one letter
            continue
        seen.add(attendee.person_id)
        r = rows[attendee.person_id]
        civility, email, consent = r["civility"], r["email"], r["consent_contact"]
        street, postcode, city = r["address"], r["postcode"], r["city"]
        org, o_street, o_code, o_city = r["org"], r["org_address"], r["org_postcode"], r["org_city"]
        name = " ".join(x for x in (civility, attendee.name) if x)
        postal = postal_lines(name, "", street, postcode, city) or postal_lines(
            name, org, o_street, o_code, o_city
        )
        out.append(
            Addressee(
                person_id=attendee.person_id,
                mandate_id=attendee.mandate_id,
                civility=civility,
                name=" ".join(attendee.name.split()),
                organisation=" ".join(org.split()),
                email=" ".join((email or "").split()),
                consent_contact=bool(consent),
                capacity=_capacity(attendee),
                substitute_for=" ".join(attendee.substitute_for_name.split()),
                postal=postal,
            )
        )
    return out


def letter_date(meeting: meetings.Meeting, today: dt.date) -> dt.date:
    """The letters bear the sending date recorded for the notice, else the day they are made."""
    if meeting.notice_sent_on:
        return dt.date.fromisoformat(meeting.notice_sent_on[:10])
    return today


def load(db: Database, meeting_id: int, today: dt.date | None = None) -> Convening:
    """The convocation of a meeting; a meeting that cannot be convened is refused."""
    return of_record(db, meeting_record.load(db, meeting_id), today)


def of_record(db: Database, loaded: MeetingRecord, today: dt.date | None = None) -> Convening:
    """The convocation of a meeting from its loaded record (`db` for the addresses and the
    council's identifier, which the record does not hold)."""
    from ess_desk.council import get_setting

    meeting, body = loaded.meeting, loaded.body
    if meeting.status in ("postponed", "closed", "held"):
        raise UserError(_("On ne convoque pas à une séance reportée, tenue ou close."))
    people = addressees_of(db, loaded.attendees)
    if not people:
        raise UserError(_("Personne n'est attendu à cette séance : aucun mandat en cours."))
    presenters: dict[int, str] = {}
    for item in loaded.items:
        pid = item.presenter_person_id
        if pid and pid not in presenters:
            known = loaded.people.get(pid)
            presenters[pid] = " ".join(known.name.split()) if known else ""
    problems = [p for a in people for p in address_problems(a)]
    return Convening(
        meeting=meeting,
        body=body,
        letterhead=loaded.letterhead,
        timetable=loaded.timetable,
        presenters=presenters,
        annexes=tuple(a for a in loaded.annexes if a.for_members),
        addressees=tuple(people),
        letter_date=letter_date(meeting, today or dt.date.today()),
        deadline=notice_deadline(meeting.day, body.notice_clear_days, body.holiday_calendar),
        council_uid=get_setting(db, "council_uid"),
        problems=tuple(problems),
    )
