"""The search index's tables and the statements that make and fill them (FTS5, kept by triggers):
what the migrations create (ess_desk.store.schema) and what bulk writers, `ess-desk search
--rebuild` and the anonymisation fill again. Apart from the migrations, so that a command that
writes in bulk does not import sqlite-utils' migrations (and sqlite-utils with them)."""

from __future__ import annotations

from typing import NamedTuple

# Tokens are folded like the rest of the application: case and accents ignored (« economie »
# finds « Économie »).
SEARCH_TOKENIZER = "unicode61 remove_diacritics 2"


class _Indexed(NamedTuple):
    """A source table indexed by an FTS5 table that keeps its own copy of the text it indexes:
    `values` are SQL expressions (over `{r}` = NEW., OLD. or the table) computed from a row."""

    fts: str
    source: str
    rowid: str
    values: dict[str, str]
    watched: tuple[str, ...]


def _joined(*exprs: str) -> str:
    """SQL joining the non-empty values with « — » (concat_ws arrives only with SQLite 3.44)."""
    pieces = " || ".join(f"iif(coalesce({e}, '') <> '', ' — ' || {e}, '')" for e in exprs)
    return f"substr({pieces}, 4)"


def _search_sources() -> list[_Indexed]:
    phone_digits = "replace(replace(replace({r}phone, ' ', ''), '.', ''), '-', '')"
    minutes_meeting = "(SELECT meeting_id FROM minutes WHERE id = {r}minutes_id)"
    return [
        _Indexed(
            "search_people",
            "people",
            "{r}id",
            {
                "title": "trim({r}first_name || ' ' || {r}last_name)",
                "body": _joined("{r}position", "{r}email", phone_digits, "{r}notes"),
            },
            ("first_name", "last_name", "position", "email", "phone", "notes"),
        ),
        _Indexed(
            "search_organisations",
            "organisations",
            "{r}id",
            {
                "title": "{r}name",
                # The kind's code (scop, association, collectivite…) is a word people search by.
                "body": _joined(
                    "iif({r}kind <> 'autre', {r}kind, '')",
                    "{r}city",
                    "{r}postcode",
                    "{r}address",
                    "{r}email",
                    "{r}website",
                    "{r}siret",
                ),
            },
            ("name", "kind", "city", "postcode", "address", "email", "website", "siret"),
        ),
        _Indexed("search_bodies", "bodies", "{r}id", {"title": "{r}name"}, ("name",)),
        _Indexed(
            "search_meetings",
            "meetings",
            "{r}id",
            {"title": "{r}title", "body": _joined("{r}place", "{r}notes")},
            ("title", "place", "notes"),
        ),
        _Indexed(
            "search_agenda_items",
            "agenda_items",
            "{r}id",
            {"title": "{r}title", "body": _joined("{r}presenter_text", "{r}description")},
            ("title", "presenter_text", "description"),
        ),
        # Minutes are found by their sections' summaries and their errata, both under the
        # meeting they record: even rowids for sections, odd ones for errata.
        _Indexed(
            "search_minutes",
            "minutes_sections",
            "{r}id * 2",
            {"body": "{r}summary", "meeting_id": minutes_meeting},
            ("summary", "minutes_id"),
        ),
        _Indexed(
            "search_minutes",
            "minutes_errata",
            "{r}id * 2 + 1",
            {"body": _joined("{r}reason", "{r}text"), "meeting_id": minutes_meeting},
            ("reason", "text", "minutes_id"),
        ),
        _Indexed(
            "search_decisions",
            "decisions",
            "{r}id",
            {"title": "printf('%d-%03d', {r}year, {r}number)", "body": "{r}text"},
            ("year", "number", "text"),
        ),
    ]


# The two big tables (30,000 actions and 100,000 follow-up comments in a large council) are
# indexed straight from their columns (FTS5 external content): no second copy of their text.
SEARCH_EXTERNAL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("search_actions", "actions", ("title", "description")),
    ("search_action_updates", "action_updates", ("comment",)),
)
_SEARCH_UNINDEXED = frozenset({"meeting_id"})

# The personal data's two indexes (migration 0012): the audit log's copies and the approved
# minutes' snapshots, read from their tables (external content, no second copy of the text).
# Since 0019 the audit log's keeps no words' sizes (`columnsize = 0`): the statements below
# (triggers, fills, rebuild, checks) are the same for it.
PRIVACY_EXTERNAL: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("privacy_audit", "audit_log", ("before", "after")),
    ("privacy_minutes", "minutes", ("approved_text",)),
)


def search_statements() -> list[str]:
    """The FTS5 tables, their triggers, and the statements that fill them from existing rows."""
    tokenize = f"tokenize = '{SEARCH_TOKENIZER}'"
    sources = _search_sources()
    statements: list[str] = []
    declared: set[str] = set()
    for s in sources:
        if s.fts in declared:
            continue
        declared.add(s.fts)
        columns = ", ".join(f"{c} UNINDEXED" if c in _SEARCH_UNINDEXED else c for c in s.values)
        statements.append(f"CREATE VIRTUAL TABLE {s.fts} USING fts5({columns}, {tokenize})")
    for s in sources:
        names = ", ".join(s.values)

        def row(prefix: str, s: _Indexed = s) -> str:
            return ", ".join(e.format(r=prefix) for e in [s.rowid, *s.values.values()])

        new_id, old_id = s.rowid.format(r="NEW."), s.rowid.format(r="OLD.")
        insert = f"INSERT INTO {s.fts}(rowid, {names}) VALUES ({row('NEW.')})"
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in s.watched)
        statements += [
            # The DELETE first: an INSERT OR REPLACE deletes the old row without its trigger.
            f"CREATE TRIGGER search_{s.source}_insert AFTER INSERT ON {s.source} BEGIN "
            f"DELETE FROM {s.fts} WHERE rowid = {new_id}; {insert}; END",
            f"CREATE TRIGGER search_{s.source}_update AFTER UPDATE OF {', '.join(s.watched)} "
            f"ON {s.source} WHEN {changed} BEGIN "
            f"DELETE FROM {s.fts} WHERE rowid = {old_id}; {insert}; END",
            f"CREATE TRIGGER search_{s.source}_delete AFTER DELETE ON {s.source} BEGIN "
            f"DELETE FROM {s.fts} WHERE rowid = {old_id}; END",
        ]
    for fts, source, cols in SEARCH_EXTERNAL:
        statements += external_index(fts, source, cols)
    return statements


def external_index(fts: str, source: str, cols: tuple[str, ...]) -> list[str]:
    """An FTS5 index over columns of `source` read from the table itself (external content),
    and the triggers that keep it."""
    tokenize = f"tokenize = '{SEARCH_TOKENIZER}'"
    names = ", ".join(cols)
    new = ", ".join(f"NEW.{c}" for c in cols)
    old = ", ".join(f"OLD.{c}" for c in cols)
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (NEW.id, {new})"
    # External content: removing a row from the index takes the very values it indexed.
    remove = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', OLD.id, {old})"
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("id", *cols))
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content = '{source}', "
        f"content_rowid = 'id', {tokenize})",
        f"CREATE TRIGGER search_{source}_insert AFTER INSERT ON {source} BEGIN {insert}; END",
        f"CREATE TRIGGER search_{source}_update AFTER UPDATE OF id, {names} ON {source} "
        f"WHEN {changed} BEGIN {remove}; {insert}; END",
        f"CREATE TRIGGER search_{source}_delete AFTER DELETE ON {source} BEGIN {remove}; END",
    ]


# ------------------------------------------------------------------ the people's words (0020)
# The people's index reads its title and text from a view of the people (external content), as
# the actions' read theirs from their table: no second copy of 10,000 people's words, which a
# member import wrote (9 of the 58 ms of their index). The view computes what `_search_sources`
# says, and the people's triggers the same from each row.
PEOPLE_WORDS = "people_words"
_VIEWED = {"search_people": PEOPLE_WORDS}
# The words of a person that an INSERT of the same id may replace (0021), kept from before the
# INSERT to after it: see `people_words_triggers`.
PEOPLE_WORDS_REPLACED = "people_words_replaced"


def _people_source() -> _Indexed:
    (s,) = (s for s in _search_sources() if s.fts == "search_people")
    return s


def people_words_statements() -> list[str]:
    """The view of the people's words, the index over it (with the prefixes of 0016) and the
    people's triggers that keep it."""
    s = _people_source()
    names = ", ".join(s.values)
    values = ", ".join(e.format(r="") for e in s.values.values())
    return [
        f"CREATE VIEW {PEOPLE_WORDS}(id, {names}) AS SELECT id, {values} FROM {s.source}",
        f"CREATE VIRTUAL TABLE {s.fts} USING fts5({names}, content = '{PEOPLE_WORDS}', "
        f"content_rowid = 'id', tokenize = '{SEARCH_TOKENIZER}', prefix = '2 3')",
        *people_words_triggers(),
    ]


def people_words_triggers() -> list[str]:
    """The table of the words an INSERT may replace and the people's triggers that keep their
    index (0021 makes them again over those of 0020)."""
    s = _people_source()
    names = ", ".join(s.values)

    def values(prefix: str) -> str:
        return ", ".join(e.format(r=prefix) for e in s.values.values())

    insert = f"INSERT INTO {s.fts}(rowid, {names}) VALUES (NEW.id, {values('NEW.')})"
    # External content: removing a row from the index takes the very values it indexed.
    remove = (
        f"INSERT INTO {s.fts}({s.fts}, rowid, {names}) VALUES ('delete', OLD.id, {values('OLD.')})"
    )
    watched = ("id", *s.watched)
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    # An INSERT OR REPLACE deletes the row it replaces without its delete trigger (unless the
    # connection has recursive triggers on, as sqlite-utils sets them), and once the row is gone
    # its words are nowhere to take them out with. Taking them out before the INSERT is no
    # better: a BEFORE INSERT trigger fires for an INSERT OR IGNORE, an ON CONFLICT DO NOTHING
    # and an upsert too (sqlite-utils' `upsert`, `insert --ignore`), which keep the row or update
    # it through the update trigger, and for a replace whose delete trigger also fires: words
    # left out, or taken out twice. So the words the index holds for the id are put aside before
    # every INSERT and taken out after it if they are still there (the row was replaced without
    # its delete trigger, which otherwise forgets them); the next INSERT of the id puts aside
    # those of its time (bulk writers, which only add rows, set both triggers aside:
    # ess_desk.store.bulk.indexed_in_bulk).
    cleared = f"DELETE FROM {PEOPLE_WORDS_REPLACED} WHERE id = NEW.id"
    put_aside = (
        f"INSERT INTO {PEOPLE_WORDS_REPLACED}(id, {names}) SELECT id, {names} "
        f"FROM {PEOPLE_WORDS} WHERE id = NEW.id"
    )
    replaced = (
        f"INSERT INTO {s.fts}({s.fts}, rowid, {names}) SELECT 'delete', id, {names} "
        f"FROM {PEOPLE_WORDS_REPLACED} WHERE id = NEW.id"
    )
    # Nor do they stay there once the person changes or goes (their former words included).
    forgotten = f"DELETE FROM {PEOPLE_WORDS_REPLACED} WHERE id = OLD.id"
    return [
        f"CREATE TABLE {PEOPLE_WORDS_REPLACED}(id INTEGER PRIMARY KEY, {names})",
        f"CREATE TRIGGER search_{s.source}_replace BEFORE INSERT ON {s.source} "
        f"BEGIN {cleared}; {put_aside}; END",
        f"CREATE TRIGGER search_{s.source}_insert AFTER INSERT ON {s.source} "
        f"BEGIN {replaced}; {cleared}; {insert}; END",
        f"CREATE TRIGGER search_{s.source}_update AFTER UPDATE OF {', '.join(watched)} "
        f"ON {s.source} WHEN {changed} BEGIN {remove}; {forgotten}; {insert}; END",
        f"CREATE TRIGGER search_{s.source}_delete AFTER DELETE ON {s.source} "
        f"BEGIN {remove}; {forgotten}; END",
    ]


def _externals() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Every index over another table's text: the search's and the personal data's (0012)."""
    return SEARCH_EXTERNAL + PRIVACY_EXTERNAL


def search_tables() -> list[str]:
    """The FTS5 tables of the search index, the personal data's two included (0012): all are
    checked, rebuilt and, after an anonymisation, merged alike."""
    names = [s.fts for s in _search_sources()] + [fts for fts, _s, _c in _externals()]
    return list(dict.fromkeys(names))


def search_external_tables() -> frozenset[str]:
    """The FTS5 tables of the index that read their text from another table (or a view of it,
    0020)."""
    return frozenset(fts for fts, _s, _c in _externals()) | frozenset(_VIEWED)


def search_fill_statements(source: str | None = None, since_id: int | None = None) -> list[str]:
    """The statements that fill the (empty) search index from the rows of the database: run by
    the migration, and by `ess-desk search --rebuild` after emptying it. A later migration that
    changes what the index holds changes them too.

    With `source` and `since_id`: only that table's rows from that id on (rows just written in
    bulk, see ess_desk.store.bulk); `since_id` is a number, written into the statement."""
    return fill_statements(_externals(), source, since_id)


def fill_statements(
    externals: tuple[tuple[str, str, tuple[str, ...]], ...],
    source: str | None = None,
    since_id: int | None = None,
) -> list[str]:
    """`search_fill_statements` over the given indexes of other tables' text (a migration
    fills only those it makes)."""
    statements = []
    where = f" WHERE id >= {int(since_id)}" if since_id is not None else ""
    for s in _search_sources():
        if source is not None and s.source != source:
            continue
        names = ", ".join(s.values)
        values = ", ".join(e.format(r=f"{s.source}.") for e in [s.rowid, *s.values.values()])
        statements.append(
            f"INSERT INTO {s.fts}(rowid, {names}) SELECT {values} FROM {s.source}{where}"
        )
    for fts, table, cols in externals:
        if source is not None and table != source:
            continue
        if since_id is None:
            statements.append(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        else:
            names = ", ".join(cols)
            statements.append(
                f"INSERT INTO {fts}(rowid, {names}) SELECT id, {names} FROM {table}{where}"
            )
    return statements
