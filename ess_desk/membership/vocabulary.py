"""The council's words: organisation kinds, body kinds, mandate roles, with their French labels."""

from __future__ import annotations

from ess_desk.i18n import N_, _

ORGANISATION_KINDS: dict[str, str] = {
    "association": N_("Association"),
    "scic": N_("SCIC"),
    "scop": N_("SCOP"),
    "mutuelle": N_("Mutuelle"),
    "fondation": N_("Fondation"),
    "esus": N_("Entreprise ESUS"),
    "collectivite": N_("Collectivité"),
    "reseau": N_("Réseau / tête de réseau"),
    "universite": N_("Université / recherche"),
    "autre": N_("Autre"),
}

BODY_KINDS: dict[str, str] = {
    "plenary": N_("Conseil plénier"),
    "bureau": N_("Bureau"),
    "commission": N_("Commission"),
    "working_group": N_("Groupe de travail"),
}

ROLES: dict[str, str] = {
    "president": N_("Président(e)"),
    "co_president": N_("Co-président(e)"),
    "vice_president": N_("Vice-président(e)"),
    "member": N_("Membre titulaire"),
    "substitute": N_("Suppléant(e)"),
    "permanent_guest": N_("Invité(e) permanent(e)"),
    "secretariat": N_("Secrétariat"),
}

# Roles that occupy a seat of their college; substitutes, guests and the secretariat do not.
SEAT_ROLES = frozenset({"president", "co_president", "vice_president", "member"})

HOLIDAY_CALENDARS: dict[str, str] = {
    "FR": N_("France"),
    "FR-57": N_("Alsace-Moselle (Vendredi saint, 26 décembre)"),
}

MAJORITY_RULES: dict[str, str] = {
    "simple": N_("Majorité simple des suffrages exprimés"),
    "absolute": N_("Majorité absolue des votants"),
    "two_thirds": N_("Majorité des deux tiers des suffrages exprimés"),
}

# How the quorum is reckoned from the fraction of the members in office: "at_least" (« la moitié
# au moins », décret n° 2006-672 art. 11) or "more_than" (« plus de la moitié » : the majority of
# the members in office of a municipal council, CGCT L. 2121-17, read by the courts as more than
# half, not half plus one: 8 members → 5, 7 → 4).
QUORUM_FORMULAS: dict[str, str] = {
    "at_least": N_("Au moins la fraction (« la moitié au moins »)"),
    "more_than": N_("Plus que la fraction (« plus de la moitié »)"),
}

CIVILITIES = ("", "Mme", "M.", "Mx")


def label(table: dict[str, str], code: str) -> str:
    """The label of a code in the current language (the code itself if unknown)."""
    return _(table[code]) if code in table else code
