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


def _typed(text: str) -> list[tuple[str, ...]]:
    """The filter's words after each key as `text` is typed, then erased letter by letter."""
    ends = [*range(1, len(text) + 1), *range(len(text) - 1, 0, -1)]
    return [tuple(fold(text[:end]).split()) for end in ends]


@pytest.mark.parametrize(
    "text", ["Écho", "ébènes", "Œuvre d'été", "e_cho%@", "conseil", "Président", "martin cons"]
)
def test_a_word_typed_key_by_key_keeps_the_rows_the_table_kept(demo, text):
    """Each key asks the same listing again: a longer word is looked for among the texts the
    shorter one found (listing.MemberListing._holding), a single letter in the database; at
    every key, typing or erasing, the rows are the table's former rule's."""
    listing = MemberListing(demo.db, AT)
    for words in _typed(text):
        for include_archived in (False, True):
            got = listing.ids(words, include_archived, "last_name", False)
            assert got == reference(demo.db, words, include_archived, 0, False), words


def test_words_typed_one_after_another_keep_the_rows_the_table_kept(demo):
    """Random pieces of the rows' own cells typed key by key into one listing, as a secretary
    types and erases: each answer is the table's former rule's (the texts kept by word are
    looked in for every word that holds a word asked before, whichever)."""
    import random

    rows = member_rows(demo.db, AT, include_archived=True)
    cells = [fold(c) for r in rows for c in r.cells() if c]
    chance = random.Random(17)
    listing = MemberListing(demo.db, AT)
    for _i in range(25):
        cell = chance.choice(cells)
        start = chance.randrange(len(cell))
        text = cell[start : start + chance.randint(1, 6)]
        for words in _typed(text):
            got = listing.ids(words, False, "first_name", True)
            assert got == reference(demo.db, words, False, 1, True), words


def test_rows_without_keys_are_found_key_by_key(tmp_path):
    """A person and an organisation whose folded keys another program's write removed: found
    by their cells folded in the listing, typed key by key."""
    from ess_desk.store import open_store

    store = open_store(tmp_path / "conseil.sqlite")
    org = organisations.create(store, name="Scop Durand")
    for first, last in (("Anne", "Martin"), ("Paul", "Petit")):
        people.create(store, first_name=first, last_name=last, organisation_id=org)
    other = people.create(store, first_name="Zoé", last_name="Aubert")
    people.create(store, first_name="Luc", last_name="Dupuis")
    with store.write() as db:
        db.execute("UPDATE organisations SET name = 'Scop Dupont-Été' WHERE id = ?", [org])
        db.execute("UPDATE people SET last_name = 'Dupondt' WHERE id = ?", [other])
    try:
        for text in ("dupont", "été", "dupond", "scop", "dup"):
            listing = MemberListing(store.db, AT)
            for words in _typed(text):
                got = listing.ids(words, True, "last_name", False)
                assert got == reference(store.db, words, True, 0, False), words
    finally:
        store.close()


def test_rows_are_the_roster_s_rows_in_the_order_asked(demo):
    listing = MemberListing(demo.db, AT)
    expected = {r.person_id: r for r in member_rows(demo.db, AT, include_archived=True)}
    ids = listing.ids((), True, "email", True)
    assert listing.rows(ids[:130]) == [expected[i] for i in ids[:130]]
    assert listing.rows([ids[3], 999_999, ids[1]]) == [expected[ids[3]], expected[ids[1]]]
    total, active = listing.counts()
    assert total == len(expected)
    assert active == sum(1 for r in expected.values() if not r.archived)


@pytest.mark.parametrize("first", [1, 5, 64])
def test_orders_read_their_first_ids_first_are_the_same_orders(demo, monkeypatch, first):
    """An order longer than FIRST_IDS is read in two steps (listing.Order): its length and first
    ids, then the rest; every order, both ways, is the one read at once."""
    from ess_desk.membership import listing as listing_module

    monkeypatch.setattr(listing_module, "FIRST_IDS", first)
    for column in range(len(SORTS)):
        for descending in (False, True):
            listing = MemberListing(demo.db, AT)
            for include_archived in (False, True):
                got = listing.ids((), include_archived, SORTS[column], descending)
                expected = reference(demo.db, (), include_archived, column, descending)
                assert len(got) == len(expected)
                assert list(got[:first]) == expected[:first]
                assert list(got) == expected


def test_an_order_reads_the_rest_only_when_asked_past_its_first_ids():
    from ess_desk.membership.listing import Order

    asked: list[int] = []

    def rest() -> list[int]:
        asked.append(1)
        return [10, 11, 12, 13, 14, 15]

    order = Order([10, 11, 12], 6, rest)
    assert len(order) == 6 and order[0] == 10 and order[2] == 10 + 2
    assert order[0:3] == [10, 11, 12] and order[1:2] == [11] and order[2:0:-1] == [12, 11]
    assert asked == []
    assert order[-1] == 15  # the last one: past the first ids
    assert asked == [1]
    assert list(order) == [10, 11, 12, 13, 14, 15] and order[3:] == [13, 14, 15]
    assert asked == [1]  # read once
    for reach in (lambda o: o[3], lambda o: o[1:4], lambda o: list(o), lambda o: 14 in o):
        asked.clear()
        reach(Order([10, 11, 12], 6, rest))
        assert asked == [1]
    with pytest.raises(IndexError):
        Order([10], 1, None)[1]


def test_an_order_keeps_the_length_it_was_given_when_people_came_or_went():
    """Another program's write between the first ids and the rest: the length the table was
    given stands; a place left over holds id 0 (no one: an empty row until the next reading)."""
    from ess_desk.membership.listing import Order

    assert list(Order([1, 2], 4, lambda: [1, 2, 3])) == [1, 2, 3, 0]
    assert list(Order([1, 2], 3, lambda: [1, 2, 3, 4, 5])) == [1, 2, 3]


def test_the_ids_given_first_keep_their_places_when_the_rest_is_read():
    """Someone sorted among the first ids came, or one of them went, before the rest was read:
    the rows the table already showed (and the selection standing on them) hold the same people,
    and nobody is listed twice."""
    from ess_desk.membership.listing import Order

    came = Order([1, 2, 3], 5, lambda: [9, 1, 2, 3, 4, 5])
    assert [came[0], came[1], came[2]] == [1, 2, 3]
    assert list(came) == [1, 2, 3, 9, 4]
    went = Order([1, 2, 3], 5, lambda: [1, 3, 4, 5])
    assert went[:3] == [1, 2, 3]
    assert list(went) == [1, 2, 3, 4, 5]
    assert list(Order([1, 2, 3], 5, lambda: [2, 3])) == [1, 2, 3, 0, 0]
    assert list(Order([1, 2, 3], 2, lambda: [1, 2])) == [1, 2]  # went before the count


def test_a_table_s_first_rows_stay_when_someone_comes_before_the_rest_is_read(
    tmp_path, monkeypatch
):
    """A person sorted first is added between the table's first ids and the rest: the rows
    given first still hold their people, each person once."""
    from ess_desk.membership import listing as listing_module
    from ess_desk.store import open_store

    monkeypatch.setattr(listing_module, "FIRST_IDS", 3)
    store = open_store(tmp_path / "conseil.sqlite")
    for name in ("Martin", "Bernard", "Durand", "Petit", "Robert"):
        people.create(store, first_name="Anne", last_name=name)
    order = MemberListing(store.db, AT).ids((), True, "last_name", False)
    first = order[:3]
    assert len(order) == 5
    newcomer = people.create(store, first_name="Anne", last_name="Aubert")
    ids = list(order)
    store.close()
    assert ids[:3] == first  # Bernard, Durand, Martin
    assert ids[3] == newcomer  # then the rest as read again, without them
    assert len(ids) == len(set(ids)) == 5


def test_the_counts_come_from_the_order_read_first(demo, monkeypatch):
    from ess_desk.membership import listing as listing_module

    monkeypatch.setattr(listing_module, "FIRST_IDS", 3)
    expected = {r.person_id: r for r in member_rows(demo.db, AT, include_archived=True)}
    active = sum(1 for r in expected.values() if not r.archived)
    for first_order in (False, True):
        listing = MemberListing(demo.db, AT)
        listing.ids((), first_order, "last_name", False)
        assert listing.counts() == (len(expected), active)
