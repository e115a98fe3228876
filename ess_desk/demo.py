"""The demonstration council: a realistic French Conseil de l'ESS, the same for the same seed.

`fill_demo` plans the council part by part (organisations, bodies, the plenary's mandatures with
their bureau and commissions, working groups, guests and secretariat, contacts, archives) and
writes through a sink: the small demo goes through the service functions one by one, the large
one is written in bulk (executemany, with its audit rows) after the same rules were kept while
planning. Then a year (small) or ten years (large) of meetings of every body with agendas,
notices, attendance, proxies and votes; minutes for every meeting held, most approved at the
next one; and the actions decided, reviewed at later meetings. History is anchored to fixed
dates, never to today's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from stdnum import luhn
from stdnum.fr import siret as stdnum_siret

from ess_desk import audit, service
from ess_desk import demo_data as data
from ess_desk.actions import actions, review
from ess_desk.council import set_letterhead
from ess_desk.dates import add_years, display
from ess_desk.errors import UserError
from ess_desk.i18n import _, ngettext
from ess_desk.meetings import agenda, meetings, notice, presence, votes
from ess_desk.meetings import attendance as att
from ess_desk.meetings.calendar import clear_days_between, holiday_name, is_working_day
from ess_desk.membership import bodies, checker, mandates, organisations, people, rules
from ess_desk.membership.vocabulary import SEAT_ROLES
from ess_desk.minutes import decisions, minutes
from ess_desk.store import Store, database
from ess_desk.text import name_key

Progress = Callable[[int, int], None]

# --------------------------------------------------------------------------- profiles


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


SMALL = Profile(
    first_start=dt.date(2025, 12, 1),
    mandatures=1,
    anchor=dt.date(2026, 12, 1),
    plenary_name="Conseil de l'ESS de {city}",
    colleges=(
        CollegeSpec("Élus", 10, True, "elected", 10, 6),
        CollegeSpec("Structures de l'ESS", 16, True, "ess", 14, 6),
        CollegeSpec("Réseaux", 8, True, "network", 7, 0),
        CollegeSpec("Partenaires", 6, False, "partner", 5, 0),
        CollegeSpec("Personnes qualifiées", 4, True, "qualified", 4, 0),
    ),
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
    organisations=(
        ("collectivite", 4),
        ("association", 10),
        ("scic", 3),
        ("scop", 3),
        ("mutuelle", 2),
        ("fondation", 2),
        ("esus", 3),
        ("reseau", 7),
        ("universite", 2),
        ("autre", 5),
    ),
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
    colleges=(
        CollegeSpec("Élus", 20, True, "elected", 19, 12),
        CollegeSpec("Structures de l'ESS", 45, True, "ess", 42, 30),
        CollegeSpec("Réseaux", 20, True, "network", 18, 10),
        CollegeSpec("Partenaires", 20, False, "partner", 17, 0),
        CollegeSpec("Personnes qualifiées", 12, True, "qualified", 10, 0),
    ),
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
    organisations=(
        ("collectivite", 30),
        ("association", 330),
        ("scic", 60),
        ("scop", 80),
        ("mutuelle", 30),
        ("fondation", 40),
        ("esus", 90),
        ("reseau", 40),
        ("universite", 20),
        ("autre", 80),
    ),
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

# --------------------------------------------------------------------------- sinks


class _ServiceSink:
    """Writes each row through its service function (validation and audit included)."""

    def __init__(self, store: Store):
        self.store = store

    def organisation(self, values: dict[str, Any]) -> int:
        return organisations.create(self.store, **values)

    def person(self, values: dict[str, Any]) -> int:
        return people.create(self.store, **values)

    def body(self, values: dict[str, Any]) -> int:
        return bodies.create_body(self.store, **values)

    def college(self, body_id: int, values: dict[str, Any]) -> int:
        return bodies.create_college(self.store, body_id, **values)

    def mandate(self, values: dict[str, Any]) -> int:
        return mandates.create(self.store, **values)

    def archive_person(self, person_id: int) -> None:
        people.archive(self.store, person_id)

    def archive_body(self, body_id: int) -> None:
        with self.store.write() as db:
            service.update(db, "bodies", "body", body_id, {"archived": 1})

    def finish(self) -> None:
        """Nothing is buffered."""


class _BulkSink(_ServiceSink):
    """Buffers organisations, people and mandates and writes them with executemany at the end.

    Values are cleaned by the same functions the services use; mandates were checked against
    the rules while planning (see _Ledger). Bodies and colleges, a handful, go through services.
    """

    TABLES = (("organisations", "organisation"), ("people", "person"), ("mandates", "mandate"))

    def __init__(self, store: Store):
        super().__init__(store)
        db = store.db
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t, _e in self.TABLES}
        self.first_id = {
            t: (database.scalar(db, f"SELECT COALESCE(MAX(id), 0) FROM [{t}]") + 1)
            for t, _e in self.TABLES
        }

    def _add(self, table: str, values: dict[str, Any]) -> int:
        row_id = self.first_id[table] + len(self.rows[table])
        self.rows[table].append({"id": row_id, **values})
        return row_id

    def organisation(self, values: dict[str, Any]) -> int:
        return self._add("organisations", organisations.clean(values))

    def person(self, values: dict[str, Any]) -> int:
        org_id = values.get("organisation_id")
        cleaned = people.clean(self.store.db, {**values, "organisation_id": None})
        return self._add("people", {**cleaned, "organisation_id": org_id, "archived": 0})

    def mandate(self, values: dict[str, Any]) -> int:
        return self._add("mandates", dict(values))

    def archive_person(self, person_id: int) -> None:
        self.rows["people"][person_id - self.first_id["people"]]["archived"] = 1

    def finish(self) -> None:
        db = self.store.db
        for table, entity in self.TABLES:
            rows = self.rows[table]
            if not rows:
                continue
            cols = list(rows[0])
            db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' for _c in cols)})",
                [[r[c] for c in cols] for r in rows],
            )
            # The audit rows carry the rows as stored, defaults included, as service.insert does.
            cursor = db.execute(
                f"SELECT * FROM [{table}] WHERE id >= ? ORDER BY id", [rows[0]["id"]]
            )
            names = [c[0] for c in cursor.description]
            audit.record_many(db, entity, "create", audit.created_rows(names, cursor.fetchall()))


# --------------------------------------------------------------------------- planning state


class _Ledger:
    """The mandates planned so far, kept in the one mandate checker (`membership.checker`) the
    service and the import use: each new one is put to it as a typed mandate would be (one
    mandate per person and body at a time, a substitute's pairing with its holder), so that the
    bulk sink, which writes without the service, keeps the service's rules. The colleges' seats
    are the planner's own arithmetic (and the service's, in the small demo)."""

    def __init__(self) -> None:
        self.rules = checker.Ledger()
        self.last_end: dict[int, dt.date | None] = {}

    def free(self, person_id: int, body_id: int, start: dt.date, end: dt.date | None) -> bool:
        held = self.rules.periods.get((body_id, person_id), ())
        return not any(rules.overlaps(period, (start, end)) for period, _line in held)

    def check(self, m: dict[str, Any], period: rules.Period) -> None:
        """Raise when the planned mandate `m` (the service's fields) breaks a rule."""
        verdict = self.rules.problems(
            checker.Candidate(
                person=m["person_id"],
                person_name=f"n° {m['person_id']}",
                body=m["body_id"],
                body_name=f"n° {m['body_id']}",
                role=m["role"],
                period=period,
                college=m["college_id"],
                holder=m["substitute_for_id"],
            )
        )
        if not verdict.accepted:
            raise RuntimeError(f"demo planning error: {verdict.problems[0].message}")

    def book(self, mandate_id: int, m: dict[str, Any], period: rules.Period) -> None:
        person_id, college_id = m["person_id"], m["college_id"]
        self.rules.book(
            m["body_id"], person_id, m["role"], period, college=college_id,
            holder=m["substitute_for_id"],
        )  # fmt: skip
        if m["role"] in SEAT_ROLES:
            self.rules.holders[mandate_id] = checker.Holder(person_id, college_id, "", period)
        end = period[1]
        known = self.last_end.get(person_id, dt.date.min)
        self.last_end[person_id] = None if end is None or known is None else max(known, end)


@dataclass
class _Segment:
    """One holder of a seat for a stretch of time."""

    person_id: int
    start: dt.date
    end: dt.date
    notes: str = ""
    mandate_id: int = 0


@dataclass
class _Slot:
    """A seat of a college through one mandature: its holders one after the other."""

    college: CollegeSpec
    role: str
    segments: list[_Segment] = field(default_factory=list)


@dataclass
class _Org:
    id: int
    kind: str
    domain: str
    members: int = 0


@dataclass
class _Person:
    id: int
    female: bool
    org_id: int | None


@dataclass
class _Demo:
    store: Store
    sink: _ServiceSink
    rng: random.Random
    profile: Profile
    city: data.City
    # Personal postal addresses are drawn from a generator of their own, so that adding them
    # left every other choice of the demo (names, meetings, actions) as it was.
    address_rng: random.Random
    ledger: _Ledger = field(default_factory=_Ledger)
    orgs: dict[int, _Org] = field(default_factory=dict)
    orgs_by_kind: dict[str, list[int]] = field(default_factory=dict)
    guest_orgs: list[int] = field(default_factory=list)
    people: dict[int, _Person] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    org_names: set[str] = field(default_factory=set)
    # _least_staffed's memory, by source: (organisations per kind, lowest count, those at it).
    least_staffed: dict[str, tuple[tuple[int, ...], int, list[int]]] = field(default_factory=dict)
    emails: set[str] = field(default_factory=set)
    sirets: set[str] = field(default_factory=set)
    plenary_id: int = 0
    bureau_id: int = 0
    college_ids: dict[tuple[int, str], int] = field(default_factory=dict)
    commission_ids: list[int] = field(default_factory=list)
    body_count: int = 0
    mandate_count: int = 0
    # The plenary's slots of the previous mandature, by college name (for renewals).
    previous_slots: dict[str, list[_Slot]] = field(default_factory=dict)
    previous_substitutes: dict[tuple[str, int], int] = field(default_factory=dict)
    previous_experts: dict[tuple[int, int], int] = field(default_factory=dict)
    meetings: list[_MeetingPlan] = field(default_factory=list)
    approved: int = 0


# --------------------------------------------------------------------------- public entry


def fill_demo(
    store: Store, size: str = "small", seed: int = 2026, progress: Progress | None = None
) -> str:
    """Fill an empty database with a demonstration council; returns a short French summary."""
    profile = PROFILES.get(size)
    if profile is None:
        raise UserError(
            _("Taille de démonstration inconnue : « {size} » (small, large ou huge).").format(
                size=size
            )
        )
    return fill_profile(store, profile, seed=seed, progress=progress)


def fill_profile(
    store: Store, profile: Profile, seed: int = 2026, progress: Progress | None = None
) -> str:
    """`fill_demo` for any profile (tests build reduced ones with dataclasses.replace)."""
    store.ensure_writable()
    _refuse_non_empty(store)
    rng = random.Random(seed)
    demo = _Demo(
        store=store,
        sink=_BulkSink(store) if profile.bulk else _ServiceSink(store),
        rng=rng,
        profile=profile,
        city=rng.choice(data.CITIES),
        address_rng=random.Random(f"{seed}:adresses"),
    )
    parts: list[Callable[[_Demo], None]] = [
        _add_organisations,
        _add_bodies,
        _add_mandatures,
        _add_working_groups,
        _add_guests_and_secretariat,
        _add_contacts,
        _archive_leavers,
        _write_membership,
        _add_meetings,
        _add_minutes,
        _add_actions,
        _approve_minutes,
    ]
    total = len(parts)
    # The whole council is written in one transaction: a page cache large enough to hold it
    # keeps SQLite from spilling pages to the journal again and again (the huge demo writes a
    # gigabyte). Given back at the end.
    (cache_size,) = store.conn.execute("PRAGMA cache_size").fetchone()
    store.conn.execute("PRAGMA cache_size = -1048576")
    try:
        return _fill(store, demo, parts, total, progress, profile, seed)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _fill(
    store: Store,
    demo: _Demo,
    parts: list[Callable[[_Demo], None]],
    total: int,
    progress: Progress | None,
    profile: Profile,
    seed: int,
) -> str:
    from ess_desk.store.bulk import indexes_rebuilt_after

    with store.write() as db, indexes_rebuilt_after(db):
        for done, part in enumerate(parts):
            part(demo)
            if progress is not None:
                progress(done + 1, total)
        counts = {
            table: database.count(db, f"SELECT COUNT(*) FROM {table}")
            for table in ("meetings", "decisions", "actions", "action_updates")
        }
    return _(
        "Démonstration créée : {council}, {people} personnes, {orgs} structures, "
        "{bodies} instances, {mandates} mandats, {meetings} séances, {approved} procès-verbaux "
        "approuvés, {decisions} décisions, {actions} actions et {updates} points de suivi "
        "(graine {seed})."
    ).format(
        council=profile.plenary_name.format(city=demo.city.name),
        people=len(demo.people),
        orgs=len(demo.orgs),
        bodies=demo.body_count,
        mandates=demo.mandate_count,
        meetings=counts["meetings"],
        approved=demo.approved,
        decisions=counts["decisions"],
        actions=counts["actions"],
        updates=counts["action_updates"],
        seed=seed,
    )


def _refuse_non_empty(store: Store) -> None:
    db = store.db
    people_count = database.scalar(db, "SELECT COUNT(*) FROM people")
    if people_count:
        raise UserError(
            ngettext(
                "La base {path} contient déjà {count} personne : la démonstration ne remplit "
                "qu'une base vide. Choisissez un nouveau fichier (--db).",
                "La base {path} contient déjà {count} personnes : la démonstration ne remplit "
                "qu'une base vide. Choisissez un nouveau fichier (--db).",
                people_count,
            ).format(path=store.path, count=people_count)
        )
    others = database.scalar(
        db, "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM bodies)"
    )
    if others:
        raise UserError(
            _(
                "La base {path} contient déjà des structures ou des instances : la démonstration "
                "ne remplit qu'une base vide. Choisissez un nouveau fichier (--db)."
            ).format(path=store.path)
        )


# --------------------------------------------------------------------------- organisations


def _fold(text: str) -> str:
    """ASCII lower-case letters and digits, for e-mail addresses and domains."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch if ch.isalnum() else "-" for ch in plain.lower())


def _slug(text: str, limit: int = 40) -> str:
    parts = [p for p in _fold(text).split("-") if p and p not in {"de", "du", "des", "la", "le"}]
    return "-".join(parts)[:limit].strip("-") or "structure"


def make_siret(rng: random.Random, public: bool = False) -> str:
    """A SIRET with valid keys: a SIREN (8 digits + Luhn key), a NIC, then the SIRET's key. A
    public body's SIREN starts with 2 (collectivités territoriales and their établissements)."""
    while True:
        body = f"{rng.randint(20_000_000, 29_999_999) if public else rng.randint(10_000_000, 99_999_999)}"
        siren = body + luhn.calc_check_digit(body)
        thirteen = siren + f"00{rng.randint(10, 99)}"
        number = thirteen + luhn.calc_check_digit(thirteen)
        if stdnum_siret.is_valid(number):
            return number


def _place(demo: _Demo) -> str:
    return demo.rng.choice(demo.city.neighbourhoods + tuple(t for t, _p in demo.city.towns))


def _org_name(demo: _Demo, kind: str) -> str:
    rng, city = demo.rng, demo.city
    fmt = {
        "city": city.name,
        "region": city.region,
        "department": city.department,
        "place": _place(demo),
    }
    if kind == "association":
        return rng.choice(
            (
                f"{rng.choice(data.THEMES)} {fmt['place']}",
                f"Association {rng.choice(data.WORDS)}",
                f"{rng.choice(data.WORDS)} – {rng.choice(data.THEMES).lower()}",
                f"Les Amis du {rng.choice(data.WORDS).lower()} de {fmt['place']}",
            )
        )
    if kind == "scic":
        return f"SCIC {rng.choice(data.THEMES)} {rng.choice((fmt['place'], city.name))}"
    if kind == "scop":
        return rng.choice(
            (
                f"SCOP {rng.choice(data.WORDS)}",
                f"Atelier coopératif {rng.choice(data.WORDS)}",
                f"{rng.choice(data.WORDS)} Coop {fmt['place']}",
            )
        )
    if kind == "mutuelle":
        return rng.choice(
            (f"Mutuelle {rng.choice(data.WORDS)}", f"Mutuelle solidaire {fmt['place']}")
        )
    if kind == "fondation":
        return rng.choice(
            (
                f"Fondation {rng.choice(data.LAST_NAMES)}",
                f"Fondation pour {rng.choice(data.FOUNDATION_CAUSES)} {fmt['place']}",
            )
        )
    if kind == "esus":
        return rng.choice(
            (
                f"{rng.choice(data.WORDS)} Insertion",
                f"Entreprise d'insertion {rng.choice(data.WORDS)}",
                f"{rng.choice(data.THEMES)} Emploi {fmt['place']}",
            )
        )
    if kind == "collectivite":
        towns = [t for t, _p in city.towns]
        return rng.choice(
            (
                f"Ville de {rng.choice(towns)}",
                f"Centre communal d'action sociale de {rng.choice(towns)}",
                f"Mairie de quartier {rng.choice(city.neighbourhoods)}",
            )
        )
    if kind == "reseau":
        if rng.random() < 0.5:
            return rng.choice(data.NETWORK_TEMPLATES).format(**fmt)
        return f"Réseau {rng.choice(data.THEMES).lower()} {city.department}"
    if kind == "universite":
        if rng.random() < 0.5:
            return rng.choice(data.UNIVERSITY_TEMPLATES).format(**fmt)
        return f"Laboratoire de recherche {rng.choice(data.THEMES).lower()}"
    return rng.choice(data.PARTNER_TEMPLATES).format(**fmt)


def _new_org(demo: _Demo, kind: str, name: str | None = None) -> int:
    rng, city = demo.rng, demo.city
    attempt = 0
    while name is None or name_key(name) in demo.org_names:
        name = _org_name(demo, kind)
        if attempt > 50:
            name = f"{name} {attempt}"
        attempt += 1
    demo.org_names.add(name_key(name))
    tld = "coop" if kind in ("scic", "scop") and rng.random() < 0.5 else rng.choice(("fr", "org"))
    domain = f"{_slug(name)}.{tld}"
    town, postcode = (city.name, city.postcode) if rng.random() < 0.6 else rng.choice(city.towns)
    siret = None
    if rng.random() < 0.9:
        siret = make_siret(rng)
        while siret in demo.sirets:
            siret = make_siret(rng)
        demo.sirets.add(siret)
    values = {
        "name": name,
        "kind": kind,
        "siret": siret,
        "address": f"{rng.randint(1, 140)} {rng.choice(data.STREET_TYPES)} "
        f"{rng.choice(data.STREET_NAMES)}",
        "postcode": postcode,
        "city": town,
        "website": f"https://www.{domain}" if rng.random() < 0.8 else "",
        "email": f"contact@{domain}",
        "phone": _landline(demo),
    }
    org_id = demo.sink.organisation(values)
    demo.orgs[org_id] = _Org(org_id, kind, domain)
    demo.orgs_by_kind.setdefault(kind, []).append(org_id)
    return org_id


def _landline(demo: _Demo) -> str:
    rng = demo.rng
    return f"{demo.city.phone_prefix}{rng.randint(0, 9)} " + " ".join(
        f"{rng.randint(0, 99):02d}" for _i in range(3)
    )


def _add_organisations(demo: _Demo) -> None:
    city = demo.city
    # The collectivités that host the council come first: the city and its metropolis; then the
    # administrations whose people are the plenary's permanent guests.
    for name in (f"Ville de {city.name}", f"Métropole de {city.name}"):
        _new_org(demo, "collectivite", name)
    for org, _f, _m in data.GUEST_POSITIONS[: demo.profile.guests]:
        name = org.format(region=city.region, department=city.department)
        demo.guest_orgs.append(_new_org(demo, "autre", name))
    fixed = {"collectivite": [f"Département {city.department}", f"Région {city.region}"]}
    for kind, count in demo.profile.organisations:
        names = fixed.get(kind, [])
        for i in range(max(0, count - len(demo.orgs_by_kind.get(kind, [])))):
            _new_org(demo, kind, names[i] if i < len(names) else None)


# --------------------------------------------------------------------------- people

SOURCE_KINDS = {
    "elected": ("collectivite",),
    "staff": ("collectivite",),
    "ess": ("association", "scic", "scop", "mutuelle", "fondation", "esus"),
    "network": ("reseau",),
    "partner": ("autre", "universite"),
    "qualified": ("universite",),
    "expert": ("universite", "autre", "reseau", "association"),
    "participant": ("association", "scic", "scop", "esus", "mutuelle", "fondation", "reseau"),
    "contact": (
        "association", "scic", "scop", "mutuelle", "fondation", "esus", "collectivite",
        "reseau", "universite", "autre",
    ),
}  # fmt: skip

POSITION_GROUP = {
    "collectivite": "collectivite",
    "association": "association",
    "fondation": "association",
    "mutuelle": "association",
    "scic": "cooperative",
    "scop": "cooperative",
    "esus": "cooperative",
    "reseau": "network",
    "autre": "partner",
    "universite": "research",
}


def _pick_org(demo: _Demo, source: str) -> int | None:
    rng = demo.rng
    if source in ("elected", "staff"):
        # Most elected members and all the staff come from the city and the metropolis.
        ids = demo.orgs_by_kind["collectivite"]
        return ids[0] if source == "staff" or rng.random() < 0.5 else rng.choice(ids[:4])
    if source in ("qualified", "expert") and rng.random() < 0.35:
        return None
    return rng.choice(_least_staffed(demo, source))


def _least_staffed(demo: _Demo, source: str) -> list[int]:
    """The organisations of `source`'s kinds that have the fewest people so far, in their
    order: as `[i for i in candidates if members == min(members)]`, but kept from one call to
    the next (counts only grow: the orgs still at the lowest count are among those that were),
    so that 20,000 people do not each scan 8,000 organisations."""
    kinds = SOURCE_KINDS[source]
    signature = tuple(len(demo.orgs_by_kind.get(k, ())) for k in kinds)
    cached = demo.least_staffed.get(source)
    if cached is not None and cached[0] == signature:
        level, pool = cached[1], cached[2]
        pool = [i for i in pool if demo.orgs[i].members == level]
        if pool:
            demo.least_staffed[source] = (signature, level, pool)
            return pool
    candidates = [i for k in kinds for i in demo.orgs_by_kind.get(k, [])]
    level = min(demo.orgs[i].members for i in candidates)
    pool = [i for i in candidates if demo.orgs[i].members == level]
    demo.least_staffed[source] = (signature, level, pool)
    return pool


def _new_person(
    demo: _Demo,
    source: str,
    org_id: int | None | str = "pick",
    position: tuple[str, str] | None = None,
) -> int:
    rng = demo.rng
    attempts = 0
    while True:
        female = rng.random() < 0.52
        first = rng.choice(data.FEMALE_FIRST_NAMES if female else data.MALE_FIRST_NAMES)
        last = rng.choice(data.LAST_NAMES)
        attempts += 1
        if attempts > 20:
            # The huge demo has more people than first and last names make pairs (20,000
            # against 19,800): a double-barrelled name then, as many families have.
            last = f"{last}-{rng.choice(data.LAST_NAMES)}"
        if f"{first} {last}" not in demo.names:
            break
    demo.names.add(f"{first} {last}")
    org = _pick_org(demo, source) if org_id == "pick" else org_id
    assert org is None or isinstance(org, int)
    if source == "staff":
        group = "staff"
    elif org is None:
        group = "expert"
    else:
        group = POSITION_GROUP[demo.orgs[org].kind]
    feminine, masculine = position or rng.choice(data.POSITIONS[group])
    local = f"{_slug(first, 30)}.{_slug(last, 30)}"
    domain = demo.orgs[org].domain if org is not None else rng.choice(data.PERSONAL_MAIL_DOMAINS)
    email = f"{local}@{domain}"
    counter = 2
    while email in demo.emails:
        email = f"{local}{counter}@{domain}"
        counter += 1
    if rng.random() < 0.05:
        email = ""
    demo.emails.add(email)
    if rng.random() < 0.55:
        phone = f"0{rng.choice((6, 7))} " + " ".join(f"{rng.randint(0, 99):02d}" for _i in range(4))
    elif rng.random() < 0.8:
        phone = _landline(demo)
    else:
        phone = ""
    civility = "Mme" if female else "M."
    if rng.random() < 0.02:
        civility = rng.choice(("", "Mx"))
    person_id = demo.sink.person(
        {
            "civility": civility,
            "first_name": first,
            "last_name": last,
            "email": email,
            "phone": phone,
            "organisation_id": org,
            "position": feminine if female else masculine,
            "consent_publish": rng.random() < 0.8,
            "consent_contact": rng.random() < 0.9,
            "notes": "",
            **_personal_address(demo, org),
        }
    )
    demo.people[person_id] = _Person(person_id, female, org)
    if org is not None:
        demo.orgs[org].members += 1
    return person_id


def _personal_address(demo: _Demo, org: int | None) -> dict[str, str]:
    """A postal address of one's own for nearly everyone without an organisation and a quarter
    of the others (a letter by post goes there, else to the organisation's address): the
    convocations by post show both. Some start with a building or flat line (NF Z 10-011)."""
    rng, city = demo.address_rng, demo.city
    if rng.random() >= (0.9 if org is None else 0.25):
        return {}
    town, postcode = (city.name, city.postcode) if rng.random() < 0.5 else rng.choice(city.towns)
    street = (
        f"{rng.randint(1, 140)} {rng.choice(data.STREET_TYPES)} {rng.choice(data.STREET_NAMES)}"
    )
    if rng.random() < 0.15:
        flat = f"Appartement {rng.randint(1, 40)}" if rng.random() < 0.5 else "Bâtiment B"
        street = f"{flat}\n{street}"
    return {"address": street, "postcode": postcode, "city": town}


def _mandate(
    demo: _Demo,
    person_id: int,
    body_id: int,
    college_id: int | None,
    role: str,
    start: dt.date,
    end: dt.date | None,
    substitute_for: int | None = None,
    notes: str = "",
) -> int:
    values = {
        "person_id": person_id,
        "body_id": body_id,
        "college_id": college_id,
        "role": role,
        "start_date": start.isoformat(),
        "end_date": end.isoformat() if end is not None else None,
        "substitute_for_id": substitute_for,
        "notes": notes,
    }
    demo.ledger.check(values, (start, end))
    demo.mandate_count += 1
    mandate_id = demo.sink.mandate(values)
    demo.ledger.book(mandate_id, values, (start, end))
    return mandate_id


# --------------------------------------------------------------------------- bodies


def _add_bodies(demo: _Demo) -> None:
    p, sink = demo.profile, demo.sink
    plenary = p.plenary_name.format(city=demo.city.name)
    # The letterhead every document carries (inside the demo's transaction).
    set_letterhead(
        demo.store,
        council_name=plenary,
        council_address=f"Hôtel de ville\n{demo.city.postcode} {demo.city.name}",
        signatory="La présidence du conseil",
        signatory_title=plenary,
        council_email="conseil.ess@exemple.fr",
        # The authority's SIRET, which the SCDL open-data file of the publication folder requires
        # (drawn apart from the demo's stream, so that nothing else of the demo changes).
        council_siret=make_siret(random.Random(f"siret:{plenary}"), public=True),
    )
    demo.plenary_id = sink.body(
        {
            "name": plenary,
            "kind": "plenary",
            # A consultative council (décret n° 2006-672): members may take part by video; its
            # internal rules add a simple majority and minutes published within 15 days.
            "rule_set": "consultative",
            "minutes_publish_days": 15,
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 1,
            "proxies_per_holder": 1,
            "notice_clear_days": 10,
            "mandate_years": 3,
            "holiday_calendar": demo.city.holiday_calendar,
            "majority_rule": "simple",
            "chair_casting_vote": 1,
        }
    )
    for spec in p.colleges:
        demo.college_ids[(demo.plenary_id, spec.name)] = sink.college(
            demo.plenary_id, {"name": spec.name, "seats": spec.seats, "voting": spec.voting}
        )
    demo.bureau_id = sink.body(
        {
            "name": f"Bureau du {plenary[0].lower()}{plenary[1:]}",
            "kind": "bureau",
            "rule_set": "association",
            "parent_id": demo.plenary_id,
            "quorum_numerator": 1,
            "quorum_denominator": 2,
            "quorum_counts_represented": 0,
            "proxies_per_holder": 0,
            "notice_clear_days": 5,
            "holiday_calendar": demo.city.holiday_calendar,
        }
    )
    demo.college_ids[(demo.bureau_id, "Membres du bureau")] = sink.college(
        demo.bureau_id, {"name": "Membres du bureau", "seats": p.bureau_seats, "voting": True}
    )
    for name in p.commissions:
        body_id = sink.body(
            {
                "name": name,
                "kind": "commission",
                "rule_set": "association",
                "parent_id": demo.plenary_id,
                "quorum_numerator": 1,
                "quorum_denominator": 3,
                "quorum_counts_represented": 1,
                "notice_clear_days": 7,
                "holiday_calendar": demo.city.holiday_calendar,
            }
        )
        demo.commission_ids.append(body_id)
        demo.college_ids[(body_id, "Membres du conseil")] = sink.college(
            body_id, {"name": "Membres du conseil", "seats": p.commission_seats, "voting": True}
        )
        demo.college_ids[(body_id, "Personnes associées")] = sink.college(
            body_id, {"name": "Personnes associées", "seats": p.expert_seats, "voting": False}
        )
    demo.body_count = 2 + len(p.commissions)


# --------------------------------------------------------------------------- mandatures


def mandature_bounds(profile: Profile, index: int) -> tuple[dt.date, dt.date]:
    """First and last day of the plenary's mandature number `index` (0 = the first)."""
    start = add_years(profile.first_start, 3 * index) + dt.timedelta(days=1)
    return start, add_years(start, 3)


def _add_mandatures(demo: _Demo) -> None:
    for index in range(demo.profile.mandatures):
        slots = _plan_plenary(demo, index)
        _write_plenary(demo, slots)
        _add_bureau(demo, slots)
        _add_commissions(demo, index, slots)
        demo.previous_slots = {
            spec.name: [s for s in slots if s.college is spec] for spec in demo.profile.colleges
        }


def _plan_plenary(demo: _Demo, index: int) -> list[_Slot]:
    """Who holds each seat of the plenary during one mandature, replacements included."""
    rng, p = demo.rng, demo.profile
    start, end = mandature_bounds(p, index)
    history_end = min(end, p.anchor)
    slots: list[_Slot] = []
    for spec in p.colleges:
        previous = demo.previous_slots.get(spec.name, [])
        for i in range(spec.filled):
            role = "member"
            if i == 0 and spec.source == "elected":
                role = "president"
            elif i == 0 and spec.source == "ess":
                role = "co_president"
            slot = _Slot(spec, role)
            holder = None
            if i < len(previous) and previous[i].segments:
                last = previous[i].segments[-1]
                keep = p.keep_ratio + (0.15 if role != "member" else 0.0)
                if last.end == start - dt.timedelta(days=1) and rng.random() < keep:
                    holder = last.person_id
            if holder is None:
                holder = _new_person(demo, spec.source)
            slot.segments.append(_Segment(holder, start, end))
            span = (history_end - start).days - 45
            if role == "member" and span > 60 and rng.random() < p.departure_ratio:
                leave = start + dt.timedelta(days=rng.randint(60, span))
                first = slot.segments[0]
                first.end = leave
                first.notes = rng.choice(data.DEPARTURE_NOTES)
                comes = leave + dt.timedelta(days=rng.randint(14, 75))
                if comes < history_end:
                    slot.segments.append(_Segment(_new_person(demo, spec.source), comes, end))
            slots.append(slot)
    if start <= p.anchor <= end:
        _plan_ending_soon(demo, slots)
    return slots


def _plan_ending_soon(demo: _Demo, slots: list[_Slot]) -> None:
    """A few current mandates end within 60 days after the anchor: the renewals to prepare."""
    rng, anchor = demo.rng, demo.profile.anchor
    candidates = [s for s in slots if s.role == "member" and s.segments[-1].start < anchor]
    for slot in rng.sample(candidates, min(demo.profile.ending_soon, len(candidates))):
        last = slot.segments[-1]
        last.end = anchor + dt.timedelta(days=rng.randint(5, 55))
        last.notes = rng.choice(data.ENDING_NOTES)


def _write_plenary(demo: _Demo, slots: list[_Slot]) -> None:
    rng = demo.rng
    for spec in demo.profile.colleges:
        college_slots = [s for s in slots if s.college is spec]
        college_id = demo.college_ids[(demo.plenary_id, spec.name)]
        paired = set(
            rng.sample(range(len(college_slots)), min(spec.substitutes, len(college_slots)))
        )
        for i, slot in enumerate(college_slots):
            for seg in slot.segments:
                seg.mandate_id = _mandate(
                    demo, seg.person_id, demo.plenary_id, college_id, slot.role,
                    seg.start, seg.end, notes=seg.notes,
                )  # fmt: skip
                if i in paired:
                    _add_substitute(demo, spec, i, college_id, seg)


def _add_substitute(
    demo: _Demo, spec: CollegeSpec, index: int, college_id: int, seg: _Segment
) -> None:
    """A substitute paired with the holder, usually from the same organisation."""
    key = (spec.name, index)
    person = demo.previous_substitutes.get(key)
    if (
        person is None
        or person == seg.person_id
        or demo.rng.random() > demo.profile.keep_ratio
        or not demo.ledger.free(person, demo.plenary_id, seg.start, seg.end)
    ):
        org = demo.people[seg.person_id].org_id
        person = _new_person(demo, spec.source, org if org is not None else "pick")
    _mandate(
        demo, person, demo.plenary_id, college_id, "substitute", seg.start, seg.end,
        substitute_for=seg.mandate_id,
    )  # fmt: skip
    demo.previous_substitutes[key] = person


def _stable(slots: list[_Slot]) -> list[_Slot]:
    return [s for s in slots if len(s.segments) == 1 and s.college.voting and s.role == "member"]


def _add_bureau(demo: _Demo, slots: list[_Slot]) -> None:
    """The bureau: the president, the co-president and members who hold their seat throughout."""
    rng, p = demo.rng, demo.profile
    college_id = demo.college_ids[(demo.bureau_id, "Membres du bureau")]
    chairs = [s for s in slots if s.role != "member"]
    others = rng.sample(_stable(slots), min(p.bureau_seats - len(chairs), len(_stable(slots))))
    for n, slot in enumerate(chairs + others):
        role = slot.role
        if role == "member" and n - len(chairs) < p.vice_presidents:
            role = "vice_president"
        for seg in slot.segments:
            _mandate(demo, seg.person_id, demo.bureau_id, college_id, role, seg.start, seg.end)


def _add_commissions(demo: _Demo, index: int, slots: list[_Slot]) -> None:
    """Each commission mirrors some plenary seats and associates a few outside people."""
    rng, p = demo.rng, demo.profile
    start, end = mandature_bounds(p, index)
    voting = [s for s in slots if s.college.voting]
    for number, body_id in enumerate(demo.commission_ids):
        if number >= 3 and index == 0 and p.mandatures > 1:
            continue  # the later commissions were created at the first renewal
        council = demo.college_ids[(body_id, "Membres du conseil")]
        chosen = rng.sample(voting, min(p.commission_seats, len(voting)))
        for n, slot in enumerate(chosen):
            for seg in slot.segments:
                role = "president" if n == 0 else "member"
                _mandate(demo, seg.person_id, body_id, council, role, seg.start, seg.end)
        associated = demo.college_ids[(body_id, "Personnes associées")]
        for seat in range(p.expert_seats):
            person = demo.previous_experts.get((body_id, seat))
            if person is None or rng.random() > p.keep_ratio:
                person = _new_person(demo, "expert")
            _mandate(demo, person, body_id, associated, "member", start, end)
            demo.previous_experts[(body_id, seat)] = person


# --------------------------------------------------------------------------- other parts


def _add_working_groups(demo: _Demo) -> None:
    """Working groups under a commission, each living a few years, open to outside people."""
    rng, p, sink = demo.rng, demo.profile, demo.sink
    first, anchor = p.first_start, p.anchor
    for name in p.working_groups:
        parent = rng.choice(demo.commission_ids[:3])
        body_id = sink.body(
            {
                "name": name,
                "kind": "working_group",
                "parent_id": parent,
                "quorum_numerator": 0,
                "quorum_denominator": 1,
                "notice_clear_days": 3,
                "holiday_calendar": demo.city.holiday_calendar,
            }
        )
        demo.body_count += 1
        college_id = sink.college(body_id, {"name": "Participants", "seats": None, "voting": True})
        opens = first + dt.timedelta(days=rng.randint(60, 6 * 365))
        closes = add_years(opens, rng.randint(2, 6))
        ended = closes < anchor
        stop = closes if ended else anchor
        active: list[tuple[int, dt.date]] = []
        for _i in range(p.working_group_size):
            active.append((_new_person(demo, "participant"), opens))
        day = opens
        while True:
            day = day + dt.timedelta(days=365)
            if day >= stop:
                break
            leaving = rng.sample(range(len(active)), len(active) // 4)
            kept = []
            for i, (person, since) in enumerate(active):
                if i in leaving:
                    _mandate(demo, person, body_id, college_id, "member", since, day)
                    kept.append((_new_person(demo, "participant"), day + dt.timedelta(days=1)))
                else:
                    kept.append((person, since))
            active = kept
        for person, since in active:
            _mandate(demo, person, body_id, college_id, "member", since, closes if ended else None)
        if ended:
            sink.archive_body(body_id)


def _add_guests_and_secretariat(demo: _Demo) -> None:
    """Permanent guests of the plenary (re-designated at each renewal) and the staff."""
    rng, p = demo.rng, demo.profile
    for org_id, (_org, feminine, masculine) in zip(
        demo.guest_orgs, data.GUEST_POSITIONS, strict=False
    ):
        person = _new_person(demo, "partner", org_id, (feminine, masculine))
        for index in range(p.mandatures):
            start, end = mandature_bounds(p, index)
            if index and rng.random() < 0.3:
                person = _new_person(demo, "partner", org_id, (feminine, masculine))
            _mandate(demo, person, demo.plenary_id, None, "permanent_guest", start, end)
    last_end = mandature_bounds(p, p.mandatures - 1)[1]
    years = (last_end - p.first_start).days // 365
    staff = [_new_person(demo, "staff"), _new_person(demo, "staff")]
    bodies_served = [demo.plenary_id, demo.bureau_id]
    for body_id in bodies_served:
        _mandate(demo, staff[0], body_id, None, "secretariat", p.first_start, None)
    if years > 4:
        # The second post changed hands halfway through the decade.
        change = p.first_start + dt.timedelta(days=rng.randint(3 * 365, 5 * 365))
        successor = _new_person(demo, "staff")
        for body_id in bodies_served:
            _mandate(demo, staff[1], body_id, None, "secretariat", p.first_start, change)
            after = change + dt.timedelta(days=1)
            _mandate(demo, successor, body_id, None, "secretariat", after, None)
    else:
        _mandate(demo, staff[1], demo.plenary_id, None, "secretariat", p.first_start, None)


def _add_contacts(demo: _Demo) -> None:
    """People of the member organisations who hold no mandate, up to the profile's total."""
    while len(demo.people) < demo.profile.people:
        _new_person(demo, "contact")


def _archive_leavers(demo: _Demo) -> None:
    """People whose every mandate ended before the anchor: some are archived, at least one."""
    rng, anchor = demo.rng, demo.profile.anchor
    gone = sorted(
        (end, pid)
        for pid, end in demo.ledger.last_end.items()
        if end is not None and end < anchor and pid in demo.people
    )
    long_gone = anchor - dt.timedelta(days=365)
    chosen = [
        pid for end, pid in gone if end < long_gone and rng.random() < demo.profile.archive_ratio
    ]
    if gone and not chosen:
        chosen = [gone[0][1]]
    for pid in chosen:
        demo.sink.archive_person(pid)


# --------------------------------------------------------------------------- meetings
#
# Meetings are written through the meeting services (create, agenda, notice, status, postpone,
# guests), and the minutes through the minutes services, for both profiles. Attendance, the
# quorum at the opening and votes go through presence.record / record_opening / record_vote
# for the small demo; the large one plans them with the same pure counting rules
# (meetings.attendance.count) and writes them in bulk with their audit rows, since the services
# re-read the whole roster at each call.


@dataclass
class _ItemPlan:
    id: int
    kind: str
    topic: data.AgendaTopic | None  # None for the fixed items (follow-up, questions diverses)
    title: str
    minutes: int


@dataclass
class _MeetingPlan:
    id: int
    body_id: int
    body_kind: str
    start: dt.datetime
    end: dt.datetime
    items: list[_ItemPlan] = field(default_factory=list)
    expected: list[presence.Attendee] = field(default_factory=list)
    status: str = "planned"
    minutes_id: int = 0

    @property
    def day(self) -> dt.date:
        return self.start.date()


def _write_membership(demo: _Demo) -> None:
    """The bulk sink's rows go in now: meetings need the mandates in the database."""
    demo.sink.finish()


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


@dataclass(frozen=True)
class _Rhythm:
    months: tuple[int, ...]
    weekday: int
    nth: int
    at: dt.time
    minutes: int


def _rhythm(body_kind: str, number: int) -> _Rhythm:
    """When each kind of body meets: the plenary quarterly, the bureau monthly except August,
    commissions every two months, working groups monthly outside the summer."""
    if body_kind == "plenary":
        return _Rhythm((3, 6, 10, 12), 3, 2, dt.time(18, 0), 150)
    if body_kind == "bureau":
        return _Rhythm((1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12), 1, 1, dt.time(12, 30), 90)
    if body_kind == "commission":
        months = (1, 3, 5, 7, 9, 11) if number % 2 == 0 else (2, 4, 6, 9, 10, 12)
        at = dt.time(9, 30) if number % 2 == 0 else dt.time(14, 0)
        return _Rhythm(months, number % 4, 3, at, 150)
    return _Rhythm((1, 2, 3, 4, 5, 6, 9, 10, 11, 12), 2, 4, dt.time(17, 30), 120)


def _meeting_days(demo: _Demo, body_id: int, rhythm: _Rhythm) -> list[dt.datetime]:
    """The body's meeting dates within the profile's period while it has members, moved a
    week later when they fall on a public holiday."""
    p = demo.profile
    first, last = demo.store.db.execute(
        "SELECT MIN(start_date), MAX(COALESCE(end_date, '9999-12-31')) FROM mandates "
        "WHERE body_id = ?",
        [body_id],
    ).fetchone()
    if first is None:
        return []
    opens = max(p.meetings_from, dt.date.fromisoformat(first) + dt.timedelta(days=14))
    closes = min(p.meetings_until, dt.date.fromisoformat(last))
    calendar_code = demo.city.holiday_calendar
    out = []
    for year in range(opens.year, closes.year + 1):
        for month in rhythm.months:
            day = _nth_weekday(year, month, rhythm.weekday, rhythm.nth)
            while holiday_name(day, calendar_code) is not None:
                day += dt.timedelta(days=7)
            if opens <= day < closes:
                out.append(dt.datetime.combine(day, rhythm.at))
    return out


def _add_meetings(demo: _Demo) -> None:
    """Every body's meetings over the period, with agendas, notices, attendance and votes."""
    db, p = demo.store.db, demo.profile
    rows = db.execute("SELECT id, kind, name FROM bodies ORDER BY id").fetchall()
    planned: list[tuple[dt.datetime, int, str, _Rhythm]] = []
    number = 0
    for body_id, kind, _name in rows:
        rhythm = _rhythm(kind, number)
        number += kind == "commission"
        planned += [
            (start, body_id, kind, rhythm) for start in _meeting_days(demo, body_id, rhythm)
        ]
    planned.sort(key=lambda entry: (entry[0], entry[1]))
    for start, body_id, kind, rhythm in planned:
        demo.meetings.append(_create_meeting(demo, body_id, kind, start, rhythm.minutes))
    past = [m for m in demo.meetings if m.day < p.anchor]
    _cancel_and_postpone(demo, past)
    going = [m for m in demo.meetings if m.status not in ("cancelled", "postponed")]
    held = [m for m in going if m.day < p.anchor]
    late = {m.id for m in demo.rng.sample(held, max(1, len(held) // 20))}
    for plan in going:
        _record_notice(demo, plan, plan.id in late)
        if plan.day < p.anchor:
            _hold(demo, plan)
    _showcase_plenary(demo)
    _showcase_reconvening(demo)
    demo.meetings.sort(key=lambda m: (m.start, m.body_id))


def _create_meeting(
    demo: _Demo, body_id: int, body_kind: str, start: dt.datetime, length: int
) -> _MeetingPlan:
    rng, city = demo.rng, demo.city
    end = start + dt.timedelta(minutes=length)
    place = data.MEETING_PLACES[body_kind].format(city=city.name, place=_place(demo))
    link = ""
    if body_kind != "plenary" and rng.random() < 0.4:
        link = f"https://visio.{_slug(city.name)}.fr/{_slug(body_kind)}-{start:%Y%m%d}"
    meeting_id = meetings.create(
        demo.store,
        body_id=body_id,
        title=data.MEETING_TITLES[body_kind].format(day=display(start.date())),
        starts_at=start,
        ends_at=end,
        place=place,
        video_link=link,
    )
    plan = _MeetingPlan(meeting_id, body_id, body_kind, start, end)
    plan.expected = presence.expected_attendees(demo.store.db, meeting_id)
    _add_agenda(demo, plan)
    return plan


def _add_agenda(demo: _Demo, plan: _MeetingPlan) -> None:
    """Topics of the council (a vote in most plenaries and commissions), the follow-up of
    actions, and questions diverses; presenters are members or the services."""
    rng = demo.rng
    how_many = {"plenary": (3, 4), "bureau": (2, 3), "commission": (2, 3)}.get(
        plan.body_kind, (1, 2)
    )
    topics = rng.sample(data.AGENDA_TOPICS, rng.randint(*how_many))
    votes_here = plan.body_kind in ("plenary", "commission")
    if votes_here and not any(t.kind == "vote" for t in topics) and rng.random() < 0.8:
        topics[-1] = rng.choice([t for t in data.AGENDA_TOPICS if t.kind == "vote"])
        topics = list(dict.fromkeys(topics))
    members = [a for a in plan.expected if a.expected.voting]
    entries: list[tuple[str, str, data.AgendaTopic | None, int, str]] = []
    if plan.body_kind != "plenary":
        entries.append(
            ("information", data.ACTIONS_REVIEW_TITLE, None, 15, data.ACTIONS_REVIEW_SUMMARY)
        )
    for topic in topics:
        kind = topic.kind if topic.kind != "vote" or votes_here or rng.random() < 0.3 else "debate"
        entries.append((kind, topic.title, topic, topic.minutes, topic.description))
    entries.append(("other_business", data.OTHER_BUSINESS_TITLE, None, 10, ""))
    for kind, title, subject, length, description in entries:
        presenter_id, presenter_text = None, ""
        if subject is not None:
            if members and rng.random() < 0.6:
                presenter_id = rng.choice(members).person_id
            else:
                presenter_text = rng.choice(list(data.PRESENTER_TEXTS)).format(
                    region=demo.city.region
                )
        item_id = agenda.create_item(
            demo.store,
            plan.id,
            title=title,
            kind=kind,
            presenter_person_id=presenter_id,
            presenter_text=presenter_text,
            duration_minutes=length,
            description=description,
        )
        plan.items.append(_ItemPlan(item_id, kind, subject, title, length))


def _cancel_and_postpone(demo: _Demo, past: list[_MeetingPlan]) -> None:
    """A bureau cancelled and a commission postponed two weeks (about 1 % each when large)."""
    rng = demo.rng
    count = max(1, len(past) // 100)
    bureau = [m for m in past[1:-1] if m.body_kind == "bureau"]
    for plan in rng.sample(bureau, min(count, len(bureau))):
        meetings.update(demo.store, plan.id, notes=data.MEETING_NOTES_CANCELLED)
        meetings.set_status(demo.store, plan.id, "cancelled")
        plan.status = "cancelled"
    commissions = [m for m in past[1:-1] if m.body_kind == "commission"]
    for plan in rng.sample(commissions, min(count, len(commissions))):
        meetings.update(demo.store, plan.id, notes=data.MEETING_NOTES_POSTPONED)
        new_start = plan.start + dt.timedelta(days=14)
        while holiday_name(new_start.date(), demo.city.holiday_calendar) is not None:
            new_start += dt.timedelta(days=7)
        new_id = meetings.postpone(demo.store, plan.id, new_start)
        title = data.MEETING_TITLES[plan.body_kind].format(day=display(new_start.date()))
        meetings.update(demo.store, new_id, title=title, notes="")
        plan.status = "postponed"
        moved = _MeetingPlan(
            new_id, plan.body_id, plan.body_kind, new_start, new_start + (plan.end - plan.start)
        )
        moved.expected = presence.expected_attendees(demo.store.db, new_id)
        copies = agenda.items(demo.store.db, new_id)
        moved.items = [
            _ItemPlan(c.id, i.kind, i.topic, i.title, i.minutes)
            for c, i in zip(copies, plan.items, strict=True)
        ]
        demo.meetings.append(moved)


def _working_day_before(day: dt.date, calendar_code: str) -> dt.date:
    while not is_working_day(day, calendar_code):
        day -= dt.timedelta(days=1)
    return day


def _record_notice(demo: _Demo, plan: _MeetingPlan, late: bool) -> None:
    """Notices go out a few days before the deadline, or late; future meetings are convened
    only when their deadline has come by the anchor."""
    rng, anchor = demo.rng, demo.profile.anchor
    limit = notice.deadline(demo.store.db, plan.id)
    calendar_code = demo.city.holiday_calendar
    sent = _working_day_before(limit - dt.timedelta(days=rng.randint(0, 6)), calendar_code)
    if late:
        # Late: working days after the deadline that leave fewer clear days than the rule.
        required = bodies.get_body(demo.store.db, plan.body_id).notice_clear_days
        days = [
            limit + dt.timedelta(days=n)
            for n in range(1, (plan.day - limit).days)
            if is_working_day(limit + dt.timedelta(days=n), calendar_code)
            and clear_days_between(limit + dt.timedelta(days=n), plan.day) < required
        ]
        if days:
            sent = rng.choice(days[:2])
    if sent > anchor:
        return
    notice.record_sent(demo.store, plan.id, sent)
    plan.status = "convened"


# --------------------------------------------------------------------------- attendance, votes


def _plan_presences(demo: _Demo, plan: _MeetingPlan, limit: int) -> list[att.Presence]:
    """Who came: mostly present, some excused or absent, members replaced by their paired
    substitute, proxies to members present (never more than `limit` each), a few late
    arrivals and early departures among those who carry no proxy."""
    rng = demo.rng
    start, end = plan.start, plan.end
    by_mandate = {a.mandate_id: a for a in plan.expected}
    substitute_of = {
        a.expected.substitute_for: a.mandate_id
        for a in plan.expected
        if a.role == "substitute" and a.expected.substitute_for is not None
    }
    status: dict[int, str] = {}
    proxy_to: dict[int, int] = {}
    replaced_by: dict[int, int] = {}
    wants_proxy: list[int] = []
    for a in plan.expected:
        if a.role == "substitute":
            continue
        draw = rng.random()
        if a.role == "permanent_guest":
            status[a.mandate_id] = "present" if draw < 0.5 else "excused"
        elif not a.expected.voting:
            status[a.mandate_id] = "present" if draw < 0.7 else "excused"
        elif draw < 0.72:
            status[a.mandate_id] = "present"
        else:
            sub = substitute_of.get(a.mandate_id)
            if sub is not None and rng.random() < 0.5:
                status[a.mandate_id] = "replaced"
                replaced_by[a.mandate_id] = sub
                status[sub] = "present"
            elif limit and draw < 0.84:
                wants_proxy.append(a.mandate_id)
            else:
                status[a.mandate_id] = "excused" if draw < 0.95 else "absent"
    for a in plan.expected:
        if a.role == "substitute" and a.mandate_id not in status:
            draw = rng.random()
            status[a.mandate_id] = (
                "present" if draw < 0.1 else "excused" if draw < 0.4 else "absent"
            )
    holders = [
        a.mandate_id
        for a in plan.expected
        if a.expected.voting and status.get(a.mandate_id) == "present"
    ]
    carried: dict[int, int] = {}
    for giver in wants_proxy:
        free = [h for h in holders if carried.get(h, 0) < limit]
        if not free:
            status[giver] = "excused"
            continue
        holder = rng.choice(free)
        carried[holder] = carried.get(holder, 0) + 1
        status[giver] = "represented"
        proxy_to[giver] = holder
    sitting_subs = set(replaced_by.values())
    out = []
    for a in plan.expected:
        mandate_id = a.mandate_id
        arrival = departure = None
        movable = (
            status[mandate_id] == "present"
            and mandate_id not in carried
            and mandate_id not in sitting_subs
        )
        if movable and rng.random() < 0.08:
            arrival = (start + dt.timedelta(minutes=rng.randint(10, 35))).time()
        elif movable and rng.random() < 0.06:
            departure = (end - dt.timedelta(minutes=rng.randint(15, 40))).time()
        out.append(
            att.Presence(
                mandate_id,
                status[mandate_id],
                proxy_to.get(mandate_id),
                replaced_by.get(mandate_id),
                arrival,
                departure,
            )
        )
    assert set(by_mandate) == {p.mandate_id for p in out}
    return out


def _item_times(plan: _MeetingPlan, has_approval: bool) -> dict[int, dt.time]:
    """When each item's vote is taken: near the end of the item, after the approval of the
    previous minutes (five minutes) that the minutes step puts first on the agenda."""
    clock = plan.start + dt.timedelta(minutes=5 if has_approval else 0)
    out = {}
    for item in plan.items:
        clock += dt.timedelta(minutes=item.minutes)
        out[item.id] = (clock - dt.timedelta(minutes=2)).time()
    return out


def _vote_counts(demo: _Demo, available: int) -> dict[str, int]:
    """Mostly adopted with a few against and abstaining; now and then rejected."""
    rng = demo.rng
    not_voting = 1 if available > 6 and rng.random() < 0.1 else 0
    voting = available - not_voting
    if rng.random() < 0.05:
        against = voting // 2 + 1
        abstentions = rng.randint(0, voting - against)
    else:
        against = rng.randint(0, max(0, voting // 8))
        abstentions = rng.randint(0, max(0, voting // 6))
    votes_for = voting - against - abstentions
    if votes_for == against and against:
        against -= 1
        abstentions += 1
    return {
        "votes_for": votes_for,
        "votes_against": against,
        "abstentions": abstentions,
        "not_voting": not_voting,
    }


def _hold(demo: _Demo, plan: _MeetingPlan) -> None:
    """A past meeting: attendance, guests, the opening quorum, votes, then « tenue »."""
    db, rng = demo.store.db, demo.rng
    rules_ = presence.rules_for(db, plan.body_id)
    presences = _plan_presences(demo, plan, rules_.proxies_per_holder)
    expected = [a.expected for a in plan.expected]
    opening = att.count(expected, presences, rules_, plan.start.time())
    if opening.problems:
        raise RuntimeError(f"demo planning error: {opening.problems}")
    previous = [
        m
        for m in demo.meetings
        if m.body_id == plan.body_id and m.start < plan.start and m.status == "held"
    ]
    times = _item_times(plan, bool(previous))
    ballots = []
    for item in plan.items:
        if item.kind == "vote":
            moment = times[item.id]
            counted = att.count(expected, presences, rules_, moment)
            ballots.append((item, moment, counted, _vote_counts(demo, counted.votes_available)))
    # Held as it opened (the demo's clock is its anchor): then its votes can be recorded.
    meetings.set_status(demo.store, plan.id, "held", now=_demo_now(demo))
    plan.status = "held"
    if demo.profile.bulk:
        _write_attendance_bulk(demo, plan, presences, opening, ballots)
    else:
        for p in sorted(presences, key=lambda p: p.status == "represented"):
            presence.record(
                demo.store, plan.id, p.mandate_id, p.status,
                proxy_to=p.proxy_to, replaced_by=p.replaced_by,
                arrival=p.arrival, departure=p.departure,
            )  # fmt: skip
        presence.record_opening(demo.store, plan.id, plan.start.time())
        for item, moment, _counted, counts in ballots:
            votes.record_vote(
                demo.store,
                item.id,
                taken_at=moment,
                votes_for=counts["votes_for"],
                votes_against=counts["votes_against"],
                abstentions=counts["abstentions"],
                not_voting=counts["not_voting"],
            )
    if plan.body_kind == "plenary" and rng.random() < 0.5:
        position, organisation = rng.choice(data.GUEST_VISITORS)
        female = rng.random() < 0.5
        first = rng.choice(data.FEMALE_FIRST_NAMES if female else data.MALE_FIRST_NAMES)
        presence.add_guest(
            demo.store,
            plan.id,
            f"{first} {rng.choice(data.LAST_NAMES)}",
            f"{position}, {organisation.format(region=demo.city.region, city=demo.city.name)}",
        )


# --------------------------------------------------------------------------- the law, shown


def _last_held(demo: _Demo, kind: str, before: dt.date) -> _MeetingPlan | None:
    held = [m for m in demo.meetings if m.body_kind == kind and m.status == "held"]
    held = [m for m in held if m.day < before and any(i.kind == "vote" for i in m.items)]
    return max(held, key=lambda m: m.start) if held else None


def _voters_at(demo: _Demo, plan: _MeetingPlan, moment: dt.time, item_id: int) -> att.Count:
    return presence.quorum(demo.store.db, plan.id, moment, item_id=item_id)


def _showcase_plenary(demo: _Demo) -> None:
    """The last plenary held before the anchor shows the law of meetings: a member taking part
    by video, a member withdrawn from an item (déport) voted by roll call, a secret ballot, and
    a tie settled by the chair's casting vote. Its own random stream: the rest of the demo is
    the same with or without it."""
    plan = _last_held(demo, "plenary", demo.profile.anchor)
    if plan is None:
        return
    db, store = demo.store.db, demo.store
    rng = random.Random(plan.id)
    rows = {p.mandate_id: p for p in presence.presences(db, plan.id)}
    carriers = {p.proxy_to for p in rows.values() if p.status == "represented"}
    chairs = {a.mandate_id for a in plan.expected if a.role in ("president", "co_president")}
    plain = [
        a
        for a in plan.expected
        if a.expected.voting
        and a.role == "member"
        and rows.get(a.mandate_id)
        and rows[a.mandate_id].status == "present"
        and rows[a.mandate_id].arrival is None
        and rows[a.mandate_id].departure is None
        and a.mandate_id not in carriers | chairs
    ]
    if len(plain) < 2:
        return
    remote, interested = rng.sample(plain, 2)
    presence.record(store, plan.id, remote.mandate_id, "remote")
    presence.record_opening(store, plan.id, plan.start.time())
    other = [i.id for i in plan.items if i.kind == "other_business"]
    topics = (data.SHOWCASE_ROLL_CALL, data.SHOWCASE_SECRET, data.SHOWCASE_TIE)
    added = []
    for topic in topics:
        item_id = agenda.create_item(
            store,
            plan.id,
            title=topic.title,
            kind="vote",
            presenter_text=rng.choice(list(data.PRESENTER_TEXTS)).format(region=demo.city.region),
            duration_minutes=topic.minutes,
            description=topic.description,
        )
        added.append(item_id)
        plan.items.insert(
            len(plan.items) - len(other),
            _ItemPlan(item_id, "vote", topic, topic.title, topic.minutes),
        )
    order = [i.id for i in agenda.items(db, plan.id) if i.id not in other] + other
    agenda.reorder(store, plan.id, order)
    moment = (plan.end - dt.timedelta(minutes=25)).time()
    roll_call, secret, tie = added
    presence.withdraw(store, roll_call, interested.mandate_id, "administrateur de la SCIC")
    count = _voters_at(demo, plan, moment, roll_call)
    members = sorted(count.cast_by)
    choices = {m: "for" for m in members}
    for m in rng.sample(members, min(3, len(members))):
        choices[m] = rng.choice(["against", "abstention"])
    votes.record_vote(store, roll_call, kind="roll_call", ballots=choices, taken_at=moment)
    available = _voters_at(demo, plan, moment, secret).votes_available
    votes.record_vote(
        store, secret, kind="secret", taken_at=moment, votes_for=max(0, available - 4),
        votes_against=min(2, available), blank=1 if available > 2 else 0,
        spoilt=1 if available > 3 else 0,
    )  # fmt: skip
    available = _voters_at(demo, plan, moment, tie).votes_available
    half = (available - 1) // 2
    votes.record_vote(
        store, tie, taken_at=moment, votes_for=half, votes_against=half,
        abstentions=available - 2 * half, chair_vote="for",
    )  # fmt: skip


def _showcase_reconvening(demo: _Demo) -> None:
    """A commission whose quorum fails at the opening is called again a week later on the same
    agenda, with the reconvening rule's notice; few come, and it deliberates without quorum."""
    db, store, anchor = demo.store.db, demo.store, demo.profile.anchor
    plan = _last_held(demo, "commission", anchor - dt.timedelta(days=30))
    if plan is None:
        return
    rng = random.Random(plan.id)
    start = dt.datetime.combine(plan.day + dt.timedelta(days=14), plan.start.time())
    while not is_working_day(start.date(), demo.city.holiday_calendar):
        start += dt.timedelta(days=1)
    first = _MeetingPlan(0, plan.body_id, "commission", start, start + (plan.end - plan.start))
    first.id = meetings.create(
        store,
        body_id=plan.body_id,
        title=data.MEETING_TITLES["commission"].format(day=display(start.date())),
        starts_at=start,
        ends_at=first.end,
        place=data.MEETING_PLACES["commission"].format(city=demo.city.name, place=_place(demo)),
        notes=data.MEETING_NOTES_FAILED_QUORUM,
    )
    topic = data.SHOWCASE_RECONVENED
    item_id = agenda.create_item(
        store, first.id, title=topic.title, kind="vote", duration_minutes=topic.minutes,
        description=topic.description,
        presenter_text=rng.choice(list(data.PRESENTER_TEXTS)).format(region=demo.city.region),
    )  # fmt: skip
    first.items = [_ItemPlan(item_id, "vote", topic, topic.title, topic.minutes)]
    notice.record_sent(store, first.id, notice.deadline(db, first.id) - dt.timedelta(days=2))
    first.expected = presence.expected_attendees(db, first.id)
    members = [a for a in first.expected if a.expected.voting and a.role != "substitute"]
    # The chair comes both times (the minutes open « sous la présidence de … »).
    members.sort(key=lambda a: a.role not in ("president", "co_president"))
    came = members[:1]
    for a in first.expected:
        status = "present" if a in came else ("excused" if rng.random() < 0.8 else "absent")
        presence.record(store, first.id, a.mandate_id, status)
    presence.record_opening(store, first.id, start.time())
    meetings.set_status(store, first.id, "held", now=_demo_now(demo))
    first.status = "held"
    sent = start.date() + dt.timedelta(days=1)
    body = bodies.get_body(db, plan.body_id)
    again_start = dt.datetime.combine(
        sent + dt.timedelta(days=body.reconvene_notice_days + 2), start.time()
    )
    second = _MeetingPlan(
        meetings.reconvene(store, first.id, again_start),
        plan.body_id,
        "commission",
        again_start,
        again_start + (first.end - first.start),
    )
    notice.record_sent(store, second.id, sent)
    second.expected = presence.expected_attendees(db, second.id)
    copies = agenda.items(db, second.id)
    second.items = [
        _ItemPlan(c.id, i.kind, i.topic, i.title, i.minutes)
        for c, i in zip(copies, first.items, strict=True)
    ]
    came = members[:1] + rng.sample(members[1:], min(1, len(members) - 1))
    for a in second.expected:
        status = "present" if a.mandate_id in {c.mandate_id for c in came} else "excused"
        presence.record(store, second.id, a.mandate_id, status)
    presence.record_opening(store, second.id, again_start.time())
    meetings.set_status(store, second.id, "held", now=_demo_now(demo))
    second.status = "held"
    moment = (again_start + dt.timedelta(minutes=topic.minutes)).time()
    votes.record_vote(
        store, second.items[0].id, taken_at=moment, votes_for=len(came), votes_against=0
    )
    demo.meetings += [first, second]


def _demo_now(demo: _Demo) -> dt.datetime:
    """The demo's clock: the start of its anchor day (history is never tied to today)."""
    return dt.datetime.combine(demo.profile.anchor, dt.time(0, 0))


def _write_attendance_bulk(
    demo: _Demo,
    plan: _MeetingPlan,
    presences: list[att.Presence],
    opening: att.Count,
    ballots: list[tuple[_ItemPlan, dt.time, att.Count, dict[str, int]]],
) -> None:
    db = demo.store.db
    body = bodies.get_body(db, plan.body_id)

    def hhmm(value: dt.time | None) -> str | None:
        return value.isoformat(timespec="minutes") if value else None

    _bulk_rows(
        db,
        "attendance",
        "attendance",
        [
            {
                "meeting_id": plan.id,
                "mandate_id": p.mandate_id,
                "status": p.status,
                "proxy_to_mandate_id": p.proxy_to,
                "replaced_by_mandate_id": p.replaced_by,
                "arrival": hhmm(p.arrival),
                "departure": hhmm(p.departure),
            }
            for p in presences
        ],
    )
    service.update(
        db,
        "meetings",
        "meeting",
        plan.id,
        {
            "opening_time": hhmm(plan.start.time()),
            "opening_quorum": presence.count_as_json(opening),
        },
    )
    _bulk_rows(
        db,
        "votes",
        "vote",
        [
            counts
            | {
                "meeting_id": plan.id,
                "item_id": item.id,
                "taken_at": hhmm(moment),
                "by_college": None,
                "casting_vote": None,
                "outcome": votes.outcome(
                    counts["votes_for"],
                    counts["votes_against"],
                    counts["abstentions"],
                    body.majority_rule,
                ),
                "quorum_reached": 1 if counted.reached else 0,
                "quorum": presence.count_as_json(counted),
            }
            for item, moment, counted, counts in ballots
        ],
    )


def _bulk_rows(db: Any, table: str, entity: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows with executemany and audit each one as stored, as service.insert does."""
    if not rows:
        return []
    first = database.scalar(db, f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]")
    cols = list(rows[0])
    db.conn.executemany(
        f"INSERT INTO [{table}] (id, {', '.join(f'[{c}]' for c in cols)}) "
        f"VALUES (?, {', '.join('?' for _c in cols)})",
        [[first + n, *(r[c] for c in cols)] for n, r in enumerate(rows)],
    )
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id >= ? ORDER BY id", [first])
    names = [c[0] for c in cursor.description]
    audit.record_many(db, entity, "create", audit.created_rows(names, cursor.fetchall()))
    return list(range(first, first + len(rows)))


# --------------------------------------------------------------------------- minutes


def _secretary(db: Any, body_id: int, day: dt.date, plenary_id: int) -> str:
    """The staff member serving the body that day (the plenary's staff serve the commissions)."""
    found = database.scalar(
        db,
        "SELECT p.first_name || ' ' || p.last_name FROM mandates m JOIN people p "
        "ON p.id = m.person_id WHERE m.role = 'secretariat' AND m.body_id IN (?, ?) "
        "AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?) "
        "ORDER BY m.body_id != ?, m.id LIMIT 1",
        [body_id, plenary_id, day.isoformat(), day.isoformat(), body_id],
    )
    return found or ""


def _section_text(demo: _Demo, item: agenda.AgendaItem, topic: data.AgendaTopic | None) -> str:
    rng, db = demo.rng, demo.store.db
    if item.kind == "minutes_approval":
        return data.APPROVAL_SUMMARY
    if item.kind == "other_business":
        return rng.choice(data.OTHER_BUSINESS_SUMMARIES)
    if topic is None:
        return data.ACTIONS_REVIEW_SUMMARY
    if item.presenter_person_id:
        presenter = database.scalar(
            db,
            "SELECT first_name || ' ' || last_name FROM people WHERE id = ?",
            [item.presenter_person_id],
        )
    else:
        region = demo.city.region
        subjects = {
            k.format(region=region): v.format(region=region)
            for k, v in data.PRESENTER_TEXTS.items()
        }
        presenter = subjects.get(item.presenter_text, item.presenter_text)
    text = rng.choice(topic.summaries).format(presenter=presenter)
    vote = votes.vote_for_item(db, item.id)
    if vote is not None:
        outcome = "adopté" if vote.outcome == "adopted" else "rejeté"
        text += "\n\n" + data.VOTE_SENTENCE.format(outcome=outcome)
    return text


def _add_minutes(demo: _Demo) -> None:
    """Minutes for every meeting held: a section per item, the decisions of adopted votes
    (numbered per year by the register), submitted to the next meeting of the body except the
    most recent ones, still drafts at the anchor."""
    db, anchor = demo.store.db, demo.profile.anchor
    held = [m for m in demo.meetings if m.status == "held"]
    for plan in held:
        minutes_id = minutes.start(demo.store, plan.id)
        plan.minutes_id = minutes_id
        items = agenda.items(db, plan.id)
        closing = agenda.timetable(items, plan.start, plan.end).ends_at
        closing += dt.timedelta(minutes=demo.rng.randint(-10, 15))
        minutes.update(
            demo.store,
            minutes_id,
            secretary=_secretary(db, plan.body_id, plan.day, demo.plenary_id),
            closing_time=closing.time(),
        )
        topics = {i.id: i.topic for i in plan.items}
        for item in items:
            topic = topics.get(item.id)
            minutes.save_section(demo.store, minutes_id, item.id, _section_text(demo, item, topic))
            vote = votes.vote_for_item(db, item.id)
            if topic is not None and topic.decision and vote and vote.outcome == "adopted":
                decisions.add_decision(demo.store, item.id, topic.decision_kind, topic.decision)
        following = meetings.next_meeting_of_body(db, plan.id)
        sent = plan.day + dt.timedelta(days=demo.rng.randint(7, 14))
        # The minutes of the last three weeks before the anchor are still being drafted.
        drafting = plan.day + dt.timedelta(days=21) >= anchor
        if following is not None and not drafting and sent < following.day:
            minutes.submit(demo.store, minutes_id, today=sent)


def _approve_minutes(demo: _Demo) -> None:
    """Submitted minutes are approved at the next meeting when it has been held; that meeting
    then closes the earlier one."""
    db = demo.store.db
    rows = db.execute(
        "SELECT mi.approval_item_id, mi.meeting_id FROM minutes mi "
        "JOIN agenda_items i ON i.id = mi.approval_item_id "
        "JOIN meetings m ON m.id = i.meeting_id "
        "WHERE mi.status = 'submitted' AND m.status = 'held' ORDER BY m.starts_at, mi.id"
    ).fetchall()
    for item_id, meeting_id in rows:
        approving = meetings.get(
            db,
            database.scalar(db, "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id]),
        )
        moment = presence.parse_time(approving.opening_time, "opening_time")
        if not presence.quorum(db, approving.id, moment, item_id=item_id).reached:
            continue  # a meeting without quorum approves nothing: the minutes wait
        approved = minutes.approve(demo.store, item_id)
        # Signed and published within the rule's days (CGCT L. 2121-15: the week after).
        day = dt.date.fromisoformat(approved.approved_on or approving.day.isoformat())
        minutes.record_publication(
            demo.store,
            approved.id,
            signed_on=day + dt.timedelta(days=1),
            published_on=day + dt.timedelta(days=3),
        )
        meetings.set_status(demo.store, meeting_id, "closed")
        demo.approved += 1


# --------------------------------------------------------------------------- actions


def _add_actions(demo: _Demo) -> None:
    """Actions decided at the meetings held (from a decision, an agenda item, now and then
    from nothing in particular), each reviewed at some later meetings of its body until done,
    abandoned or still open at the anchor. Small: one by one through the services; large: the
    follow-up's bulk insert."""
    db, rng, p = demo.store.db, demo.rng, demo.profile
    held = [m for m in demo.meetings if m.status == "held"]
    if not held:
        return
    theme_ids = {
        r["name"]: r["id"] for r in database.each_row(db, "SELECT name, id FROM action_themes")
    }
    later: dict[int, list[_MeetingPlan]] = {}
    for plan in held:
        later.setdefault(plan.body_id, []).append(plan)
    per_meeting = p.actions / len(held)
    batch: list[dict[str, Any]] = []
    for plan in held:
        count = int(per_meeting) + (rng.random() < per_meeting - int(per_meeting))
        sources = [i for i in plan.items if i.topic is not None]
        owners = [a for a in plan.expected if a.role != "substitute"]
        if not sources or not owners:
            continue
        decided = {
            d.item_id: d.id for d in decisions.decisions_of_meeting(db, plan.id)
        }  # one decision per item in the demo
        following = [m for m in later[plan.body_id] if m.start > plan.start]
        for _n in range(count):
            item = rng.choice(sources)
            topic = item.topic
            assert topic is not None
            title = rng.choice(topic.actions)
            if p.bulk:
                title += rng.choice(data.ACTION_PLACES_SUFFIX)
            owner = rng.choice(owners)
            org_id = demo.people[owner.person_id].org_id if owner.person_id in demo.people else None
            draw = rng.random()
            person_id = owner.person_id if draw < 0.85 or org_id is None else None
            values: dict[str, Any] = {
                "body_id": plan.body_id,
                "title": title,
                "description": topic.description,
                "owner_person_id": person_id,
                "owner_organisation_id": org_id if draw > 0.6 else None,
                "due_date": (plan.day + dt.timedelta(days=rng.randint(30, 270))).isoformat(),
                "priority": rng.choices(("high", "normal", "low"), (2, 6, 2))[0],
                "theme_id": theme_ids.get(topic.theme),
                "created_on": plan.day.isoformat(),
            }
            origin = rng.random()
            if item.id in decided and origin < 0.7:
                values |= {
                    "decision_id": decided[item.id],
                    "meeting_id": plan.id,
                    "item_id": item.id,
                }
            elif origin < 0.95:
                values |= {"meeting_id": plan.id, "item_id": item.id}
            values["updates"] = _plan_updates(demo, plan, following, person_id)
            if p.bulk:
                batch.append(values)
            else:
                _create_action(demo, values)
    if batch:
        actions.bulk_insert(db, batch)


def _plan_updates(
    demo: _Demo, plan: _MeetingPlan, following: list[_MeetingPlan], author: int | None
) -> list[dict[str, Any]]:
    """The action's reviews at the next meetings of its body: progress that grows, now and then
    « pas de changement », and at the end done, abandoned, postponed or still in progress."""
    rng = demo.rng
    wanted = rng.randint(0, 2 * demo.profile.updates_per_action)
    reviews = following[: min(len(following), wanted + rng.randint(0, 2))]
    reviews = [m for m in reviews if rng.random() < 0.85][:wanted]
    out: list[dict[str, Any]] = []
    status, progress = "todo", 0
    for n, meeting in enumerate(reviews):
        last = n == len(reviews) - 1
        entry: dict[str, Any] = {
            "on_date": meeting.day.isoformat(),
            "recorded_at": meeting.end.isoformat(timespec="seconds"),
            "meeting_id": meeting.id,
            "author_person_id": author if rng.random() < 0.5 else None,
        }
        if n and rng.random() < 0.2:
            out.append(entry | {"status": status, "progress": progress, "comment": ""})
            out[-1]["comment"] = data.ACTION_NO_CHANGE
            continue
        draw = rng.random()
        if last and draw < 0.55:
            status, progress = "done", 100
        elif last and draw < 0.65:
            status = "abandoned"
        elif last and draw < 0.75:
            status = "postponed"
        else:
            status, progress = "in_progress", min(90, progress + rng.randint(1, 4) * 10)
        comment = rng.choice([c for s, c in data.ACTION_COMMENTS if s == status])
        out.append(entry | {"status": status, "progress": progress, "comment": comment})
    return out


def _create_action(demo: _Demo, values: dict[str, Any]) -> None:
    """One action and its reviews through the services (the small demo)."""
    anchor = demo.profile.anchor
    entries = values.pop("updates")
    action_id = actions.create(demo.store, today=anchor, **values)
    for entry in entries:
        same = entry["comment"] == data.ACTION_NO_CHANGE
        review.record_review(
            demo.store,
            entry["meeting_id"],
            action_id,
            status=None if same else entry["status"],
            progress=None if same else entry["progress"],
            comment=entry["comment"],
            author_person_id=entry["author_person_id"],
            today=anchor,
        )
