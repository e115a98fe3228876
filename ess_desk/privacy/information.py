"""What a person must be told with the copy of their data (RGPD article 15, 1 a–h): the purposes,
the categories of data, who receives them, how long they are kept, their rights, the complaint
to the CNIL, where the data came from, and that no decision is automated; in plain French. And
the words a reader sees for the fields the journal records (never « approved_sha256 »)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ess_desk.council import get_letterhead
from ess_desk.i18n import N_, _, ngettext
from ess_desk.privacy.retention import retention_years

if TYPE_CHECKING:
    from sqlite_utils import Database

# The CNIL's postal address and site (cnil.fr, « Adresser une plainte »).
CNIL = "Commission nationale de l'informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr"


def article_15(db: Database) -> list[tuple[str, str]]:
    """(heading, text) of each piece of information article 15 requires, in its order."""
    letterhead = get_letterhead(db)
    contact = ", ".join(
        x for x in (letterhead.council_address.replace("\n", ", "), letterhead.council_email) if x
    ) or _("le secrétariat du conseil")
    years = retention_years(db)
    return [
        (
            _("Responsable du traitement"),
            _(
                "{council}, dont le secrétariat tient ce fichier ; pour le joindre : {contact}."
            ).format(council=letterhead.name, contact=contact),
        ),
        (
            _("Pourquoi ces données (finalités)"),
            _(
                "Tenir le secrétariat du conseil et de ses instances : composition et mandats, "
                "convocations, présences, pouvoirs et quorum, votes, procès-verbaux, registre "
                "des décisions et suivi des actions décidées."
            ),
        ),
        (
            _("Quelles données (catégories)"),
            _(
                "Votre identité (civilité, nom, prénom), votre fonction et votre structure, vos "
                "coordonnées (courriel, téléphone), vos mandats, vos présences, pouvoirs et "
                "remplacements, ce que les procès-verbaux disent de vous et de vos votes, les "
                "actions dont vous êtes porteur ou porteuse, vos choix de consentement et le "
                "journal des modifications de ces données."
            ),
        ),
        (
            _("Qui les reçoit (destinataires)"),
            _(
                "Le secrétariat du conseil. Les membres des instances reçoivent les convocations, "
                "les dossiers de séance et les procès-verbaux : vos coordonnées n'y figurent que "
                "si vous avez accepté d'être contacté par eux. Les procès-verbaux approuvés et "
                "la version publique du dossier sont publics : votre nom n'y figure que si vous "
                "avez consenti à sa publication. Aucune donnée n'est transmise hors de l'Union "
                "européenne."
            ),
        ),
        (
            _("Combien de temps (durée de conservation)"),
            ngettext(
                "Pendant vos mandats, puis {years} an après votre dernier lien avec le conseil, "
                "au terme duquel vos données sont anonymisées. Les procès-verbaux approuvés sont "
                "des archives publiques : ils sont conservés tels qu'ils ont été approuvés.",
                "Pendant vos mandats, puis {years} ans après votre dernier lien avec le conseil, "
                "au terme desquels vos données sont anonymisées. Les procès-verbaux approuvés "
                "sont des archives publiques : ils sont conservés tels qu'ils ont été approuvés.",
                years,
            ).format(years=years),
        ),
        (
            _("Vos droits"),
            _(
                "Vous pouvez demander que vos données soient rectifiées (article 16 du RGPD) ou "
                "effacées (article 17), que leur traitement soit limité (article 18), vous y "
                "opposer (article 21) et retirer à tout moment un consentement donné, en "
                "écrivant au secrétariat ({contact}). Une réponse vous est due dans un délai "
                "d'un mois (article 12)."
            ).format(contact=contact),
        ),
        (
            _("Réclamation"),
            _(
                "Si vous estimez que vos droits ne sont pas respectés, vous pouvez introduire "
                "une réclamation auprès de la {cnil}."
            ).format(cnil=CNIL),
        ),
        (
            _("D'où viennent ces données (source)"),
            _(
                "De vous-même ou de la structure qui vous a désignée ou désigné, et du "
                "secrétariat, qui consigne les séances."
            ),
        ),
        (
            _("Décision automatisée"),
            _(
                "Aucune décision n'est prise à votre sujet par un traitement automatisé, et aucun "
                "profil n'est établi (article 22 du RGPD)."
            ),
        ),
    ]


# The fields the journal records, in the words of the window (none is shown by its code name).
FIELD_LABELS = {
    "id": N_("Numéro"),
    "civility": N_("Civilité"),
    "first_name": N_("Prénom"),
    "last_name": N_("Nom"),
    "name": N_("Nom"),
    "email": N_("Courriel"),
    "phone": N_("Téléphone"),
    "position": N_("Fonction"),
    "organisation_id": N_("Structure"),
    "organisation": N_("Structure"),
    "consent_publish": N_("Accepte la publication de son nom"),
    "consent_contact": N_("Accepte d'être contacté"),
    "notes": N_("Notes"),
    "archived": N_("Archivé"),
    "anonymised_on": N_("Anonymisé le"),
    "person_id": N_("Personne"),
    "body_id": N_("Instance"),
    "college_id": N_("Collège"),
    "role": N_("Rôle"),
    "start_date": N_("Début"),
    "end_date": N_("Fin"),
    "substitute_for_id": N_("Suppléant de"),
    "meeting_id": N_("Séance"),
    "mandate_id": N_("Mandat"),
    "status": N_("Statut"),
    "proxy_to_mandate_id": N_("Pouvoir donné à"),
    "replaced_by_mandate_id": N_("Remplacé par"),
    "arrival": N_("Arrivée"),
    "departure": N_("Départ"),
    "title": N_("Intitulé"),
    "description": N_("Description"),
    "owner_person_id": N_("Porteur"),
    "owner_organisation_id": N_("Structure porteuse"),
    "due_date": N_("Échéance"),
    "priority": N_("Priorité"),
    "progress": N_("Avancement (%)"),
    "theme_id": N_("Thème"),
    "item_id": N_("Point de l'ordre du jour"),
    "decision_id": N_("Décision"),
    "created_on": N_("Créée le"),
    "closed_on": N_("Close le"),
    "action_id": N_("Action"),
    "on_date": N_("Date"),
    "recorded_at": N_("Enregistré le"),
    "comment": N_("Commentaire"),
    "author_person_id": N_("Auteur"),
    "os_user": N_("Utilisateur du poste"),
    "no_change": N_("Pas de changement"),
    "summary": N_("Texte"),
    "text": N_("Texte"),
    "secretary": N_("Secrétaire de séance"),
    "closing_time": N_("Séance levée à"),
    "presenter_person_id": N_("Présenté par"),
    "presenter_text": N_("Présenté par"),
    "approved_on": N_("Approuvé le"),
    "submitted_on": N_("Soumis le"),
    "approved_sha256": N_("Empreinte SHA-256"),
    "approved_text": N_("Texte approuvé"),
    "starts_at": N_("Début"),
    "ends_at": N_("Fin prévue"),
    "place": N_("Lieu"),
    "search_text": N_("Texte indexé"),
}


def field_label(name: str) -> str:
    """The word a reader sees for a recorded field; an unknown one is said plainly too."""
    if name in FIELD_LABELS:
        return _(FIELD_LABELS[name])
    return name.replace("_", " ").capitalize()


_CODED_FIELDS = frozenset({"role", "priority", "status", "kind"})


def _code_labels(entity: str, field: str) -> dict[str, str] | None:
    """The vocabulary a recorded code belongs to (a status of minutes is not one of actions)."""
    if field not in _CODED_FIELDS:
        return None  # most fields: before the imports, which cost a microsecond each per value
    from ess_desk.actions import rules as actions
    from ess_desk.meetings.attendance import STATUSES as ATTENDANCE
    from ess_desk.meetings.vocabulary import ITEM_KINDS, MEETING_KINDS, MEETING_STATUSES
    from ess_desk.membership.vocabulary import ORGANISATION_KINDS, ROLES
    from ess_desk.minutes.vocabulary import DECISION_KINDS, DECISION_STATUSES, MINUTES_STATUSES

    if field == "role":
        return ROLES
    if field == "priority":
        return actions.PRIORITIES
    if field == "status":
        return {
            "action": actions.STATUSES,
            "action_update": actions.STATUSES,
            "attendance": ATTENDANCE,
            "meeting": MEETING_STATUSES,
            "minutes": MINUTES_STATUSES,
            "decision": DECISION_STATUSES,
        }.get(entity)
    if field == "kind":
        return {
            "organisation": ORGANISATION_KINDS,
            "meeting": MEETING_KINDS,
            "agenda_item": ITEM_KINDS,
            "decision": DECISION_KINDS,
        }.get(entity)
    return None


def value_label(entity: str, field: str, value: object) -> object:
    """A recorded code as a reader sees it (« approved » → « Approuvé »); other values as
    they are."""
    if isinstance(value, str):
        table = _code_labels(entity, field)  # one of the tables checked by test_i18n
        if table and value in table:
            from ess_desk.membership.vocabulary import label

            return label(table, value)
    return value
