"""The ACTES subject classification (nomenclature « matières » of the State's transmission of
local acts, used by the SCDL « Délibérations » columns DELIB_MATIERE_CODE / _NOM): its first two
levels, which are what a consultative council's decisions need."""

from __future__ import annotations

import re

from ess_desk.errors import UserError
from ess_desk.i18n import _

# Code → name (French: the names are those of the national classification, published as is).
SUBJECTS: dict[str, str] = {
    "1": "Commande publique",
    "1.1": "Marchés publics",
    "1.2": "Délégation de service public",
    "1.3": "Conventions de mandat",
    "1.4": "Autres types de contrats",
    "1.5": "Transactions /protocole d'accord transactionnel",
    "1.6": "Maîtrise d'œuvre",
    "1.7": "Actes spéciaux et divers",
    "2": "Urbanisme",
    "2.1": "Documents d'urbanisme",
    "2.2": "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    "2.3": "Droit de préemption urbain",
    "3": "Domaine et patrimoine",
    "3.1": "Acquisitions",
    "3.2": "Aliénations",
    "3.3": "Locations",
    "3.4": "Limites territoriales",
    "3.5": "Autres actes de gestion du domaine public",
    "3.6": "Autres actes de gestion du domaine privé",
    "4": "Fonction publique",
    "4.1": "Personnel titulaire et stagiaire de la F.P.T.",
    "4.2": "Personnel contractuel",
    "4.3": "Fonction publique hospitalière",
    "4.4": "Autres catégories de personnels",
    "4.5": "Régime indemnitaire",
    "5": "Institutions et vie politique",
    "5.1": "Election exécutif",
    "5.2": "Fonctionnement des assemblées",
    "5.3": "Désignation de représentants",
    "5.4": "Délégation de fonctions",
    "5.5": "Délégation de signature",
    "5.6": "Exercice des mandats locaux",
    "5.7": "Intercommunalité",
    "5.8": "Décision d'ester en justice",
    "6": "Libertés publiques et pouvoirs de police",
    "6.1": "Police municipale",
    "6.2": "Pouvoir du président du conseil général",
    "6.3": "Pouvoir du président du conseil régional",
    "6.4": "Autres actes réglementaires",
    "6.5": "Actes pris au nom de l'Etat et soumis au contrôle hiérarchique",
    "7": "Finances locales",
    "7.1": "Décisions budgétaires",
    "7.2": "Fiscalité",
    "7.3": "Emprunts",
    "7.4": "Interventions économiques",
    "7.5": "Subventions",
    "7.6": "Contributions budgétaires",
    "7.7": "Avances",
    "7.8": "Fonds de concours",
    "7.9": "Prise de participation (SEM, etc...)",
    "7.10": "Divers",
    "8": "Domaines de compétences par thèmes",
    "8.1": "Enseignement",
    "8.2": "Aide sociale",
    "8.3": "Voirie",
    "8.4": "Aménagement du territoire",
    "8.5": "Politique de la ville-habitat-logement",
    "8.6": "Emploi-formation professionnelle",
    "8.7": "Transports",
    "8.8": "Environnement",
    "8.9": "Culture",
    "9": "Autres domaines de compétences",
    "9.1": "Autres domaines de compétences des communes",
    "9.2": "Autres domaines de compétences des départements",
    "9.3": "Autres domaines de compétences des régions",
    "9.4": "Vœux et motions",
}
# The form of a code in the SCDL schema: one to five levels, each a number.
CODE_PATTERN = re.compile(r"^[1-9](\.[1-9][0-9]?){0,4}$")
DEFAULT_CODE = "5.2"


def subject_name(code: str) -> str:
    """The name of a code: its own, else the nearest level above it that the table knows."""
    parts = code.split(".")
    while parts:
        name = SUBJECTS.get(".".join(parts))
        if name:
            return name
        parts.pop()
    return ""


def clean_code(value: object, field: str = "actes_code") -> str:
    """A subject code as typed (« 7.5 », « 7,5 », spaces): refused when it is not of the ACTES
    form or when its first level is not one of the nine subjects."""
    text = str(value or "").strip().replace(",", ".").replace(" ", "")
    if not CODE_PATTERN.match(text) or not subject_name(text):
        raise UserError(
            _("« {value} » n'est pas un code matière ACTES (par exemple 5.2 ou 7.5).").format(
                value=value
            ),
            field=field,
        )
    return text
