"""Minutes of a meeting: drafting by agenda item, submission, approval at the next meeting of the
body, the frozen record with its SHA-256 digest, errata, and the digest check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from ess_desk import audit, service
from ess_desk.dates import display, parse_date
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import agenda, meetings, presence, votes
from ess_desk.membership import bodies, validation
from ess_desk.minutes import decisions as decisions_mod
from ess_desk.minutes import record as rec
from ess_desk.store import Store, database, snapshot_people
from ess_desk.store.lock import current_user

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ess_desk.meetings.attendance import Count

ENTITY = "minutes"
SECTION_ENTITY = "minutes_section"
ERRATUM_ENTITY = "minutes_erratum"
APPROVAL_KIND = "minutes_approval"
# Autosaves of one section by one user within this time make one entry of the audit log
# (one typing session), not one entry every few seconds.
TYPING_SESSION = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Minutes:
    id: int
    meeting_id: int
    status: str
    secretary: str
    closing_time: str | None
    created_at: str
    updated_at: str
    submitted_on: str | None
    approval_item_id: int | None
    approved_by_meeting_id: int | None
    approved_on: str | None
    approved_text: str | None
    approved_sha256: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Minutes:
        return cls(**{f.name: row[f.name] for f in fields(cls)})

    @property
    def frozen(self) -> bool:
        return self.status == "approved"


@dataclass(frozen=True)
class Erratum:
    id: int
    minutes_id: int
    recorded_on: str
    reason: str
    text: str


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def get(db: Database, minutes_id: int) -> Minutes:
    return Minutes.from_row(service.require(db, "minutes", minutes_id, _("Le procès-verbal")))


def get_minutes(db: Database, meeting_id: int) -> Minutes | None:
    """The minutes of a meeting, or None when nobody has started them."""
    found = database.scalar(db, "SELECT id FROM minutes WHERE meeting_id = ?", [meeting_id])
    return None if found is None else get(db, found)


def _ensure_draft(minutes: Minutes, db: Database) -> None:
    if minutes.status == "draft":
        return
    day = display(meetings.get(db, minutes.meeting_id).day)
    if minutes.status == "approved":
        raise UserError(
            _(
                "Le procès-verbal de la séance du {day} est approuvé : il ne peut plus être "
                "modifié. Ajoutez un erratum."
            ).format(day=day)
        )
    raise UserError(
        _(
            "Le procès-verbal de la séance du {day} a été soumis : remettez-le en brouillon "
            "pour le modifier."
        ).format(day=day)
    )


def start(store: Store, meeting_id: int) -> int:
    """The minutes of a meeting, started as a draft if they do not exist yet."""
    with store.write() as db:
        existing = get_minutes(db, meeting_id)
        if existing is not None:
            return existing.id
        meeting = meetings.get(db, meeting_id)
        if meeting.status in ("cancelled", "postponed"):
            meetings.ensure_open(meeting)
        now = _now()
        return service.insert(
            db,
            "minutes",
            ENTITY,
            {"meeting_id": meeting_id, "status": "draft", "created_at": now, "updated_at": now},
        )


def _clean_time(value: Any) -> str | None:
    moment = presence.parse_time(value, "closing_time")
    return moment.isoformat(timespec="minutes") if moment else None


class MinutesFields(TypedDict, total=False):
    """What `update` takes: the minutes' own fields a secretary types."""

    secretary: str
    closing_time: dt.time | str | None


def update(store: Store, minutes_id: int, **values: Unpack[MinutesFields]) -> None:
    """Change the secretary of the meeting or the closing time of a draft."""
    unknown = set(values) - {"secretary", "closing_time"}
    if unknown:
        raise UserError(
            ngettext("Champ inconnu : {names}.", "Champs inconnus : {names}.", len(unknown)).format(
                names=", ".join(sorted(unknown))
            )
        )
    with store.write() as db:
        current = get(db, minutes_id)
        _ensure_draft(current, db)
        changed = draft_changes(current, values)
        if changed:
            service.update(db, "minutes", ENTITY, minutes_id, changed | {"updated_at": _now()})


def draft_changes(current: Minutes, values: MinutesFields) -> dict[str, Any]:
    """What `update` changes in the draft `current`: the fields given, cleaned, that differ."""
    data: dict[str, Any] = {}
    if "secretary" in values:
        data["secretary"] = validation.clean_text(values["secretary"])
    if "closing_time" in values:
        data["closing_time"] = _clean_time(values["closing_time"])
    return {k: v for k, v in data.items() if getattr(current, k) != v}


def section_texts(db: Database, minutes_id: int) -> dict[int, str]:
    """The summary typed for each agenda item (items without one are absent)."""
    return {
        r["item_id"]: r["summary"]
        for r in database.each_row(
            db, "SELECT item_id, summary FROM minutes_sections WHERE minutes_id = ?", [minutes_id]
        )
    }


def save_section(store: Store, minutes_id: int, item_id: int, summary: str) -> bool:
    """Save the summary of one agenda item (the editor calls this every few seconds).
    Returns False when nothing changed."""
    text = (summary or "").replace("\r\n", "\n")
    with store.write() as db:
        minutes = get(db, minutes_id)
        _ensure_draft(minutes, db)
        item = service.require(db, "agenda_items", item_id, _("Le point"))
        if item["meeting_id"] != minutes.meeting_id:
            raise UserError(_("Ce point n'est pas à l'ordre du jour de cette séance."))
        row = database.row(
            db,
            "SELECT id, summary FROM minutes_sections WHERE minutes_id = ? AND item_id = ?",
            [minutes_id, item_id],
        )
        now = _now()
        if row is None:
            service.insert(
                db,
                "minutes_sections",
                SECTION_ENTITY,
                {"minutes_id": minutes_id, "item_id": item_id, "summary": text, "updated_at": now},
            )
            return True
        section_id = row["id"]
        if row["summary"] == text:
            return False
        last = database.row(
            db,
            "SELECT id, at, os_user, entity, entity_id, action FROM audit_log "
            "ORDER BY id DESC LIMIT 1",
        )
        same_session = (
            last is not None
            and (last["entity"], last["entity_id"], last["action"], last["os_user"])
            == (SECTION_ENTITY, section_id, "update", current_user())
            and dt.datetime.now() - dt.datetime.fromisoformat(last["at"]) < TYPING_SESSION
        )
        if not same_session:
            service.update(
                db,
                "minutes_sections",
                SECTION_ENTITY,
                section_id,
                {"summary": text, "updated_at": now},
            )
            return True
        # Continue the typing session's audit entry: it keeps the text from before the session.
        db.execute(
            "UPDATE minutes_sections SET summary = ?, updated_at = ? WHERE id = ?",
            [text, now, section_id],
        )
        assert last is not None  # same_session
        audit.amend_last(db, last["id"], now, service.fetch(db, "minutes_sections", section_id))
        return True


def _approval_title(meeting: meetings.Meeting) -> str:
    return _("Approbation du procès-verbal de la séance du {day}").format(day=display(meeting.day))


@dataclass(frozen=True)
class Missing:
    """One thing that keeps a draft from being submitted: `code` says which ("held",
    "secretary", "closing_time", "next_meeting"), `message` says it to the secretary, `field`
    names the minutes' field to fill when there is one."""

    code: str
    message: str
    field: str | None = None


def submission_missing(db: Database, minutes_id: int) -> list[Missing]:
    """Everything missing before the draft can be submitted, all at once: the window lists them
    with a way to fix each, instead of refusing one after the other."""
    minutes = get(db, minutes_id)
    return missing_of(db, minutes, meetings.get(db, minutes.meeting_id))


def missing_of(db: Database, minutes: Minutes, meeting: meetings.Meeting) -> list[Missing]:
    """`submission_missing` for the minutes `minutes` of `meeting`, given."""
    missing = []
    if meeting.status not in ("held", "closed"):
        missing.append(
            Missing(
                "held",
                _(
                    "La séance du {day} n'est pas marquée comme tenue : son procès-verbal ne peut "
                    "pas encore être soumis."
                ).format(day=display(meeting.day)),
            )
        )
    if not minutes.secretary:
        missing.append(
            Missing(
                "secretary",
                _("Indiquez le/la secrétaire de séance avant de soumettre le procès-verbal."),
                "secretary",
            )
        )
    if not minutes.closing_time:
        missing.append(
            Missing(
                "closing_time",
                _("Indiquez l'heure de levée de la séance avant de soumettre le procès-verbal."),
                "closing_time",
            )
        )
    if meetings.next_meeting_of_body(db, meeting.id) is None:
        body = bodies.get_body(db, meeting.body_id)
        missing.append(
            Missing(
                "next_meeting",
                _(
                    "Aucune séance de « {body} » n'est prévue après le {day} : créez la prochaine "
                    "séance, où le procès-verbal sera approuvé, puis soumettez-le."
                ).format(body=body.name, day=display(meeting.day)),
            )
        )
    return missing


def submit(store: Store, minutes_id: int, today: dt.date | None = None) -> int:
    """Send the draft to the members: it goes on the agenda of the next meeting of the body, as
    an item « Approbation du procès-verbal… ». Returns that item's id. Refused while anything of
    `submission_missing` is: the first named, all of them in `problems`."""
    with store.write() as db:
        minutes = get(db, minutes_id)
        _ensure_draft(minutes, db)
        meeting = meetings.get(db, minutes.meeting_id)
        following_id, item_id = submission_item(db, minutes, meeting)
        if item_id is None:
            item_id = agenda.add_item(db, following_id, approval_item_values(meeting))
            _put_first(db, following_id, item_id)
        service.update(db, "minutes", ENTITY, minutes_id, submission_values(item_id, today))
        return item_id


def submission_item(
    db: Database, minutes: Minutes, meeting: meetings.Meeting
) -> tuple[int, int | None]:
    """Where the draft `minutes` of `meeting` goes when it is submitted: the next meeting of the
    body, and the approval item already on it (None: one is to be added). Refused while anything
    of `missing_of` is: the first named, all of them in `problems`. (`submit`, and the demo's
    drafts written in bulk.)"""
    missing = missing_of(db, minutes, meeting)
    if missing:
        raise UserError(
            missing[0].message,
            field=missing[0].field,
            problems=[m.message for m in missing] if len(missing) > 1 else [],
        )
    following = meetings.next_meeting_of_body(db, meeting.id)
    assert following is not None
    item_id = minutes.approval_item_id
    current_item = service.fetch(db, "agenda_items", item_id) if item_id else None
    if current_item is None or current_item["meeting_id"] != following.id:
        return following.id, None
    return following.id, item_id


def approval_item_values(meeting: meetings.Meeting) -> dict[str, Any]:
    """The item « Approbation du procès-verbal… » of `meeting`'s minutes, as `submit` adds it."""
    return {"title": _approval_title(meeting), "kind": APPROVAL_KIND, "duration_minutes": 5}


def submission_values(item_id: int, today: dt.date | None = None) -> dict[str, Any]:
    """What `submit` writes in the minutes: submitted, on `today`, to be approved at the item."""
    return {
        "status": "submitted",
        "submitted_on": (today or dt.date.today()).isoformat(),
        "approval_item_id": item_id,
        "updated_at": _now(),
    }


def _put_first(db: Database, meeting_id: int, item_id: int) -> None:
    """The approval of the previous minutes opens the agenda, after other approvals."""
    order, new_order = approval_first(agenda.items(db, meeting_id), item_id)
    if new_order == order:
        return
    for position, iid in enumerate(new_order, start=1):
        db.execute("UPDATE agenda_items SET position = ? WHERE id = ?", [position, iid])
    audit.record(db, "agenda", meeting_id, "reorder", {"order": order}, {"order": new_order})


def approval_first(items: list[agenda.AgendaItem], item_id: int) -> tuple[list[int], list[int]]:
    """The agenda's order of items, and the order with the approval `item_id` first after
    the other approvals (`_put_first`)."""
    order = [i.id for i in items]
    approvals = [i.id for i in items if i.kind == APPROVAL_KIND]
    new_order = [i for i in approvals if i != item_id] + [item_id]
    new_order += [i for i in order if i not in new_order]
    return order, new_order


def return_to_draft(store: Store, minutes_id: int) -> None:
    """Take submitted minutes back for changes (the approval item stays on the agenda)."""
    with store.write() as db:
        minutes = get(db, minutes_id)
        if minutes.status != "submitted":
            _ensure_draft(minutes, db)  # approved: refused with its message
            return
        service.update(db, "minutes", ENTITY, minutes_id, {"status": "draft", "updated_at": _now()})


def minutes_for_item(db: Database, item_id: int) -> Minutes | None:
    """The minutes an approval item is about."""
    found = database.scalar(db, "SELECT id FROM minutes WHERE approval_item_id = ?", [item_id])
    return None if found is None else get(db, found)


def to_approve_at(db: Database, meeting_id: int) -> list[Minutes]:
    """Minutes put on this meeting's agenda for approval (submitted or already approved)."""
    found = database.column(
        db,
        "SELECT m.id FROM minutes m JOIN agenda_items i ON i.id = m.approval_item_id "
        "WHERE i.meeting_id = ? ORDER BY i.position",
        [meeting_id],
    )
    return [get(db, minutes_id) for minutes_id in found]


def approve(store: Store, item_id: int) -> Minutes:
    """Approve minutes from their approval item, at the meeting that holds it: the text is
    frozen as a snapshot with its SHA-256 digest, and the approving meeting and date recorded."""
    with store.write() as db:
        minutes, approving = approvable(db, item_id)
        snapshot = snapshot_of(db, minutes)
        service.update(
            db, "minutes", ENTITY, minutes.id, approval_values(approving, snapshot, _now())
        )
        # Who it names, kept beside it for the people's files (the update's trigger has just
        # forgotten what the minutes' id held).
        snapshot_people.write(db, minutes.id, snapshot)
        return get(db, minutes.id)


def approvable(
    db: Database, item_id: int, opening: Count | None = None
) -> tuple[Minutes, meetings.Meeting]:
    """The minutes an approval item is about and the meeting that approves them, once the rules
    of `approve` are checked (a `UserError` says the first one broken): minutes submitted, the
    meeting held, the vote on the item, if any, adopting them, and the meeting's quorum reached.
    `opening`: that meeting's count at its opening for the item (`presence.quorum`), when the
    caller has it already."""
    item = service.require(db, "agenda_items", item_id, _("Le point"))
    if item["kind"] != APPROVAL_KIND:
        raise UserError(_("Ce point n'est pas une approbation de procès-verbal."))
    minutes = minutes_for_item(db, item_id)
    if minutes is None:
        raise UserError(_("Aucun procès-verbal n'est soumis à l'approbation sur ce point."))
    if minutes.status == "approved":
        raise UserError(
            _("Ce procès-verbal a déjà été approuvé le {day}.").format(
                day=display(minutes.approved_on)
            )
        )
    if minutes.status != "submitted":
        raise UserError(
            _("Le procès-verbal est redevenu un brouillon : soumettez-le avant de l'approuver.")
        )
    approving = meetings.get(db, item["meeting_id"])
    if approving.status not in ("held", "closed"):
        raise UserError(
            _(
                "La séance du {day} n'est pas marquée comme tenue : le procès-verbal ne peut y "
                "être approuvé qu'une fois la séance tenue."
            ).format(day=display(approving.day))
        )
    vote = votes.vote_for_item(db, item_id)
    if vote is not None and vote.outcome != "adopted":
        raise UserError(
            _("Le vote sur ce point a rejeté le procès-verbal : il ne peut pas être approuvé.")
        )
    _ensure_approving_quorum(db, approving, item_id, vote, opening)
    return minutes, approving


def snapshot_of(db: Database, minutes: Minutes) -> str:
    """The text approval freezes: the minutes as the record says them now, as canonical JSON."""
    return rec.to_json(rec.compose(db, minutes.meeting_id, minutes.secretary, minutes.closing_time))


def approval_values(approving: meetings.Meeting, snapshot: str, now: str) -> dict[str, Any]:
    """What approval writes on the minutes: approved by `approving` on its day, `snapshot`
    frozen with its digest."""
    return {
        "status": "approved",
        "approved_by_meeting_id": approving.id,
        "approved_on": approving.day.isoformat(),
        "approved_text": snapshot,
        "approved_sha256": rec.digest(snapshot),
        "updated_at": now,
    }


def _ensure_approving_quorum(
    db: Database,
    approving: meetings.Meeting,
    item_id: int,
    vote: votes.Vote | None,
    opening: Count | None = None,
) -> None:
    """Minutes are approved by a meeting that can deliberate: its quorum at the vote on the
    approval item, or at the opening when no vote was counted (a reconvened meeting, on the items
    it takes up, needs none)."""
    if vote is not None:
        reached = vote.quorum_reached
        count_text = f"{vote.quorum.get('counted', 0)} / {vote.quorum.get('required', 0)}"
    else:
        if opening is None:
            moment = presence.parse_time(approving.opening_time, "opening_time")
            opening = presence.quorum(db, approving.id, moment, item_id=item_id)
        reached = opening.reached
        count_text = f"{opening.counted} / {opening.required}"
    if not reached:
        raise UserError(
            _(
                "Le quorum n'est pas atteint à la séance du {day} ({count}) : elle ne peut pas "
                "approuver le procès-verbal."
            ).format(day=display(approving.day), count=count_text)
        )


def ensure_exportable(db: Database, meeting_id: int) -> None:
    """No minutes for a meeting that has not taken place."""
    meetings.ensure_held(meetings.get(db, meeting_id), _("Un procès-verbal"))


def record_publication(
    store: Store, minutes_id: int, signed_on: Any = None, published_on: Any = None
) -> None:
    """The days approved minutes were signed and published (the compliance check holds them
    against the body's rule: CGCT L. 2121-15, within the week)."""
    signed = parse_date(signed_on, field="signed_on") if signed_on else None
    published = parse_date(published_on, field="published_on") if published_on else None
    with store.write() as db:
        values = publication_values(get(db, minutes_id), signed, published)
        if values:
            service.update(db, "minutes", ENTITY, minutes_id, values)


def publication_values(
    minutes: Minutes, signed: dt.date | None, published: dt.date | None
) -> dict[str, str]:
    """What `record_publication` writes on approved `minutes`, once checked (a `UserError`: not
    approved, or a day before the approval)."""
    if minutes.status != "approved":
        raise UserError(
            _("Un procès-verbal se signe et se publie une fois approuvé."), field="signed_on"
        )
    for day, field in ((signed, "signed_on"), (published, "published_on")):
        if day is not None and minutes.approved_on and day.isoformat() < minutes.approved_on:
            raise UserError(
                _("Cette date précède l'approbation du procès-verbal ({day}).").format(
                    day=display(minutes.approved_on)
                ),
                field=field,
            )
    values = {}
    if signed is not None:
        values["signed_on"] = signed.isoformat()
    if published is not None:
        values["published_on"] = published.isoformat()
    return values


def add_erratum(
    store: Store, minutes_id: int, reason: str, text: str, recorded_on: Any = None
) -> int:
    """A correction after approval: dated, with its reason, printed with the minutes."""
    words = validation.required(text, "text", _("Texte de l'erratum"))
    why = validation.required(reason, "reason", _("Motif"))
    day = (parse_date(recorded_on, field="recorded_on") if recorded_on else None) or dt.date.today()
    with store.write() as db:
        minutes = get(db, minutes_id)
        if minutes.status != "approved":
            raise UserError(
                _(
                    "Un erratum ne s'ajoute qu'à un procès-verbal approuvé : tant qu'il ne l'est "
                    "pas, corrigez directement le texte."
                )
            )
        if minutes.approved_on and day.isoformat() < minutes.approved_on:
            raise UserError(
                _("Un erratum ne peut pas être daté d'avant l'approbation ({day}).").format(
                    day=display(minutes.approved_on)
                ),
                field="recorded_on",
            )
        return service.insert(
            db,
            "minutes_errata",
            ERRATUM_ENTITY,
            {
                "minutes_id": minutes_id,
                "recorded_on": day.isoformat(),
                "reason": why,
                "text": words,
            },
        )


def errata(db: Database, minutes_id: int) -> list[Erratum]:
    return database.records(
        db,
        Erratum,
        "SELECT id, minutes_id, recorded_on, reason, text FROM minutes_errata "
        "WHERE minutes_id = ? ORDER BY recorded_on, id",
        [minutes_id],
    )


@dataclass(frozen=True)
class MinutesView:
    """Everything an export shows: the content, its state, the approval line and the errata."""

    record: rec.MinutesRecord
    status: str
    minutes_id: int | None = None
    approved_on: str | None = None
    approving_meeting: str | None = None
    digest: str | None = None
    errata: tuple[Erratum, ...] = ()
    public: bool = False
    # The audit entry that recorded the approval, and its hash in the chain: printed on the
    # approved minutes so that a paper copy can be checked against the file's log.
    seal: tuple[int, str] | None = None

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    def approval_line(self) -> str:
        return _("Approuvé lors de la séance du {day}.").format(day=display(self.approved_on))


def _damaged(meeting: meetings.Meeting) -> UserError:
    return UserError(
        _(
            "Le texte approuvé du procès-verbal de la séance du {day} est illisible : lancez "
            "« ess-desk check » et restaurez une sauvegarde."
        ).format(day=display(meeting.day))
    )


def approved_record(db: Database, minutes: Minutes) -> rec.MinutesRecord:
    """The snapshot taken at approval: what the minutes say forever, whatever changes since."""
    try:
        return rec.from_json(minutes.approved_text or "")
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(meetings.get(db, minutes.meeting_id)) from exc


def view(
    db: Database,
    meeting_id: int,
    public: bool = False,
    loaded: meetings.Meeting | None = None,
) -> MinutesView:
    """The minutes of a meeting ready to print: approved ones from their snapshot, others from
    the record as it is; `public` leaves out the names of people without consent. `loaded`: a
    meeting the caller holds already (the meeting pack's, which approves these minutes)."""
    minutes = get_minutes(db, meeting_id)
    if minutes is not None and minutes.frozen:
        content = approved_record(db, minutes)
    else:
        content = rec.compose(
            db,
            meeting_id,
            minutes.secretary if minutes else "",
            minutes.closing_time if minutes else None,
        )
    corrections = tuple(errata(db, minutes.id)) if minutes else ()
    approving = None
    if minutes is not None and minutes.approved_by_meeting_id:
        by = minutes.approved_by_meeting_id
        approving = (loaded if loaded and loaded.id == by else meetings.get(db, by)).title
    if public:
        publication = rec.Publication(db, content)
        content = publication.record(content)
        corrections = tuple(
            dataclasses.replace(e, reason=publication.text(e.reason), text=publication.text(e.text))
            for e in corrections
        )
    return MinutesView(
        record=content,
        status=minutes.status if minutes else "draft",
        minutes_id=minutes.id if minutes else None,
        approved_on=minutes.approved_on if minutes else None,
        approving_meeting=approving,
        digest=minutes.approved_sha256 if minutes and minutes.frozen else None,
        errata=corrections,
        public=public,
        seal=approval_seal(db, minutes.id) if minutes and minutes.frozen else None,
    )


def approval_seal(db: Database, minutes_id: int) -> tuple[int, str] | None:
    """(id, hash) of the audit entry that recorded the approval of these minutes."""
    try:
        row = database.row(
            db,
            "SELECT id, hash FROM audit_log WHERE entity = ? AND entity_id = ? "
            "AND action = 'update' AND json_extract(after, '$.status') = 'approved' "
            "ORDER BY id LIMIT 1",
            [ENTITY, minutes_id],
        )
    except sqlite3.Error:  # a log written before the chain, read without its migration
        return None
    return (int(row["id"]), str(row["hash"])) if row and row["hash"] else None


def check_digests(db: Database) -> list[str]:
    """Every approved minutes whose text no longer matches its digest, or whose stored sections
    and decisions no longer say what was approved (a change made behind the application)."""
    if "minutes" not in db.table_names():
        return []
    problems: list[str] = []
    rows = database.rows(
        db,
        "SELECT mi.id, mi.meeting_id, mi.approved_text, mi.approved_sha256, m.starts_at, "
        "b.name AS body FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id "
        "JOIN bodies b ON b.id = m.body_id WHERE mi.status = 'approved' ORDER BY m.starts_at",
    )
    for r in rows:
        minutes_id, meeting_id = r["id"], r["meeting_id"]
        text, stored = r["approved_text"], r["approved_sha256"]
        where = _("Procès-verbal de la séance du {day} ({body})").format(
            day=display(r["starts_at"]), body=r["body"]
        )
        if not text or not stored:
            problems.append(_("{where} : approuvé sans texte ni empreinte.").format(where=where))
            continue
        if rec.digest(text) != stored:
            problems.append(
                _(
                    "{where} : le texte approuvé ne correspond plus à son empreinte SHA-256 ; "
                    "il a été modifié en dehors de l'application."
                ).format(where=where)
            )
            continue
        try:
            snapshot = rec.from_json(text)
        except (ValueError, KeyError, TypeError):
            problems.append(_("{where} : le texte approuvé est illisible.").format(where=where))
            continue
        approved_sections = {s.item_id: s.summary for s in snapshot.sections}
        stored_sections = section_texts(db, minutes_id)
        sections_match = all(
            approved_sections.get(k, "") == stored_sections.get(k, "")
            for k in approved_sections.keys() | stored_sections.keys()
        )
        approved_decisions = sorted(
            (d.reference, d.kind, d.text) for s in snapshot.sections for d in s.decisions
        )
        stored_decisions = sorted(
            (d.reference, d.kind, d.text)
            for d in decisions_mod.decisions_of_meeting(db, meeting_id)
        )
        if not sections_match or stored_decisions != approved_decisions:
            problems.append(
                _(
                    "{where} : les textes enregistrés ne correspondent plus au texte approuvé ; "
                    "ils ont été modifiés en dehors de l'application."
                ).format(where=where)
            )
    return problems
