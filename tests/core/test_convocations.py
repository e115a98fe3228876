"""Convocations read back: the letters (pypdf), the .eml drafts (email) and invitations
(icalendar): what each carries, by capacity, channel and consent."""

from __future__ import annotations

import datetime as dt
import email
import io
from email import policy

import pytest
from icalendar import Calendar
from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm

from ess_desk import council
from ess_desk.errors import UserError
from ess_desk.exchange import convocations, ics
from ess_desk.meetings import agenda, annexes, convening, meetings, notice
from ess_desk.membership import bodies, mandates, organisations, people
from tests.documents import plain

TODAY = dt.date(2026, 11, 28)


def pdf_bytes(pages: int, filler: int = 0) -> bytes:
    writer = PdfWriter()
    for _n in range(pages):
        writer.add_blank_page(width=595, height=842)
    if filler:
        writer.add_metadata({"/Filler": "x" * filler})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def council_file(store):
    council.set_letterhead(
        store,
        council_name="Conseil de l'ESS de Strasbourg",
        council_address="1 parc de l'Étoile\n67000 Strasbourg",
        signatory="Hélène Muller",
        signatory_title="Présidente",
        council_email="conseil.ess@exemple.fr",
    )
    return store


def person(store, first, last, **values):
    return people.create(store, first_name=first, last_name=last, **values)


@pytest.fixture
def meeting(council_file, tmp_path):
    store = council_file
    body = bodies.create_body(store, name="Bureau", kind="bureau", proxies_per_holder=2)
    org = organisations.create(
        store,
        name="SCOP Les Tisserands",
        kind="scop",
        address="3, rue des Tanneurs",
        postcode="67000",
        city="Strasbourg",
    )
    zoe = person(
        store,
        "Zoé",
        "Lefèvre",
        civility="Mme",
        email="zoe@exemple.fr",
        organisation_id=org,
        consent_contact=1,
    )
    luc = person(store, "Luc", "Kieffer", civility="M.", organisation_id=org)
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
    note = tmp_path / "Note-budget-2027.pdf"
    note.write_bytes(pdf_bytes(3))
    annexes.attach(store, m, note)
    internal = tmp_path / "Notes-secretariat.pdf"
    internal.write_bytes(pdf_bytes(1))
    annexes.set_for_members(store, annexes.attach(store, m, internal), False)
    return m


def parse(path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def text_of(data: bytes) -> str:
    """The text of a PDF, typographic spaces and apostrophes back to keyboard ones."""
    return plain(
        " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
        )
    )


def test_email_carries_letter_agenda_annexes_and_invitation(store, meeting, tmp_path):
    result = convocations.write_all(store.db, meeting, tmp_path / "out", today=TODAY)
    assert len(result.drafts) == 1 and result.to_post == ["Luc Kieffer"]
    message = parse(result.drafts[0])
    assert message["To"] == "Zoé Lefèvre <zoe@exemple.fr>"
    assert message["X-Unsent"] == "1" and "10/12/2026" in message["Subject"]
    assert "Madame," in message.get_body(("plain",)).get_content()
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert list(parts) == [
        "convocation-2026-12-10-zoe-lefevre.pdf",
        "ordre-du-jour-2026-12-10.pdf",
        "Note-budget-2027.pdf",
        "invitation.ics",
    ]  # the annex not marked for the members stays out
    letter = text_of(parts["convocation-2026-12-10-zoe-lefevre.pdf"].get_content())
    assert "Le samedi 28 novembre 2026" in letter and "jeudi 10 décembre 2026 à 18 h" in letter
    assert "Note-budget-2027.pdf (3 p.)" in letter and "Hélène Muller" in letter
    assert "Pouvoir" in letter and "plus de 2 pouvoirs" in letter and "(s)" not in letter
    agenda_text = text_of(parts["ordre-du-jour-2026-12-10.pdf"].get_content())
    assert "18 h 1. Avis sur le PTCE « Cœur d'Alsace »" in agenda_text and "18 h 40" in agenda_text
    assert parts["Note-budget-2027.pdf"].get_content() == pdf_bytes(3)
    calendar_part = parts["invitation.ics"]
    assert calendar_part.get_content_type() == "text/calendar"
    assert calendar_part.get_param("charset") == "utf-8"
    assert calendar_part.get_param("method") == "REQUEST"
    invitation = Calendar.from_ical(calendar_part.get_content())
    event = invitation.walk("VEVENT")[0]
    assert event.decoded("dtstart").replace(tzinfo=None) == dt.datetime(2026, 12, 10, 18, 0)
    assert event["ATTENDEE"].params["CN"] == "Zoé Lefèvre"
    assert str(event["ATTENDEE"]) == "mailto:zoe@exemple.fr"


def window_lines(data: bytes) -> list[tuple[float, float, str]]:
    """Text drawn on the first page, with its position from the top-left corner in mm."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    height = float(page.mediabox.height)
    found: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.append((tm[4] / mm, (height - tm[5]) / mm, text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def test_posted_letter_shows_the_address_in_a_window_envelope(store, meeting, tmp_path):
    result = convocations.write_all(store.db, meeting, tmp_path / "out", today=TODAY)
    data = result.by_post.read_bytes()
    window = [(x, y, t) for x, y, t in window_lines(data) if 105 <= x <= 200 and 50 <= y <= 95]
    assert [t for _x, _y, t in window] == [
        "M. Luc Kieffer",
        "SCOP Les Tisserands",
        "3 RUE DES TANNEURS",
        "67000 STRASBOURG",
    ]  # NF Z 10-011: last lines in capitals, no punctuation
    assert all(abs(x - 110) < 1 for x, _y, _t in window)
    # letter (2 pages with the proxy form), agenda (1), annex (3)
    assert len(PdfReader(result.by_post).pages) == 6
    assert result.without_address == []


def test_letters_without_address_and_refused_contact_are_listed(store, meeting, tmp_path):
    conv = convening.load(store.db, meeting)
    luc = next(a for a in conv.addressees if a.name == "Luc Kieffer")
    people.update(store, luc.person_id, organisation_id=None)
    zoe = next(a for a in conv.addressees if a.name == "Zoé Lefèvre")
    people.update(store, zoe.person_id, consent_contact=0)
    result = convocations.write_all(store.db, meeting, tmp_path / "out", today=TODAY)
    assert result.drafts == [] and sorted(result.to_post) == ["Luc Kieffer", "Zoé Lefèvre"]
    assert result.refused == ["Zoé Lefèvre"] and result.without_address == ["Luc Kieffer"]
    assert "Luc Kieffer" in result.summary() and "refus" in result.summary()


def test_wording_and_proxy_form_follow_the_capacity(store, meeting, tmp_path):
    body_id = meetings.get(store.db, meeting).body_id
    zoe_mandate = next(
        a.mandate_id for a in convening.load(store.db, meeting).addressees if a.email
    )
    for first, role, extra in (
        ("Sam", "substitute", {"substitute_for_id": zoe_mandate}),
        ("Ines", "permanent_guest", {}),
        ("Paul", "member", {"college": "Partenaires"}),
    ):
        if "college" in extra:
            extra = {
                "college_id": bodies.create_college(
                    store, body_id, name="Partenaires", voting=False
                )
            }
        pid = person(store, first, "Test", email=f"{first.lower()}@exemple.fr", consent_contact=1)
        mandates.create(
            store, person_id=pid, body_id=body_id, role=role, start_date="2026-01-01", **extra
        )
    plan = convocations.prepare(store.db, meeting, today=TODAY)
    letters = {
        who.name: text_of(convocations.attachments(plan, store.db, who)[0].load())
        for who in plan.conv.addressees
    }
    assert "Pouvoir" in letters["Zoé Lefèvre"]
    sub = letters["Sam Test"]
    assert "En qualité de suppléant(e) de Zoé Lefèvre" in sub and "Pouvoir" not in sub
    guest = letters["Ines Test"]
    assert "Objet : invitation" in guest and "invité(e) permanent(e)" in guest
    assert "pouvoir" not in guest.lower() and "voix" not in guest
    assert "voix consultative" in letters["Paul Test"] and "Pouvoir" not in letters["Paul Test"]
    ines = next(a for a in plan.conv.addressees if a.name == "Ines Test")
    assert convocations.subject(plan, ines).startswith("Invitation")
    invite = Calendar.from_ical(convocations.attachments(plan, store.db, ines)[-1].load())
    assert invite.walk("VEVENT")[0]["ATTENDEE"].params["ROLE"] == "OPT-PARTICIPANT"


def test_no_proxy_where_the_body_allows_none(store, meeting, tmp_path):
    body_id = meetings.get(store.db, meeting).body_id
    bodies.update_body(store, body_id, proxies_per_holder=0)
    plan = convocations.prepare(store.db, meeting, today=TODAY)
    letter = text_of(convocations.attachments(plan, store.db, plan.email[0])[0].load())
    assert "Pouvoir" not in letter and "formulaire" not in letter
    assert "ne prévoient pas de pouvoir" in letter


def test_letters_bear_the_recorded_sending_date_and_warn_when_late(store, meeting):
    notice.record_sent(store, meeting, "2026-11-27")
    plan = convocations.prepare(store.db, meeting, today=dt.date(2026, 12, 4))
    assert plan.conv.letter_date == dt.date(2026, 11, 27) and not plan.conv.late
    letter = text_of(convocations.attachments(plan, store.db, plan.email[0])[0].load())
    assert "Le vendredi 27 novembre 2026" in letter
    store.db.execute("UPDATE meetings SET notice_sent_on = NULL WHERE id = ?", [meeting])
    store.conn.commit()
    late = convocations.prepare(store.db, meeting, today=dt.date(2026, 12, 7)).conv
    assert late.late and late.clear_days == 2
    warning = late.late_warning()
    assert late.deadline.strftime("%d/%m/%Y") in warning and "2 jours francs" in warning


def test_size_limit_offers_merge_or_leave_the_largest_out(store, meeting, tmp_path):
    big = tmp_path / "Etude-filiere.pdf"
    big.write_bytes(pdf_bytes(2, filler=300_000))
    annexes.attach(store, meeting, big)
    plan = convocations.prepare(store.db, meeting, size_limit=200_000, today=TODAY)
    assert plan.over_limit and plan.message_size > 200_000
    merged = convocations.prepare(store.db, meeting, mode="merge", today=TODAY)
    assert [a.name for a in merged.annex_attachments] == ["documents-seance-2026-12-10.pdf"]
    assert len(PdfReader(io.BytesIO(merged.annex_attachments[0].load())).pages) == 5
    linked = convocations.prepare(
        store.db, meeting, mode="link", size_limit=200_000, location="sur l'extranet", today=TODAY
    )
    assert not linked.over_limit and [a.name for a in linked.left_out] == ["Etude-filiere.pdf"]
    zoe = linked.email[0]
    files = convocations.attachments(linked, store.db, zoe)
    assert "Etude-filiere.pdf" not in [f.name for f in files]
    letter = text_of(files[0].load())
    assert "sur l'extranet" in letter and "« Etude-filiere.pdf »" in letter
    assert "Etude-filiere.pdf" in convocations.message_text(linked, zoe)


def test_a_line_break_in_a_stored_name_never_reaches_a_header(store, meeting, tmp_path):
    store.db.execute(
        "UPDATE people SET last_name = 'Lefèvre\r\nBcc: intrus@exemple.fr' WHERE email != ''"
    )
    store.db.execute("UPDATE bodies SET name = 'Bureau\nX-Injected: 1'")
    store.conn.commit()
    result = convocations.write_all(store.db, meeting, tmp_path / "out", today=TODAY)
    raw = result.drafts[0].read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Bcc"] is None and message["X-Injected"] is None
    assert message["To"].addresses[0].addr_spec == "zoe@exemple.fr"
    assert "\n" not in message["Subject"] and message.defects == []
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in head and b"\nX-Injected" not in head
    invite = next(p for p in message.iter_attachments() if p.get_filename() == "invitation.ics")
    event = Calendar.from_ical(invite.get_content()).walk("VEVENT")[0]
    assert "\n" not in str(event["ATTENDEE"].params["CN"])


def test_invitation_time_zone_uid_sequence_and_cancel(store, meeting):
    first = Calendar.from_ical(ics.invitation(store.db, meeting))
    assert [tz["TZID"] for tz in first.walk("VTIMEZONE")] == ["Europe/Paris"]
    event = first.walk("VEVENT")[0]
    uid = str(event["UID"])
    import socket

    assert socket.gethostname() not in uid and str(meeting) in uid
    assert event["SEQUENCE"] == 0
    meetings.update(store, meeting, starts_at="11/12/2026 18:00", ends_at="11/12/2026 20:00")
    moved = Calendar.from_ical(ics.invitation(store.db, meeting)).walk("VEVENT")[0]
    assert str(moved["UID"]) == uid and moved["SEQUENCE"] == 1
    meetings.update(store, meeting, notes="Prévoir un vidéoprojecteur")  # not a move
    assert Calendar.from_ical(ics.invitation(store.db, meeting)).walk("VEVENT")[0]["SEQUENCE"] == 1
    meetings.set_status(store, meeting, "cancelled")
    cancel = Calendar.from_ical(ics.invitation(store.db, meeting))
    assert str(cancel["METHOD"]) == "CANCEL"
    event = cancel.walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 2
    assert str(event["UID"]) == uid


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
    assert len(cal.walk("VTIMEZONE")) == 1
    assert str(events[0]["SUMMARY"]).startswith("Bureau — ")
    assert events[1].decoded("dtend") - events[1].decoded("dtstart") == dt.timedelta(hours=2)


def test_no_convocation_for_a_postponed_meeting(store, meeting, tmp_path):
    meetings.postpone(store, meeting, "17/12/2026 18:00")
    with pytest.raises(UserError, match="reportée"):
        convocations.write_all(store.db, meeting, tmp_path / "out")
