"""The demo's structures: names, places, SIRET, landlines."""

from __future__ import annotations

import random
import unicodedata

from stdnum import luhn
from stdnum.fr import siret as stdnum_siret

from ess_desk import demo_data as data
from ess_desk.demo.state import _Demo, _Org
from ess_desk.text import name_key


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
