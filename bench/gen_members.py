"""A member CSV as an office would produce it: `;`, UTF-8 with BOM, dates dd/mm/yyyy.

`python -m bench.gen_members FILE [--rows 10000] [--seed 1]`
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import unicodedata
from pathlib import Path

from ess_desk import demo_data as data
from ess_desk.dates import add_years

HEADERS = (
    "Nom", "Prénom", "Civilité", "Courriel", "Téléphone", "Structure", "Fonction", "Collège",
    "Rôle", "Début de mandat", "Fin de mandat",
)  # fmt: skip

COLLEGES = ("Élus", "Structures de l'ESS", "Réseaux", "Partenaires", "Personnes qualifiées")
KINDS = ("Association", "SCIC", "SCOP", "Mutuelle", "Fondation", "Coopérative", "Réseau")


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in plain.lower()).strip("-")


def organisation_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(KINDS)} {rng.choice(data.WORDS)} {rng.choice(data.THEMES).lower()}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def generate(path: Path, rows: int = 10_000, seed: int = 1, organisations: int = 800) -> Path:
    rng = random.Random(seed)
    orgs = organisation_names(rng, organisations)
    firsts = [(f, True) for f in data.FEMALE_FIRST_NAMES] + [
        (m, False) for m in data.MALE_FIRST_NAMES
    ]
    pairs = list(itertools.product(range(len(firsts)), range(len(data.LAST_NAMES))))
    if rows > len(pairs):
        raise ValueError(f"at most {len(pairs)} distinct people")
    chosen = rng.sample(pairs, rows)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADERS)
        for n, (fi, li) in enumerate(chosen):
            first, female = firsts[fi]
            last = data.LAST_NAMES[li]
            org = rng.choice(orgs)
            start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
            end = add_years(start, 3)
            feminine, masculine = rng.choice(data.POSITIONS["association"])
            writer.writerow(
                (
                    last.upper() if rng.random() < 0.3 else last,
                    first,
                    "Mme" if female else "M.",
                    f"{_ascii(first)}.{_ascii(last)}.{n}@{_ascii(org)[:30].strip('-')}.fr",
                    f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)}",
                    org,
                    feminine if female else masculine,
                    rng.choice(COLLEGES),
                    "Suppléant(e)" if rng.random() < 0.15 else "Titulaire",
                    start.strftime("%d/%m/%Y"),
                    end.strftime("%d/%m/%Y"),
                )
            )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.file, args.rows, args.seed)


if __name__ == "__main__":
    main()
