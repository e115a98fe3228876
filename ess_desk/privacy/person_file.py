"""A person's whole file for an access request (droit d'accès, RGPD art. 15): everything the
database holds about them, collected as plain data (`PersonFile`) that the JSON here and the PDF
(ess_desk.documents.person_file_pdf) both render; ess_desk.exchange.person_file writes either."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ess_desk import json_text, service
from ess_desk.actions import rules as action_rules
from ess_desk.council import get_letterhead
from ess_desk.errors import UserError
from ess_desk.fileio import atomic_path
from ess_desk.i18n import _
from ess_desk.meetings import attendance as attendance_rules
from ess_desk.meetings.vocabulary import ITEM_KINDS
from ess_desk.membership.vocabulary import ORGANISATION_KINDS, ROLES, label
from ess_desk.minutes.vocabulary import MINUTES_STATUSES
from ess_desk.privacy.information import article_15
from ess_desk.privacy.matching import Identity, Matcher, audit_entries, snapshot_filter
from ess_desk.privacy.texts import free_texts
from ess_desk.store import chain, database, snapshot_people

if TYPE_CHECKING:
    from sqlite_utils import Database

FORMAT = "ess-desk-person-file"
VERSION = 1

# The list sections of a file, in the order the PDF prints them.
LIST_SECTIONS = (
    "mandates",
    "attendance",
    "proxies_given",
    "proxies_held",
    "replacements",
    "guest_entries",
    "agenda_items",
    "minutes",
    "actions",
    "action_updates",
    "votes",
    "mentions",
    "annexes",
    "audit_log",
)


def section_titles() -> dict[str, str]:
    """Every section of a file with its title, in order (the PDF's bookmarks)."""
    return {
        "person": _("Identité et coordonnées"),
        "consents": _("Consentements"),
        "organisation": _("Structure"),
        "mandates": _("Mandats"),
        "attendance": _("Présences aux séances"),
        "proxies_given": _("Pouvoirs donnés"),
        "proxies_held": _("Pouvoirs reçus"),
        "replacements": _("Remplacements assurés comme suppléant(e)"),
        "guest_entries": _("Présences comme invité(e) extérieur(e)"),
        "agenda_items": _("Points présentés à l'ordre du jour"),
        "minutes": _("Procès-verbaux"),
        "actions": _("Actions portées"),
        "action_updates": _("Points de suivi rédigés"),
        "votes": _("Votes"),
        "mentions": _("Mentions dans les textes"),
        "annexes": _("Annexes PDF qui la nomment"),
        "audit_log": _("Journal des modifications"),
    }


@dataclass
class PersonFile:
    """Plain data only (str, int, bool, None, lists and dicts): it is its own JSON."""

    person_id: int
    generated_at: str
    council: str
    person: dict[str, Any]
    consents: dict[str, bool]
    organisation: dict[str, Any] | None
    mandates: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[dict[str, Any]] = field(default_factory=list)
    proxies_given: list[dict[str, Any]] = field(default_factory=list)
    proxies_held: list[dict[str, Any]] = field(default_factory=list)
    replacements: list[dict[str, Any]] = field(default_factory=list)
    guest_entries: list[dict[str, Any]] = field(default_factory=list)
    agenda_items: list[dict[str, Any]] = field(default_factory=list)
    minutes: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    action_updates: list[dict[str, Any]] = field(default_factory=list)
    votes: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    annexes: list[dict[str, Any]] = field(default_factory=list)
    audit_log: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader should know about the file
    # What article 15 requires besides the data (purposes, recipients, retention, rights…).
    information: list[dict[str, str]] = field(default_factory=list)

    def information_pairs(self) -> list[tuple[str, str]]:
        return [(i["label"], i["text"]) for i in self.information]

    @property
    def name(self) -> str:
        p = self.person
        return " ".join(x for x in (p["civility"], p["first_name"], p["last_name"]) if x)

    def to_json(self) -> dict[str, Any]:
        # Its fields are plain data already: no deep copy of the thousands of values an audit
        # log holds (dataclasses.asdict would copy them one by one).
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        return {"format": FORMAT, "version": VERSION, **fields}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonFile:
        if data.get("format") != FORMAT:
            raise UserError(_("Ce fichier n'est pas une fiche personnelle d'ESS Desk."))
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _anonymised_on(db: Database, person_id: int) -> str | None:
    first = database.scalar(
        db,
        "SELECT MIN(at) FROM audit_log WHERE entity = 'person' AND entity_id = ? "
        "AND action = 'anonymise'",
        [person_id],
    )
    return _day(first) if first else None


def is_anonymised(db: Database, person_id: int) -> bool:
    return _anonymised_on(db, person_id) is not None


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in database.each_row(db, sql, params)]


def _mandates(db: Database, person_id: int) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        """
        SELECT m.id, b.name AS body, COALESCE(c.name, '') AS college, m.role,
               m.start_date, m.end_date,
               COALESCE(tp.first_name || ' ' || tp.last_name, '') AS substitute_for, m.notes
        FROM mandates m JOIN bodies b ON b.id = m.body_id
        LEFT JOIN colleges c ON c.id = m.college_id
        LEFT JOIN mandates tm ON tm.id = m.substitute_for_id
        LEFT JOIN people tp ON tp.id = tm.person_id
        WHERE m.person_id = ? ORDER BY m.start_date, m.id
        """,
        [person_id],
    )
    for row in rows:
        row["role_label"] = label(ROLES, row["role"])
        row["substitutes"] = database.column(
            db,
            "SELECT p.first_name || ' ' || p.last_name FROM mandates s "
            "JOIN people p ON p.id = s.person_id WHERE s.substitute_for_id = ? "
            "ORDER BY s.start_date",
            [row["id"]],
        )
    return rows


_MEETING_COLUMNS = (
    "m.id AS meeting_id, substr(m.starts_at, 1, 10) AS date, b.name AS body, m.title AS meeting"
)
_MEETING_JOIN = "JOIN meetings m ON m.id = a.meeting_id JOIN bodies b ON b.id = m.body_id"


def _attendance(db: Database, person_id: int) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        f"""
        SELECT {_MEETING_COLUMNS}, md.role, a.status, a.arrival, a.departure,
               COALESCE(pp.first_name || ' ' || pp.last_name, '') AS proxy_to,
               COALESCE(rp.first_name || ' ' || rp.last_name, '') AS replaced_by
        FROM attendance a JOIN mandates md ON md.id = a.mandate_id {_MEETING_JOIN}
        LEFT JOIN mandates pm ON pm.id = a.proxy_to_mandate_id
        LEFT JOIN people pp ON pp.id = pm.person_id
        LEFT JOIN mandates rm ON rm.id = a.replaced_by_mandate_id
        LEFT JOIN people rp ON rp.id = rm.person_id
        WHERE md.person_id = ? ORDER BY m.starts_at, m.id
        """,
        [person_id],
    )
    for row in rows:
        row["status_label"] = label(attendance_rules.STATUSES, row["status"])
        row["role_label"] = label(ROLES, row["role"])
    return rows


def _received(db: Database, person_id: int, column: str, as_name: str) -> list[dict[str, Any]]:
    """Attendance rows of others that point at one of the person's mandates."""
    return _rows(
        db,
        f"""
        SELECT {_MEETING_COLUMNS}, p.first_name || ' ' || p.last_name AS {as_name}
        FROM attendance a {_MEETING_JOIN}
        JOIN mandates own ON own.id = a.{column}
        JOIN mandates giver ON giver.id = a.mandate_id JOIN people p ON p.id = giver.person_id
        WHERE own.person_id = ? ORDER BY m.starts_at, m.id
        """,
        [person_id],
    )


def _agenda_items(db: Database, person_id: int, matcher: Matcher) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        """
        SELECT m.id AS meeting_id, substr(m.starts_at, 1, 10) AS date, b.name AS body,
               m.title AS meeting, i.id AS item_id, i.title, i.kind, i.presenter_person_id,
               i.presenter_text
        FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
        JOIN bodies b ON b.id = m.body_id
        WHERE i.presenter_person_id = ? OR i.presenter_text != ''
        ORDER BY m.starts_at, i.position
        """,
        [person_id],
    )
    out = []
    for row in rows:
        if row["presenter_person_id"] == person_id or matcher.search(row["presenter_text"]):
            row["kind_label"] = label(ITEM_KINDS, row["kind"])
            del row["presenter_person_id"]
            out.append(row)
    return out


def _guest_entries(db: Database, matcher: Matcher) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        """
        SELECT m.id AS meeting_id, substr(m.starts_at, 1, 10) AS date, b.name AS body,
               m.title AS meeting, g.id AS guest_id, g.name, g.organisation
        FROM guests g JOIN meetings m ON m.id = g.meeting_id JOIN bodies b ON b.id = m.body_id
        ORDER BY m.starts_at, g.id
        """,
        [],
    )
    return [r for r in rows if matcher.search(r["name"])]


def _snapshot_roles(text: str, person_id: int, matcher: Matcher) -> list[str]:
    """How approved minutes name the person, read from their frozen snapshot."""
    from ess_desk.minutes import record as rec

    words = _role_words()
    try:
        snapshot = rec.from_json(text)
    except (ValueError, KeyError, TypeError):
        return [words["text"]] if matcher.search(text) else []

    def me(ref: rec.PersonRef | None) -> bool:
        return ref is not None and (
            ref.person_id == person_id or (ref.person_id is None and matcher.search(ref.name))
        )

    roles: list[str] = []
    if any(me(c) for c in snapshot.chair):
        roles.append(words["chair"])
    if matcher.search(snapshot.secretary):
        roles.append(words["secretary"])
    att = snapshot.attendance
    groups = [(getattr(att, group), words[group]) for group in snapshot_people.GROUPS]
    for lines, group_words in groups:
        if any(me(line.person) for line in lines):
            roles.append(group_words)
    if any(me(line.other) for lines, _w in groups for line in lines):
        roles.append(words["other"])
    if any(me(s.presenter) or matcher.search(s.presenter_text) for s in snapshot.sections):
        roles.append(words["presenter"])
    if any(me(a.owner) for s in snapshot.sections for a in s.actions):
        roles.append(words["owner"])
    texts = [s.summary for s in snapshot.sections]
    texts += [d.text for s in snapshot.sections for d in s.decisions]
    texts += [s.title for s in snapshot.sections]
    if any(matcher.search(t) for t in texts):
        roles.append(words["text"])
    return roles


def _role_words() -> dict[str, str]:
    """The words of each role a snapshot gives (snapshot_people.ROLES), in the file's order."""
    return {
        "chair": _("présidence"),
        "secretary": _("secrétaire de séance"),
        "present": _("présent(e)"),
        "represented": _("représenté(e)"),
        "excused": _("excusé(e)"),
        "absent": _("absent(e)"),
        "substitutes": _("suppléant(e)"),
        "guests": _("invité(e)"),
        "other": _("pouvoir ou remplacement"),
        "presenter": _("présente un point"),
        "owner": _("porte une action"),
        "text": _("nommé(e) dans le texte"),
    }


def _kept_roles(
    db: Database, person_id: int, minutes_ids: list[int], matcher: Matcher
) -> dict[int, list[str]]:
    """The roles of the person in approved minutes whose snapshot is kept read
    (ess_desk.store.snapshot_people): those it gives their number, and those whose words name
    them, as `_snapshot_roles` finds them in the snapshot itself."""
    if not minutes_ids:
        return {}
    ids = json.dumps(minutes_ids)
    codes: dict[int, set[str]] = {m: set() for m in minutes_ids}
    for r in database.each_row(
        db,
        "SELECT minutes_id, roles FROM minutes_people WHERE person_id = ? "
        "AND minutes_id IN (SELECT value FROM json_each(?))",
        [person_id, ids],
    ):
        codes[r["minutes_id"]].update(r["roles"].split())
    for r in database.each_row(
        db,
        "SELECT minutes_id, role, text FROM minutes_names "
        "WHERE minutes_id IN (SELECT value FROM json_each(?))",
        [ids],
    ):
        found = codes[r["minutes_id"]]
        if r["role"] not in found and matcher.search(r["text"]):
            found.add(r["role"])
    words = _role_words()
    return {
        m: [words[r] for r in snapshot_people.ROLES if r in found] for m, found in codes.items()
    }


def _minutes(db: Database, person_id: int, matcher: Matcher) -> list[dict[str, Any]]:
    """Minutes the person appears in: frozen ones from their approved snapshot (the people and
    words it names, kept beside it: `_kept_roles`; or the snapshot itself when they are not
    kept), drafts from what is typed in them (the attendance of drafts is in its own section)."""
    person_ref = re.compile(rf'"person_id": {person_id}(?!\d)')
    # Through the snapshots' index, SQLite leaves out the approved minutes whose snapshot
    # neither refers to the person nor may name them; for those whose people and words are
    # kept, through their tables, without reading the snapshot.
    snapshots = snapshot_filter(person_id, matcher, "mi.id")
    phone, phone_params = matcher.candidates().phone_condition("text")
    in_names = f" OR mi.id IN (SELECT minutes_id FROM minutes_names WHERE {phone})" if phone else ""
    rows = database.rows(
        db,
        "SELECT mi.id, mi.meeting_id, substr(m.starts_at, 1, 10) AS day, b.name AS body, "
        "m.title, mi.status, mi.secretary, kept.minutes_id IS NOT NULL AS kept, "
        "CASE WHEN kept.minutes_id IS NULL THEN mi.approved_text END AS approved_text, "
        f"{snapshots.named} AS named FROM minutes mi "
        "JOIN meetings m ON m.id = mi.meeting_id JOIN bodies b ON b.id = m.body_id "
        "LEFT JOIN minutes_read kept ON kept.minutes_id = mi.id "
        "WHERE (kept.minutes_id IS NOT NULL AND (mi.id IN "
        f"(SELECT minutes_id FROM minutes_people WHERE person_id = ?) OR {snapshots.named}"
        f"{in_names})) "
        "OR (kept.minutes_id IS NULL AND (NOT (mi.status = 'approved' AND mi.approved_text != '') "
        f"OR {snapshots.condition})) ORDER BY m.starts_at",
        [
            *snapshots.named_params,
            person_id,
            *snapshots.named_params,
            *phone_params,
            *snapshots.params,
        ],
    )
    kept = _kept_roles(db, person_id, [r["id"] for r in rows if r["kept"]], matcher)
    out = []
    for r in rows:
        minutes_id, status, approved_text = r["id"], r["status"], r["approved_text"]
        roles: list[str] = []
        if r["kept"]:
            roles = kept[minutes_id]
        elif status == "approved" and approved_text:
            look = matcher.search_named if r["named"] else matcher.search_phone
            if person_ref.search(approved_text) or look(approved_text):
                roles = _snapshot_roles(approved_text, person_id, matcher)
        else:
            if matcher.search(r["secretary"]):
                roles.append(_("secrétaire de séance"))
            summaries = database.column(
                db, "SELECT summary FROM minutes_sections WHERE minutes_id = ?", [minutes_id]
            )
            if any(matcher.search(summary) for summary in summaries):
                roles.append(_("nommé(e) dans le texte"))
        if roles:
            out.append(
                {
                    "meeting_id": r["meeting_id"],
                    "date": r["day"],
                    "body": r["body"],
                    "meeting": r["title"],
                    "status": status,
                    "status_label": label(MINUTES_STATUSES, status),
                    "roles": roles,
                }
            )
    return out


def _actions(db: Database, person_id: int) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        """
        SELECT a.id, a.title, b.name AS body, a.status, a.progress, a.due_date, a.created_on,
               a.closed_on, COALESCE(t.name, '') AS theme
        FROM actions a JOIN bodies b ON b.id = a.body_id
        LEFT JOIN action_themes t ON t.id = a.theme_id
        WHERE a.owner_person_id = ? ORDER BY a.created_on, a.id
        """,
        [person_id],
    )
    for row in rows:
        row["status_label"] = label(action_rules.STATUSES, row["status"])
    return rows


def _action_updates(db: Database, person_id: int) -> list[dict[str, Any]]:
    rows = _rows(
        db,
        """
        SELECT u.id, u.action_id, a.title AS action, u.on_date, u.status, u.progress, u.comment
        FROM action_updates u JOIN actions a ON a.id = u.action_id
        WHERE u.author_person_id = ? ORDER BY u.on_date, u.id
        """,
        [person_id],
    )
    for row in rows:
        row["status_label"] = label(action_rules.STATUSES, row["status"])
    return rows


def _mentions(db: Database, person_id: int, matcher: Matcher) -> list[dict[str, Any]]:
    out = []
    for text in free_texts(db, matcher.search, matcher.candidates()):
        if text.table == "people" and text.row_key == person_id:
            continue  # the person's own notes are printed with their identity
        out.append(
            {
                "where": text.where,
                "field": text.field,
                "excerpt": matcher.excerpt(text.text),
                "archived": not text.writable,
            }
        )
    return out


def annexes_naming(db: Database, matcher: Matcher) -> list[dict[str, Any]]:
    """Annexes whose file name or text names the person (PDF text read with pypdf)."""
    from pypdf import PdfReader

    out = []
    rows = database.rows(
        db,
        "SELECT x.id, x.name, substr(m.starts_at, 1, 10) AS day, b.name AS body FROM annexes x "
        "JOIN meetings m ON m.id = x.meeting_id JOIN bodies b ON b.id = m.body_id "
        "ORDER BY m.starts_at, x.id",
    )
    for r in rows:
        annex_id, name, day, body = r["id"], r["name"], r["day"], r["body"]
        found = []
        if matcher.search(name):
            found.append(_("nom du fichier"))
        content = database.scalar(db, "SELECT content FROM annexes WHERE id = ?", [annex_id])
        try:
            reader = PdfReader(io.BytesIO(content))
            if any(matcher.search(page.extract_text() or "") for page in reader.pages):
                found.append(_("texte du document"))
        except Exception:  # a PDF pypdf cannot read: say so rather than pass it over
            found.append(_("texte illisible : à vérifier à la main"))
        if found:
            out.append(
                {"annex_id": annex_id, "name": name, "date": day, "body": body, "found_in": found}
            )
    return out


def _audit_log(
    db: Database,
    person_id: int,
    mandate_ids: list[int],
    matcher: Matcher,
    *,
    as_stored: bool = False,
) -> list[dict[str, Any]]:
    """Entries about the person's record or mandates, and every entry whose copies name them,
    each copy read by json; `as_stored`: the copies the chain vouches for (their digest is
    the one it recorded) kept as the UTF-8 text the log holds (`json_text.Raw`), the others
    read."""
    own = {("person", person_id)} | {("mandate", m) for m in mandate_ids}
    out = []
    columns = "id, at, os_user, entity, entity_id, action, content_digest"
    entries = audit_entries(db, person_id, mandate_ids, matcher, columns, utf8=as_stored)
    for row, found in entries:
        before, after = row["before"], row["after"]
        if (row["entity"], row["entity_id"]) in own or found:
            if as_stored:
                before, after = _as_stored(row)
            out.append(
                {
                    "id": row["id"],
                    "at": row["at"],
                    "os_user": row["os_user"],
                    "entity": row["entity"],
                    "entity_id": row["entity_id"],
                    "action": row["action"],
                    "before": _copy(before),
                    "after": _copy(after),
                }
            )
    return out


def _copy(text: str | json_text.Raw | None) -> Any:
    """A copy as the file holds it: None when empty, a `Raw` as it is, any other text read."""
    if not text:
        return None
    return text if isinstance(text, json_text.Raw) else json.loads(text)


def _as_stored(row: database.Row | dict[str, Any]) -> tuple[Any, Any]:
    """The entry's copies as its UTF-8 bytes (`json_text.Raw`) when the chain vouches for them
    (its content digest, computed again from the bytes, is the one recorded), else as text."""
    before, after = row["before"], row["after"]
    digest = chain.content_digest_utf8(((before, row["before_utf8"]), (after, row["after_utf8"])))
    if digest != row["content_digest"]:
        return before, after
    return (
        json_text.Raw(row["before_utf8"]) if before else before,
        json_text.Raw(row["after_utf8"]) if after else after,
    )


def collect(
    db: Database,
    person_id: int,
    progress: Callable[[int, int], None] | None = None,
    *,
    as_stored: bool = False,
) -> PersonFile:
    """Everything the database holds about the person, as plain data. `as_stored`: for
    `write_json` only, the audit log's copies are kept as the JSON text the log holds
    (`json_text.Raw`, when the chain vouches for it), which the file takes as is instead of
    reading and writing it again (the busiest person's file carries 20 MB of them): the same
    data for a JSON reader, each copy on one line as the log holds it."""
    row = service.require(db, "people", person_id, _("La personne"))
    identity = Identity.of(db, person_id)
    assert identity is not None
    matcher = Matcher(identity)
    steps = 6

    def step(n: int) -> None:
        if progress is not None:
            progress(n, steps)

    step(0)
    organisation = None
    if row["organisation_id"] is not None:
        org = service.fetch(db, "organisations", row["organisation_id"])
        if org is not None:
            organisation = {
                "id": org["id"],
                "name": org["name"],
                "kind": org["kind"],
                "kind_label": label(ORGANISATION_KINDS, org["kind"]),
                "city": org["city"],
            }
    mandates = _mandates(db, person_id)
    pf = PersonFile(
        person_id=person_id,
        generated_at=dt.datetime.now().isoformat(timespec="seconds"),
        council=get_letterhead(db).name,
        information=[{"label": k, "text": v} for k, v in article_15(db)],
        person={
            "id": person_id,
            "civility": row["civility"],
            "first_name": row["first_name"],
            "last_name": row["last_name"],
            "email": row["email"],
            "phone": row["phone"],
            "position": row["position"],
            "notes": row["notes"],
            "archived": bool(row["archived"]),
            "anonymised_on": _anonymised_on(db, person_id),
        },
        consents={
            "publish": bool(row["consent_publish"]),
            "contact": bool(row["consent_contact"]),
        },
        organisation=organisation,
        mandates=mandates,
    )
    pf.attendance = _attendance(db, person_id)
    pf.proxies_given = [
        {k: a[k] for k in ("meeting_id", "date", "body", "meeting", "proxy_to")}
        for a in pf.attendance
        if a["status"] == "represented"
    ]
    pf.proxies_held = _received(db, person_id, "proxy_to_mandate_id", "given_by")
    pf.replacements = _received(db, person_id, "replaced_by_mandate_id", "member_replaced")
    step(1)
    pf.guest_entries = _guest_entries(db, matcher)
    pf.agenda_items = _agenda_items(db, person_id, matcher)
    pf.minutes = _minutes(db, person_id, matcher)
    step(2)
    pf.actions = _actions(db, person_id)
    pf.action_updates = _action_updates(db, person_id)
    step(3)
    pf.mentions = _mentions(db, person_id, matcher)
    step(4)
    pf.annexes = annexes_naming(db, matcher)
    step(5)
    mandate_ids = [m["id"] for m in mandates]
    pf.audit_log = _audit_log(db, person_id, mandate_ids, matcher, as_stored=as_stored)
    pf.notes = [
        _(
            "Les votes sont enregistrés en nombre de voix (pour, contre, abstentions), sans le "
            "nom des votants : la base ne conserve aucun vote individuel."
        )
    ]
    if pf.person["anonymised_on"]:
        pf.notes.append(
            _(
                "Cette fiche a été anonymisée le {day} : les procès-verbaux approuvés, archives "
                "publiques, gardent le nom tel qu'il a été approuvé."
            ).format(day=pf.person["anonymised_on"])
        )
    step(steps)
    return pf


def write_json(pf: PersonFile, path: Path | str) -> Path:
    path = Path(path)
    with atomic_path(path) as tmp, tmp.open("wb") as out:
        # The text of json.dumps(…, ensure_ascii=False, indent=2) in UTF-8, each line break as
        # a file opened as text writes it, section by section; the audit log's copies collected
        # `as_stored` are written as the log holds them.
        json_text.write(pf.to_json(), out)
        out.write(os.linesep.encode("utf-8"))
    return path
