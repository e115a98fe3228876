"""Tamper evidence (issue 18, item 16): the audit log is a hash chain written by one writer; each
backup records its head and approved minutes print it; `check` finds an entry changed, removed
or slipped in, compares the file with its backups and names the first entry that differs, and
finds approved minutes rewritten behind the program's back. An anonymisation keeps the chain, and
can be carried into every backup."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ess_desk
from ess_desk import audit
from ess_desk.cli import main
from ess_desk.integrity import check_audit_chain, check_council
from ess_desk.membership import people
from ess_desk.minutes import minutes as mn
from ess_desk.minutes import record as rec
from ess_desk.privacy import anonymise, backups
from ess_desk.store import backup as backupmod
from ess_desk.store import chain
from tests.core.test_minutes import approved, build_council

CORE = Path(ess_desk.__file__).parent


def _people(store, n):
    return [people.create(store, first_name=f"Prénom{i}", last_name=f"Nom{i}") for i in range(n)]


def _copy(store, name="20261201-090000"):
    return backupmod.copy_database(
        store.conn,
        backupmod.backup_dir(store.path) / f"{store.path.stem}-{name}-manuelle.sqlite",
        kind=backupmod.MANUAL,
        source=store.path,
        taken_at=dt.datetime.strptime(name, "%Y%m%d-%H%M%S"),
    )


def _raw(store):
    """A connection of someone working on the file behind the program's back."""
    return sqlite3.connect(store.path, isolation_level=None)


def test_every_entry_carries_the_hash_of_the_one_before(store):
    _people(store, 3)
    rows = store.conn.execute("SELECT id, prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    assert len(rows) == 3 and rows[0][1] == chain.GENESIS
    assert [r[1] for r in rows[1:]] == [r[2] for r in rows[:-1]]
    assert all(re.fullmatch("[0-9a-f]{64}", r[2]) for r in rows)
    assert chain.first_break(store.conn) is None
    assert audit.head(store.db) == (rows[-1][0], rows[-1][2])


def test_one_writer_of_the_audit_log():
    """Every entry goes through ess_desk.store.chain (audit.record / record_many): no other
    module writes the log, the demo's and the import's bulk writes included."""
    writers = {
        str(path.relative_to(CORE))
        for path in CORE.rglob("*.py")
        if re.search(r"(INSERT INTO|UPDATE)\s+audit_log", path.read_text(encoding="utf-8"))
    }
    assert writers == {"store/chain.py", "audit.py"}


def test_the_import_writes_chained_entries(store, tmp_path):
    from ess_desk.exchange import members_import
    from ess_desk.membership import bodies

    plenary = bodies.create_body(store, name="Conseil", kind="plenary")
    bodies.create_college(store, plenary, name="Élus", seats=None)
    path = tmp_path / "membres.csv"
    rows = "".join(f"Nom{i};Prénom{i};Élus;01/01/2025;\n" for i in range(40))
    path.write_text(f"Nom;Prénom;Collège;Début de mandat;Fin de mandat\n{rows}", encoding="utf-8")
    members_import.apply_import(store, members_import.plan_import(store.db, path))
    assert store.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 80
    assert chain.first_break(store.conn) is None


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        (
            "UPDATE audit_log SET after = replace(after, 'Nom1', 'Autre') WHERE entity_id = 2",
            "le contenu de l'entrée n° 2",
        ),
        ("DELETE FROM audit_log WHERE id = 2", "juste avant l'entrée n° 3"),
        ("UPDATE audit_log SET hash = 'x' || substr(hash, 2) WHERE id = 3", "l'empreinte de"),
        ("UPDATE audit_log SET redacted = 1 WHERE id = 1", "marquée anonymisée"),
    ],
)
def test_check_names_the_entry_changed_behind_the_program_s_back(store, tamper, words):
    _people(store, 4)
    conn = _raw(store)
    conn.execute(tamper)
    conn.close()
    problems = check_audit_chain(store.db)
    assert problems and words in problems[0], problems


def _rechain_after(store, statement):
    """An attacker who knows the chain: change the log, then compute every hash again."""
    conn = _raw(store)
    conn.execute(statement)
    conn.execute("BEGIN")
    chain.rechain(conn)
    conn.execute("COMMIT")
    conn.close()


def test_a_log_rewritten_and_rechained_is_caught_by_the_backup(store, capsys):
    _people(store, 5)
    copy = _copy(store)
    _people(store, 2)
    _rechain_after(store, "UPDATE audit_log SET os_user = 'quelquun' WHERE id = 3")
    assert check_audit_chain(store.db) == []  # the chain alone holds again…
    store.close()
    assert main(["--db", str(store.path), "check"]) == 1
    out = capsys.readouterr().out
    # …but the backup names the first entry that differs.
    assert "l'entrée n° 3 du " in out and "quelquun" in out
    assert f"diffère de la sauvegarde du 01/12/2026 à 09:00 ({copy})" in out


def test_an_entry_removed_and_rechained_is_caught_by_the_backup(store):
    _people(store, 5)
    _copy(store)
    _rechain_after(store, "DELETE FROM audit_log WHERE id = 5")
    problems = check_council(store)
    assert any("l'entrée n° 5 du" in p and "a été retirée du fichier" in p for p in problems)


def test_each_backup_records_the_head_of_the_chain(store):
    _people(store, 3)
    copy = _copy(store)
    assert backupmod.recorded_head(copy) == audit.head(store.db)


def test_an_older_backup_s_head_catches_a_rewrite_the_newest_copy_already_holds(store):
    _people(store, 4)
    _copy(store, "20261201-090000")
    _rechain_after(store, "UPDATE audit_log SET at = '2020-01-01T00:00:00' WHERE id = 2")
    _copy(store, "20261202-090000")  # taken after the rewrite: agrees with the file
    problems = check_council(store)
    assert any("l'entrée n° 2 du 01/01/2020" in p and "01/12/2026" in p for p in problems)


def test_approved_minutes_rewritten_with_a_new_digest_are_caught(store):
    council = build_council(store)
    minutes_id = approved(store, council)
    _copy(store)
    conn = _raw(store)
    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
    for name in triggers:
        if "minutes" in name:
            conn.execute(f"DROP TRIGGER [{name}]")
    text = conn.execute("SELECT approved_text FROM minutes WHERE id = ?", [minutes_id]).fetchone()[
        0
    ]
    forged = text.replace("Budget 2027", "Budget 2028")
    conn.execute(
        "UPDATE minutes SET approved_text = ?, approved_sha256 = ? WHERE id = ?",
        [forged, rec.digest(forged), minutes_id],
    )
    conn.execute("UPDATE minutes_sections SET summary = summary")  # nothing else changes
    conn.close()
    problems = check_council(store)
    assert any("Le procès-verbal approuvé de la séance du 10/12/2026" in p for p in problems)


def test_approved_minutes_print_the_audit_entry_of_their_approval(store, tmp_path):
    from pypdf import PdfReader

    from ess_desk.documents import minutes_pdf

    council = build_council(store)
    minutes_id = approved(store, council)
    seal = mn.approval_seal(store.db, minutes_id)
    entry = store.conn.execute("SELECT entity, after FROM audit_log WHERE id = ?", [seal[0]])
    entity, after = entry.fetchone()
    assert entity == "minutes" and json.loads(after)["status"] == "approved"
    path = minutes_pdf.build(store.db, council["first"], tmp_path / "pv.pdf")
    with PdfReader(path) as pdf:
        # (typography: narrow no-break spaces before the colon, after « n° »)
        pages = [
            page.extract_text().replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
            for page in pdf.pages
        ]
    assert all(f"Journal : entrée n° {seal[0]} · {seal[1][:32]}" in text for text in pages)
    assert f"approbation inscrite à l'entrée n° {seal[0]}, empreinte de la chaîne" in "".join(
        pages
    ).replace("\n", " ")


def test_the_typing_session_of_the_minutes_keeps_the_chain(store):
    council = build_council(store)
    minutes_id = mn.start(store, council["first"])
    mn.save_section(store, minutes_id, council["budget"], "Première version.")
    _copy(store)
    mn.save_section(store, minutes_id, council["budget"], "Première version, complétée.")
    assert chain.first_break(store.conn) is None
    assert check_council(store) == []


# -- anonymisation and the backups ------------------------------------------------------------


def test_an_anonymisation_keeps_the_chain_and_lists_what_it_blanked(store):
    (anne, _other) = _people(store, 2)
    _copy(store)
    result = anonymise.anonymise(store, anne)
    assert result.audit_entries >= 1
    after = store.conn.execute(
        "SELECT after FROM audit_log WHERE action = 'anonymise' ORDER BY id DESC"
    ).fetchone()[0]
    redacted = json.loads(after)["redacted_entries"]
    assert redacted and all(
        store.conn.execute("SELECT redacted FROM audit_log WHERE id = ?", [i]).fetchone()[0]
        for i in redacted
    )
    assert check_council(store) == []  # the backup still holds the name: not a tampering


def test_the_person_is_purged_from_every_backup_and_the_report_says_what_remains(store, capsys):
    anne, other = _people(store, 2)
    older = _copy(store, "20261201-090000")
    newer = _copy(store, "20261202-090000")
    heads = {older: backupmod.recorded_head(older), newer: backupmod.recorded_head(newer)}
    store.close()
    assert main(["--db", str(store.path), "privacy", "--anonymise", str(anne)]) == 0
    out = capsys.readouterr().out
    assert f"privacy --purge-backups {anne}" in out
    assert main(["--db", str(store.path), "privacy", "--purge-backups", str(anne)]) == 0
    out = capsys.readouterr().out
    assert "sauvegardes de" in out and "anonymisées elles aussi" in out
    assert "Restent hors d'atteinte d'ESS Desk" in out
    for copy in (older, newer):
        raw = copy.read_bytes()
        assert b"Nom0" not in raw and b"Pr\xc3\xa9nom0" not in raw
        assert b"Nom1" in raw  # the other person is untouched
        with contextlib.closing(sqlite3.connect(copy)) as conn:
            assert chain.first_break(conn) is None
        # the entries up to the copy's head keep their hashes: the file still matches them
        assert backupmod.recorded_head(copy) == heads[copy]
    assert main(["--db", str(store.path), "check"]) == 0


def test_purging_before_anonymising_is_refused(store, capsys):
    (anne,) = _people(store, 1)
    _copy(store)
    store.close()
    assert main(["--db", str(store.path), "privacy", "--purge-backups", str(anne)]) == 1
    assert "anonymisez-la d'abord" in capsys.readouterr().err


def test_a_backup_the_person_is_not_in_is_said(store):
    _people(store, 1)
    _copy(store)
    late = people.create(store, first_name="Arrivée", last_name="Tardive")
    anonymise.anonymise(store, late)
    results = backups.purge_backups(store.path, [late])
    assert {r.outcome for r in results} == {backups.ABSENT}
    lines = backups.purge_summary(store.path, results)
    assert any("ne contenait pas la personne" in line for line in lines)


def _frame_as_first_written(parts) -> bytes:
    """The framing the chains already stored were hashed with (kept here to hold it fixed)."""
    out = []
    for part in parts:
        if part is None:
            out.append("-")
        else:
            text = str(part)
            out.append(f"{len(text)}:{text}")
    return "".join(out).encode("utf-8", "surrogatepass")


def test_the_framing_of_an_entry_never_changes():
    values = (
        st.none()
        | st.text()
        | st.integers()
        | st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
    )

    @settings(max_examples=300, derandomize=True)
    @given(st.lists(values, max_size=9))
    def same(parts):
        assert chain._frame(parts) == _frame_as_first_written(parts)

    same()
    assert chain.content_digest(None, '{"a": 1}') == (hashlib.sha256(b'-8:{"a": 1}').hexdigest())


def test_the_digest_from_utf8_bytes_is_the_digest_of_the_text():
    """`content_digest_utf8` hashes the bytes SQLite holds with the text's length in characters:
    the digest of the text, accented, astral, empty or None (the bytes given or left to it)."""

    @settings(max_examples=300, derandomize=True)
    @given(st.none() | st.text(), st.none() | st.text(), st.booleans())
    def same(before, after, given_bytes):
        def utf8(text):
            return None if text is None or not given_bytes else text.encode("utf-8")

        copies = ((before, utf8(before)), (after, utf8(after)))
        assert chain.content_digest_utf8(copies) == chain.content_digest(before, after)

    same()
    assert chain.content_digest_utf8((("é€😀", "é€😀".encode()), (None, None))) == (
        chain.content_digest("é€😀", None)
    )
    assert chain.content_digest_utf8((("é", b"e"), ("", b""))) != (chain.content_digest("é", ""))


def test_bulk_entries_are_chained_as_one_by_one():
    """`chain.chained` frames the parts a run of entries shares once: each row must still be
    `content_digest` and `entry_hash` of its entry, whatever changes from one entry to the next."""
    surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    texts = st.none() | st.text(max_size=30) | st.text(surrogates, max_size=3)
    entry = st.tuples(
        st.sampled_from(["2026-12-05T02:00:00", "2026-12-05T02:00:01"]),
        st.sampled_from(["root", "sécrétariat"]),
        st.sampled_from(["person", "mandate"]),
        st.none() | st.integers(min_value=0, max_value=10**12),
        st.sampled_from(["create", "update"]),
        texts,
        texts,
    )

    @settings(max_examples=200, derandomize=True)
    @given(st.lists(entry, max_size=8), st.integers(0, 10**6), st.sampled_from(["", "ab" * 32]))
    def same(entries, last_id, prev):
        start, expected = prev, []
        for offset, (at, user, entity, entity_id, action, before, after) in enumerate(entries, 1):
            digest = chain.content_digest(before, after)
            value = chain.entry_hash(
                prev, last_id + offset, at, user, entity, entity_id, action, digest
            )
            expected.append(
                (last_id + offset, at, user, entity, entity_id, action, before, after)
                + (digest, prev, value)
            )
            prev = value
        assert list(chain.chained(entries, last_id, start)) == expected

    same()


def test_created_rows_write_the_text_of_as_json():
    value = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)

    @settings(max_examples=200, derandomize=True)
    @given(st.lists(st.tuples(st.integers(), value, value, value), max_size=5))
    def same(rows):
        columns = ("id", "nom", "prénom", 'a"b')
        assert list(audit.created_rows(columns, rows)) == [
            (row[0], None, audit.as_json(dict(zip(columns, row, strict=True)))) for row in rows
        ]

    same()
