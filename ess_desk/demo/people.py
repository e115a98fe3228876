"""The demo's people and their mandates' rows."""

from __future__ import annotations

import datetime as dt

from ess_desk import demo_data as data
from ess_desk.demo.organisations import _landline, _slug
from ess_desk.demo.state import _Demo, _Person

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
