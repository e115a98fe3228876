"""What the Actions page and the reports read: actions across bodies with their last update,
filters, sorting, grouping by owner, counts by status and theme; links to meetings and items."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from ess_desk.actions import rules
from ess_desk.dates import display
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership.vocabulary import label
from ess_desk.record import Record
from ess_desk.store import database, rows
from ess_desk.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database


class ActionFilter(NamedTuple):
    """What the Actions page (or the command line) asks for; empty fields filter nothing."""

    body_id: int | None = None
    owner: str = ""  # words found in the owner's name or organisation
    owner_person_id: int | None = None
    owner_organisation_id: int | None = None
    statuses: frozenset[str] = frozenset()  # e.g. rules.OPEN_STATUSES
    theme_id: int | None = None
    overdue: bool = False
    due_within_days: int | None = None  # open actions due from today to today + N days
    text: str = ""  # words found in title, description, owner, theme or last comment
    meeting_id: int | None = None  # the meeting the action came from
    item_id: int | None = None
    decision_id: int | None = None
    created_until: str | None = None  # ISO date: actions that existed by then


class _Row:
    """A row of actions read by `_rows`: a plain class rather than a frozen dataclass (defining
    one compiles six methods at import, ~1.5 ms of the window's start): `_rows` fills each
    row's attributes at once from its columns, and the row is a value all the same (compared
    and hashed by its fields, never changed). `_fields`: the fields, in their order."""

    _fields: ClassVar[tuple[str, ...]] = ()
    status: str
    last_update_on: str | None
    last_update_comment: str
    last_update_no_change: bool

    @property
    def status_label(self) -> str:
        return label(rules.STATUSES, self.status)

    @property
    def last_update_text(self) -> str:
        """« 12/03/2026 : relance faite » for tables and exports."""
        if self.last_update_on is None:
            return ""
        comment = self.last_update_comment or (
            _("pas de changement") if self.last_update_no_change else self.status_label.lower()
        )
        return f"{display(self.last_update_on)} : {comment}"

    def __init__(self, **values: Any):
        if values.keys() != set(self._fields):
            name = type(self).__name__
            raise TypeError(f"{name}'s fields are {self._fields}, not {sorted(values)}")
        self.__dict__.update(values)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        values = self.__dict__
        return hash(tuple(values[name] for name in self._fields))

    def __repr__(self) -> str:
        values = self.__dict__
        fields = ", ".join(f"{name}={values[name]!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        name_of = type(self).__name__
        raise AttributeError(f"cannot assign to field {name!r}: an {name_of} does not change")

    def __delattr__(self, name: str) -> None:
        name_of = type(self).__name__
        raise AttributeError(f"cannot delete field {name!r}: an {name_of} does not change")


class ActionRow(_Row):
    """One action as the lists show it, with its last update."""

    id: int
    body_id: int
    body: str
    title: str
    description: str
    owner_person_id: int | None
    owner_organisation_id: int | None
    owner: str
    owner_email: str
    due_date: str | None
    priority: str
    status: str
    progress: int
    theme_id: int | None
    theme: str
    meeting_id: int | None
    meeting_title: str
    meeting_starts_at: str | None
    item_id: int | None
    item_position: int | None
    item_title: str
    decision_id: int | None
    decision_ref: str  # the register's number, « 2026-014 », when the decisions table has it
    created_on: str
    closed_on: str | None
    last_update_id: int | None
    last_update_on: str | None
    last_update_comment: str
    last_update_author: str
    last_update_meeting_id: int | None
    last_update_no_change: bool
    overdue: bool
    days_late: int

    @property
    def priority_label(self) -> str:
        return label(rules.PRIORITIES, self.priority)

    @property
    def is_open(self) -> bool:
        return rules.is_open(self.status)

    @property
    def owner_key(self) -> tuple[str, int]:
        """Whom reminders go to: the person when there is one, else the organisation."""
        if self.owner_person_id is not None:
            return ("person", self.owner_person_id)
        return ("organisation", self.owner_organisation_id or 0)

    @property
    def origin(self) -> str:
        """Where the action comes from, in words: « Bureau du 10/12/2026 — 3. Budget »."""
        parts = []
        if self.meeting_id is not None and self.meeting_starts_at:
            day = display(self.meeting_starts_at)
            parts.append(
                self.meeting_title
                if day in self.meeting_title
                else _("{title} du {day}").format(title=self.meeting_title, day=day)
            )
            if self.item_title:
                parts.append(f"{self.item_position}. {self.item_title}")
        if self.decision_id is not None:
            parts.append(_("décision n°{id}").format(id=self.decision_ref or self.decision_id))
        return " — ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "body": self.body,
            "owner": self.owner,
            "owner_person_id": self.owner_person_id,
            "owner_organisation_id": self.owner_organisation_id,
            "due_date": self.due_date,
            "priority": self.priority,
            "status": self.status,
            "status_label": self.status_label,
            "progress": self.progress,
            "overdue": self.overdue,
            "theme": self.theme or None,
            "origin": self.origin or None,
            "origin_meeting": self.meeting_id,
            "origin_meeting_date": self.meeting_starts_at[:10] if self.meeting_starts_at else None,
            "origin_item": self.item_id,
            "decision_id": self.decision_id,
            "decision": self.decision_ref or None,
            "created_on": self.created_on,
            "closed_on": self.closed_on,
            "last_update": (
                {
                    "date": self.last_update_on,
                    "comment": self.last_update_comment,
                    "author": self.last_update_author,
                    "meeting": self.last_update_meeting_id,
                }
                if self.last_update_id is not None
                else None
            ),
        }


class FollowUpRow(_Row):
    """An open action as a meeting pack's follow-up prints it (`follow_up_rows`): the fields
    its table, its selection and its public copy read, from a query of four joins where an
    `ActionRow` needs nine (the busiest pack reads 900 of them at each build)."""

    id: int
    title: str
    owner_person_id: int | None
    owner: str
    due_date: str | None
    status: str
    progress: int
    theme: str
    last_update_on: str | None
    last_update_comment: str
    last_update_no_change: bool
    overdue: bool
    days_late: int


# The owner as people read it: « Zoé Martin (La Ruche) », « La Ruche », « Zoé Martin ».
_OWNER = (
    "CASE WHEN p.id IS NOT NULL AND o.id IS NOT NULL "
    "THEN p.first_name || ' ' || p.last_name || ' (' || o.name || ')' "
    "WHEN p.id IS NOT NULL THEN p.first_name || ' ' || p.last_name "
    "ELSE COALESCE(o.name, '') END"
)
_OWNER_EMAIL = "COALESCE(NULLIF(p.email, ''), o.email, '')"

# Joins by alias, in the order they may appear; a query takes only those it needs.
_JOINS: dict[str, str] = {
    "b": "JOIN bodies b ON b.id = a.body_id",
    "p": "LEFT JOIN people p ON p.id = a.owner_person_id",
    "o": "LEFT JOIN organisations o ON o.id = a.owner_organisation_id",
    "t": "LEFT JOIN action_themes t ON t.id = a.theme_id",
    # The latest entry by the day it speaks of: one index seek per action
    # (index action_updates_latest).
    "u": "LEFT JOIN action_updates u ON u.id = (SELECT id FROM action_updates "
    "WHERE action_id = a.id ORDER BY on_date DESC, id DESC LIMIT 1)",
    "up": "LEFT JOIN people up ON up.id = u.author_person_id",
    "m": "LEFT JOIN meetings m ON m.id = a.meeting_id",
    "i": "LEFT JOIN agenda_items i ON i.id = a.item_id",
}


def _from(aliases: set[str]) -> str:
    return " ".join(["FROM actions a", *(sql for k, sql in _JOINS.items() if k in aliases)])


# Each column named after its ActionRow field (overdue and days_late are worked out in _rows).
_COLUMNS = (
    "a.id, a.body_id, b.name AS body, a.title, a.description, a.owner_person_id, "
    f"a.owner_organisation_id, {_OWNER} AS owner, {_OWNER_EMAIL} AS owner_email, a.due_date, "
    "a.priority, a.status, a.progress, a.theme_id, COALESCE(t.name, '') AS theme, a.meeting_id, "
    "COALESCE(m.title, '') AS meeting_title, m.starts_at AS meeting_starts_at, a.item_id, "
    "i.position AS item_position, COALESCE(i.title, '') AS item_title, a.decision_id, "
    "{decision_ref} AS decision_ref, a.created_on, a.closed_on, u.id AS last_update_id, "
    "u.on_date AS last_update_on, COALESCE(u.comment, '') AS last_update_comment, "
    "COALESCE(up.first_name || ' ' || up.last_name, u.os_user, '') AS last_update_author, "
    "u.meeting_id AS last_update_meeting_id, COALESCE(u.no_change, 0) AS last_update_no_change"
)

_OPEN_SQL = "('" + "', '".join(sorted(rules.OPEN_STATUSES)) + "')"
_STATUS_RANK = (
    "CASE a.status "
    + " ".join(f"WHEN '{code}' THEN {n}" for n, code in enumerate(rules.STATUSES))
    + " END"
)
_PRIORITY_RANK = (
    "CASE a.priority "
    + " ".join(f"WHEN '{code}' THEN {n}" for code, n in rules.PRIORITY_RANK.items())
    + " END"
)

# Each sort key is a list of SQL terms (and the joins they need); descending reverses each
# term; the id breaks ties.
SORTS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "due_date": (("a.due_date IS NULL", "a.due_date"), frozenset()),
    "overdue_first": (
        (
            f"NOT (a.status IN {_OPEN_SQL} AND COALESCE(a.due_date < :today, 0))",
            "a.due_date IS NULL",
            "a.due_date",
        ),
        frozenset(),
    ),
    "id": (("a.id",), frozenset()),
    "title": (("a.title COLLATE NOCASE",), frozenset()),
    "owner": ((f"{_OWNER} COLLATE NOCASE",), frozenset({"p", "o"})),
    "status": ((_STATUS_RANK,), frozenset()),
    "progress": (("a.progress",), frozenset()),
    "priority": ((_PRIORITY_RANK,), frozenset()),
    "body": (("b.name COLLATE NOCASE",), frozenset({"b"})),
    "theme": (("t.position IS NULL", "t.position"), frozenset({"t"})),
    "origin": (("m.starts_at IS NULL", "m.starts_at", "i.position"), frozenset({"m", "i"})),
    "last_update": (("u.on_date IS NULL", "u.on_date"), frozenset({"u"})),
    "created_on": (("a.created_on",), frozenset()),
}


def _ids_sql(ids: set[int]) -> str:
    return "(" + ", ".join(str(int(i)) for i in sorted(ids)) + ")"


class _Names:
    """People, organisations and themes matched by a word, found once per query in Python
    (a few hundred names) so that SQLite filters the actions by id through its indexes."""

    def __init__(self, db: Database):
        self.people = [
            (pid, fold(f"{first} {last}"))
            for pid, first, last in db.execute("SELECT id, first_name, last_name FROM people")
        ]
        self.organisations = [
            (oid, fold(name)) for oid, name in db.execute("SELECT id, name FROM organisations")
        ]
        self.themes = [
            (tid, fold(name)) for tid, name in db.execute("SELECT id, name FROM action_themes")
        ]

    def owner_clause(self, word: str) -> str:
        people = {i for i, name in self.people if word in name}
        organisations = {i for i, name in self.organisations if word in name}
        terms = []
        if people:
            terms.append(f"a.owner_person_id IN {_ids_sql(people)}")
        if organisations:
            terms.append(f"a.owner_organisation_id IN {_ids_sql(organisations)}")
        return " OR ".join(terms) or "0"

    def theme_clause(self, word: str) -> str:
        themes = {i for i, name in self.themes if word in name}
        return f"a.theme_id IN {_ids_sql(themes)}" if themes else "0"


def _where(db: Database, filt: ActionFilter, today: dt.date) -> tuple[str, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {"today": today.isoformat()}
    if filt.body_id is not None:
        where.append("a.body_id = :body_id")
        params["body_id"] = filt.body_id
    if filt.statuses:
        unknown = set(filt.statuses) - set(rules.STATUSES)
        if unknown:
            raise UserError(
                _("Statut d'action inconnu : « {value} ».").format(value=", ".join(sorted(unknown)))
            )
        where.append("a.status IN (" + ", ".join(f"'{s}'" for s in sorted(filt.statuses)) + ")")
    if filt.owner_person_id is not None:
        where.append("a.owner_person_id = :owner_person_id")
        params["owner_person_id"] = filt.owner_person_id
    if filt.owner_organisation_id is not None:
        where.append("a.owner_organisation_id = :owner_organisation_id")
        params["owner_organisation_id"] = filt.owner_organisation_id
    owner_words, text_words = fold(filt.owner).split(), fold(filt.text).split()
    names = _Names(db) if owner_words or text_words else None
    for word in owner_words:
        assert names is not None
        where.append(f"({names.owner_clause(word)})")
    for n, word in enumerate(text_words):
        assert names is not None
        where.append(
            f"(a.search_text LIKE :text{n} ESCAPE '\\' "
            f"OR {names.owner_clause(word)} OR {names.theme_clause(word)})"
        )
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"text{n}"] = f"%{escaped}%"
    if filt.theme_id is not None:
        where.append("a.theme_id = :theme_id")
        params["theme_id"] = filt.theme_id
    if filt.overdue:
        where.append(f"a.status IN {_OPEN_SQL} AND a.due_date < :today")
    if filt.due_within_days is not None:
        if filt.due_within_days < 0:
            raise UserError(_("Le nombre de jours doit être positif."), field="due_within_days")
        where.append(f"a.status IN {_OPEN_SQL} AND a.due_date BETWEEN :today AND :horizon")
        params["horizon"] = (today + dt.timedelta(days=filt.due_within_days)).isoformat()
    for key in ("meeting_id", "item_id", "decision_id"):
        value = getattr(filt, key)
        if value is not None:
            where.append(f"a.{key} = :{key}")
            params[key] = value
    if filt.created_until is not None:
        where.append("a.created_on <= :created_until")
        params["created_until"] = filt.created_until
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _order(sort: str, descending: bool) -> tuple[str, frozenset[str]]:
    if sort not in SORTS:
        raise UserError(_("Tri inconnu : « {value} ».").format(value=sort))
    terms, joins = SORTS[sort]
    direction = " DESC" if descending else ""
    return " ORDER BY " + ", ".join(f"{t}{direction}" for t in (*terms, "a.id")), joins


def query_ids(
    db: Database,
    filt: ActionFilter | None = None,
    *,
    sort: str = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
) -> list[int]:
    """The ids of the actions that pass the filter, sorted: what the Actions page's model holds
    (rows are then read for the lines on screen with `fetch_rows`); the first `limit` only when
    given (what the table shows before it is scrolled)."""
    sql, params = _ids_query(db, filt, sort, descending, today)
    if limit is not None:
        sql, params = f"{sql} LIMIT :limit", {**params, "limit": int(limit)}
    return database.column(db, sql, params)


def _ids_query(
    db: Database, filt: ActionFilter | None, sort: str, descending: bool, today: dt.date | None
) -> tuple[str, dict[str, Any]]:
    where, params = _where(db, filt or ActionFilter(), today or dt.date.today())
    order, joins = _order(sort, descending)
    return f"SELECT a.id {_from(set(joins))}{where}{order}", params


def body_counts(
    db: Database, filt: ActionFilter | None = None, *, today: dt.date | None = None
) -> list[tuple[int, str, int]]:
    """(body id, name, how many) of the bodies holding actions that pass the filter, by name:
    the sections of the tableau de suivi."""
    today = today or dt.date.today()
    where, params = _where(db, filt or ActionFilter(), today)
    counted = [
        (r["body_id"], r["name"], r["actions"])
        for r in rows(
            db,
            f"SELECT a.body_id AS body_id, b.name AS name, COUNT(*) AS actions "
            f"{_from({'b'})}{where} GROUP BY a.body_id",
            params,
        )
    ]
    return sorted(counted, key=lambda body: (fold(body[1]), body[0]))


def fetch_rows(db: Database, ids: list[int], today: dt.date | None = None) -> list[ActionRow]:
    """Full rows (owner, origin, last update, overdue) for these ids, in the order given;
    ids that no longer exist are left out."""
    today = today or dt.date.today()
    found: dict[int, ActionRow] = {}
    for start in range(0, len(ids), 500):
        chunk = {int(i) for i in ids[start : start + 500]}
        sql = f"SELECT {{columns}} {_from(set(_JOINS))} WHERE a.id IN {_ids_sql(chunk)}"
        found |= {row.id: row for row in _fetch(db, sql, {}, today)}
    return [found[i] for i in ids if i in found]


def query_actions(
    db: Database,
    filt: ActionFilter | None = None,
    *,
    sort: str = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
) -> list[ActionRow]:
    """The actions that pass the filter, each with its last update, in one query (exports,
    reports, review lists; the page itself holds ids, see `query_ids`)."""
    today = today or dt.date.today()
    where, params = _where(db, filt or ActionFilter(), today)
    order, _joins = _order(sort, descending)
    sql = f"SELECT {{columns}} {_from(set(_JOINS))}{where}{order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _fetch(db, sql, params, today)


def get_row(db: Database, action_id: int, today: dt.date | None = None) -> ActionRow:
    """One action as the lists show it (owner, origin, last update)."""
    from ess_desk.actions import actions

    actions.get(db, action_id)  # a clear message when it does not exist
    today = today or dt.date.today()
    sql = f"SELECT {{columns}} {_from(set(_JOINS))} WHERE a.id = :id"
    return _fetch(db, sql, {"id": action_id}, today)[0]


def _columns(db: Database) -> str:
    # decision_id has no foreign key (the decisions table came in a parallel migration): read
    # the register's number only when the table is there.
    has_decisions = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'"
    ).fetchone()
    ref = (
        "COALESCE((SELECT d.year || '-' || printf('%03d', d.number) FROM decisions d "
        "WHERE d.id = a.decision_id), '')"
        if has_decisions
        else "''"
    )
    return _COLUMNS.format(decision_ref=ref)


def _fetch(db: Database, sql: str, params: dict[str, Any], today: dt.date) -> list[ActionRow]:
    return list(_rows(db, sql, params, today))


ActionRow._fields = tuple(ActionRow.__annotations__)  # the fields, in their order
FollowUpRow._fields = tuple(FollowUpRow.__annotations__)
_R = TypeVar("_R", bound=_Row)


def _rows(
    db: Database,
    sql: str,
    params: dict[str, Any],
    today: dt.date,
    kind: type[_R] = ActionRow,  # type: ignore[assignment]
) -> Iterator[_R]:
    # Overdue is worked out here, on the day asked for: it is never stored.
    if "{columns}" in sql:  # (a FollowUpRow's query names its columns: no table to look up)
        sql = sql.replace("{columns}", _columns(db))
    today_iso = today.isoformat()
    cursor = db.conn.cursor()  # plain tuples, each paired with its column's name
    cursor.execute(sql, params)
    names = [column[0] for column in cursor.description]
    if {*names, "overdue", "days_late"} != set(kind._fields):
        raise ValueError(f"columns {sorted(names)} are not those of {kind.__name__}")
    # Every field is there (checked above, by name): each row is filled at once, its columns
    # straight into its attributes, rather than through __init__'s check (tens of thousands of
    # rows); the days late counted by the days' ordinals, as `rules.days_late` counts them. The
    # three columns it reads are taken from the row's tuple by their places.
    open_statuses, today_ordinal, day_of = rules.OPEN_STATUSES, today.toordinal(), _DAY_OF
    due_at, status_at = names.index("due_date"), names.index("status")
    no_change_at = names.index("last_update_no_change")
    new = object.__new__
    for r in cursor:  # (each as wide as the cursor's description: zip need not check)
        row = new(kind)
        values = row.__dict__
        values.update(zip(names, r, strict=False))
        due = r[due_at]
        if due and due < today_iso and r[status_at] in open_statuses:
            values["overdue"] = True
            values["days_late"] = today_ordinal - day_of(due).toordinal()
        else:
            values["overdue"] = False
            values["days_late"] = 0
        values["last_update_no_change"] = bool(r[no_change_at])
        yield row


_DAY_OF = dt.date.fromisoformat


def with_changes(row: _R, **changes: Any) -> _R:
    """A copy of `row` with `changes` (the public pack changes three texts of 900 rows)."""
    kind = type(row)
    if not changes.keys() <= set(kind._fields):
        unknown = sorted(changes.keys() - set(kind._fields))
        raise TypeError(f"not fields of {kind.__name__}: {unknown}")
    out = object.__new__(kind)
    out.__dict__.update(row.__dict__, **changes)
    return out


# The columns of a FollowUpRow, as _COLUMNS writes them.
_FOLLOW_UP_COLUMNS = (
    f"a.id, a.title, a.owner_person_id, {_OWNER} AS owner, a.due_date, a.status, a.progress, "
    "COALESCE(t.name, '') AS theme, u.on_date AS last_update_on, "
    "COALESCE(u.comment, '') AS last_update_comment, "
    "COALESCE(u.no_change, 0) AS last_update_no_change"
)


def follow_up_rows(
    db: Database, filt: ActionFilter, *, sort: str, today: dt.date
) -> list[FollowUpRow]:
    """`query_actions` for a meeting pack's follow-up: the same actions in the same order, each
    with the fields of a `FollowUpRow` only."""
    sql, params = follow_up_query(db, filt, sort=sort, today=today)
    return list(_rows(db, sql, params, today, FollowUpRow))


def follow_up_query(
    db: Database, filt: ActionFilter, *, sort: str, today: dt.date
) -> tuple[str, dict[str, Any]]:
    """The statement `follow_up_rows` runs and its parameters (a meeting pack's follow-up reads
    the open actions through the index of migration 0025)."""
    where, params = _where(db, filt, today)
    order, joins = _order(sort, False)
    return (
        f"SELECT {_FOLLOW_UP_COLUMNS} {_from({'p', 'o', 't', 'u', *joins})}{where}{order}",
        params,
    )


def iter_actions(
    db: Database,
    filt: ActionFilter | None = None,
    *,
    sort: str = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
) -> Iterator[ActionRow]:
    """`query_actions` one row at a time, read from SQLite as they are used: a list of any size
    in bounded memory (`ess-desk actions --json`)."""
    today = today or dt.date.today()
    where, params = _where(db, filt or ActionFilter(), today)
    order, _joins = _order(sort, descending)
    return _rows(db, f"SELECT {{columns}} {_from(set(_JOINS))}{where}{order}", params, today)


class OwnerGroup:
    """An owner's open actions, as the reminders gather them."""

    __slots__ = ("key", "owner", "email", "rows")

    def __init__(
        self, key: tuple[str, int], owner: str, email: str, rows: list[ActionRow] | None = None
    ):
        self.key = key
        self.owner = owner
        self.email = email
        self.rows: list[ActionRow] = [] if rows is None else rows

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OwnerGroup) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.key, self.owner, self.email, self.rows) == (
            other.key,
            other.owner,
            other.email,
            other.rows,
        )

    __hash__ = None  # type: ignore[assignment]  # a group grows: not hashable, as before

    def __repr__(self) -> str:
        return (
            f"OwnerGroup(key={self.key!r}, owner={self.owner!r}, email={self.email!r}, "
            f"rows={self.rows!r})"
        )


def group_by_owner(rows: list[ActionRow]) -> list[OwnerGroup]:
    """Rows under their owner (the person when there is one, else the organisation), owners by
    name, each owner's rows in the order given."""
    groups: dict[tuple[str, int], OwnerGroup] = {}
    for row in rows:
        key = row.owner_key
        if key not in groups:
            name = row.owner
            if key[0] == "person" and row.owner_organisation_id is not None:
                name = name.split(" (", 1)[0]  # the person, whatever organisation they act for
            groups[key] = OwnerGroup(key, name, row.owner_email)
        groups[key].rows.append(row)
    return sorted(groups.values(), key=lambda g: (fold(g.owner), g.key))


def open_by_owner(
    db: Database, filt: ActionFilter | None = None, today: dt.date | None = None
) -> list[OwnerGroup]:
    """The open actions that pass the filter, by owner, overdue ones first for each (what each
    owner is reminded of)."""
    filt = (filt or ActionFilter())._replace(statuses=rules.OPEN_STATUSES)
    return group_by_owner(query_actions(db, filt, sort="overdue_first", today=today))


def open_owner_count(
    db: Database, filt: ActionFilter | None = None, today: dt.date | None = None
) -> int:
    """How many owners `open_by_owner` gives (the same filter), counted without reading their
    actions."""
    filt = (filt or ActionFilter())._replace(statuses=rules.OPEN_STATUSES)
    where, params = _where(db, filt, today or dt.date.today())
    # (an owner as `ActionRow.owner_key`: the person when there is one, else the organisation)
    return database.count(
        db,
        "SELECT COUNT(*) FROM (SELECT DISTINCT a.owner_person_id, CASE WHEN a.owner_person_id "
        f"IS NULL THEN COALESCE(a.owner_organisation_id, 0) END FROM actions a{where})",
        params,
    )


class Counts(Record):
    __slots__ = _fields = ("total", "overdue", "by_status", "by_theme")
    total: int
    overdue: int
    by_status: dict[str, int]  # every status, zeros included, in vocabulary order
    by_theme: list[tuple[int | None, str, int]]  # (theme id, name, count); no theme last

    def __init__(
        self,
        total: int,
        overdue: int,
        by_status: dict[str, int],
        by_theme: list[tuple[int | None, str, int]],
    ) -> None:
        self.total = total
        self.overdue = overdue
        self.by_status = by_status
        self.by_theme = by_theme


def counts(db: Database, filt: ActionFilter | None = None, today: dt.date | None = None) -> Counts:
    """How many actions pass the filter, by status and by theme, and how many are overdue: one
    aggregate over the matching actions (their ids are not read)."""
    today = today or dt.date.today()
    where, params = _where(db, filt or ActionFilter(), today)
    by_status: dict[str, int] = dict.fromkeys(rules.STATUSES, 0)
    per_theme: dict[int | None, int] = {}
    total = overdue = 0
    for r in database.each_row(
        db,
        "SELECT a.status AS status, a.theme_id AS theme_id, COUNT(*) AS n, "
        f"SUM(a.status IN {_OPEN_SQL} AND a.due_date < :today) AS late "
        f"FROM actions a{where} GROUP BY a.status, a.theme_id",
        params,
    ):
        n = r["n"]
        by_status[r["status"]] = by_status.get(r["status"], 0) + n
        per_theme[r["theme_id"]] = per_theme.get(r["theme_id"], 0) + n
        total += n
        overdue += r["late"] or 0
    return Counts(total, overdue, by_status, _by_theme(db, per_theme))


def _by_owner(db: Database, rows: list[tuple], descending: bool) -> list[tuple]:
    """Action rows (id, …, person id, organisation id) sorted by their owner's name as `_OWNER`
    builds it, compared ignoring case and accents, then by id: the rows of each owner are taken
    together (a few hundred names to sort, and each owner's rows, rather than every row by a
    key)."""
    people = {
        person_id: f"{first} {last}"
        for person_id, first, last in db.execute("SELECT id, first_name, last_name FROM people")
    }
    orgs = {r["id"]: r["name"] for r in database.each_row(db, "SELECT id, name FROM organisations")}
    owners: dict[tuple[int | None, int | None], list[tuple]] = {}
    for row in rows:
        owner = (row[-2], row[-1])  # by position: the rows' last two columns, see above
        found = owners.get(owner)
        if found is None:
            owners[owner] = [row]
        else:
            found.append(row)
    by_name: dict[str, list[tuple]] = {}
    for (person_id, organisation_id), runs in owners.items():
        person, org = people.get(person_id), orgs.get(organisation_id)
        name = fold(f"{person} ({org})" if person and org else person or org or "")
        # (two owners written alike: their actions together)
        by_name[name] = [*by_name[name], *runs] if name in by_name else runs
    for runs in by_name.values():
        runs.sort()  # by id, the rows' first column (ids are unique)
    out = [row for name in sorted(by_name) for row in by_name[name]]
    if descending:
        out.reverse()
    return out


def query_ids_and_counts(
    db: Database,
    filt: ActionFilter | None = None,
    *,
    sort: str | None = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
) -> tuple[list[int], Counts]:
    """`query_ids` and `counts` from one pass over the matching actions (what a filter change on
    the Actions page needs: scanning 30,000 actions once rather than three times)."""
    today = today or dt.date.today()
    where, params = _where(db, filt or ActionFilter(), today)
    # By owner, sorting in SQL means joining and building a name for every action: sorting
    # here on names read once per person and organisation is several times faster.
    by_owner = sort == "owner"
    order, joins = _order(sort, descending) if sort and not by_owner else ("", frozenset())
    rows = db.execute(
        f"SELECT a.id, a.status, a.theme_id, a.status IN {_OPEN_SQL} AND a.due_date < :today, "
        f"a.owner_person_id, a.owner_organisation_id {_from(set(joins))}{where}{order}",
        params,
    ).fetchall()
    if by_owner:
        rows = _by_owner(db, rows, descending)
    # Counted column by column: several times faster in Python than one loop over the rows
    # (30,000 actions on a filter change), so the SELECT's six columns are taken in its order.
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[]] * 6  # by position: speed
    ids, statuses, theme_ids, late, _people, _organisations = columns
    by_status = dict.fromkeys(rules.STATUSES, 0) | Counter(statuses)
    per_theme = Counter(theme_ids)
    overdue = sum(1 for is_late in late if is_late)
    return ids, Counts(len(rows), overdue, by_status, _by_theme(db, per_theme))


def page_ids_and_counts(
    db: Database,
    filt: ActionFilter,
    *,
    sort: str,
    descending: bool,
    today: dt.date,
    window: int,
) -> tuple[list[int], Counts, bool]:
    """What the Actions page shows after a filter change: the ids in order, the counts, and
    whether every id was read (else the first `window`, the rest read when scrolled to). The
    counts are those kept beside the actions when the filter allows (`kept_counts`), else one
    aggregate, and only the first ids are read; a filter on words scans the actions' texts,
    once for the ids and counts together; by owner, every id is read and sorted here."""
    kept = kept_counts(db, filt, today)
    words = fold(filt.owner).split() or fold(filt.text).split()
    if sort == "owner" and kept is not None:
        where, params = _where(db, filt, today)
        found = db.execute(
            f"SELECT a.id, a.owner_person_id, a.owner_organisation_id FROM actions a{where}",
            params,
        ).fetchall()
        ids = [r[0] for r in _by_owner(db, found, descending)]  # by position: see _by_owner
        return ids, kept, True
    if sort == "owner" or (kept is None and words):
        ids, found_counts = query_ids_and_counts(
            db, filt, sort=sort, descending=descending, today=today
        )
        return ids, found_counts, True
    ids = query_ids(db, filt, sort=sort, descending=descending, today=today, limit=window)
    return ids, kept or counts(db, filt, today), len(ids) < window


def _by_theme(db: Database, per_theme: dict[int | None, int]) -> list[tuple[int | None, str, int]]:
    """(theme id, name, count) in the themes' order, no theme last."""
    themes = {
        theme_id: (name, position)
        for theme_id, name, position in db.execute("SELECT id, name, position FROM action_themes")
    }

    def theme_order(theme_id: int | None) -> tuple[bool, int]:
        known = themes.get(theme_id) if theme_id is not None else None
        return (known is None, known[1] if known else 0)

    return [
        (theme_id, themes[theme_id][0] if theme_id in themes else _("Sans thème"), n)
        for theme_id, n in sorted(per_theme.items(), key=lambda item: theme_order(item[0]))
    ]


def kept_counts(
    db: Database, filt: ActionFilter | None = None, today: dt.date | None = None
) -> Counts | None:
    """`counts`, read from the counts kept by body, status, theme and due date
    (ess_desk.store.derived) instead of the actions themselves, when the filter asks for nothing
    but a body, statuses and a theme (the Actions page as it opens); None for any other filter."""
    filt = filt or ActionFilter()
    if filt != ActionFilter(body_id=filt.body_id, statuses=filt.statuses, theme_id=filt.theme_id):
        return None
    today = today or dt.date.today()
    _where(db, filt, today)  # an unknown status is refused as the query would
    where, params = _kept_where(filt)
    by_status: dict[str, int] = dict.fromkeys(rules.STATUSES, 0)
    per_theme: dict[int | None, int] = {}
    for status, theme_key, n in db.execute(
        f"SELECT status, theme_key, SUM(n) FROM action_counts{where} GROUP BY 1, 2 "
        "HAVING SUM(n) > 0",
        params,
    ):
        by_status[status] = by_status.get(status, 0) + n
        theme = theme_key or None
        per_theme[theme] = per_theme.get(theme, 0) + n
    return Counts(
        sum(by_status.values()), _kept_overdue(db, filt, today), by_status, _by_theme(db, per_theme)
    )


def _kept_where(filt: ActionFilter, theme: str = "theme_key") -> tuple[str, dict[str, Any]]:
    """The filter's body, theme and statuses as a WHERE on the counts (or on the actions, whose
    theme column is `theme_id`)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    for column, key, value in (
        ("body_id", "body_id", filt.body_id),
        (theme, "theme_id", filt.theme_id),
    ):
        if value is not None:
            where.append(f"{column} = :{key}")
            params[key] = value
    if filt.statuses:
        where.append("status IN (" + ", ".join(f"'{s}'" for s in sorted(filt.statuses)) + ")")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _kept_overdue(db: Database, filt: ActionFilter, today: dt.date) -> int:
    open_ = sorted(rules.OPEN_STATUSES & filt.statuses if filt.statuses else rules.OPEN_STATUSES)
    if not open_:
        return 0
    statuses = "(" + ", ".join(f"'{s}'" for s in open_) + ")"
    if filt.body_id is None and filt.theme_id is None:
        sql = (
            "SELECT COALESCE(SUM(n), 0) FROM action_due_counts "
            f"WHERE status IN {statuses} AND due_key != '' AND due_key < :today"
        )
    else:  # by the actions' own indexes (body, status, due date; theme)
        where, _params = _kept_where(
            ActionFilter(body_id=filt.body_id, theme_id=filt.theme_id), theme="theme_id"
        )
        sql = f"SELECT COUNT(*) FROM actions{where} AND status IN {statuses} AND due_date < :today"
    params = {"today": today.isoformat(), "body_id": filt.body_id, "theme_id": filt.theme_id}
    return int(database.scalar(db, sql, params))


def actions_of_item(db: Database, item_id: int, today: dt.date | None = None) -> list[ActionRow]:
    """The actions decided on an agenda item (the item's side of the link)."""
    return query_actions(db, ActionFilter(item_id=item_id), sort="id", today=today)


def actions_of_meeting(
    db: Database, meeting_id: int, today: dt.date | None = None
) -> list[ActionRow]:
    """The actions that came out of a meeting, by agenda item."""
    return query_actions(db, ActionFilter(meeting_id=meeting_id), sort="origin", today=today)


def actions_of_decision(
    db: Database, decision_id: int, today: dt.date | None = None
) -> list[ActionRow]:
    return query_actions(db, ActionFilter(decision_id=decision_id), sort="id", today=today)


class Origin(Record):
    __slots__ = _fields = (
        "meeting_id",
        "meeting_title",
        "meeting_day",
        "item_id",
        "item_title",
        "decision_id",
        "text",
    )
    meeting_id: int | None
    meeting_title: str
    meeting_day: str | None
    item_id: int | None
    item_title: str
    decision_id: int | None
    text: str

    def __init__(
        self,
        meeting_id: int | None,
        meeting_title: str,
        meeting_day: str | None,
        item_id: int | None,
        item_title: str,
        decision_id: int | None,
        text: str,
    ) -> None:
        self.meeting_id = meeting_id
        self.meeting_title = meeting_title
        self.meeting_day = meeting_day
        self.item_id = item_id
        self.item_title = item_title
        self.decision_id = decision_id
        self.text = text


def origin(db: Database, action_id: int) -> Origin:
    """Where an action comes from (the action's side of the link)."""
    row = get_row(db, action_id)
    return Origin(
        row.meeting_id,
        row.meeting_title,
        row.meeting_starts_at[:10] if row.meeting_starts_at else None,
        row.item_id,
        row.item_title,
        row.decision_id,
        row.origin,
    )
