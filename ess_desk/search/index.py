"""Search across the council's records: people, organisations, bodies, meetings, agenda items,
minutes, decisions and actions, found by their words and grouped by kind, best first.

The index is the FTS5 tables of migration 0006, kept by triggers. What a person types is never
handed to FTS5 as syntax: it is cut into words and phrases here, each written back as a quoted
string, so that `"`, `AND`, `*` or `-` are only ever text. The last word being typed is a prefix
(`coop` finds « coopérative »). Matched words are marked in the titles and extracts with
MARK_OPEN / MARK_CLOSE, computed here from the few rows shown rather than by FTS5's highlight(),
which would run the whole query again for every row (costly for a short prefix).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.actions import rules as action_rules
from ess_desk.dates import display
from ess_desk.i18n import N_, _
from ess_desk.meetings.vocabulary import MEETING_STATUSES
from ess_desk.membership.vocabulary import BODY_KINDS, ORGANISATION_KINDS, label
from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES, MINUTES_STATUSES
from ess_desk.store import Row, Store, database, rows
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

# Around each matched word of a title or extract (control characters: never in typed text).
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"

# In the order the results are shown; these are the kinds MainWindow.open_record takes
# ("minutes" with the meeting's id).
KINDS: tuple[str, ...] = (
    "person",
    "organisation",
    "body",
    "meeting",
    "agenda_item",
    "minutes",
    "decision",
    "action",
)
KIND_LABELS: dict[str, str] = {
    "person": N_("Personnes"),
    "organisation": N_("Structures"),
    "body": N_("Instances"),
    "meeting": N_("Séances"),
    "agenda_item": N_("Points de l'ordre du jour"),
    "minutes": N_("Procès-verbaux"),
    "decision": N_("Décisions et avis"),
    "action": N_("Actions"),
}

# Only the most recent matches of a very common word are ranked (`_ranked`): the order of
# 20,000 matches of a common word is one nobody reads that far.
RANK_WINDOW = 2000
DEFAULT_LIMIT = 5  # hits of each kind in the window's search box
WHOLE_FIRST = 4  # letters from which the word being typed is looked for whole first
MAX_LIMIT = 1000
_MAX_UNITS = 16
_MAX_TOKEN = 64
_TITLE_WEIGHT = 8.0  # a word in the title counts eight times a word of the text
_SNIPPET_WORDS = 18
_SEP = " · "

# What the tokenizer (unicode61) keeps as a word: letters and digits; the rest separates.
_WORD = re.compile(r"[^\W_]+")
_OPENING_QUOTES = '"«“„'
_CLOSING_QUOTES = '"»”'


@dataclass(frozen=True)
class Query:
    """What was typed, as an FTS5 expression and as the folded words that mark the results."""

    text: str
    match: str
    terms: frozenset[str]  # whole words (folded)
    prefixes: tuple[str, ...]  # words being typed (folded)
    # `match` with the word being typed taken as a whole word, when it is long enough to be one
    # (WHOLE_FIRST letters): its matches come before those of the longer words it begins.
    whole: str | None = None

    def matches(self, word: str) -> bool:
        folded = fold(word)
        return folded in self.terms or any(folded.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Hit:
    """One record found: `kind` and `id` are what MainWindow.open_record takes; `title` and
    `snippet` carry MARK_OPEN/MARK_CLOSE around the matched words (snippet may be empty)."""

    kind: str
    id: int
    title: str
    snippet: str
    context: str
    date: str | None = None  # ISO date of the meeting, decision or due date, when there is one
    body: str | None = None  # the body (instance) it belongs to, when there is one

    @property
    def plain_title(self) -> str:
        return plain(self.title)

    @property
    def plain_snippet(self) -> str:
        return plain(self.snippet)

    def matched_words(self) -> list[str]:
        """The words marked in the title and the snippet, in order, without repeats."""
        seen: dict[str, None] = {}
        for text in (self.title, self.snippet):
            for word in re.findall(f"{MARK_OPEN}(.*?){MARK_CLOSE}", text):
                seen.setdefault(word, None)
        return list(seen)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.plain_title,
            "snippet": self.plain_snippet,
            "context": self.context,
            "date": self.date,
            "body": self.body,
            "matches": self.matched_words(),
        }


@dataclass(frozen=True)
class Group:
    """The hits of one kind, best first; `more` when other records of that kind match too."""

    kind: str
    hits: tuple[Hit, ...]
    more: bool

    @property
    def label(self) -> str:
        return _(KIND_LABELS[self.kind])


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def plain(text: str) -> str:
    """A marked title or snippet without its marks."""
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def marked(text: str, before: str, after: str) -> str:
    """A marked title or snippet with its marks written as `before` and `after` (e.g. ** **)."""
    return text.replace(MARK_OPEN, before).replace(MARK_CLOSE, after)


# --------------------------------------------------------------------------- what was typed


def _units(text: str) -> tuple[list[tuple[list[str], bool]], bool]:
    """The words and "phrases" typed, each as its list of tokens with whether it is a phrase,
    and whether the last one is still being typed (nothing after it: no space, no closing
    quote)."""
    units: list[tuple[list[str], bool]] = []
    current: list[str] = []
    in_phrase = False

    def close(phrase: bool) -> None:
        tokens = [t[:_MAX_TOKEN] for t in _WORD.findall("".join(current))]
        if tokens:
            units.append((tokens, phrase))
        current.clear()

    for char in text:
        if in_phrase and char in _CLOSING_QUOTES:
            close(True)
            in_phrase = False
        elif not in_phrase and char in _OPENING_QUOTES:
            close(False)
            in_phrase = True
        elif not in_phrase and char.isspace():
            close(False)
        else:
            current.append(char)
    typing = bool(_WORD.search("".join(current)))
    close(in_phrase)
    return units[:_MAX_UNITS], typing and len(units) <= _MAX_UNITS


def _fts_string(tokens: Iterable[str]) -> str:
    # Tokens hold only letters and digits: nothing in them can end the quoted string.
    return '"' + " ".join(tokens) + '"'


def _variants(tokens: list[str]) -> list[list[str]]:
    """The tokens as typed (the tokenizer folds them as it folded the records), and with
    « oe »/« ae » swapped for the ligatures it keeps apart, or back (« oeuvre » finds
    « œuvre » and « œuvre » finds « oeuvre »: the tokenizer removes accents, not ligatures)."""
    lower = [t.lower() for t in tokens]
    if any("œ" in t or "æ" in t for t in lower):
        return [tokens, [t.replace("œ", "oe").replace("æ", "ae") for t in lower]]
    if any("oe" in t or "ae" in t for t in lower):
        return [tokens, [t.replace("oe", "œ").replace("ae", "æ") for t in lower]]
    return [tokens]


def parse(text: str) -> Query | None:
    """The FTS5 query for what a person typed; None when it holds nothing to look for (fewer
    than two letters or digits)."""
    text = unicodedata.normalize("NFC", text or "")
    units, typing = _units(text)
    if sum(len(t) for tokens, _phrase in units for t in tokens) < 2:
        return None
    parts: list[str] = []
    whole: list[str] = []
    terms: set[str] = set()
    prefixes: list[str] = []
    for n, (tokens, _phrase) in enumerate(units):
        last = n == len(units) - 1
        # A single letter as a prefix would match most of the index: it waits for a second one.
        prefix = last and typing and len(tokens[-1]) >= 2
        parts.append(_alternatives(tokens, prefix))
        whole.append(_alternatives(tokens, False))
        folded = [fold(t) for t in tokens]
        if prefix:
            terms.update(folded[:-1])
            prefixes.append(folded[-1])
        else:
            terms.update(folded)
    # An explicit AND: FTS5 does not read two terms side by side as AND after a parenthesis.
    long_prefix = bool(prefixes) and len(prefixes[-1]) >= WHOLE_FIRST
    return Query(
        text=text,
        match=" AND ".join(parts),
        terms=frozenset(terms),
        prefixes=tuple(prefixes),
        whole=" AND ".join(whole) if long_prefix else None,
    )


def _alternatives(tokens: list[str], prefix: bool) -> str:
    alternatives = [_fts_string(v) + (" *" if prefix else "") for v in _variants(tokens)]
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


# --------------------------------------------------------------------------- marking the words


def highlight(text: str, query: Query) -> str:
    """`text` with every word the query matches between MARK_OPEN and MARK_CLOSE."""
    out: list[str] = []
    position = 0
    for m in _WORD.finditer(text):
        if query.matches(m.group()):
            out += [text[position : m.start()], MARK_OPEN, m.group(), MARK_CLOSE]
            position = m.end()
    out.append(text[position:])
    return "".join(out)


def _clean(text: str) -> str:
    # Minutes summaries carry **bold** marks and paragraphs: an extract is one line of words.
    return " ".join(text.replace("**", "").split())


def snippet(text: str, query: Query, words: int = _SNIPPET_WORDS, always: bool = False) -> str:
    """A few words of `text` from just before its first match, marked; "" when nothing in it
    matches (unless `always`: then its first words)."""
    text = _clean(text)
    spans = list(_WORD.finditer(text))
    first = next((i for i, m in enumerate(spans) if query.matches(m.group())), None)
    if first is None:
        if not always or not spans:
            return ""
        first = 0
    # The match comes early: a list cuts long extracts on the right.
    start = max(0, min(first - 3, len(spans) - words // 2))
    end = min(len(spans), start + words)
    begin = 0 if start == 0 else spans[start].start()
    finish = len(text) if end == len(spans) else spans[end - 1].end()
    piece = highlight(text[begin:finish], query)
    return ("…" if begin > 0 else "") + piece + ("…" if finish < len(text) else "")


# --------------------------------------------------------------------------- the index


def _ranked(
    db: Database, table: str, weights: Sequence[float], query: Query, count: int
) -> list[int]:
    """Rowids of the best `count` matches of `query` (see `_ranked_match`): when the word being
    typed is long enough to be a word of its own, the records holding that very word come
    first, then those holding a longer word it begins (« budget » before « budgétaire »).
    While there are enough of the first, the second are not looked for: a prefix query gathers
    every row of every word it begins before it returns one (FTS5), a whole word stops when it
    has enough."""
    found = _ranked_match(db, table, weights, query.whole, count) if query.whole else []
    if len(found) < count:
        taken = set(found)
        more = _ranked_match(db, table, weights, query.match, count + len(found))
        found += [rowid for rowid in more if rowid not in taken][: count - len(found)]
    return found


def _ranked_match(
    db: Database, table: str, weights: Sequence[float], match: str, count: int
) -> list[int]:
    """Rowids of the best matches of `match` among the RANK_WINDOW most recent ones: those whose
    title (the first column, where `weights` gives it more weight than the text) holds the
    words first, then the others, the most recent first in each.

    No corpus-wide weight (FTS5's bm25 counts, at every query, every row of the whole index that
    holds each word: a common word cost in proportion to the years of records, for an order
    nobody could tell from this one); each statement reads the index in rowid order and stops
    when it has enough."""
    recent = f"SELECT rowid FROM {table} WHERE {table} MATCH ? "
    if not (len(weights) > 1 and weights[0] > weights[1]):  # no title: the most recent first
        rows = db.execute(f"{recent} ORDER BY rowid DESC LIMIT ?", [match, min(count, RANK_WINDOW)])
        return [rowid for (rowid,) in rows]
    bound = db.execute(
        f"{recent} ORDER BY rowid DESC LIMIT 1 OFFSET ?", [match, RANK_WINDOW - 1]
    ).fetchone()
    (oldest,) = bound if bound is not None else (-1,)
    recent += "AND rowid >= ? ORDER BY rowid DESC LIMIT ?"
    titled = db.execute(recent, [f"{{title}} : ({match})", oldest, count])
    first = [rowid for (rowid,) in titled]
    if len(first) >= count:
        return first
    taken = set(first)
    rest = db.execute(recent, [match, oldest, count + len(first)])
    return [*first, *(rowid for (rowid,) in rest if rowid not in taken)][:count]


def _best(
    db: Database, table: str, weights: Sequence[float], sql: str, query: Query, limit: int
) -> tuple[list[Row], bool]:
    """The rows `sql` reads (over the rowids put in its {ids}) of the best `limit` matches of
    `table`, in rank order, and whether there are more matches."""
    ids = _ranked(db, table, weights, query, limit + 1)
    by_id = _rows_by_id(db, sql, ids)
    return [by_id[i] for i in ids[:limit] if i in by_id], len(ids) > limit


def _marks(ids: Sequence[int]) -> str:
    return ", ".join("?" for _i in ids)


def _rows_by_id(db: Database, sql: str, ids: Sequence[int]) -> dict[int, Row]:
    """The rows `sql` reads over the ids put in its {ids}, by their `id` column."""
    if not ids:
        return {}
    return {r["id"]: r for r in rows(db, sql.format(ids=_marks(ids)), list(ids))}


def _context(*parts: str | None) -> str:
    return _SEP.join(p for p in parts if p)


def _date_unless_in(day: str | None, title: str) -> str:
    # Meeting titles often carry their date already (« Réunion du bureau du 05/03/2026 »).
    shown = display(day)
    return "" if shown and shown in title else shown


def _matched_parts(text: str, query: Query) -> str:
    """Of a text the index joined from several fields (« a — b — c »), the fields where a word
    matched: an e-mail or a phone number is shown when it is what was found, not otherwise."""
    return " — ".join(
        part
        for part in text.split(" — ")
        if any(query.matches(m.group()) for m in _WORD.finditer(part))
    )


def _archived(flag: int) -> str:
    return _("archivée") if flag else ""


def _found(
    db: Database,
    query: Query,
    limit: int,
    table: str,
    sql: str,
    make: Callable[[Row], Hit],
    weights: Sequence[float] = (_TITLE_WEIGHT, 1.0),
) -> tuple[list[Hit], bool]:
    """The best matches of one index as hits (`make` turns a row of `sql` into one), and
    whether there are more."""
    found, more = _best(db, table, weights, sql, query, limit)
    return [make(r) for r in found], more


def _people(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    return _found(
        db,
        query,
        limit,
        "search_people",
        "SELECT s.rowid AS id, s.title, s.body, p.position, o.name AS organisation, p.archived "
        "FROM search_people s JOIN people p ON p.id = s.rowid "
        "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE s.rowid IN ({ids})",
        lambda r: Hit(
            "person",
            r["id"],
            highlight(r["title"], query),
            snippet(_matched_parts(r["body"], query), query),
            _context(r["position"], r["organisation"], _archived(r["archived"])),
        ),
    )


def _organisations(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    def hit(r: Row) -> Hit:
        # The kind's code is indexed for searching; the extract shows the rest of the address.
        kind = r["kind"]
        body = r["body"].removeprefix(kind).removeprefix(" — ") if kind != "autre" else r["body"]
        return Hit(
            "organisation",
            r["id"],
            highlight(r["title"], query),
            snippet(_matched_parts(body, query), query),
            _context(label(ORGANISATION_KINDS, kind), r["city"], _archived(r["archived"])),
        )

    return _found(
        db,
        query,
        limit,
        "search_organisations",
        "SELECT s.rowid AS id, s.title, s.body, o.kind, o.city, o.archived "
        "FROM search_organisations s JOIN organisations o ON o.id = s.rowid "
        "WHERE s.rowid IN ({ids})",
        hit,
    )


def _bodies(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    return _found(
        db,
        query,
        limit,
        "search_bodies",
        "SELECT b.id, b.name, b.kind, b.archived, p.name AS parent FROM bodies b "
        "LEFT JOIN bodies p ON p.id = b.parent_id WHERE b.id IN ({ids})",
        lambda r: Hit(
            "body",
            r["id"],
            highlight(r["name"], query),
            "",
            _context(label(BODY_KINDS, r["kind"]), r["parent"], _archived(r["archived"])),
            body=r["name"],
        ),
        weights=(1.0,),
    )


def _meetings(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    return _found(
        db,
        query,
        limit,
        "search_meetings",
        "SELECT s.rowid AS id, s.title, s.body, b.name AS body_name, "
        "substr(m.starts_at, 1, 10) AS day, m.status "
        "FROM search_meetings s JOIN meetings m ON m.id = s.rowid "
        "JOIN bodies b ON b.id = m.body_id WHERE s.rowid IN ({ids})",
        lambda r: Hit(
            "meeting",
            r["id"],
            highlight(r["title"], query),
            snippet(_matched_parts(r["body"], query), query),
            _context(
                r["body_name"],
                _date_unless_in(r["day"], r["title"]),
                label(MEETING_STATUSES, r["status"]),
            ),
            date=r["day"],
            body=r["body_name"],
        ),
    )


def _agenda_items(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    return _found(
        db,
        query,
        limit,
        "search_agenda_items",
        "SELECT s.rowid AS id, s.title, s.body, m.title AS meeting, b.name AS body_name, "
        "substr(m.starts_at, 1, 10) AS day "
        "FROM search_agenda_items s JOIN agenda_items i ON i.id = s.rowid "
        "JOIN meetings m ON m.id = i.meeting_id JOIN bodies b ON b.id = m.body_id "
        "WHERE s.rowid IN ({ids})",
        lambda r: Hit(
            "agenda_item",
            r["id"],
            highlight(r["title"], query),
            snippet(_matched_parts(r["body"], query), query),
            _context(r["meeting"], r["body_name"], _date_unless_in(r["day"], r["meeting"])),
            date=r["day"],
            body=r["body_name"],
        ),
    )


def _minutes(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    # Sections and errata are indexed one by one; a meeting's minutes are shown once, with the
    # extract of their best match. Several matches may fall in the same minutes: take more.
    rowids = _ranked(db, "search_minutes", (1.0,), query, (limit + 1) * 4)
    found = _rows_by_id(
        db,
        "SELECT rowid AS id, body, meeting_id FROM search_minutes WHERE rowid IN ({ids})",
        rowids,
    )
    best: dict[int, tuple[int, str]] = {}  # meeting id → (rowid, text) of its best match
    for rowid in rowids:
        if rowid in found and found[rowid]["meeting_id"] is not None:
            best.setdefault(found[rowid]["meeting_id"], (rowid, found[rowid]["body"]))
    meeting_ids = list(best)[: limit + 1]
    by_meeting = _rows_by_id(
        db,
        "SELECT m.id, m.title, b.name AS body_name, substr(m.starts_at, 1, 10) AS day, mi.status "
        "FROM meetings m JOIN bodies b ON b.id = m.body_id "
        "JOIN minutes mi ON mi.meeting_id = m.id WHERE m.id IN ({ids})",
        meeting_ids,
    )
    hits = []
    for meeting_id in meeting_ids[:limit]:
        if meeting_id not in by_meeting:
            continue
        r = by_meeting[meeting_id]
        rowid, text = best[meeting_id]
        extract = snippet(text, query, always=True)
        if rowid % 2:  # an erratum
            extract = _("Erratum : {text}").format(text=extract)
        hits.append(
            Hit(
                "minutes",
                meeting_id,
                highlight(r["title"], query),
                extract,
                _context(
                    label(MINUTES_STATUSES, r["status"]),
                    r["body_name"],
                    _date_unless_in(r["day"], r["title"]),
                ),
                date=r["day"],
                body=r["body_name"],
            )
        )
    return hits, len(best) > limit


def _decisions(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    return _found(
        db,
        query,
        limit,
        "search_decisions",
        "SELECT d.id, s.title, s.body, d.kind, b.name AS body_name, "
        "substr(m.starts_at, 1, 10) AS day, d.status "
        "FROM search_decisions s JOIN decisions d ON d.id = s.rowid "
        "JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id "
        "WHERE s.rowid IN ({ids})",
        lambda r: Hit(
            "decision",
            r["id"],
            _("{kind} n° {reference}").format(
                kind=label(DECISION_KINDS, r["kind"]), reference=highlight(r["title"], query)
            ),
            # A decision is its text: always shown, its matched words marked.
            snippet(r["body"], query, words=30, always=True),
            _context(r["body_name"], display(r["day"]), label(DECISION_STATUSES, r["status"])),
            date=r["day"],
            body=r["body_name"],
        ),
    )


def _actions(db: Database, query: Query, limit: int) -> tuple[list[Hit], bool]:
    # First the actions whose title or description match (best first), then those found by
    # the comments of their follow-up (the most recent first).
    direct = _ranked(db, "search_actions", (_TITLE_WEIGHT, 1.0), query, limit + 1)
    by_comment: dict[int, tuple[str, str]] = {}  # action id → (date, comment)
    if len(direct) <= limit:
        update_ids = _ranked(db, "search_action_updates", (1.0,), query, (limit + 1) * 8)
        updates = _rows_by_id(
            db,
            "SELECT id, action_id, on_date, comment FROM action_updates WHERE id IN ({ids})",
            update_ids,
        )
        for update_id in update_ids:
            u = updates.get(update_id)
            if u is not None and u["action_id"] not in direct:
                by_comment.setdefault(u["action_id"], (u["on_date"], u["comment"]))
    order = [*direct, *by_comment][: limit + 1]
    by_action = _rows_by_id(
        db,
        "SELECT a.id, a.title, a.description, b.name AS body_name, a.status, a.due_date "
        "FROM actions a JOIN bodies b ON b.id = a.body_id WHERE a.id IN ({ids})",
        order,
    )
    hits = []
    for action_id in order[:limit]:
        if action_id not in by_action:
            continue
        r = by_action[action_id]
        if action_id in by_comment:
            on_date, comment = by_comment[action_id]
            extract = _("Suivi du {date} : {comment}").format(
                date=display(on_date), comment=snippet(comment, query, always=True)
            )
        else:
            extract = snippet(r["description"], query)
        due_date = r["due_date"]
        due = _("échéance {date}").format(date=display(due_date)) if due_date else ""
        hits.append(
            Hit(
                "action",
                action_id,
                highlight(r["title"], query),
                extract,
                _context(label(action_rules.STATUSES, r["status"]), due, r["body_name"]),
                date=due_date,
                body=r["body_name"],
            )
        )
    return hits, len(order) > limit


_SEARCHERS: dict[str, Callable[[Database, Query, int], tuple[list[Hit], bool]]] = {
    "person": _people,
    "organisation": _organisations,
    "body": _bodies,
    "meeting": _meetings,
    "agenda_item": _agenda_items,
    "minutes": _minutes,
    "decision": _decisions,
    "action": _actions,
}


def search(
    db: Database, text: str, *, kinds: Iterable[str] | None = None, limit: int = 5
) -> list[Group]:
    """The records matching `text`, by kind (in KINDS order, kinds without a match left out),
    at most `limit` of each kind. Whatever `text` holds, this returns (an empty list when there
    is nothing to look for)."""
    query = parse(text)
    if query is None:
        return []
    wanted = set(KINDS if kinds is None else kinds)
    limit = max(1, min(int(limit), MAX_LIMIT))
    groups: list[Group] = []
    for kind in KINDS:
        if kind not in wanted:
            continue
        hits, more = _SEARCHERS[kind](db, query, limit)
        if hits:
            groups.append(Group(kind, tuple(hits), more))
    return groups


def check_index(db: Database) -> list[str]:
    """What FTS5's own check finds wrong in the search index, compared with the rows it was
    built from (the words of a record missing or left behind); an empty list when all is well."""
    from ess_desk.store.search_schema import search_tables

    problems = []
    present = set(database.column(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
    # The check is an INSERT of a command (it writes nothing): the transaction Python opens for
    # it is closed again, and a file open read-only cannot run it.
    was_in_transaction = db.conn.in_transaction
    try:
        for table in search_tables():
            if table not in present:
                continue  # a file not migrated yet: the schema check says so
            try:
                db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.OperationalError as exc:
                if "readonly" in str(exc):
                    return []
                raise
            except sqlite3.DatabaseError as exc:
                problems.append(
                    _(
                        "Index de recherche ({table}) : {reason} ; « ess-desk search --rebuild » "
                        "le reconstruit."
                    ).format(table=table, reason=exc)
                )
    finally:
        if not was_in_transaction and db.conn.in_transaction:
            db.conn.rollback()
    return problems


def rebuild(store: Store) -> int:
    """Empty the search index and fill it again from the records, in one transaction; returns
    how many entries it holds."""
    from ess_desk.store import derived
    from ess_desk.store.bulk import rebuild_indexes
    from ess_desk.store.search_schema import search_tables

    with store.write() as db:
        rebuild_indexes(db)
        derived.rebuild(db)  # the lists' folded keys and counts, likewise
        return sum(database.count(db, f"SELECT count(*) FROM {table}") for table in search_tables())


def hits(groups: Iterable[Group]) -> list[Hit]:
    """Every hit of the groups, in the order shown."""
    return [h for g in groups for h in g.hits]
