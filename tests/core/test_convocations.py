"""Convocations read back: the letters (pypdf), the .eml drafts (email) and invitations (icalendar)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from ess_desk import council
from ess_desk.errors import UserError
from ess_desk.exchange import convocations, ics
from ess_desk.meetings import agenda, meetings
from ess_desk.membership import bodies, mandates, organisations, people
from tests.documents import plain


@pytest.fixture
def meeting(store):
    council.set_letterhead(
        store,
        council_name="Conseil de l'ESS de Strasbourg",
        council_address="1 parc de l'Étoile\n67000 Strasbourg",
        signatory="Hélène Muller",
        signatory_title="Présidente",
        council_email="conseil.ess@exemple.fr",
    )
    body = bodies.create_body(store, name="Bureau", kind="bureau", proxies_per_holder=2)
    org = organisations.create(store, name="SCOP Les Tisserands", kind="scop")
    zoe = people.create(
        store,
        civility="Mme",
        first_name="Zoé",
        last_name="Lefèvre",
        email="zoe@exemple.fr",
        organisation_id=org,
    )
    luc = people.create(store, civility="M.", first_name="Luc", last_name="Kieffer")
    mandates.create(store, person_id=zoe, body_id=body, role="member", start_date="2026-01-01")
    mandates.create(store, person_id=luc, body_id=body, role="member", start_date="2026-01-01")
    m = meetings.create(
        store,
        body_id=body,
        starts_at="10/12/2026 18:00",
        ends_at="10/12/2026 20:00",
        place="Maison de l'ESS",
        video_link="https://visio.exemple.fr/bureau",
    )
    agenda.create_item(
        store, m, title="Avis sur le PTCE « Cœur d'Alsace »", kind="vote", duration_minutes=40
    )
    agenda.create_item(
        store, m, title="Questions diverses", kind="other_business", duration_minutes=20
    )
    return m


def test_letters_drafts_and_postal_pdf(store, meeting, tmp_path):
    result = convocations.write_all(
        store.db, meeting, tmp_path / "out", today=dt.date(2026, 11, 28)
    )
    assert len(result.letters) == 2 and len(result.drafts) == 1
    assert result.without_email == ["Luc Kieffer"] and result.by_post is not None

    letter = next(p for p in result.letters if "zoe-lefevre" in p.name)
    reader = PdfReader(letter)
    assert len(reader.pages) == 2  # the proxy form stands on its own page
    first = plain(" ".join(reader.pages[0].extract_text().split()))
    assert "Madame," in first and "jeudi 10 décembre 2026 à 18 h" in first
    assert "18 h 1. Avis sur le PTCE « Cœur d'Alsace »" in first and "18 h 40" in first
    assert "https://visio.exemple.fr/bureau" in first and "Hélène Muller" in first
    second = plain(" ".join(reader.pages[1].extract_text().split()))
    assert "Pouvoir" in second and "plus de 2 pouvoirs" in second

    message = email.message_from_bytes(result.drafts[0].read_bytes(), policy=policy.default)
    assert message["To"] == "Zoé Lefèvre <zoe@exemple.fr>"
    assert message["X-Unsent"] == "1" and "10/12/2026" in message["Subject"]
    assert "Madame," in message.get_body(("plain",)).get_content()
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert parts[letter.name].get_content_type() == "application/pdf"
    assert parts[letter.name].get_content() == letter.read_bytes()
    invitation = Calendar.from_ical(parts["invitation.ics"].get_content())
    event = invitation.walk("VEVENT")[0]
    assert str(invitation["METHOD"]) == "REQUEST"
    assert event.decoded("dtstart").replace(tzinfo=None) == dt.datetime(2026, 12, 10, 18, 0)
    assert "zoe@exemple.fr" in str(event["ATTENDEE"])

    postal = PdfReader(result.by_post)
    assert len(postal.pages) == 2 and "Monsieur," in postal.pages[0].extract_text()


def test_schedule_ics_round_trip(store, meeting, tmp_path):
    other = meetings.create(
        store, body_id=meetings.get(store.db, meeting).body_id, starts_at="14/01/2027 18:00"
    )
    path = ics.write_schedule(store.db, [meeting, other], tmp_path / "calendrier.ics")
    cal = Calendar.from_ical(path.read_bytes())
    events = cal.walk("VEVENT")
    assert [e.decoded("dtstart").date() for e in events] == [
        dt.date(2026, 12, 10),
        dt.date(2027, 1, 14),
    ]
    assert str(events[0]["SUMMARY"]).startswith("Bureau — ")
    assert events[1].decoded("dtend") - events[1].decoded("dtstart") == dt.timedelta(hours=2)


def test_no_convocation_for_a_cancelled_meeting(store, meeting, tmp_path):
    meetings.set_status(store, meeting, "cancelled")
    with pytest.raises(UserError, match="annulée"):
        convocations.write_all(store.db, meeting, tmp_path / "out")
