"""Every free-text column that may name a person, with where it sits in the council's record and
whether anonymisation may rewrite it (approved minutes and what they record are public archives,
frozen by the schema's triggers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ess_desk.dates import display
from ess_desk.i18n import _
from ess_desk.minutes.decisions import reference
from ess_desk.privacy.matching import Candidates
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class FreeText:
    """One text value of one row; `where` says in words where it sits (built only when asked:
    most texts are looked at and dropped)."""

    table: str
    column: str
    row_key: object  # the row's id (or the setting's key)
    text: str
    writable: bool  # False: part of an approved (frozen) record
    context: tuple = ()
    clear: bool = False  # a contact field: emptied rather than rewritten

    @property
    def field(self) -> str:
        return f"{self.table}.{self.column}"

    @property
    def where(self) -> str:
        return _WHERE[self.table](*self.context)


Filter = Candidates | None


def _where(
    match: Filter,
    index: str | None,
    row_id: str,
    *columns: str,
    joiner: str = "WHERE",
) -> tuple[str, list]:
    """` WHERE …` keeping the rows `match` points at (see Candidates.where), or nothing."""
    if match is None:
        return "", []
    condition, params = match.where(index, row_id, columns)
    return f" {joiner} {condition}", params


# Meetings whose minutes are approved: their agenda, guests, decisions and minutes are frozen.
_APPROVED = "SELECT meeting_id FROM minutes WHERE status = 'approved'"

_WHERE: dict[str, Callable[..., str]] = {
    "minutes": lambda day, body: _("Procès-verbal de la séance du {day} ({body})").format(
        day=display(day), body=body
    ),
    "minutes_sections": lambda day, body, title: _(
        "Procès-verbal de la séance du {day} ({body}), point « {title} »"
    ).format(day=display(day), body=body, title=title),
    "minutes_errata": lambda day, body: _(
        "Erratum au procès-verbal de la séance du {day} ({body})"
    ).format(day=display(day), body=body),
    "decisions": lambda year, number, day, body: _(
        "Décision n° {reference} du {day} ({body})"
    ).format(reference=reference(year, number), day=display(day), body=body),
    "agenda_items": lambda day, body, title: _(
        "Ordre du jour de la séance du {day} ({body}), point « {title} »"
    ).format(day=display(day), body=body, title=title),
    "guests": lambda day, body: _("Invité(e)s de la séance du {day} ({body})").format(
        day=display(day), body=body
    ),
    "meetings": lambda day, body: _("Séance du {day} ({body})").format(day=display(day), body=body),
    "actions": lambda action_id, title: _("Action n°{id} « {title} »").format(
        id=action_id, title=title
    ),
    "action_updates": lambda day, action_id: _("Point de suivi du {day} de l'action n°{id}").format(
        day=display(day), id=action_id
    ),
    "mandates": lambda mandate_id, body: _("Mandat n°{id} ({body})").format(
        id=mandate_id, body=body
    ),
    "people": lambda person_id: _("Notes de la fiche personne n°{id}").format(id=person_id),
    "organisations": lambda name: _("Structure « {name} »").format(name=name),
    "settings": lambda key: _("Réglage « {key} »").format(key=key),
}


def _minutes(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, None, "mi.id", "mi.secretary")
    for r in database.each_row(
        db,
        "SELECT mi.id, mi.secretary, mi.status, m.starts_at AS day, b.name AS body FROM minutes mi "
        "JOIN meetings m ON m.id = mi.meeting_id JOIN bodies b ON b.id = m.body_id" + where,
        params,
    ):
        frozen = r["status"] == "approved"
        yield ("minutes", "secretary", r["id"], r["secretary"], not frozen, (r["day"], r["body"]))


def _sections(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_minutes", "s.id * 2", "s.summary")
    for r in database.each_row(
        db,
        "SELECT s.id, s.summary, mi.status, m.starts_at AS day, b.name AS body, i.title "
        "FROM minutes_sections s "
        "JOIN minutes mi ON mi.id = s.minutes_id JOIN meetings m ON m.id = mi.meeting_id "
        "JOIN bodies b ON b.id = m.body_id JOIN agenda_items i ON i.id = s.item_id" + where,
        params,
    ):
        yield (
            "minutes_sections",
            "summary",
            r["id"],
            r["summary"],
            r["status"] != "approved",
            (r["day"], r["body"], r["title"]),
        )


def _errata(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_minutes", "e.id * 2 + 1", "e.reason", "e.text")
    for r in database.each_row(
        db,
        "SELECT e.id, e.reason, e.text, m.starts_at AS day, b.name AS body FROM minutes_errata e "
        "JOIN minutes mi ON mi.id = e.minutes_id JOIN meetings m ON m.id = mi.meeting_id "
        "JOIN bodies b ON b.id = m.body_id" + where,
        params,
    ):
        place = (r["day"], r["body"])
        yield ("minutes_errata", "reason", r["id"], r["reason"], False, place)
        yield ("minutes_errata", "text", r["id"], r["text"], False, place)


def _decisions(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_decisions", "d.id", "d.text")
    for r in database.each_row(
        db,
        "SELECT d.id, d.year, d.number, d.text, m.starts_at AS day, b.name AS body, "
        f"d.meeting_id IN ({_APPROVED}) AS frozen "
        "FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN bodies b ON b.id = m.body_id"
        + where,
        params,
    ):
        place = (r["year"], r["number"], r["day"], r["body"])
        yield ("decisions", "text", r["id"], r["text"], not r["frozen"], place)


def _agenda_items(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(
        match, "search_agenda_items", "i.id", "i.title", "i.description", "i.presenter_text"
    )
    for r in database.each_row(
        db,
        "SELECT i.id, i.title, i.description, i.presenter_text, m.starts_at AS day, "
        f"b.name AS body, i.meeting_id IN ({_APPROVED}) AS frozen FROM agenda_items i "
        "JOIN meetings m ON m.id = i.meeting_id JOIN bodies b ON b.id = m.body_id" + where,
        params,
    ):
        place = (r["day"], r["body"], r["title"])
        for column in ("title", "description", "presenter_text"):
            yield ("agenda_items", column, r["id"], r[column], not r["frozen"], place)


def _guests(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, None, "g.id", "g.name")
    for r in database.each_row(
        db,
        "SELECT g.id, g.name, m.starts_at AS day, b.name AS body, "
        f"g.meeting_id IN ({_APPROVED}) AS frozen FROM guests g "
        "JOIN meetings m ON m.id = g.meeting_id JOIN bodies b ON b.id = m.body_id" + where,
        params,
    ):
        yield ("guests", "name", r["id"], r["name"], not r["frozen"], (r["day"], r["body"]))


def _meetings(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_meetings", "m.id", "m.title", "m.notes")
    for r in database.each_row(
        db,
        "SELECT m.id, m.title, m.notes, m.starts_at AS day, b.name AS body, "
        f"m.id IN ({_APPROVED}) AS frozen FROM meetings m JOIN bodies b ON b.id = m.body_id"
        + where,
        params,
    ):
        # The schema freezes an approved meeting's title, not its internal notes.
        place = (r["day"], r["body"])
        yield ("meetings", "title", r["id"], r["title"], not r["frozen"], place)
        yield ("meetings", "notes", r["id"], r["notes"], True, place)


def _actions(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_actions", "id", "title", "description")
    for action_id, title, description in db.execute(
        "SELECT id, title, description FROM actions" + where, params
    ):
        yield ("actions", "title", action_id, title, True, (action_id, title))
        yield ("actions", "description", action_id, description, True, (action_id, title))


def _action_updates(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_action_updates", "id", "comment", joiner="AND")
    for r in database.each_row(
        db,
        "SELECT id, action_id, on_date, comment FROM action_updates WHERE comment != ''" + where,
        params,
    ):
        place = (r["on_date"], r["action_id"])
        yield ("action_updates", "comment", r["id"], r["comment"], True, place)


def _mandates(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, None, "m.id", "m.notes", joiner="AND")
    for mandate_id, notes, body in db.execute(
        "SELECT m.id, m.notes, b.name FROM mandates m JOIN bodies b ON b.id = m.body_id "
        "WHERE m.notes != ''" + where,
        params,
    ):
        yield ("mandates", "notes", mandate_id, notes, True, (mandate_id, body))


def _people(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, "search_people", "id", "notes", joiner="AND")
    for person_id, notes in db.execute(
        "SELECT id, notes FROM people WHERE notes != ''" + where, params
    ):
        yield ("people", "notes", person_id, notes, True, (person_id,))


def _organisations(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, None, "id", "email", "phone")
    for r in database.each_row(
        db, "SELECT id, name, email, phone FROM organisations" + where, params
    ):
        # A personal address or number given as the structure's own contact: emptied.
        yield ("organisations", "email", r["id"], r["email"], True, (r["name"],), True)
        yield ("organisations", "phone", r["id"], r["phone"], True, (r["name"],), True)


def _settings(db: Database, match: Filter) -> Iterator[tuple]:
    where, params = _where(match, None, "key", "value", joiner="AND")
    for key, value in db.execute(
        "SELECT key, value FROM settings WHERE key != 'letterhead_logo'" + where, params
    ):
        yield ("settings", "value", key, value, True, (key,))


SOURCES: tuple[Callable[[Database, Filter], Iterator[tuple]], ...] = (
    _minutes,
    _sections,
    _errata,
    _decisions,
    _agenda_items,
    _guests,
    _meetings,
    _actions,
    _action_updates,
    _mandates,
    _people,
    _organisations,
    _settings,
)


def free_texts(
    db: Database, keep: Callable[[str], bool] | None = None, match: Filter = None
) -> Iterator[FreeText]:
    """Every non-empty free text of the record, table by table; with `keep`, only the texts it
    accepts (a large record holds hundreds of thousands of texts, a person is in a few). With
    `match` (the `Matcher.candidates()` of the `keep` given), SQLite reads through the indexes
    only the rows that may hold a text `keep` accepts."""
    for source in SOURCES:
        for row in source(db, match):
            text = row[3]
            if text and (keep is None or keep(text)):
                yield FreeText(*row)
