"""The sentences of the minutes, shared by the PDF and the Word exports so that both say the same."""

from __future__ import annotations

import datetime as dt

from ess_desk.dates import clock, display, long_datetime
from ess_desk.i18n import _
from ess_desk.meetings.vocabulary import OUTCOMES
from ess_desk.membership.vocabulary import label
from ess_desk.minutes.record import AttendanceLine, MinutesRecord, PersonRef, Section, VoteRecord
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


def chair(record: MinutesRecord) -> str:
    return ", ".join(person(c, False) for c in record.chair) or _("non désignée")


def attendance_rows(record: MinutesRecord) -> list[tuple[str, list[str]]]:
    """(category with its count, one text per person) for each attendance category."""
    a = record.attendance

    def plain(lines: tuple[AttendanceLine, ...]) -> list[str]:
        return [person(x.person) for x in lines]

    represented = [
        _("{name}, pouvoir à {holder}").format(
            name=person(x.person), holder=person(x.other, False) or _("non désigné")
        )
        for x in a.represented
    ]
    excused = [
        _("{name}, remplacé(e) par {substitute}").format(
            name=person(x.person), substitute=person(x.other, False)
        )
        if x.other
        else person(x.person)
        for x in a.excused
    ]
    substitutes = [
        _("{name}, suppléant(e) de {member}").format(
            name=person(x.person), member=person(x.other, False)
        )
        if x.other
        else person(x.person)
        for x in a.substitutes
    ]
    rows = [
        (_("Présents"), plain(a.present)),
        (_("Représentés"), represented),
        (_("Excusés"), excused),
        (_("Absents"), plain(a.absent)),
        (_("Suppléants présents"), substitutes),
        (_("Invités"), plain(a.guests)),
    ]
    return [(f"{name} ({len(people)})", people) for name, people in rows]


def quorum_line(record: MinutesRecord) -> str:
    a = record.attendance
    return _(
        "Membres votants en exercice : {in_office} — présents ou suppléés : {present} — "
        "représentés : {represented} — quorum requis : {required} — {state}."
    ).format(
        in_office=a.in_office,
        present=a.present_count,
        represented=a.represented_count,
        required=a.required,
        state=_("quorum atteint") if a.reached else _("quorum non atteint"),
    )


def opening_line(record: MinutesRecord) -> str | None:
    if not record.opening_time:
        return None
    return _("La séance est ouverte à {time} sous la présidence de {chair}.").format(
        time=hour(record.opening_time), chair=chair(record)
    )


def closing_line(record: MinutesRecord) -> str:
    return _("L'ordre du jour étant épuisé, la séance est levée à {time}.").format(
        time=hour(record.closing_time)
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
    if vote.quorum_reached:
        return None
    return _("Le quorum n'était pas atteint au moment du vote.")


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
