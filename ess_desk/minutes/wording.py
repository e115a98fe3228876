"""The sentences of the minutes, shared by the PDF and the Word exports so that both say the same."""

from __future__ import annotations

import datetime as dt

from ess_desk.dates import clock, display, long_datetime
from ess_desk.i18n import _
from ess_desk.meetings.vocabulary import OUTCOMES
from ess_desk.membership.vocabulary import label
from ess_desk.minutes.record import (
    AttendanceLine,
    BallotLine,
    ChairTurn,
    MinutesRecord,
    PersonRef,
    Section,
    VoteRecord,
    Withdrawal,
)
from ess_desk.minutes.vocabulary import DECISION_KINDS, FORMS
from ess_desk.typography import with_article


def title(form: str) -> str:
    return label(FORMS, form)


def person(ref: PersonRef | None, with_organisation: bool = True) -> str:
    if ref is None:
        return ""
    if with_organisation and ref.organisation:
        return f"{ref.name} ({ref.organisation})"
    return ref.name


def hour(value: str | None) -> str:
    """« 20 h 15 » from "20:15"."""
    if not value:
        return "…"
    return clock(dt.time.fromisoformat(value))


def when(record: MinutesRecord) -> str:
    return long_datetime(record.start)


def opening_chairs(record: MinutesRecord) -> list[PersonRef]:
    """Who presided at the opening: the turns recorded (or found from the arrivals), else, for
    minutes approved before they were recorded, the body's president(s)."""
    if record.version >= 2:
        return [t.person for t in record.presiding if t.from_time is None]
    return list(record.chair)


def chair(record: MinutesRecord) -> str:
    return ", ".join(person(c, False) for c in opening_chairs(record)) or _("non désignée")


def chair_change(turn: ChairTurn) -> str:
    """« À 19 h 40, Jeanne Martin prend la présidence de la séance (départ du président). »"""
    if turn.reason:
        return _("À {time}, {name} prend la présidence de la séance ({reason}).").format(
            time=hour(turn.from_time), name=person(turn.person, False), reason=turn.reason
        )
    return _("À {time}, {name} prend la présidence de la séance.").format(
        time=hour(turn.from_time), name=person(turn.person, False)
    )


def chair_changes(record: MinutesRecord) -> list[str]:
    return [chair_change(t) for t in record.presiding if t.from_time is not None]


def notice_line(record: MinutesRecord) -> str | None:
    """The day the notice went out (version 1 snapshots did not record it)."""
    if record.version < 2:
        return None
    if not record.notice_sent_on:
        return _("Date d'envoi de la convocation : non enregistrée.")
    return _("Convocation adressée le {day}.").format(day=display(record.notice_sent_on))


def _opening(record: MinutesRecord) -> str:
    return record.opening_time or record.start.time().isoformat(timespec="minutes")


def times(record: MinutesRecord, line: AttendanceLine) -> str:
    """« arrivée à 18 h 33, départ à 20 h 10 »: only where they differ from the meeting's
    opening and closing."""
    parts = []
    if line.arrival and line.arrival > _opening(record):
        parts.append(_("arrivée à {time}").format(time=hour(line.arrival)))
    if line.departure and (not record.closing_time or line.departure < record.closing_time):
        parts.append(_("départ à {time}").format(time=hour(line.departure)))
    return ", ".join(parts)


def attendee(record: MinutesRecord, line: AttendanceLine, text: str | None = None) -> str:
    words = text if text is not None else person(line.person)
    when = times(record, line)
    return f"{words} ({when})" if when else words


def attendance_rows(record: MinutesRecord) -> list[tuple[str, list[str]]]:
    """(category with its count, one text per person) for each attendance category."""
    a = record.attendance

    def plain(lines: tuple[AttendanceLine, ...]) -> list[str]:
        return [attendee(record, x) for x in lines]

    represented = [
        _("{name}, pouvoir à {holder}").format(
            name=person(x.person), holder=person(x.other, False) or _("non désigné")
        )
        for x in a.represented
    ]
    excused = [
        replaced(x.person).format(name=person(x.person), substitute=person(x.other, False))
        if x.other
        else person(x.person)
        for x in a.excused
    ]
    substitutes = [
        attendee(
            record,
            x,
            substitute_of(x.person).format(name=person(x.person), member=person(x.other, False))
            if x.other
            else None,
        )
        for x in a.substitutes
    ]
    remote = _("À distance (visio ou audio)")
    rows = [
        (_("Présents"), plain(a.present)),
        (remote, plain(a.remote)),
        (_("Représentés"), represented),
        (_("Excusés"), excused),
        (_("Absents"), plain(a.absent)),
        (_("Suppléants présents"), substitutes),
        (_("Invités"), plain(a.guests)),
    ]
    # Version 1 snapshots knew nobody remote: no empty row for them.
    if record.version < 2:
        rows = [r for r in rows if r[0] != remote]
    return [(f"{name} ({len(people)})", people) for name, people in rows]


def quorum_line(record: MinutesRecord) -> str:
    a = record.attendance
    if a.waived:
        state = _("séance reconvoquée : sans condition de quorum")
    else:
        state = _("quorum atteint") if a.reached else _("quorum non atteint")
    return _(
        "Membres votants en exercice : {in_office} — présents ou suppléés : {present} — "
        "à distance : {remote} — représentés : {represented} — quorum requis : {required} — "
        "{state}."
    ).format(
        in_office=a.in_office,
        present=a.present_count,
        remote=a.remote_count,
        represented=a.represented_count,
        required=a.required,
        state=state,
    )


def quorum_rule_line(record: MinutesRecord) -> str | None:
    """« Règle : plus de la moitié des 8 membres en exercice (CGCT, art. L. 2121-17). »"""
    law = record.law
    if not law.quorum_rule:
        return None
    return _("Règle du quorum : {rule} ({source}).").format(
        rule=law.quorum_rule, source=law.quorum_source
    )


def reconvening_line(record: MinutesRecord) -> str | None:
    """The reconvened meeting cites the first; the failed one says it could not deliberate."""
    law = record.law
    if law.reconvenes_day:
        return _(
            "Le quorum n'ayant pas été atteint lors de la séance du {day}, l'instance a été "
            "convoquée à nouveau sur le même ordre du jour ; elle délibère valablement sans "
            "condition de quorum ({source})."
        ).format(day=display(law.reconvenes_day), source=law.reconvene_source)
    if law.reconvened_at:
        start = dt.datetime.fromisoformat(law.reconvened_at)
        return _(
            "Le quorum n'étant pas atteint, la séance n'a pu délibérer. L'instance est convoquée "
            "à nouveau le {when} sur le même ordre du jour ; elle délibérera alors sans "
            "condition de quorum ({source})."
        ).format(when=long_datetime(start), source=law.reconvene_source)
    return None


def opening_line(record: MinutesRecord) -> str | None:
    if not record.opening_time:
        return None
    if not opening_chairs(record):
        return _("La séance est ouverte à {time}.").format(time=hour(record.opening_time))
    return _("La séance est ouverte à {time} sous la présidence de {chair}.").format(
        time=hour(record.opening_time), chair=chair(record)
    )


def closing_line(record: MinutesRecord) -> str:
    if record.law.reconvened_at and not any(s.vote for s in record.sections):
        return _("La séance est levée à {time}, sans délibération.").format(
            time=hour(record.closing_time)
        )
    return _("L'ordre du jour étant épuisé, la séance est levée à {time}.").format(
        time=hour(record.closing_time)
    )


def substitute_of(ref: PersonRef | None) -> str:
    """« {name}, suppléante de {member} »: the word agrees with the substitute's civility."""
    civility = ref.civility if ref else ""
    if civility == "Mme":
        return _("{name}, suppléante de {member}")
    if civility == "M.":
        return _("{name}, suppléant de {member}")
    return _("{name}, suppléant(e) de {member}")


def replaced(ref: PersonRef | None) -> str:
    """« {name}, remplacée par {substitute} »: the word agrees with the member's civility."""
    civility = ref.civility if ref else ""
    if civility == "Mme":
        return _("{name}, remplacée par {substitute}")
    if civility == "M.":
        return _("{name}, remplacé par {substitute}")
    return _("{name}, remplacé(e) par {substitute}")


def interested(civility: str) -> str:
    if civility == "Mme":
        return _("intéressée")
    if civility == "M.":
        return _("intéressé")
    return _("intéressé(e)")


def withdrawal_line(withdrawal: Withdrawal) -> str:
    """« Mme Zoé Test, intéressée, a quitté la séance et n'a pas pris part au vote. »"""
    name = person(withdrawal.person, False)
    if withdrawal.civility in ("Mme", "M."):
        name = f"{withdrawal.civility} {name}"
    return _("{name}, {interested}, a quitté la séance et n'a pas pris part au vote.").format(
        name=name, interested=interested(withdrawal.civility)
    )


def vote_kind_line(vote: VoteRecord) -> str | None:
    if vote.kind == "roll_call":
        return _("Scrutin public, par appel nominal.")
    if vote.kind == "secret":
        voting = vote.votes_for + vote.votes_against + vote.blank + vote.spoilt
        return _(
            "Scrutin secret — votants : {voting} ; bulletins blancs : {blank} ; bulletins nuls : "
            "{spoilt} ; suffrages exprimés : {cast}."
        ).format(
            voting=voting,
            blank=vote.blank,
            spoilt=vote.spoilt,
            cast=vote.votes_for + vote.votes_against,
        )
    return None


def ballot_name(ballot: BallotLine) -> str:
    """« Rose Test (par pouvoir, vote de François Test) »: whose vote, and who cast it."""
    name = person(ballot.member, False)
    if ballot.cast_by is None:
        return name
    if ballot.by_proxy:
        return _("{holder}, par pouvoir de {member}").format(
            holder=person(ballot.cast_by, False), member=name
        )
    return substitute_of(ballot.cast_by).format(name=person(ballot.cast_by, False), member=name)


def roll_call_rows(vote: VoteRecord) -> list[tuple[str, list[str]]]:
    """(choice with its count, names) for each choice of a roll call."""
    from ess_desk.meetings.votes import CHOICES

    rows = []
    for choice in CHOICES:
        names = [ballot_name(b) for b in vote.ballots if b.choice == choice]
        if names:
            rows.append((f"{label(CHOICES, choice)} ({len(names)})", names))
    return rows


def casting_line(vote: VoteRecord, record: MinutesRecord) -> str | None:
    """The tie settled by the chair's casting vote, said in the minutes with its source."""
    if not vote.casting_vote:
        return None
    side = _("pour") if vote.casting_vote == "for" else _("contre")
    return _(
        "Les voix étant également partagées, la voix de la présidence, qui a voté {side}, est "
        "prépondérante ({source}) : le point est {outcome}."
    ).format(
        side=side,
        source=record.law.casting_source or _("règlement de l'instance"),
        outcome=label(OUTCOMES, vote.outcome).lower(),
    )


def section_title(section: Section) -> str:
    return f"{section.position}. {section.title}"


def presenter(section: Section) -> str | None:
    who = person(section.presenter, False) if section.presenter else section.presenter_text
    return _("Présenté par {name}").format(name=with_article(who)) if who else None


def vote_header() -> list[str]:
    return [
        _("Collège"),
        _("Pour"),
        _("Contre"),
        _("Abstentions"),
        _("Ne prennent pas part"),
        _("Résultat"),
    ]


def outcome(vote: VoteRecord) -> str:
    text = label(OUTCOMES, vote.outcome)
    if vote.casting_vote:
        text += " " + _("(voix prépondérante de la présidence)")
    return text


def vote_rows(vote: VoteRecord) -> list[list[str]]:
    """The vote as table rows: one per college when counted by college, then the total."""
    rows = [
        [
            c.college,
            str(c.votes_for),
            str(c.votes_against),
            str(c.abstentions),
            str(c.not_voting),
            "",
        ]
        for c in vote.by_college
    ]
    rows.append(
        [
            _("Total"),
            str(vote.votes_for),
            str(vote.votes_against),
            str(vote.abstentions),
            str(vote.not_voting),
            outcome(vote),
        ]
    )
    return rows


def vote_note(vote: VoteRecord) -> str | None:
    if vote.quorum_reached or vote.quorum_waived:
        return None
    return _("Le quorum n'était pas atteint au moment du vote.")


def no_vote(section: Section) -> str | None:
    """An item without a vote says so (approvals and opinions are voted; information is not)."""
    if section.vote is not None:
        return None
    if section.kind in ("vote", "minutes_approval"):
        return _("Aucun vote n'a été enregistré sur ce point.")
    return _("Ce point n'a pas donné lieu à un vote.")


def signature_roles(record: MinutesRecord) -> list[tuple[str, str, str]]:
    """(role key, role as printed, name) of the two signatories of the minutes: the chair of the
    meeting and its secretary (CGCT L. 2121-15)."""
    chairs = opening_chairs(record)
    return [
        ("president", _("Président de séance"), ", ".join(person(c, False) for c in chairs)),
        ("secretaire", _("Secrétaire de séance"), record.secretary),
    ]


def signature_place_line() -> str:
    return _("Fait à ………………………, le ……………………")


def signature_hint() -> str:
    return _("Signature manuscrite ou électronique")


def decision_heading(reference: str, kind: str) -> str:
    return _("{kind} n° {ref}").format(kind=label(DECISION_KINDS, kind), ref=reference)


def action_line(title_text: str, owner: str, due: str | None) -> str:
    parts = [title_text]
    if owner:
        parts.append(_("porteur : {owner}").format(owner=owner))
    if due:
        parts.append(_("échéance : {day}").format(day=display(due)))
    return " — ".join(parts)


def draft_line() -> str:
    return _("Projet : le procès-verbal de cette séance n'est pas encore approuvé.")


def erratum_heading(recorded_on: str) -> str:
    return _("Erratum du {day}").format(day=display(recorded_on))


def erratum_reason(reason: str) -> str:
    return _("Motif : {reason}").format(reason=reason)


def digest_line(digest: str) -> str:
    return _("Empreinte SHA-256 du texte approuvé : {digest}").format(digest=digest)


def seal_line(entry_id: int, chain_hash: str) -> str:
    """The audit entry of the approval, as printed under the approval line."""
    return _(
        "Journal des modifications : approbation inscrite à l'entrée n° {id}, empreinte de la "
        "chaîne {hash}"
    ).format(id=entry_id, hash=chain_hash)


def seal_footer(entry_id: int, chain_hash: str) -> str:
    """The same, short enough for the foot of every page (the hash's first 32 characters)."""
    return _("Journal : entrée n° {id} · {hash}").format(id=entry_id, hash=chain_hash[:32])


def public_note() -> str:
    return _(
        "Version publique : les personnes qui n'ont pas consenti à la publication de leur nom "
        "sont désignées par leur qualité."
    )
