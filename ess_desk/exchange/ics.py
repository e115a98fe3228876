"""Calendar files (.ics) that Outlook and Thunderbird import: a schedule, or one invitation.

Every event carries the VTIMEZONE of Europe/Paris (RFC 5545 §3.6.5 requires the definition of a
TZID it uses), a UID stable for the meeting whatever computer writes it (the council's own
identifier, kept in the file), and a SEQUENCE raised each time the meeting moves, so that a
calendar takes a new invitation as an update of the one it holds; a cancelled meeting goes out as
METHOD:CANCEL (RFC 5546 §3.2.5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from ess_desk import __version__
from ess_desk.council import get_setting
from ess_desk.fileio import atomic_path
from ess_desk.mail.headers import header_text, quoted_parameter
from ess_desk.meetings import meetings
from ess_desk.membership import bodies
from ess_desk.text import printable_copy

if TYPE_CHECKING:
    from sqlite_utils import Database

# Councils sit in France: times are Paris wall-clock times.
TZ = ZoneInfo("Europe/Paris")


def uid(db: Database, meeting_id: int) -> str:
    """The meeting's UID: its number and the council's identifier (never the host name)."""
    council = get_setting(db, "council_uid") or "conseil"
    return f"seance-{meeting_id}-{council}@ess-desk"


def meeting_event(db: Database, meeting: meetings.Meeting) -> Event:
    meeting = printable_copy(meeting)  # no control character in a calendar file
    body = printable_copy(bodies.get_body(db, meeting.body_id))
    event = Event()
    event.add("uid", uid(db, meeting.id))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("sequence", meeting.ics_sequence)
    event.add("dtstart", meeting.start.replace(tzinfo=TZ))
    end = meeting.end or meeting.start + dt.timedelta(hours=2)
    event.add("dtend", end.replace(tzinfo=TZ))
    event.add("summary", header_text(f"{body.name} — {meeting.title}"))
    location = " — ".join(header_text(x) for x in (meeting.place, meeting.video_link) if x)
    if location:
        event.add("location", location)
    if meeting.video_link:
        event.add("url", header_text(meeting.video_link))
    if meeting.notes:
        event.add("description", meeting.notes)
    status = {"cancelled": "CANCELLED", "planned": "TENTATIVE"}.get(meeting.status, "CONFIRMED")
    event.add("status", status)
    return event


def calendar(db: Database, meeting_ids: Iterable[int], method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//ESS Desk//{__version__}//FR")
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    days = []
    for meeting_id in meeting_ids:
        meeting = meetings.get(db, meeting_id)
        days.append(meeting.day)
        cal.add_component(meeting_event(db, meeting))
    if days:
        # The Paris time zone's rules over the years the events span, a year either side.
        cal.add_missing_timezones(
            first_date=dt.date(min(days).year - 1, 1, 1),
            last_date=dt.date(max(days).year + 2, 1, 1),
        )
    return cal


@dataclass(frozen=True)
class Participant:
    """Who an invitation is for. `required` is False for a guest (optional participant)."""

    name: str
    email: str
    required: bool = True


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{header_text(email)}")
    if name:
        address.params["CN"] = vText(quoted_parameter(name))
    return address


def invitation(
    db: Database,
    meeting_id: int,
    attendee: Participant | None = None,
    organizer: Participant | None = None,
) -> bytes:
    """One meeting as an invitation addressed to one person: REQUEST, or CANCEL once the
    meeting is cancelled."""
    meeting = meetings.get(db, meeting_id)
    cancelled = meeting.status == "cancelled"
    cal = calendar(db, [meeting_id], method="CANCEL" if cancelled else "REQUEST")
    event = cal.walk("VEVENT")[0]
    if organizer is not None and organizer.email:
        event.add("organizer", _address(organizer.email, organizer.name), encode=False)
    if attendee is not None and attendee.email:
        address = _address(attendee.email, attendee.name)
        address.params["ROLE"] = vText(
            "REQ-PARTICIPANT" if attendee.required else "OPT-PARTICIPANT"
        )
        address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        if not cancelled:
            address.params["RSVP"] = vText("TRUE")
        event.add("attendee", address, encode=False)
    return cal.to_ical()


def method_of(data: bytes) -> str:
    """The METHOD of an invitation (the text/calendar part of a message names it too)."""
    return "CANCEL" if b"METHOD:CANCEL" in data else "REQUEST"


def write_schedule(db: Database, meeting_ids: Iterable[int], path: Path | str) -> Path:
    """The yearly schedule as one .ics file."""
    data = calendar(db, meeting_ids, method="PUBLISH").to_ical()
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(data)
    return Path(path)
