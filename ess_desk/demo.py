"""The demonstration council: a realistic French Conseil de l'ESS, the same for the same seed.

`fill_demo` plans the council part by part (organisations, bodies, the plenary's mandatures with
their bureau and commissions, working groups, guests and secretariat, contacts, archives) and
writes through a sink: the small demo goes through the service functions one by one, the large
one is written in bulk (executemany, with its audit rows) after the same rules were kept while
planning. Later parts (meetings, actions) are new `_add_*` functions called from `fill_demo`.
History is anchored to fixed dates, never to today's.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from stdnum import luhn
from stdnum.fr import siret as stdnum_siret

from ess_desk import demo_data as data
from ess_desk import service
from ess_desk.dates import add_years
from ess_desk.errors import UserError
from ess_desk.i18n import _
from ess_desk.membership import bodies, mandates, organisations, people, rules
from ess_desk.store import Store
from ess_desk.store.lock import current_user

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
)

PROFILES = {"small": SMALL, "large": LARGE}

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
            t: (db.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{t}]").fetchone()[0] + 1)
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
        at = dt.datetime.now().isoformat(timespec="seconds")
        user = current_user()
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
            db.conn.executemany(
                "INSERT INTO audit_log (at, os_user, entity, entity_id, action, before, after) "
                "VALUES (?, ?, ?, ?, 'create', NULL, ?)",
                [
                    (
                        at,
                        user,
                        entity,
                        r[0],
                        json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False),
                    )
                    for r in cursor.fetchall()
                ],
            )


# --------------------------------------------------------------------------- planning state


class _Ledger:
    """The mandate rules kept while planning: one mandate per person and body at a time."""

    def __init__(self) -> None:
        self._periods: dict[tuple[int, int], list[rules.Period]] = {}
        self.last_end: dict[int, dt.date | None] = {}

    def free(self, person_id: int, body_id: int, start: dt.date, end: dt.date | None) -> bool:
        return not any(
            rules.overlaps(p, (start, end)) for p in self._periods.get((person_id, body_id), ())
        )

    def book(self, person_id: int, body_id: int, start: dt.date, end: dt.date | None) -> None:
        if not self.free(person_id, body_id, start, end):
            raise RuntimeError(f"demo planning error: overlapping mandates of person {person_id}")
        self._periods.setdefault((person_id, body_id), []).append((start, end))
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
    ledger: _Ledger = field(default_factory=_Ledger)
    orgs: dict[int, _Org] = field(default_factory=dict)
    orgs_by_kind: dict[str, list[int]] = field(default_factory=dict)
    guest_orgs: list[int] = field(default_factory=list)
    people: dict[int, _Person] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    org_names: set[str] = field(default_factory=set)
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


# --------------------------------------------------------------------------- public entry


def fill_demo(
    store: Store, size: str = "small", seed: int = 2026, progress: Progress | None = None
) -> str:
    """Fill an empty database with a demonstration council; returns a short French summary."""
    profile = PROFILES.get(size)
    if profile is None:
        raise UserError(
            _("Taille de démonstration inconnue : « {size} » (small ou large).").format(size=size)
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
    )
    parts: list[Callable[[_Demo], None]] = [
        _add_organisations,
        _add_bodies,
        _add_mandatures,
        _add_working_groups,
        _add_guests_and_secretariat,
        _add_contacts,
        _archive_leavers,
    ]
    total = len(parts) + 1
    with store.write():
        for done, part in enumerate(parts):
            part(demo)
            if progress is not None:
                progress(done + 1, total)
        demo.sink.finish()
    if progress is not None:
        progress(total, total)
    return _(
        "Démonstration créée : {council}, {people} personnes, {orgs} structures, "
        "{bodies} instances, {mandates} mandats (graine {seed})."
    ).format(
        council=profile.plenary_name.format(city=demo.city.name),
        people=len(demo.people),
        orgs=len(demo.orgs),
        bodies=demo.body_count,
        mandates=demo.mandate_count,
        seed=seed,
    )


def _refuse_non_empty(store: Store) -> None:
    db = store.db
    people_count = db.execute("SELECT COUNT(*) FROM people").fetchone()[0]
    if people_count:
        raise UserError(
            _(
                "La base {path} contient déjà {count} personne(s) : la démonstration ne remplit "
                "qu'une base vide. Choisissez un nouveau fichier (--db)."
            ).format(path=store.path, count=people_count)
        )
    others = db.execute(
        "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM bodies)"
    ).fetchone()[0]
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


def make_siret(rng: random.Random) -> str:
    """A SIRET with valid keys: a SIREN (8 digits + Luhn key), a NIC, then the SIRET's key."""
    while True:
        body = f"{rng.randint(10_000_000, 99_999_999)}"
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
    while name is None or name.lower() in demo.org_names:
        name = _org_name(demo, kind)
        if attempt > 50:
            name = f"{name} {attempt}"
        attempt += 1
    demo.org_names.add(name.lower())
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
    candidates = [i for k in SOURCE_KINDS[source] for i in demo.orgs_by_kind.get(k, [])]
    fewest = min(demo.orgs[i].members for i in candidates)
    return rng.choice([i for i in candidates if demo.orgs[i].members == fewest])


def _new_person(
    demo: _Demo,
    source: str,
    org_id: int | None | str = "pick",
    position: tuple[str, str] | None = None,
) -> int:
    rng = demo.rng
    while True:
        female = rng.random() < 0.52
        first = rng.choice(data.FEMALE_FIRST_NAMES if female else data.MALE_FIRST_NAMES)
        last = rng.choice(data.LAST_NAMES)
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
        }
    )
    demo.people[person_id] = _Person(person_id, female, org)
    if org is not None:
        demo.orgs[org].members += 1
    return person_id


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
    demo.ledger.book(person_id, body_id, start, end)
    demo.mandate_count += 1
    return demo.sink.mandate(
        {
            "person_id": person_id,
            "body_id": body_id,
            "college_id": college_id,
            "role": role,
            "start_date": start.isoformat(),
            "end_date": end.isoformat() if end is not None else None,
            "substitute_for_id": substitute_for,
            "notes": notes,
        }
    )


# --------------------------------------------------------------------------- bodies


def _add_bodies(demo: _Demo) -> None:
    p, sink = demo.profile, demo.sink
    plenary = p.plenary_name.format(city=demo.city.name)
    demo.plenary_id = sink.body(
        {
            "name": plenary,
            "kind": "plenary",
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
    gone = [
        pid
        for pid, end in demo.ledger.last_end.items()
        if end is not None and end < anchor and pid in demo.people
    ]
    gone.sort(key=lambda pid: (demo.ledger.last_end[pid], pid))
    long_gone = anchor - dt.timedelta(days=365)
    chosen = [
        pid
        for pid in gone
        if demo.ledger.last_end[pid] < long_gone and rng.random() < demo.profile.archive_ratio
    ]
    if gone and not chosen:
        chosen = [gone[0]]
    for pid in chosen:
        demo.sink.archive_person(pid)
