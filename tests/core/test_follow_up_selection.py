"""The pack's follow-up section: the body's open actions overdue or due by its next meeting,
and a line counting the others (the large demo's section ran to 90 pages)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from ess_desk.actions import actions, review
from ess_desk.documents import pack
from ess_desk.meetings import meetings
from tests.core.test_pack import TODAY, page_texts, prepare
from tests.documents import plain


def test_the_pack_lists_what_is_due_by_the_next_meeting_and_counts_the_rest(store, tmp_path):
    council = prepare(store, tmp_path)
    body, meeting = council["body"], council["second"]
    nxt = meetings.create(store, body_id=body, starts_at="11/02/2027 18:00")
    del nxt
    soon = actions.create(
        store,
        body_id=body,
        title="Due avant la séance suivante",
        owner_person_id=council["people"]["Hélène"],
        today=TODAY,
        due_date="2027-02-01",
    )
    later = actions.create(
        store,
        body_id=body,
        title="Due bien plus tard",
        owner_person_id=council["people"]["Hélène"],
        today=TODAY,
        due_date="2027-09-01",
    )
    undated = actions.create(
        store,
        body_id=body,
        title="Sans échéance",
        owner_person_id=council["people"]["Hélène"],
        today=TODAY,
    )
    rows = review.review_list(store.db, meeting, dt.date(2027, 1, 14))
    chosen = review.for_the_pack(store.db, meeting, rows)
    ids = {r.id for r in chosen.rows}
    assert soon in ids and later not in ids and undated not in ids
    assert chosen.next_meeting and chosen.until == dt.date(2027, 2, 11)
    assert chosen.others == len(rows) - len(chosen.rows) >= 2
    result = pack.build(store.db, meeting, tmp_path / "d.pdf", today=TODAY)
    text = plain(" ".join(page_texts(PdfReader(result.path))))
    assert "Due avant la séance suivante" in text and "Due bien plus tard" not in text
    assert "d'ici la prochaine séance (11/02/2027)" in text
    assert f"{chosen.others} autres actions ouvertes de l'instance" in text
