"""The council's words: organisation kinds, body kinds, mandate roles, with their French labels."""

from __future__ import annotations

from ess_desk.i18n import _

ORGANISATION_KINDS: dict[str, str] = {
    "association": "Association",
    "scic": "SCIC",
    "scop": "SCOP",
    "mutuelle": "Mutuelle",
    "fondation": "Fondation",
    "esus": "Entreprise ESUS",
    "collectivite": "Collectivité",
    "reseau": "Réseau / tête de réseau",
    "universite": "Université / recherche",
    "autre": "Autre",
}

BODY_KINDS: dict[str, str] = {
    "plenary": "Conseil plénier",
    "bureau": "Bureau",
    "commission": "Commission",
    "working_group": "Groupe de travail",
}

ROLES: dict[str, str] = {
    "president": "Président(e)",
    "co_president": "Co-président(e)",
    "vice_president": "Vice-président(e)",
    "member": "Membre titulaire",
    "substitute": "Suppléant(e)",
    "permanent_guest": "Invité(e) permanent(e)",
    "secretariat": "Secrétariat",
}

# Roles that occupy a seat of their college; substitutes, guests and the secretariat do not.
SEAT_ROLES = frozenset({"president", "co_president", "vice_president", "member"})

HOLIDAY_CALENDARS: dict[str, str] = {
    "FR": "France",
    "FR-57": "Alsace-Moselle (Vendredi saint, 26 décembre)",
}

MAJORITY_RULES: dict[str, str] = {
    "simple": "Majorité simple des suffrages exprimés",
    "absolute": "Majorité absolue des votants",
    "two_thirds": "Majorité des deux tiers des suffrages exprimés",
}

# How the quorum is reckoned from the fraction of the members in office: "at_least" (« la moitié
# au moins », décret n° 2006-672 art. 11) or "more_than" (« plus de la moitié » : the majority of
# the members in office of a municipal council, CGCT L. 2121-17, read by the courts as more than
# half, not half plus one: 8 members → 5, 7 → 4).
QUORUM_FORMULAS: dict[str, str] = {
    "at_least": "Au moins la fraction (« la moitié au moins »)",
    "more_than": "Plus que la fraction (« plus de la moitié »)",
}

CIVILITIES = ("", "Mme", "M.", "Mx")


def label(table: dict[str, str], code: str) -> str:
    """The label of a code in the current language (the code itself if unknown)."""
    return _(table[code]) if code in table else code
