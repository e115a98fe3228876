"""The Membres listing found in SQL (ess_desk.membership.listing) gives the rows, the filter and
the orders that the table gave when it held every row and filtered and sorted them in Python."""

from __future__ import annotations

import datetime as dt

import pytest

from ess_desk.membership import organisations, people
from ess_desk.membership.listing import NO_END, SORTS, MemberListing
from ess_desk.membership.roster import member_rows
from ess_desk.text import fold

AT = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from ess_desk.demo import fill_demo
    from ess_desk.store import open_store

    store = open_store(tmp_path_factory.mktemp("listing") / "demo.sqlite")
    fill_demo(store, "small")
    # Names that sort and fold in awkward ways, an organisation of the same folded name, a
    # person whose key another program removed (read through ess_fold).
    org = organisations.create(store, name="Œuvre d'Été")
    people.create(store, first_name="élise", last_name="ÉCHO", organisation_id=org)
    people.create(store, first_name="Elise", last_name="echo", email="E_cho%@ex.fr")
    people.create(store, first_name="Zoé", last_name="Écho-Bis")
    lone = people.create(store, first_name="Anaïs", last_name="Ébène")
    with store.write() as db:
        db.execute("UPDATE people SET last_name = 'Ébènes' WHERE id = ?", [lone])
    yield store
    store.close()


def reference(db, words, include_archived, column, descending):
    """The table's former rule, written again here: folded cells, every word in one of them,
    sorted by (cell, last name, first name), the query's order among equals."""
    rows = member_rows(db, AT, include_archived=True)
    kept = []
    for r in rows:
        cells = r.cells()
        folded = [fold(c) for c in cells]
        if not include_archived and r.archived:
            continue
        if not all(any(w in f for f in folded) for w in words):
            continue
        key = folded[column] if column != 6 else (r.next_end or NO_END)
        kept.append(((key, folded[0], folded[1]), r.person_id))
    kept.sort(key=lambda k: k[0], reverse=descending)
    return [pid for _key, pid in kept]


@pytest.mark.parametrize("column", range(len(SORTS)))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_both_ways_is_the_table_s_former_order(demo, column, descending):
    listing = MemberListing(demo.db, AT)
    for include_archived in (False, True):
        got = listing.ids((), include_archived, SORTS[column], descending)
        assert got == reference(demo.db, (), include_archived, column, descending)


@pytest.mark.parametrize(
    "words",
    [
        ("echo",),
        ("ete",),
        ("e_cho%",),
        ("ebenes",),
        ("conseil",),
        ("president",),
        ("2026",),
        ("/20",),
        ("martin", "conseil"),
        ("zzzz",),
    ],
)
def test_the_filter_keeps_the_rows_the_table_kept(demo, words):
    listing = MemberListing(demo.db, AT)
    for include_archived in (False, True):
        got = listing.ids(words, include_archived, "organisation", False)
        assert got == reference(demo.db, words, include_archived, 2, False)


def test_rows_are_the_roster_s_rows_in_the_order_asked(demo):
    listing = MemberListing(demo.db, AT)
    expected = {r.person_id: r for r in member_rows(demo.db, AT, include_archived=True)}
    ids = listing.ids((), True, "email", True)
    assert listing.rows(ids[:130]) == [expected[i] for i in ids[:130]]
    assert listing.rows([ids[3], 999_999, ids[1]]) == [expected[ids[3]], expected[ids[1]]]
    total, active = listing.counts()
    assert total == len(expected)
    assert active == sum(1 for r in expected.values() if not r.archived)
