"""Who counts at a moment of a meeting: presence, substitutes, proxies, and the quorum."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ess_desk.i18n import N_, _, ngettext

STATUSES = {
    "present": N_("Présent(e)"),
    "remote": N_("À distance (visio ou audio)"),
    "excused": N_("Excusé(e)"),
    "absent": N_("Absent(e)"),
    "represented": N_("Représenté(e)"),
    "replaced": N_("Remplacé(e) par son suppléant"),
}


@dataclass(frozen=True)
class Expected:
    """A person expected at the meeting through a mandate in force on its date."""

    mandate_id: int
    name: str
    voting: bool  # holds a seat in a voting college: counts for the quorum and votes
    role: str = "member"
    substitute_for: int | None = None  # the member's mandate, for a paired substitute
    college_id: int | None = None


@dataclass(frozen=True)
class Presence:
    """What was recorded for one expected person."""

    mandate_id: int
    status: str = "absent"
    proxy_to: int | None = None  # mandate of the proxy holder, when represented
    replaced_by: int | None = None  # mandate of the substitute who sits, when replaced
    arrival: dt.time | None = None
    departure: dt.time | None = None

    def here_at(self, moment: dt.time | None, remote: bool = False) -> bool:
        """In the room at `moment` (None: the opening, before any departure); `remote`: taking
        part by video or audio counts too (where the body's rules allow it)."""
        if self.status != "present" and not (remote and self.status == "remote"):
            return False
        if moment is None:
            return True
        if self.arrival is not None and self.arrival > moment:
            return False
        return self.departure is None or self.departure > moment


@dataclass(frozen=True)
class Rules:
    quorum: Fraction = Fraction(1, 2)
    counts_represented: bool = True
    proxies_per_holder: int = 1
    formula: str = "at_least"  # see membership.vocabulary.QUORUM_FORMULAS
    remote_allowed: bool = False  # members taking part by video or audio sit and vote
    counts_remote: bool = True  # …and count towards the quorum (when allowed)


@dataclass
class Count:
    """The count at one moment: who is in office, who counts, and whether the quorum is reached."""

    in_office: int
    present: int  # voting members present in person, or through their substitute
    represented: int  # voting members represented by a valid proxy
    required: int
    voters: dict[int, int] = field(default_factory=dict)  # sitting mandate -> votes it carries
    cast_by: dict[int, int] = field(default_factory=dict)  # member -> mandate casting their vote
    problems: list[str] = field(default_factory=list)
    counts_represented: bool = True
    remote: int = 0  # voting members taking part remotely, where the rules allow it
    counts_remote: bool = True
    withdrawn: int = 0  # voting members withdrawn from the item (déport): never counted
    waived: bool = False  # a reconvened meeting deliberates without quorum

    @property
    def counted(self) -> int:
        return (
            self.present
            + (self.represented if self.counts_represented else 0)
            + (self.remote if self.counts_remote else 0)
        )

    @property
    def reached(self) -> bool:
        """No member in office is never a quorum, even waived: nobody can deliberate."""
        if self.in_office == 0:
            return False
        return self.waived or self.counted >= self.required

    @property
    def votes_available(self) -> int:
        return sum(self.voters.values())


def required_for(in_office: int, quorum: Fraction, formula: str = "at_least") -> int:
    """The members that must count for the quorum: "at_least" this fraction of the members in
    office (« la moitié au moins » : 8 → 4, 7 → 4) or "more_than" it (« plus de la moitié » :
    8 → 5, 7 → 4). A body with no member in office needs one member all the same: nobody is
    never a quorum."""
    if formula == "more_than":
        needed = math.floor(in_office * quorum) + 1
    else:
        needed = math.ceil(in_office * quorum)
    return max(1, needed)


def count(
    expected: Sequence[Expected],
    presences: Iterable[Presence],
    rules: Rules,
    moment: dt.time | None = None,
    *,
    withdrawn: Collection[int] = (),
    waived: bool = False,
) -> Count:
    """Apply the body's rules to the attendance at `moment`. `withdrawn`: the mandates of the
    members who withdrew from the item being voted (déport, CGCT L. 2131-11, décret n° 2006-672
    art. 13): they are neither present nor voting, and no proxy is given or held through them.
    `waived`: the meeting was reconvened after a failed quorum and deliberates without one."""
    by_mandate = {e.mandate_id: e for e in expected}
    recorded = {p.mandate_id: p for p in presences if p.mandate_id in by_mandate}
    out_of_item = set(withdrawn)

    def presence(mandate_id: int) -> Presence:
        return recorded.get(mandate_id) or Presence(mandate_id)

    members = [e for e in expected if e.voting]
    result = Count(
        in_office=len(members),
        present=0,
        represented=0,
        required=required_for(len(members), rules.quorum, rules.formula),
        counts_represented=rules.counts_represented,
        counts_remote=rules.counts_remote,
        waived=waived,
    )
    remote_ok = rules.remote_allowed
    sitting_for: dict[int, int] = {}  # voting member -> the mandate that sits and votes for them
    remote_members: set[int] = set()
    used_substitutes: set[int] = set()
    for member in members:
        if member.mandate_id in out_of_item:
            result.withdrawn += 1
            continue
        p = presence(member.mandate_id)
        if p.status == "remote" and not remote_ok:
            result.problems.append(
                _(
                    "{name} est noté(e) à distance, mais le règlement de l'instance ne prévoit pas "
                    "la participation à distance : ni compté(e) pour le quorum, ni votant(e)."
                ).format(name=member.name)
            )
        if p.here_at(moment, remote=remote_ok):
            sitting_for[member.mandate_id] = member.mandate_id
            if p.status == "remote":
                remote_members.add(member.mandate_id)
        elif p.status == "replaced":
            sub = by_mandate.get(p.replaced_by) if p.replaced_by is not None else None
            problem = _substitute_problem(member, sub, used_substitutes)
            if problem:
                result.problems.append(problem)
            elif sub is not None and presence(sub.mandate_id).here_at(moment, remote=remote_ok):
                used_substitutes.add(sub.mandate_id)
                sitting_for[member.mandate_id] = sub.mandate_id
                if presence(sub.mandate_id).status == "remote":
                    remote_members.add(member.mandate_id)
    result.remote = len(remote_members)
    result.present = len(sitting_for) - result.remote
    result.voters = {sitting: 1 for sitting in sitting_for.values()}
    result.cast_by = dict(sitting_for)

    carried: dict[int, int] = {}
    for member in members:
        p = presence(member.mandate_id)
        if (
            p.status != "represented"
            or member.mandate_id in sitting_for
            or member.mandate_id in out_of_item
        ):
            continue
        holder = by_mandate.get(p.proxy_to) if p.proxy_to is not None else None
        reason = _proxy_problem(member, holder, sitting_for, carried, rules, out_of_item)
        if reason is not None:
            result.problems.append(
                _("Le pouvoir de {name} n'est pas valable : {reason}.").format(
                    name=member.name, reason=reason
                )
            )
            continue
        assert holder is not None
        carried[holder.mandate_id] = carried.get(holder.mandate_id, 0) + 1
        result.voters[holder.mandate_id] += 1
        result.cast_by[member.mandate_id] = holder.mandate_id
        result.represented += 1
    return result


def _substitute_problem(
    member: Expected, sub: Expected | None, used_substitutes: set[int]
) -> str | None:
    if sub is None or sub.voting or sub.role != "substitute":
        return _("{name} est noté(e) remplacé(e), mais sans suppléant(e) désigné(e).").format(
            name=member.name
        )
    if sub.substitute_for not in (None, member.mandate_id):
        return _("{sub} est le/la suppléant(e) d'un autre membre que {name}.").format(
            sub=sub.name, name=member.name
        )
    if sub.mandate_id in used_substitutes:
        return _("{sub} ne peut remplacer qu'un seul membre.").format(sub=sub.name)
    return None


def _proxy_problem(
    member: Expected,
    holder: Expected | None,
    sitting_for: dict[int, int],
    carried: dict[int, int],
    rules: Rules,
    out_of_item: set[int],
) -> str | None:
    if holder is None:
        return _("le mandataire n'est pas désigné ou n'est pas convoqué à cette séance")
    if holder.mandate_id == member.mandate_id:
        return _("on ne peut pas se donner pouvoir à soi-même")
    if not holder.voting:
        return _("{holder} n'a pas de mandat avec voix délibérative").format(holder=holder.name)
    if holder.mandate_id in out_of_item:
        return _("{holder} s'est déporté(e) sur ce point").format(holder=holder.name)
    if sitting_for.get(holder.mandate_id) != holder.mandate_id:
        return _("{holder} n'est pas présent(e)").format(holder=holder.name)
    if carried.get(holder.mandate_id, 0) >= rules.proxies_per_holder:
        return ngettext(
            "{holder} porte déjà {limit} pouvoir, le maximum",
            "{holder} porte déjà {limit} pouvoirs, le maximum",
            rules.proxies_per_holder,
        ).format(holder=holder.name, limit=rules.proxies_per_holder)
    return None
