"""Calendar files (.ics) that Outlook and Thunderbird import: a schedule, or one invitation."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from ess_desk import __version__
from ess_desk.fileio import atomic_path
from ess_desk.meetings import meetings
from ess_desk.membership import bodies
from ess_desk.text import printable_copy

if TYPE_CHECKING:
    from sqlite_utils import Database

# Councils sit in France: times are Paris wall-clock times.
TZ = ZoneInfo("Europe/Paris")


def _uid(meeting_id: int) -> str:
    return f"seance-{meeting_id}@ess-desk.{socket.gethostname() or 'local'}"


def meeting_event(db: Database, meeting: meetings.Meeting) -> Event:
    meeting = printable_copy(meeting)  # no control character in a calendar file
    body = printable_copy(bodies.get_body(db, meeting.body_id))
    event = Event()
    event.add("uid", _uid(meeting.id))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", meeting.start.replace(tzinfo=TZ))
    end = meeting.end or meeting.start + dt.timedelta(hours=2)
    event.add("dtend", end.replace(tzinfo=TZ))
    event.add("summary", f"{body.name} — {meeting.title}")
    location = " — ".join(x for x in (meeting.place, meeting.video_link) if x)
    if location:
        event.add("location", location)
    if meeting.video_link:
        event.add("url", meeting.video_link)
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
    for meeting_id in meeting_ids:
        cal.add_component(meeting_event(db, meetings.get(db, meeting_id)))
    return cal


def invitation(
    db: Database, meeting_id: int, attendee_email: str = "", organizer: str = ""
) -> bytes:
    """One meeting as a REQUEST invitation addressed to one person."""
    cal = calendar(db, [meeting_id], method="REQUEST")
    event = cal.walk("VEVENT")[0]
    if organizer:
        event.add("organizer", vCalAddress(f"mailto:{organizer}"))
    if attendee_email:
        attendee = vCalAddress(f"mailto:{attendee_email}")
        attendee.params["ROLE"] = vText("REQ-PARTICIPANT")
        attendee.params["RSVP"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    return cal.to_ical()


def write_schedule(db: Database, meeting_ids: Iterable[int], path: Path | str) -> Path:
    """The yearly schedule as one .ics file."""
    data = calendar(db, meeting_ids, method="PUBLISH").to_ical()
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(data)
    return Path(path)
