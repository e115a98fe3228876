"""Who counts at a moment of a meeting: presence, substitutes, proxies, and the quorum."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ess_desk.i18n import N_, _, ngettext

STATUSES = {
    "present": N_("Présent(e)"),
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

    def here_at(self, moment: dt.time | None) -> bool:
        """Physically in the room at `moment` (None: the opening, before any departure)."""
        if self.status != "present":
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


@dataclass
class Count:
    """The count at one moment: who is in office, who counts, and whether the quorum is reached."""

    in_office: int
    present: int  # voting members present in person, or through their substitute
    represented: int  # voting members represented by a valid proxy
    required: int
    voters: dict[int, int] = field(default_factory=dict)  # sitting mandate -> votes it carries
    problems: list[str] = field(default_factory=list)
    counts_represented: bool = True

    @property
    def counted(self) -> int:
        return self.present + (self.represented if self.counts_represented else 0)

    @property
    def reached(self) -> bool:
        return self.counted >= self.required

    @property
    def votes_available(self) -> int:
        return sum(self.voters.values())


def required_for(in_office: int, quorum: Fraction) -> int:
    """At least this fraction of the members in office ("la moitié au moins")."""
    return math.ceil(in_office * quorum)


def count(
    expected: Sequence[Expected],
    presences: Iterable[Presence],
    rules: Rules,
    moment: dt.time | None = None,
) -> Count:
    """Apply the body's rules to the attendance at `moment`."""
    by_mandate = {e.mandate_id: e for e in expected}
    recorded = {p.mandate_id: p for p in presences if p.mandate_id in by_mandate}

    def presence(mandate_id: int) -> Presence:
        return recorded.get(mandate_id) or Presence(mandate_id)

    members = [e for e in expected if e.voting]
    result = Count(
        in_office=len(members),
        present=0,
        represented=0,
        required=required_for(len(members), rules.quorum),
        counts_represented=rules.counts_represented,
    )
    sitting_for: dict[int, int] = {}  # voting member -> the mandate that sits and votes for them
    used_substitutes: set[int] = set()
    for member in members:
        p = presence(member.mandate_id)
        if p.here_at(moment):
            sitting_for[member.mandate_id] = member.mandate_id
        elif p.status == "replaced":
            sub = by_mandate.get(p.replaced_by) if p.replaced_by is not None else None
            if sub is None or sub.voting or sub.role != "substitute":
                result.problems.append(
                    _("{name} est noté(e) remplacé(e), mais sans suppléant(e) désigné(e).").format(
                        name=member.name
                    )
                )
            elif sub.substitute_for not in (None, member.mandate_id):
                result.problems.append(
                    _("{sub} est le/la suppléant(e) d'un autre membre que {name}.").format(
                        sub=sub.name, name=member.name
                    )
                )
            elif sub.mandate_id in used_substitutes:
                result.problems.append(
                    _("{sub} ne peut remplacer qu'un seul membre.").format(sub=sub.name)
                )
            elif presence(sub.mandate_id).here_at(moment):
                used_substitutes.add(sub.mandate_id)
                sitting_for[member.mandate_id] = sub.mandate_id
    result.present = len(sitting_for)
    result.voters = {sitting: 1 for sitting in sitting_for.values()}

    carried: dict[int, int] = {}
    for member in members:
        p = presence(member.mandate_id)
        if p.status != "represented" or member.mandate_id in sitting_for:
            continue
        holder = by_mandate.get(p.proxy_to) if p.proxy_to is not None else None
        reason = None
        if holder is None:
            reason = _("le mandataire n'est pas désigné ou n'est pas convoqué à cette séance")
        elif holder.mandate_id == member.mandate_id:
            reason = _("on ne peut pas se donner pouvoir à soi-même")
        elif not holder.voting:
            reason = _("{holder} n'a pas de mandat avec voix délibérative").format(
                holder=holder.name
            )
        elif sitting_for.get(holder.mandate_id) != holder.mandate_id:
            reason = _("{holder} n'est pas présent(e)").format(holder=holder.name)
        elif carried.get(holder.mandate_id, 0) >= rules.proxies_per_holder:
            reason = ngettext(
                "{holder} porte déjà {limit} pouvoir, le maximum",
                "{holder} porte déjà {limit} pouvoirs, le maximum",
                rules.proxies_per_holder,
            ).format(holder=holder.name, limit=rules.proxies_per_holder)
        if reason is not None:
            result.problems.append(
                _("Le pouvoir de {name} n'est pas valable : {reason}.").format(
                    name=member.name, reason=reason
                )
            )
            continue
        carried[holder.mandate_id] = carried.get(holder.mandate_id, 0) + 1
        result.voters[holder.mandate_id] += 1
        result.represented += 1
    return result
