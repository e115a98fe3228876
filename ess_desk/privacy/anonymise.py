"""Anonymisation: a person's identity and contact details replaced everywhere the record may
change — their card, free texts of open records, the audit log's copies — in one transaction.
Approved minutes and what they record stay as approved: they are public archives."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ess_desk import audit, service
from ess_desk.actions.actions import search_text
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.mail import outbox
from ess_desk.privacy.matching import Identity, Matcher, audit_entries, snapshot_filter
from ess_desk.privacy.person_file import annexes_naming, is_anonymised
from ess_desk.privacy.texts import free_texts
from ess_desk.store import Store, database, derived, snapshot_people
from ess_desk.store.search_schema import search_tables

if TYPE_CHECKING:
    from sqlite_utils import Database

ACTION = "anonymise"
# The identity and contact fields of a person's card (and of its copies in the audit log).
IDENTITY_FIELDS = (
    "civility",
    "first_name",
    "last_name",
    "email",
    "phone",
    "position",
    "notes",
    "address",
    "postcode",
    "city",
)


def anonymised_label(person_id: int) -> str:
    return _("Personne anonymisée n°{id}").format(id=person_id)


@dataclass
class Anonymisation:
    """What was done (or, in a dry run, what would be done) for one person."""

    person_id: int
    former_name: str
    label: str
    dry_run: bool = False
    texts: Counter[str] = field(default_factory=Counter)  # "table.column" → rows rewritten
    contacts_cleared: int = 0  # a structure's e-mail or phone that was the person's
    audit_entries: int = 0
    kept_minutes: int = 0  # approved minutes that keep the name (public archives)
    kept_texts: int = 0  # texts of those frozen records that name the person
    annexes: list[str] = field(default_factory=list)  # PDF annexes naming them: check by hand
    homonyms: int = 0  # other cards with the same name

    def summary(self) -> list[str]:
        """What the command line prints and the window shows, one line per kind of change."""
        lines = [
            (
                _("Simulation : {name} (n°{id}) serait anonymisé(e) en « {label} ».")
                if self.dry_run
                else _("{name} (n°{id}) est anonymisé(e) : « {label} ».")
            ).format(name=self.former_name, id=self.person_id, label=self.label),
            _(
                "Fiche : nom, civilité, courriel, téléphone, fonction et notes effacés ; "
                "accords de publication et de contact retirés ; fiche archivée."
            ),
        ]
        rewritten = sum(self.texts.values())
        if rewritten:
            lines.append(
                ngettext(
                    "{count} texte ouvert où le nom figurait, réécrit ({fields}).",
                    "{count} textes ouverts où le nom figurait, réécrits ({fields}).",
                    rewritten,
                ).format(count=rewritten, fields=", ".join(sorted(self.texts)))
            )
        if self.contacts_cleared:
            lines.append(
                ngettext(
                    "{count} coordonnée de structure qui était la sienne, effacée.",
                    "{count} coordonnées de structure qui étaient les siennes, effacées.",
                    self.contacts_cleared,
                ).format(count=self.contacts_cleared)
            )
        lines.append(
            ngettext(
                "{count} entrée du journal d'audit expurgée.",
                "{count} entrées du journal d'audit expurgées.",
                self.audit_entries,
            ).format(count=self.audit_entries)
        )
        if self.kept_minutes:
            lines.append(
                ngettext(
                    "{count} procès-verbal approuvé garde le nom tel qu'approuvé "
                    "(archives publiques, non modifiables).",
                    "{count} procès-verbaux approuvés gardent le nom tel qu'approuvé "
                    "(archives publiques, non modifiables).",
                    self.kept_minutes,
                ).format(count=self.kept_minutes)
            )
        if self.homonyms:
            lines.append(
                ngettext(
                    "{count} autre fiche porte le même nom : les mentions de ce nom dans "
                    "les textes, qui ne peuvent pas être départagées, ont toutes été remplacées.",
                    "{count} autres fiches portent le même nom : les mentions de ce nom dans "
                    "les textes, qui ne peuvent pas être départagées, ont toutes été remplacées.",
                    self.homonyms,
                ).format(count=self.homonyms)
            )
        if self.annexes:
            lines.append(
                _("Annexes PDF qui la nomment, à vérifier à la main : {names}.").format(
                    names=", ".join(self.annexes)
                )
            )
        if not self.dry_run:
            lines.append(
                _(
                    "Les sauvegardes faites avant ce jour contiennent encore l'identité, tant "
                    "qu'elles ne sont pas anonymisées à leur tour."
                )
            )
        return lines


def running_mandates(db: Database, person_id: int, today: dt.date) -> list[tuple[str, str, str]]:
    """(body, start, end or '') of the mandates in force or to come."""
    return [
        (r["body"], r["start_date"], r["end_date"] or "")
        for r in database.each_row(
            db,
            "SELECT b.name AS body, m.start_date, m.end_date FROM mandates m "
            "JOIN bodies b ON b.id = m.body_id WHERE m.person_id = ? "
            "AND (m.end_date IS NULL OR m.end_date >= ?) ORDER BY m.start_date",
            [person_id, today.isoformat()],
        )
    ]


def _refuse_if_sitting(db: Database, person_id: int, name: str, today: dt.date) -> None:
    running = running_mandates(db, person_id, today)
    if not running:
        return
    body, start, end = running[0]
    if end:
        period = _("du {start} au {end}").format(start=display(start), end=display(end))
    else:
        period = _("depuis le {start}").format(start=display(start))
    raise UserError(
        _(
            "{name} a un mandat en cours ou à venir ({body}, {period}) : seule une personne "
            "dont tous les mandats sont terminés peut être anonymisée."
        ).format(name=name, body=body, period=period)
    )


class _Redaction:
    """The redacted form of the audit log's copies for one person, each text worked out once:
    the log copies a minutes' snapshot (60 KB) into every entry of its minutes and each update
    repeats the previous one's copy, so the same texts come again and again (the busiest person
    of the large demo: 509 texts to rewrite, 174 different)."""

    def __init__(self, matcher: Matcher, label: str):
        self.matcher = matcher
        self.label = label
        self._texts: dict[str, str] = {}
        self._copies: dict[tuple[str, int], str | None] = {}

    def replace(self, text: str) -> str:
        done = self._texts.get(text)
        if done is None:
            done = self._texts[text] = self.matcher.replace(text, self.label)
        return done

    def scrub(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.replace(value)
        if isinstance(value, dict):
            return {k: self.scrub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.scrub(v) for v in value]
        return value

    def scrub_json(self, text: str | None, fields: dict[str, str] | None) -> str | None:
        if not text:
            return text
        # The same fields for every entry of one kind (the card's, a mandate's): their id tells.
        key = (text, id(fields))
        if key in self._copies:
            return self._copies[key]
        data = json.loads(text)
        if fields and isinstance(data, dict):
            data = {k: fields.get(k, v) for k, v in data.items()}
        data = self.scrub(data)
        done = self._copies[key] = json.dumps(data, ensure_ascii=False, default=str)
        return done


def _scrub_audit(
    db: Database, person_id: int, mandate_ids: set[int], matcher: Matcher, label: str
) -> list[int]:
    """Rewrite every audit entry that copies the person's identity: their card's entries field
    by field, their mandates' notes, and any copy of their name, e-mail or phone elsewhere.
    Returns the ids of the entries rewritten (redacted: they keep their place in the chain)."""
    card = {f: "" for f in IDENTITY_FIELDS} | {"last_name": label}
    notes = {"notes": ""}
    redaction = _Redaction(matcher, label)
    changed: list[tuple[int, str | None, str | None]] = []
    columns = "id, entity, entity_id"
    for row, found in list(audit_entries(db, person_id, mandate_ids, matcher, columns)):
        entry_id, entity, entity_id = row["id"], row["entity"], row["entity_id"]
        before, after = row["before"], row["after"]
        fields = None
        if entity == "person" and entity_id == person_id:
            fields = card
        elif entity == "mandate" and entity_id in mandate_ids:
            fields = notes
        elif not found:
            continue
        new_before = redaction.scrub_json(before, fields)
        new_after = redaction.scrub_json(after, fields)
        if (new_before, new_after) != (before, after):
            changed.append((entry_id, new_before, new_after))
    audit.redact_many(db, changed)
    return [entry_id for entry_id, _b, _a in changed]


def _approved_minutes_naming(db: Database, person_id: int, matcher: Matcher) -> int:
    person_ref = re.compile(rf'"person_id": {person_id}(?!\d)')
    snapshots = snapshot_filter(person_id, matcher, "id")
    return sum(
        1
        for text, named in db.execute(
            f"SELECT approved_text, {snapshots.named} FROM minutes WHERE status = 'approved' "
            f"AND approved_text != '' AND {snapshots.condition}",
            [*snapshots.named_params, *snapshots.params],
        )
        if person_ref.search(text)
        or (matcher.search_named if named else matcher.search_phone)(text)
    )


def _snapshots_naming(db: Database, person_id: int, matcher: Matcher) -> set[int]:
    """The approved minutes whose kept people or words (ess_desk.store.snapshot_people) refer to
    the person or may name them."""
    found = set(
        database.column(
            db, "SELECT minutes_id FROM minutes_people WHERE person_id = ?", [person_id]
        )
    )
    where, params = matcher.candidates().where("privacy_minutes", "minutes_id", ("text",))
    for r in database.each_row(
        db, f"SELECT minutes_id, text FROM minutes_names WHERE {where}", params
    ):
        if r["minutes_id"] not in found and matcher.search(r["text"]):
            found.add(r["minutes_id"])
    return found


def _anonymise(db: Database, person_id: int, today: dt.date, dry_run: bool) -> Anonymisation:
    """The whole work inside the caller's transaction."""
    service.require(db, "people", person_id, _("La personne"))
    identity = Identity.of(db, person_id)
    assert identity is not None
    name = identity.full_name or _("La personne n°{id}").format(id=person_id)
    if is_anonymised(db, person_id):
        raise UserError(_("La personne n°{id} a déjà été anonymisée.").format(id=person_id))
    _refuse_if_sitting(db, person_id, name, today)
    matcher = Matcher(identity)
    label = anonymised_label(person_id)
    result = Anonymisation(person_id, name, label, dry_run=dry_run)
    result.homonyms = identity.homonyms(db)

    # Free texts first, while the card still holds the name the matcher looks for.
    actions_changed: set[int] = set()
    frozen_places: set[str] = set()
    for text in list(free_texts(db, matcher.search, matcher.candidates())):
        if text.table == "people" and text.row_key == person_id:
            continue  # the card itself is emptied below
        if not text.writable:
            result.kept_texts += 1
            frozen_places.add(text.where)
            continue
        new = "" if text.clear else matcher.replace(text.text, label)
        if new == text.text:
            continue
        key = "key" if text.table == "settings" else "id"
        db.execute(
            f"UPDATE [{text.table}] SET [{text.column}] = ? WHERE [{key}] = ?",
            [new, text.row_key],
        )
        if text.clear:
            result.contacts_cleared += 1
        else:
            result.texts[text.field] += 1
        if text.table == "actions":
            actions_changed.add(int(str(text.row_key)))
    for action_id in sorted(actions_changed):
        title, description = db.execute(
            "SELECT title, description FROM actions WHERE id = ?", [action_id]
        ).fetchone()
        db.execute(
            "UPDATE actions SET search_text = ? WHERE id = ?",
            [search_text(title, description), action_id],
        )

    # The kept reading of the approved snapshots that name them or refer to them (the snapshots
    # stay as approved, public archives): forgotten, those minutes are read from their snapshot.
    snapshot_people.forget(db, _snapshots_naming(db, person_id, matcher))
    db.execute(
        "UPDATE people SET civility = '', first_name = '', last_name = ?, email = '', phone = '', "
        "position = '', notes = '', address = '', postcode = '', city = '', consent_publish = 0, "
        "consent_contact = 0, archived = 1 "
        "WHERE id = ?",
        [label, person_id],
    )
    derived.refresh_keys(db, people=[person_id])  # the old name's folded key went with it
    # Their messages keep their subject and proof, not their name, address or letters.
    outbox.forget_person(db, person_id, label)
    mandate_ids = set(
        database.column(db, "SELECT id FROM mandates WHERE person_id = ?", [person_id])
    )
    db.execute("UPDATE mandates SET notes = '' WHERE person_id = ?", [person_id])
    redacted = _scrub_audit(db, person_id, mandate_ids, matcher, label)
    result.audit_entries = len(redacted)
    result.kept_minutes = _approved_minutes_naming(db, person_id, matcher)
    result.annexes = [a["name"] for a in annexes_naming(db, matcher)]
    # The entry that says it was done: counts only, no trace of who the person was.
    audit.record(
        db,
        "person",
        person_id,
        ACTION,
        None,
        {
            "label": label,
            "texts": dict(result.texts),
            "contacts_cleared": result.contacts_cleared,
            "audit_entries": result.audit_entries,
            # The entries blanked above, by number: the chain's check accepts no other.
            "redacted_entries": redacted,
            "kept_minutes": result.kept_minutes,
            "annexes": len(result.annexes),
        },
    )
    return result


class _DryRun(Exception):
    def __init__(self, results: list[Anonymisation]):
        super().__init__("dry run")
        self.results = results


@contextlib.contextmanager
def _secure_delete(store: Store) -> Iterator[None]:
    """Overwritten text is zeroed in the file rather than left in its free pages."""
    (previous,) = store.conn.execute("PRAGMA secure_delete").fetchone()
    store.conn.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA secure_delete = {int(previous)}")


def _index_structures(db: Database) -> dict[str, bytes | None]:
    """Each search index's structure record (FTS5 keeps the list of its segments in the row 10 of
    its `_data` table), read at the start of the transaction, before any write."""
    return {
        table: database.scalar(db, f"SELECT block FROM [{table}_data] WHERE id = 10")
        for table in search_tables()
    }


def _written_indexes(db: Database, before: dict[str, bytes | None]) -> list[str]:
    """The search indexes written since `before` was read in this transaction: FTS5 keeps what a
    transaction writes in memory until a savepoint or the commit, where it becomes a new
    segment; so a savepoint first, then each index whose structure record changed. An index
    not written keeps the segments it had, which hold no word this anonymisation replaced: a
    text it indexes that named the person was rewritten, and that write is the index's (the
    approved minutes' texts, public archives, stay as they are). Merging it would cost its
    whole size (the search of 100,000 follow-up comments: 70 ms) for nothing this erasure
    changed."""
    db.execute("SAVEPOINT anonymise_indexes")
    db.execute("RELEASE SAVEPOINT anonymise_indexes")
    after = _index_structures(db)
    return [table for table in search_tables() if after[table] != before[table]]


def anonymise_many(
    store: Store,
    person_ids: Iterable[int],
    today: dt.date | None = None,
    dry_run: bool = False,
) -> list[Anonymisation]:
    """Anonymise several people in one transaction: all of them, or nobody (the first refusal
    stops everything). A dry run does all the work and rolls it back."""
    today = today or dt.date.today()
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    if not ids:
        return []
    try:
        with _secure_delete(store), store.write() as db:
            indexes = _index_structures(db)
            results = [_anonymise(db, pid, today, dry_run) for pid in ids]
            if dry_run:
                raise _DryRun(results)
            # The search index keeps replaced words in its segments (behind a mark that they are
            # deleted) until they are merged: merging every index this anonymisation wrote
            # leaves the former identity in none of them. One it did not write holds none of
            # the words replaced (see _written_indexes).
            for table in _written_indexes(db, indexes):
                db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    except _DryRun as done:
        return done.results
    return results


def anonymise(
    store: Store, person_id: int, today: dt.date | None = None, dry_run: bool = False
) -> Anonymisation:
    return anonymise_many(store, [person_id], today, dry_run)[0]
