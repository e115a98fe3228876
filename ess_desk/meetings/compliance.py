"""The compliance check of a meeting (contrôle de régularité): every check passing, failing or not
applicable, with its reason and the text it follows — what a legal officer reads before a
decision is contested.

`notice_receipts` is the one place that says when each expected member's notice went out and
with which documents: today from the notice date recorded with the meeting; the outbox's proof
of sending (issue 12) plugs in there, per recipient.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ess_desk.dates import display
from ess_desk.i18n import N_, _, ngettext, pgettext
from ess_desk.meetings import convening, meetings, notice, presence, votes
from ess_desk.meetings import record as meeting_record
from ess_desk.meetings.record import MeetingRecord
from ess_desk.membership.vocabulary import label
from ess_desk.publication import deadlines
from ess_desk.store import database

if TYPE_CHECKING:
    from sqlite_utils import Database

OK, FAIL, NA = "ok", "fail", "na"

# The checks in the order they are shown, with their French titles.
CHECKS: dict[str, str] = {
    "notice_on_time": N_("Convocation envoyée dans le délai à chaque membre"),
    "notice_documents": N_("Convocation accompagnée de ses documents"),
    "quorum_opening": N_("Quorum à l'ouverture"),
    "quorum_votes": N_("Quorum à chaque vote"),
    "withdrawals": N_("Aucun membre déporté compté"),
    "proxies": N_("Pouvoirs dans la limite, portés par des membres présents"),
    "casting_vote": N_("Voix prépondérante appliquée"),
    "minutes_approved": N_("Procès-verbal approuvé"),
    "minutes_published": N_("Procès-verbal signé et publié dans le délai"),
    "decisions_numbered": N_("Décisions numérotées"),
    "decisions_list": N_("Liste des délibérations affichée et mise en ligne dans le délai"),
}


@dataclass(frozen=True)
class Check:
    code: str
    status: str  # OK, FAIL or NA
    detail: str
    source: str

    @property
    def title(self) -> str:
        return label(CHECKS, self.code)

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "status": self.status,
            "detail": self.detail,
            "source": self.source,
        }


@dataclass(frozen=True)
class NoticeReceipt:
    """When the notice to one expected person went out, and with which documents."""

    mandate_id: int
    name: str
    accepted_on: dt.date | None  # None: not sent (or not accepted by the server yet)
    # Each document it carried: {name, size, sha256}.
    documents: tuple[dict[str, Any], ...] = ()
    traced: bool = False  # True when it comes from the proof of sending of this person
    status: str = ""  # with a proof: sent, waiting, failed or none (ess_desk.mail.proof)
    channel: str = ""  # with a proof: email or post


def notice_receipts(db: Database, meeting_id: int) -> list[NoticeReceipt]:
    """Each expected person's notice: from the proof of sending (the outbox's acceptance by the
    server, the day a letter was posted, the documents each carried) once the meeting's
    convocations went through it; else the day recorded for the meeting's notice stands for
    everyone, documents not traced. A person the proof does not know (convened by hand while the
    others were sent) keeps the recorded day, untraced."""
    return receipts_of(db, meeting_record.load(db, meeting_id))


def receipts_of(db: Database, loaded: MeetingRecord) -> list[NoticeReceipt]:
    """`notice_receipts` of a meeting already loaded."""
    # mail and meetings are sibling domains; mail.proof reads meetings, hence imported here.
    from ess_desk.mail import proof

    meeting = loaded.meeting
    sent = dt.date.fromisoformat(meeting.notice_sent_on) if meeting.notice_sent_on else None
    # Everyone convened, once each (permanent guests are invited, not convened).
    records = [r for r in proof.notice_records_of(db, loaded) if r.required]
    if not any(r.status != proof.NONE for r in records):
        return [NoticeReceipt(r.mandate_id or 0, r.name, sent) for r in records]
    return [
        NoticeReceipt(r.mandate_id or 0, r.name, sent)
        if r.status == proof.NONE
        else NoticeReceipt(
            r.mandate_id or 0,
            r.name,
            r.accepted_on,
            r.documents,
            traced=True,
            status=r.status,
            channel=r.channel,
        )
        for r in records
    ]


# -- the checks --------------------------------------------------------------------------------


class _Context:
    """What the checks of one meeting share, read once."""

    def __init__(self, db: Database, loaded: MeetingRecord, today: dt.date):
        self.db = db
        self.loaded = loaded
        self.today = today
        self.meeting = loaded.meeting
        self.body = loaded.body
        self.held = self.meeting.status in ("held", "closed")
        self.votes = list(loaded.votes)
        self.items = {item.id: item.title for item in loaded.items}
        self.reconvened_by = meetings.reconvened_by(db, loaded.id)
        self._receipts: list[NoticeReceipt] | None = None

    @property
    def receipts(self) -> list[NoticeReceipt]:
        """Each expected person's notice (`notice_receipts`), read once for every check."""
        if self._receipts is None:
            self._receipts = receipts_of(self.db, self.loaded)
        return self._receipts

    def source(self, rule: str) -> str:
        return self.body.source(rule)

    def item(self, vote: votes.Vote) -> str:
        return self.items.get(vote.item_id, "?")


def _notice_on_time(c: _Context) -> Check:
    required = notice.required_clear_days(c.body, c.meeting)
    deadline = notice.deadline_of(c.meeting, c.body)
    rule = "reconvene" if c.meeting.reconvenes_meeting_id else "notice_clear_days"
    source = c.source(rule)
    receipts = c.receipts
    if not receipts:
        return Check("notice_on_time", NA, _("Personne n'est attendu à cette séance."), source)
    unsent = [_unsent_name(r) for r in receipts if r.accepted_on is None]
    late = [r for r in receipts if r.accepted_on is not None and r.accepted_on > deadline]
    if unsent and not c.held and c.today <= deadline:
        return Check(
            "notice_on_time",
            NA,
            _("À envoyer au plus tard le {day} ({n} jours francs avant la séance).").format(
                day=display(deadline), n=required
            ),
            source,
        )
    if unsent:
        return Check(
            "notice_on_time",
            FAIL,
            _("Aucune convocation enregistrée pour : {names}. Date limite légale : {day}.").format(
                names=", ".join(unsent), day=display(deadline)
            ),
            source,
        )
    if late:
        first = min(r.accepted_on for r in late if r.accepted_on)
        return Check(
            "notice_on_time",
            FAIL,
            notice.late_message(first, deadline, c.meeting.day, required),
            source,
        )
    days = sorted({r.accepted_on for r in receipts if r.accepted_on})
    detail = _(
        "Envoyée le {sent} aux {n} personnes attendues ; date limite légale : {day} "
        "({clear} jours francs)."
    ).format(sent=display(days[-1]), n=len(receipts), day=display(deadline), clear=required)
    traced = [r for r in receipts if r.traced]
    if traced:
        detail += " " + _("Preuve d'envoi : {email} et {post}.").format(
            email=ngettext(
                "{n} courriel accepté par le serveur",
                "{n} courriels acceptés par le serveur",
                sum(r.channel == convening.EMAIL for r in traced),
            ).format(n=sum(r.channel == convening.EMAIL for r in traced)),
            post=ngettext(
                "{n} lettre postée",
                "{n} lettres postées",
                sum(r.channel == convening.POST for r in traced),
            ).format(n=sum(r.channel == convening.POST for r in traced)),
        )
        if days[0] != days[-1]:
            detail += " " + _("Premier envoi le {day}.").format(day=display(days[0]))
    return Check("notice_on_time", OK, detail, source)


def _unsent_name(receipt: NoticeReceipt) -> str:
    """The name, with why when the proof of sending says it (an e-mail refused, still waiting)."""
    why = {
        "failed": _("envoi en échec"),
        "waiting": _("en attente d'envoi"),
    }.get(receipt.status)
    return f"{receipt.name} ({why})" if why else receipt.name


def _notice_documents(c: _Context) -> Check:
    # Décret n° 2006-672, art. 9 / CGCT L. 2121-10 and L. 2121-12: the convocation carries the
    # agenda and the documents the members need to examine its items.
    source = c.source("notice_clear_days")
    receipts = c.receipts
    traced = [r for r in receipts if r.traced and r.accepted_on]
    if not traced:
        return Check(
            "notice_documents",
            NA,
            _(
                "Les pièces jointes de chaque envoi ne sont pas tracées (pas de preuve d'envoi "
                "par destinataire pour cette séance)."
            ),
            source,
        )
    missing = [r.name for r in traced if not r.documents]
    if missing:
        return Check(
            "notice_documents",
            FAIL,
            _("Convocation envoyée sans document à : {names}.").format(names=", ".join(missing)),
            source,
        )
    detail = _("Chaque convocation est partie avec ses documents : {documents}.").format(
        documents=_documents_text(traced)
    )
    untraced = [r.name for r in receipts if not r.traced]
    if untraced:
        detail += " " + _("Sans preuve d'envoi par destinataire : {names}.").format(
            names=", ".join(untraced)
        )
    return Check("notice_documents", OK, detail, source)


def _documents_text(receipts: list[NoticeReceipt]) -> str:
    """The documents every convocation carried (name, size, start of the SHA-256 digest), then
    how many were each person's own (their letter)."""
    from ess_desk.store.header import human_size

    digests = [{d["sha256"] for d in r.documents} for r in receipts]
    common = set.intersection(*digests)
    shared: dict[str, dict[str, Any]] = {}
    for d in receipts[0].documents:
        if d["sha256"] in common:
            shared.setdefault(d["sha256"], d)
    parts = [
        _("{name} ({size}, SHA-256 {digest}…)").format(
            name=d["name"], size=human_size(int(d["size"])), digest=d["sha256"][:12]
        )
        for d in shared.values()
    ]
    own = sum(len(r.documents) for r in receipts) - len(common) * len(receipts)
    if own:
        parts.append(
            ngettext(
                "{n} document nominatif (lettre, invitation d'agenda)",
                "{n} documents nominatifs (lettres, invitations d'agenda)",
                own,
            ).format(n=own)
        )
    return pgettext("list separator", " ; ").join(parts) or _("aucun document commun")


def count_text(data: dict[str, Any]) -> str:
    """« 5 présents + 1 à distance + 2 représentés = 8 / 7 requis »."""
    return _(
        "{present} présents + {remote} à distance + {represented} représentés, {counted} comptés "
        "sur {required} requis"
    ).format(
        present=data.get("present", 0),
        remote=data.get("remote", 0),
        represented=data.get("represented", 0),
        counted=data.get("counted", 0),
        required=data.get("required", 0),
    )


def _opening(c: _Context) -> dict[str, Any]:
    if c.meeting.opening_quorum:
        return json.loads(c.meeting.opening_quorum)
    return json.loads(presence.count_as_json(c.loaded.count))


def _quorum_opening(c: _Context) -> Check:
    source = c.source("quorum")
    if not c.held:
        return Check("quorum_opening", NA, _("La séance n'est pas encore tenue."), source)
    data = _opening(c)
    if c.meeting.reconvenes_meeting_id and c.body.reconvene_without_quorum:
        first = meetings.get(c.db, c.meeting.reconvenes_meeting_id)
        return Check(
            "quorum_opening",
            OK,
            _(
                "Séance reconvoquée après le quorum non atteint du {day} : elle délibère sans "
                "condition de quorum sur les points repris ({count})."
            ).format(day=display(first.day), count=count_text(data)),
            c.source("reconvene"),
        )
    if data.get("reached"):
        return Check(
            "quorum_opening",
            OK,
            _("Quorum atteint : {count} ({rule}).").format(
                count=count_text(data), rule=c.body.quorum_rule(data.get("in_office", 0))
            ),
            source,
        )
    if c.reconvened_by is not None and not c.votes:
        return Check(
            "quorum_opening",
            OK,
            _(
                "Quorum non atteint ({count}) : la séance n'a pas délibéré et une nouvelle "
                "séance est convoquée le {day}."
            ).format(count=count_text(data), day=display(c.reconvened_by.day)),
            c.source("reconvene"),
        )
    return Check(
        "quorum_opening",
        FAIL,
        _("Quorum non atteint à l'ouverture : {count}.").format(count=count_text(data)),
        source,
    )


def _quorum_votes(c: _Context) -> Check:
    source = c.source("quorum")
    if not c.votes:
        return Check("quorum_votes", NA, _("Aucun vote enregistré."), source)
    missing = [v for v in c.votes if not v.quorum_reached]
    if missing:
        return Check(
            "quorum_votes",
            FAIL,
            _("Vote sans quorum : {items}.").format(
                items="; ".join(f"{c.item(v)} ({count_text(v.quorum)})" for v in missing)
            ),
            source,
        )
    return Check(
        "quorum_votes",
        OK,
        _("Quorum atteint à chacun des {n} votes (déportés déduits).").format(n=len(c.votes)),
        source,
    )


def _withdrawals(c: _Context) -> Check:
    source = c.source("withdrawal")
    withdrawn = presence.withdrawals_of_meeting(c.db, c.meeting.id)
    if not withdrawn:
        return Check("withdrawals", NA, _("Aucun déport sur cette séance."), source)
    names = {a.mandate_id: a.name for a in c.loaded.attendees}
    counted = []
    for vote in c.votes:
        out = withdrawn.get(vote.item_id, set())
        cast = {int(k) for k in vote.quorum.get("cast_by", vote.quorum.get("voters", {}))}
        casting = {int(v) for v in vote.quorum.get("cast_by", {}).values()}
        ballots = {b.mandate_id for b in votes.ballots_of(c.db, vote.id)}
        for mandate in sorted(out & (cast | casting | ballots)):
            counted.append(f"{names.get(mandate, '?')} ({c.item(vote)})")
    if counted:
        return Check(
            "withdrawals",
            FAIL,
            _("Membre déporté compté dans un vote : {names}.").format(names=", ".join(counted)),
            source,
        )
    total = sum(len(v) for v in withdrawn.values())
    return Check(
        "withdrawals",
        OK,
        _("Déports notés : {n} ; aucun membre déporté n'a été compté ni n'a voté.").format(n=total),
        source,
    )


def _proxies(c: _Context) -> Check:
    source = c.source("proxies_per_holder")
    given = database.scalar(
        c.db,
        "SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND status = 'represented'",
        [c.meeting.id],
    )
    if not given:
        return Check("proxies", NA, _("Aucun pouvoir donné pour cette séance."), source)
    problems = [p for p in _opening(c).get("problems", []) if "pouvoir" in p.lower()]
    for vote in c.votes:
        problems += [p for p in vote.quorum.get("problems", []) if "pouvoir" in p.lower()]
    if problems:
        return Check("proxies", FAIL, " ".join(dict.fromkeys(problems)), source)
    return Check(
        "proxies",
        OK,
        _(
            "Pouvoirs : {n}, chacun porté par un membre présent, au plus {limit} par mandataire."
        ).format(n=given, limit=c.body.proxies_per_holder),
        source,
    )


def _is_tie(vote: votes.Vote, rule: str) -> bool:
    if rule == "absolute":
        voting = vote.votes_for + vote.votes_against + vote.abstentions + vote.blank + vote.spoilt
        return bool(voting) and vote.votes_for * 2 == voting
    if rule == "two_thirds":
        return False
    return bool(vote.votes_for) and vote.votes_for == vote.votes_against


def _casting_vote(c: _Context) -> Check:
    source = c.source("chair_casting_vote")
    ties = [v for v in c.votes if _is_tie(v, c.body.majority_rule)]
    if not ties:
        return Check("casting_vote", NA, _("Aucun partage égal des voix."), source)
    wrong = []
    for vote in ties:
        applies = c.body.chair_casting_vote and vote.kind != "secret"
        decisive = vote.chair_vote if vote.chair_vote in ("for", "against") else None
        expected = ("adopted" if decisive == "for" else "rejected") if applies else "rejected"
        if vote.outcome != expected or (applies and vote.casting_vote != decisive):
            wrong.append(c.item(vote))
    if wrong:
        return Check(
            "casting_vote",
            FAIL,
            _("Résultat d'un partage égal contraire à la règle : {items}.").format(
                items="; ".join(wrong)
            ),
            source,
        )
    return Check(
        "casting_vote",
        OK,
        _("Partage égal des voix sur {items} : résultat conforme à la règle.").format(
            items="; ".join(c.item(v) for v in ties)
        ),
        source,
    )


def _minutes_row(c: _Context) -> database.Row | None:
    return database.row(
        c.db,
        "SELECT status, approved_on, approved_by_meeting_id, signed_on, published_on "
        "FROM minutes WHERE meeting_id = ?",
        [c.meeting.id],
    )


def _minutes_approved(c: _Context) -> Check:
    source = c.source("minutes")
    if not c.held:
        return Check("minutes_approved", NA, _("La séance n'est pas encore tenue."), source)
    row = _minutes_row(c)
    if row and row["status"] == "approved":
        by = row["approved_by_meeting_id"]
        approving = meetings.get(c.db, by) if by else None
        detail = (
            _("Approuvé le {day} lors de la séance du {meeting}.").format(
                day=display(row["approved_on"]), meeting=display(approving.day)
            )
            if approving
            else _("Approuvé le {day}.").format(day=display(row["approved_on"]))
        )
        return Check("minutes_approved", OK, detail, source)
    able = _next_deliberating_meeting(c)
    if able is not None:
        return Check(
            "minutes_approved",
            FAIL,
            _("Non approuvé à la séance suivante du {day}.").format(day=display(able.day)),
            source,
        )
    return Check(
        "minutes_approved",
        NA,
        _("À approuver à la prochaine séance de l'instance."),
        source,
    )


def _next_deliberating_meeting(c: _Context) -> meetings.Meeting | None:
    """The first later meeting of the body that was held with its quorum (a reconvened meeting
    deliberates without one only on the items it takes up: not on these minutes)."""
    current = c.meeting
    while True:
        following = meetings.next_meeting_of_body(c.db, current.id)
        if following is None or following.status not in ("held", "closed"):
            return None
        if not following.reconvenes_meeting_id:
            moment = presence.parse_time(following.opening_time, "opening_time")
            if presence.quorum(c.db, following.id, moment).reached:
                return following
        current = following


def _minutes_published(c: _Context) -> Check:
    source = c.source("minutes")
    days = c.body.minutes_publish_days
    if not days:
        return Check(
            "minutes_published",
            NA,
            _("Le règlement de l'instance ne fixe pas de délai de signature et de publication."),
            source,
        )
    row = _minutes_row(c)
    if not row or row["status"] != "approved":
        return Check(
            "minutes_published", NA, _("Le procès-verbal n'est pas encore approuvé."), source
        )
    due = dt.date.fromisoformat(row["approved_on"]) + dt.timedelta(days=days)
    signed = dt.date.fromisoformat(row["signed_on"]) if row["signed_on"] else None
    published = dt.date.fromisoformat(row["published_on"]) if row["published_on"] else None
    if signed and published and max(signed, published) <= due:
        return Check(
            "minutes_published",
            OK,
            _(
                "Signé le {signed} et publié le {published}, dans les {n} jours (avant le {due})."
            ).format(
                signed=display(signed), published=display(published), n=days, due=display(due)
            ),
            source,
        )
    if (signed and signed > due) or (published and published > due) or c.today > due:
        return Check(
            "minutes_published",
            FAIL,
            _(
                "Pas signé et publié dans les {n} jours suivant l'approbation (avant le {due})."
            ).format(n=days, due=display(due)),
            source,
        )
    return Check(
        "minutes_published",
        NA,
        _("À signer et publier au plus tard le {due}.").format(due=display(due)),
        source,
    )


def _decisions_numbered(c: _Context) -> Check:
    source = _("registre des délibérations et des avis")
    rows = c.db.execute(
        "SELECT year, number FROM decisions WHERE meeting_id = ? ORDER BY year, number",
        [c.meeting.id],
    ).fetchall()
    if not rows:
        return Check("decisions_numbered", NA, _("Aucune décision à cette séance."), source)
    gaps = []
    for year, number in rows:
        below = database.scalar(
            c.db,
            "SELECT COUNT(DISTINCT number) FROM decisions WHERE year = ? AND number < ?",
            [year, number],
        )
        if below != number - 1:
            gaps.append(f"{year}-{number:03d}")
    if gaps:
        return Check(
            "decisions_numbered",
            FAIL,
            _("Numérotation interrompue avant : {refs}.").format(refs=", ".join(gaps)),
            source,
        )
    first, last = rows[0], rows[-1]
    return Check(
        "decisions_numbered",
        OK,
        _("Décisions numérotées sans lacune : {n}, de {first} à {last}.").format(
            n=len(rows), first=f"{first[0]}-{first[1]:03d}", last=f"{last[0]}-{last[1]:03d}"
        ),
        source,
    )


def _decisions_list(c: _Context) -> Check:
    """The list of the meeting's decisions, posted and put online within the body's days
    (CGCT, art. L. 2121-25): the deadline the publication folder keeps (issue 14)."""
    source = deadlines.SOURCES[deadlines.DECISIONS_LIST]
    if not c.held:
        return Check("decisions_list", NA, _("La séance n'est pas encore tenue."), source)
    found = [
        d
        for d in deadlines.of_meeting(c.db, c.meeting.id, c.today)
        if d.what == deadlines.DECISIONS_LIST
    ]
    if not found:
        return Check("decisions_list", NA, _("La séance n'est pas encore tenue."), source)
    deadline = found[0]
    status = {deadlines.DONE: OK, deadlines.LATE: FAIL}.get(deadline.state, NA)
    if deadline.state == deadlines.DONE and deadline.done_on and deadline.done_on > deadline.due_on:
        status = FAIL
        detail = _("Publiée le {done}, après le {due}.").format(
            done=display(deadline.done_on), due=display(deadline.due_on)
        )
    else:
        detail = deadline.status_text()
        detail = detail[:1].upper() + detail[1:] + "."
    if c.body.rule_set != "deliberative":
        # L. 2121-25 binds the deliberative assemblies (municipal council and the like); for a
        # consultative commission or an association the list is good practice, not a condition.
        return Check(
            "decisions_list",
            NA,
            _("{state} (usage : la règle s'impose aux organes délibérants)").format(
                state=detail.rstrip(".")
            ),
            source,
        )
    return Check("decisions_list", status, detail, source)


_ALL = (
    _notice_on_time,
    _notice_documents,
    _quorum_opening,
    _quorum_votes,
    _withdrawals,
    _proxies,
    _casting_vote,
    _minutes_approved,
    _minutes_published,
    _decisions_numbered,
    _decisions_list,
)


def check_meeting(db: Database, meeting_id: int, today: dt.date | None = None) -> list[Check]:
    """Every check of the meeting, in the order of CHECKS. A cancelled or postponed meeting has
    nothing to check."""
    return check_loaded(db, meeting_record.load(db, meeting_id), today)


def check_loaded(db: Database, loaded: MeetingRecord, today: dt.date | None = None) -> list[Check]:
    """`check_meeting` of a meeting already loaded (the facilitators' pack)."""
    c = _Context(db, loaded, today or dt.date.today())
    if c.meeting.status in ("cancelled", "postponed"):
        reason = _("La séance n'a pas eu lieu.")
        return [Check(code, NA, reason, "") for code in CHECKS]
    return [check(c) for check in _ALL]


def failing(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status == FAIL]


@dataclass(frozen=True)
class FailingMeeting:
    meeting_id: int
    body: str
    title: str
    starts_at: str
    failures: tuple[Check, ...]


def meetings_with_failures(
    db: Database, today: dt.date, days: int = 120, limit: int = 50
) -> list[FailingMeeting]:
    """Meetings of the last `days` days (held, or whose notice deadline is past) with a failing
    check, the most recent first: a bounded window, so the dashboard reads it quickly."""
    rows = database.rows(
        db,
        "SELECT m.id, b.name AS body, m.title, m.starts_at FROM meetings m JOIN bodies b "
        "ON b.id = m.body_id WHERE m.starts_at >= ? AND m.starts_at < ? "
        "AND m.status NOT IN ('cancelled', 'postponed') ORDER BY m.starts_at DESC LIMIT ?",
        [
            (today - dt.timedelta(days=days)).isoformat(),
            (today + dt.timedelta(days=31)).isoformat(),
            limit * 4,
        ],
    )
    out = []
    for r in rows:
        failures = failing(check_meeting(db, r["id"], today))
        if failures:
            out.append(
                FailingMeeting(r["id"], r["body"], r["title"], r["starts_at"], tuple(failures))
            )
        if len(out) >= limit:
            break
    return out
