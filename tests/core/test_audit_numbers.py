"""The keys of where a phone number may end in the audit log's copies (migration 0018): every
writing the matcher finds has its number's key; the entries a person's file and anonymisation
read through the keys are those the scan of every copy gave; the keys follow every write."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk import audit
from ess_desk.membership import people
from ess_desk.privacy.matching import Identity, Matcher, audit_entries
from ess_desk.store import audit_numbers, database, open_store
from tests import schemas
from tests.core.test_minutes import build_council
from tests.core.test_privacy import WRITINGS

PHONES = ("07 98 76 54 32", "06 11 22 33 44", "+33 6 30 19 91 57", "12 34 56", "01-02-03-04-05-06")
SEPARATORS = [
    "",
    "",
    "",
    " ",
    " ",
    " ",
    ".",
    "-",
    "\u00a0",
    "\u202f",
    "\t",
    "\u2009",
    "\n",
    "  ",
    "/",
    "_",
]
AROUND = ["", "tél", "tél.", "Tél:", "x", "7", "٣", "+", "(", ")", "0", " ", "é", "\u00a0", "-"]


def _writings(rng: random.Random, digits: str, count: int) -> list[str]:
    """The number's digits written as people (and typos) write them, glued to letters, digits
    of any script and signs, in the plain and the « +33 » forms."""
    forms = [("", digits)]
    if len(digits) == 10 and digits.startswith("0"):
        forms += [(p, digits[1:]) for p in ("+33", "+33 ", "+33 (0)", "+33 0", "+33(0) ", "33")]
    out = []
    for _n in range(count):
        prefix, body = rng.choice(forms)
        pieces = [d + rng.choice(SEPARATORS) for d in body[:-1]] + [body[-1]]
        out.append(rng.choice(AROUND) + prefix + "".join(pieces) + rng.choice(AROUND))
    return out


def _matcher(phone: str) -> Matcher:
    return Matcher(Identity(1, "Mme", "Zoé", "Secrète", "", phone))


def _key(phone: str) -> int:
    digits = "".join(c for c in phone if c.isdigit())
    key = audit_numbers.key(digits)
    assert key is not None
    return key


def test_every_writing_the_matcher_finds_has_the_numbers_key():
    rng = random.Random(18)
    for phone in PHONES:
        matcher, key = _matcher(phone), _key(phone)
        digits = "".join(c for c in phone if c.isdigit())
        texts = _writings(rng, digits, 400)
        found = [t for t in texts if matcher.search_phone(t)]
        assert len(found) > 20, phone  # many are found…
        assert len(found) < len(texts), phone  # …not all (two separators, a digit glued after)
        for text in found:
            assert key in audit_numbers.number_keys(text), (phone, text)
            # …wherever it sits in a longer text, a JSON copy included.
            copy = f'{{"id": 551, "notes": "Réunion du 2025-03-04 ; {text} !", "n": 12345678}}'
            assert key in audit_numbers.number_keys(copy), (phone, copy)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .-+()\u00a0\t٣x/é", max_size=40), st.sampled_from(PHONES))
def test_any_text_the_phone_is_found_in_has_its_key(text, phone):
    matcher = _matcher(phone)
    digits = "".join(c for c in phone if c.isdigit())
    for candidate in (text, text + digits, digits + text, text[:7] + phone + text[7:]):
        if matcher.search_phone(candidate):
            assert _key(phone) in audit_numbers.number_keys(candidate)


def test_keys_of_a_text():
    keys = audit_numbers.number_keys
    assert keys("Appeler le 07 98 76 54 32.") == {987654, 765432, 79876}
    assert keys("le 2025-03-04") == {202503, 250304}
    assert keys("n° 12345, 2 et 3") == set()
    assert keys("0612345678٣") == set()  # followed by a digit of another script
    assert keys("tél0612345678x") == {612345678 % 1_000_000}
    assert keys("") == keys(None) == set()


def _entries(store, person_id: int, matcher: Matcher) -> list[tuple]:
    """The entries a person's file keeps (theirs, and those whose copies name them), with
    whether the copies name them; the copies as handed over."""
    columns = "id, entity, entity_id"
    return [
        (row["id"], found, row["before"], row["after"])
        for row, found in audit_entries(store.db, person_id, [], matcher, columns)
        if found or (row["entity"], row["entity_id"]) == ("person", person_id)
    ]


LONG_TEXT = "Séance du 2025-03-04 à 18.30, 12 345 voix. " * 120  # copies keyed when this long


def test_entries_through_the_keys_are_the_entries_of_the_scan(store):
    c = build_council(store)
    zoe = c["people"]["Zoé"]
    people.update(store, zoe, phone="07 98 76 54 32")
    rng = random.Random(17)
    texts = WRITINGS + _writings(rng, "0798765432", 200)
    texts += [f"Le 2025-03-04, {t} ; réf. 987654-32" for t in _writings(rng, "0798765432", 50)]
    with store.write() as db:
        for n, text in enumerate(texts):
            # Half of them long (keyed), half short (read by their text).
            padded = {"text": text, "n": n, "notes": LONG_TEXT if n % 2 else ""}
            audit.record(db, "note", 1000 + n, "create", None, padded)
            if n % 3 == 0:
                audit.record(db, "note", 1000 + n, "update", padded, {**padded, "x": text})
    keyed = database.count(store.db, "SELECT COUNT(*) FROM audit_numbered")
    assert keyed >= len(texts) // 2
    matcher = Matcher(Identity.of(store.db, zoe))
    through_keys = _entries(store, zoe, matcher)
    assert sum(found for _id, found, _b, _a in through_keys) > 10
    # Every entry read by its text (as before the keys): the same entries, the same copies.
    with store.write() as db:
        db.execute("DELETE FROM audit_numbered")
        assert _entries(store, zoe, matcher) == through_keys
        db.execute("DELETE FROM audit_numbers")
        assert _entries(store, zoe, matcher) == through_keys
    # And what the matcher finds in every copy is what the keys hand over.
    notes = {
        r["id"]: r
        for r in database.rows(
            store.db, "SELECT id, before, after FROM audit_log WHERE entity = 'note'"
        )
    }
    everything = {
        i for i, r in notes.items() if matcher.search(r["before"]) or matcher.search(r["after"])
    }
    assert everything == {i for i, found, _b, _a in through_keys if found and i in notes}


def test_the_keys_follow_every_write(store):
    build_council(store)
    db = store.db

    def keyed(entry_id: int) -> set[int]:
        return set(
            database.column(db, "SELECT number FROM audit_numbers WHERE entry_id = ?", [entry_id])
        )

    def marked(entry_id: int) -> int:
        return database.count(
            db, "SELECT COUNT(*) FROM audit_numbered WHERE entry_id = ?", [entry_id]
        )

    with store.write() as w:
        audit.record(w, "note", 1, "create", None, {"text": "tél. 07 98 76 54 32", "n": LONG_TEXT})
    last = database.count(db, "SELECT MAX(id) FROM audit_log")
    assert 765432 in keyed(last) and 250304 in keyed(last) and marked(last)
    with store.write() as w:
        audit.record(w, "note", 2, "create", None, {"text": "tél. 07 98 76 54 32"})
    assert not keyed(last + 1) and not marked(last + 1)  # short: read by its text
    with store.write() as w:
        audit.redact(w, last, None, f'{{"text": "tél. 06 11 22 33 44", "n": "{LONG_TEXT}"}}')
    assert 223344 in keyed(last) and 765432 not in keyed(last)
    with store.write() as w:
        audit.amend_last(
            w, last + 1, dt.datetime.now().isoformat(), {"t": "01 02 03 04 05" + LONG_TEXT}
        )
    assert {10203, 20304, 30405} <= keyed(last + 1)
    # Plain SQL: the keys go, the entry is read by its text.
    with store.write() as w:
        w.execute("UPDATE audit_log SET after = '{}' WHERE id = ?", [last])
    assert not keyed(last) and not marked(last)
    with store.write() as w:
        w.execute("DELETE FROM audit_log WHERE id = ?", [last + 1])
    assert not keyed(last + 1) and not marked(last + 1)


def test_entries_written_in_bulk_are_keyed_as_one_by_one(store):
    """In a bulk write (store.bulk.indexed_in_bulk) the numbers' insert trigger is set aside: a
    mark left for an id the block then writes is forgotten all the same, the long entries are
    keyed and marked, and the trigger is back as it was afterwards."""
    from ess_desk.store.bulk import indexed_in_bulk

    build_council(store)
    db = store.db
    triggers = database.rows(
        db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    )
    first = database.count(db, "SELECT MAX(id) + 1 FROM audit_log")
    with store.write() as w:  # a mark whose entry is gone (written behind the program's back)
        w.execute("INSERT INTO audit_numbered (entry_id) VALUES (?)", [first + 1])
    with store.write() as w, indexed_in_bulk(w, "audit_log"):
        audit.record_many(
            w,
            "note",
            "create",
            [
                (1, None, audit.as_json({"text": "tél. 07 98 76 54 32", "n": LONG_TEXT})),
                (2, None, '{"text": "court"}'),
                (3, None, audit.as_json({"text": "06 11 22 33 44 " + LONG_TEXT})),
            ],
        )
    marked = database.column(
        db, "SELECT entry_id FROM audit_numbered WHERE entry_id >= ? ORDER BY 1", [first]
    )
    assert marked == [first, first + 2]
    keyed = database.column(db, "SELECT number FROM audit_numbers WHERE entry_id = ?", [first])
    assert 765432 in keyed
    assert [
        tuple(r)
        for r in database.rows(
            db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        )
    ] == [tuple(r) for r in triggers]
    # The trigger works again for what follows.
    with store.write() as w:
        w.execute("INSERT INTO audit_numbered (entry_id) VALUES (?)", [first + 3])
        audit.record(w, "note", 4, "create", None, {"text": "court"})
    assert not database.count(
        db, "SELECT COUNT(*) FROM audit_numbered WHERE entry_id = ?", [first + 3]
    )


def test_released_file_migrates_with_its_long_entries_keyed(tmp_path):
    with open_store(schemas.copied(tmp_path, "0014_dashboard_indexes.sqlite")) as store:
        db = store.db
        long = {
            r["id"]: r
            for r in database.rows(db, "SELECT id, before, after FROM audit_log")
            if audit_numbers.is_long(r["before"], r["after"])
        }
        assert long
        assert set(database.column(db, "SELECT entry_id FROM audit_numbered")) == set(long)
        expected = {
            (k, i)
            for i, r in long.items()
            for k in audit_numbers.number_keys(r["before"]) | audit_numbers.number_keys(r["after"])
        }
        kept = {
            (r["number"], r["entry_id"])
            for r in database.rows(db, "SELECT number, entry_id FROM audit_numbers")
        }
        assert kept == expected and kept
