"""The demo's sizes: colleges, bodies, people and years of the small, large and huge councils."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ess_desk import demo_data as data


@dataclass(frozen=True)
class CollegeSpec:
    """A college of the plenary and how the demo fills it at each renewal."""

    name: str
    seats: int
    voting: bool
    source: str  # kind of person who sits there: elected, ess, network, partner, qualified
    filled: int  # seats filled at each renewal (the rest stay vacant)
    substitutes: int  # filled seats whose holder has a paired substitute


@dataclass(frozen=True)
class Profile:
    """Everything that differs between the small and the large demonstration."""

    first_start: dt.date  # start of the first mandature of the plenary
    mandatures: int  # renewals every three years
    anchor: dt.date  # the demo's "today": departures and replacements stop there
    plenary_name: str
    colleges: tuple[CollegeSpec, ...]
    bureau_seats: int
    vice_presidents: int
    commissions: tuple[str, ...]
    commission_seats: int  # council members per commission
    expert_seats: int  # consultative associated people per commission
    working_groups: tuple[str, ...]
    working_group_size: int
    keep_ratio: float  # share of holders renewed at a renewal
    departure_ratio: float  # share of seats whose holder leaves during a mandature
    ending_soon: int  # mandates ending within 60 days after the anchor
    guests: int
    organisations: tuple[tuple[str, int], ...]  # organisation kind, how many
    people: int  # total wanted: contacts without a mandate fill what mandates leave
    archive_ratio: float  # share of long-gone people who are archived
    bulk: bool  # write with executemany rather than one service call per row
    meetings_from: dt.date  # meetings are scheduled from this day…
    meetings_until: dt.date  # …to the day before this one (past the anchor: upcoming meetings)
    actions: int  # actions decided over the period, about
    updates_per_action: int  # follow-up entries per action, about


# The plenary's colleges: name, voting, kind of person who sits there, then (seats, seats filled
# at each renewal, filled seats with a paired substitute) in the small and in the large demo.
_COLLEGES = (
    ("Élus", True, "elected", (10, 10, 6), (20, 19, 12)),
    ("Structures de l'ESS", True, "ess", (16, 14, 6), (45, 42, 30)),
    ("Réseaux", True, "network", (8, 7, 0), (20, 18, 10)),
    ("Partenaires", False, "partner", (6, 5, 0), (20, 17, 0)),
    ("Personnes qualifiées", True, "qualified", (4, 4, 0), (12, 10, 0)),
)


def _colleges(size: int) -> tuple[CollegeSpec, ...]:
    """The colleges of the small (size 0) or the large (size 1) demo."""
    return tuple(
        CollegeSpec(name, sizes[size][0], voting, source, sizes[size][1], sizes[size][2])
        for name, voting, source, *sizes in _COLLEGES
    )


# Organisations of each kind, in the order the demo creates them: kind, small, large.
_ORGANISATIONS = (
    ("collectivite", 4, 30),
    ("association", 10, 330),
    ("scic", 3, 60),
    ("scop", 3, 80),
    ("mutuelle", 2, 30),
    ("fondation", 2, 40),
    ("esus", 3, 90),
    ("reseau", 7, 40),
    ("universite", 2, 20),
    ("autre", 5, 80),
)


SMALL = Profile(
    first_start=dt.date(2025, 12, 1),
    mandatures=1,
    anchor=dt.date(2026, 12, 1),
    plenary_name="Conseil de l'ESS de {city}",
    colleges=_colleges(0),
    bureau_seats=7,
    vice_presidents=0,
    commissions=data.COMMISSIONS_SMALL,
    commission_seats=6,
    expert_seats=1,
    working_groups=(),
    working_group_size=0,
    keep_ratio=0.0,
    departure_ratio=0.08,
    ending_soon=4,
    guests=3,
    organisations=tuple((kind, small) for kind, small, _ in _ORGANISATIONS),
    people=0,
    archive_ratio=0.0,
    bulk=False,
    meetings_from=dt.date(2026, 2, 1),
    meetings_until=dt.date(2027, 2, 1),
    actions=80,
    updates_per_action=3,
)


LARGE = Profile(
    first_start=dt.date(2017, 1, 1),
    mandatures=4,
    anchor=dt.date(2026, 12, 1),
    plenary_name="Conseil métropolitain de l'ESS de {city}",
    colleges=_colleges(1),
    bureau_seats=12,
    vice_presidents=2,
    commissions=data.COMMISSIONS_LARGE,
    commission_seats=14,
    expert_seats=8,
    working_groups=data.WORKING_GROUPS_LARGE,
    working_group_size=40,
    keep_ratio=0.45,
    departure_ratio=0.25,
    ending_soon=12,
    guests=4,
    organisations=tuple((kind, large) for kind, _, large in _ORGANISATIONS),
    people=2000,
    archive_ratio=0.6,
    bulk=True,
    meetings_from=dt.date(2017, 2, 1),
    meetings_until=dt.date(2027, 2, 1),
    actions=30_000,
    updates_per_action=4,
)


# Ten times the large council, for the benchmarks' growth table: ten times the people,
# structures, meetings (seventeen commissions and fourteen working groups per theme: about
# 6,000 meetings) and actions.
HUGE = dataclasses.replace(
    LARGE,
    commissions=data.COMMISSIONS_HUGE,
    working_groups=data.WORKING_GROUPS_HUGE,
    organisations=tuple((kind, count * 10) for kind, count in LARGE.organisations),
    people=20_000,
    actions=300_000,
)


PROFILES = {"small": SMALL, "large": LARGE, "huge": HUGE}
