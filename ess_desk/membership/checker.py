"""The one mandate checker: the rules a mandate must keep with the mandates already held, for the
service (a mandate typed in the window), the member import (a file's lines, in order) and the
demonstration council alike.

Each caller gathers what it knows into a `Ledger` (the database's mandates, and for the import the
file's lines accepted so far), describes the new mandate as a `Candidate`, and asks `problems()`:
the same facts give the same verdict and the same sentences, wherever the mandate comes from.
What is peculiar to one caller stays with it: the service checks that the ids it is given exist,
the import finds a substitute's holder by the name typed in the file."""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from ess_desk.dates import display
from ess_desk.i18n import _
from ess_desk.membership import rules
from ess_desk.membership.bodies import overflow_message
from ess_desk.membership.vocabulary import SEAT_ROLES


class Holder(NamedTuple):
    """A seat mandate a substitute may stand in for."""

    person: Hashable
    college: Hashable | None
    college_name: str
    period: rules.Period


class Candidate(NamedTuple):
    """The mandate to check. `person`, `college` and `holder` are whatever identifies them for
    the caller (database ids, or the import's planned records); `holder` is the seat mandate a
    substitute stands in for, `holder_name` how the person typed it. A NamedTuple: an import
    makes one for each of its lines, in half a frozen dataclass's time."""

    person: Hashable
    person_name: str
    body: Hashable
    body_name: str
    role: str
    period: rules.Period
    college: Hashable | None = None
    college_name: str = ""
    seats: int | None = None  # the college's seats, None for no limit
    body_has_colleges: bool = False
    holder: Hashable | None = None
    holder_name: str = ""


class MandateProblem(NamedTuple):
    """What is wrong, and the field at fault (the service's name: `college_id`,
    `substitute_for_id`, `start_date`)."""

    field: str
    message: str


class Verdict(NamedTuple):
    problems: list[MandateProblem]
    college: Hashable | None  # a substitute sits in its holder's college when none was given

    @property
    def accepted(self) -> bool:
        return not self.problems


class Ledger:
    """The mandates already held, as the rules need them. A plain class (not a dataclass): the
    member import's path does not load `dataclasses` (bench/NOTES.md, perf21)."""

    __slots__ = ("periods", "seats", "substitutes", "holders")

    def __init__(self) -> None:
        # Per body and person: their mandates' periods, with the file line that brought each
        # (None for a mandate of the database).
        self.periods: dict[tuple[Hashable, Hashable], list[tuple[rules.Period, int | None]]] = {}
        self.seats: dict[Hashable, list[rules.Period]] = {}  # per college
        self.substitutes: dict[Hashable, list[rules.Period]] = {}  # per holder
        self.holders: dict[Hashable, Holder] = {}  # seat mandates, by reference

    def book(
        self,
        body: Hashable,
        person: Hashable,
        role: str,
        period: rules.Period,
        *,
        college: Hashable | None = None,
        holder: Hashable | None = None,
        line: int | None = None,
    ) -> None:
        """A mandate held (from the database, or accepted from the file)."""
        self.periods.setdefault((body, person), []).append((period, line))
        if role in SEAT_ROLES and college is not None:
            self.seats.setdefault(college, []).append(period)
        if holder is not None:
            self.substitutes.setdefault(holder, []).append(period)

    def clear(
        self,
        body: Hashable,
        person: Hashable,
        role: str,
        college: Hashable | None,
        seats: int | None,
        body_has_colleges: bool,
    ) -> bool:
        """True when `problems` has nothing to say of a candidate with these facts and no holder,
        whatever its names: a college given (or none needed), no other mandate of the person in
        the body, no seats to count. An import's usual line is so, and is then booked without
        its Candidate and names being made (a test checks the two agree)."""
        return (
            (body, person) not in self.periods
            and (seats is None or role not in SEAT_ROLES)
            and (
                college is not None
                or not body_has_colleges
                or (role not in SEAT_ROLES and role != "substitute")
            )
        )

    def problems(self, c: Candidate) -> Verdict:
        """Every rule `c` breaks, in the order a person fixes them: the pairing with its holder,
        the college, the overlap with the person's other mandates, the college's seats."""
        found: list[MandateProblem] = []
        college = c.college
        if c.holder is not None:
            college = self._pairing(c, found)
        if (
            college is None
            and not found  # a substitute whose pairing failed has no college to take
            and (c.role in SEAT_ROLES or c.role == "substitute")
            and c.body_has_colleges
        ):
            found.append(
                MandateProblem(
                    "college_id",
                    _("Indiquez le collège de ce mandat : l'instance « {body} » en a.").format(
                        body=c.body_name
                    ),
                )
            )
        overlap = self._overlap(c)
        if overlap is not None:
            found.append(overlap)
        if c.role in SEAT_ROLES and college is not None and c.seats is not None:
            overflow = rules.seat_overflow(self.seats.get(college, []), c.period, c.seats)
            if overflow is not None:
                found.append(
                    MandateProblem(
                        "college_id", overflow_message(c.college_name, c.seats, overflow)
                    )
                )
        return Verdict(found, college)

    def _pairing(self, c: Candidate, found: list[MandateProblem]) -> Hashable | None:
        held = self.holders[c.holder]
        if held.person == c.person:
            found.append(
                MandateProblem(
                    "substitute_for_id", _("Une personne ne peut pas être sa propre suppléante.")
                )
            )
        elif any(rules.overlaps(p, c.period) for p in self.substitutes.get(c.holder, [])):
            found.append(
                MandateProblem(
                    "substitute_for_id",
                    _("« {name} » a déjà un(e) suppléant(e) sur cette période.").format(
                        name=c.holder_name
                    ),
                )
            )
        elif c.college is None:
            return held.college
        elif held.college is not None and held.college != c.college:
            found.append(
                MandateProblem(
                    "college_id",
                    _(
                        "Le suppléant siège dans le collège du titulaire qu'il remplace "
                        "(« {college} »)."
                    ).format(college=held.college_name),
                )
            )
        return c.college

    def _overlap(self, c: Candidate) -> MandateProblem | None:
        for other, line in self.periods.get((c.body, c.person), []):
            if not rules.overlaps(other, c.period):
                continue
            if line is None:
                template = _(
                    "{name} a déjà un mandat dans « {body} » qui chevauche cette période "
                    "({start} – {end})."
                )
            else:
                template = _(
                    "{name} a déjà, ligne {line}, un mandat dans « {body} » qui chevauche "
                    "cette période ({start} – {end})."
                )
            return MandateProblem(
                "start_date",
                template.format(
                    name=c.person_name,
                    body=c.body_name,
                    start=display(other[0]),
                    end=display(other[1]) if other[1] else _("sans fin"),
                    line=line,
                ),
            )
        return None
