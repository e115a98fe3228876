"""Consent flags are honoured by every public export: a person who did not consent to publication
is named nowhere in the public minutes (PDF and DOCX), the public meeting pack and the annual
activity report, wherever the record holds their name (lists, presenters, actions, free texts);
nor are anyone's contact details printed."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.actions import actions, updates
from ess_desk.cli import main
from ess_desk.documents import activity_report, minutes_pdf, pack
from ess_desk.exchange import minutes_docx
from ess_desk.minutes import minutes as mn
from ess_desk.report import figures
from tests.core.test_minutes import approved, build_council, draft
from tests.core.test_minutes_documents import docx_text, pdf_text

# Every name of a person without consent in the council (and an external guest, who never gave
# any), then everyone's contact details.
HIDDEN = ["Zoé", "Secrète", "Inès", "Discrète", "Sacha", "Remplaçant", "Gaëlle", "Paul Extérieur"]
CONTACTS = ["@exemple.fr", "06 12 34 56 78"]
# Someone who consented, to prove the documents do name people.
SHOWN = ["Hélène Martin", "François Durand"]
# The day the exports are made: after both meetings of the test council.
TODAY = dt.date(2027, 2, 1)


@pytest.fixture(params=["draft", "approved"])
def council(request, store):
    """The minutes test council, with the people without consent also in free texts: the
    secretary, an agenda item's presenter, an action they carry and a follow-up they wrote."""
    c = build_council(store)
    p = c["people"]
    (draft if request.param == "draft" else approved)(store, c)
    action = actions.create(
        store,
        today=dt.date(2026, 12, 10),
        body_id=c["body"],
        title="Rédiger la note budgétaire avec Inès Discrète",
        description="Zoé Secrète coordonne ; contact zoe@exemple.fr.",
        owner_person_id=p["Zoé"],
        due_date="2027-03-01",
        meeting_id=c["first"],
        item_id=c["budget"],
    )
    updates.record(
        store,
        action,
        status="in_progress",
        progress=20,
        comment="Premier jet relu par Sacha Remplaçant.",
        author_person_id=p["Zoé"],
        on_date="2027-01-14",
        today=TODAY,
    )
    minutes = mn.get_minutes(store.db, c["first"])
    if minutes is not None and minutes.status == "draft":
        mn.update(store, minutes.id, secretary="Inès Discrète")
    c["state"] = request.param
    return c


def assert_public(text: str) -> None:
    for hidden in HIDDEN + CONTACTS:
        assert hidden not in text, hidden
    for shown in SHOWN:
        assert shown in text, shown


def test_public_minutes_pdf_and_docx(store, council, tmp_path):
    pdf = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf", public=True))
    docx = docx_text(
        minutes_docx.write(store.db, council["first"], tmp_path / "pv.docx", public=True)
    )
    for text in (pdf, docx):
        assert_public(text)
        assert "un membre du collège Structures de l'ESS" in text
    # The members' version does name them: the test council puts them where they must be hidden.
    full = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "full.pdf"))
    assert "Zoé Secrète" in full


def test_public_minutes_from_the_command_line(store, council, db_path, tmp_path):
    store.close()
    for suffix, read in ((".pdf", pdf_text), (".docx", docx_text)):
        out = tmp_path / f"public{suffix}"
        args = ["--db", str(db_path), "export-minutes", str(council["first"]), "-o", str(out)]
        assert main([*args, "--public"]) == 0
        assert_public(read(out))


def test_consent_withdrawn_after_approval_is_honoured(store, council, tmp_path):
    """Consent is read at export time: approved minutes keep the name, the public copy drops it."""
    from ess_desk.membership import people

    people.update(store, council["people"]["François"], consent_publish=False)
    text = pdf_text(minutes_pdf.build(store.db, council["first"], tmp_path / "p.pdf", public=True))
    assert "François" not in text and "Durand" not in text


def test_public_meeting_pack(store, council, tmp_path):
    for meeting in (council["first"], council["second"]):
        path = tmp_path / f"pack-{meeting}.pdf"
        pack.build(store.db, meeting, path, variant="public", today=TODAY)
        text = pdf_text(path)
        for hidden in HIDDEN + CONTACTS:
            assert hidden not in text, (meeting, hidden)
    members = tmp_path / "membres.pdf"
    pack.build(store.db, council["first"], members, variant="membre", today=TODAY)
    assert "Secrète" in pdf_text(members)


def test_annual_activity_report(store, council, tmp_path):
    for year in (2026, 2027):
        period = figures.resolve_period(year=year, today=TODAY)
        path = activity_report.build(
            store.db, council["body"], period, tmp_path / f"r{year}.pdf", TODAY
        )
        text = pdf_text(path)
        for hidden in HIDDEN + CONTACTS:
            assert hidden not in text, (year, hidden)
