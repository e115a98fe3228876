"""The words of meetings: kinds, statuses and their moves, agenda item kinds, vote outcomes."""

from __future__ import annotations

from ess_desk.i18n import N_

MEETING_KINDS: dict[str, str] = {
    "plenary": N_("Séance plénière"),
    "bureau": N_("Bureau"),
    "commission": N_("Commission"),
    "workshop": N_("Atelier"),
    "public_consultation": N_("Consultation publique"),
}

MEETING_STATUSES: dict[str, str] = {
    "planned": N_("Prévue"),
    "convened": N_("Convoquée"),
    "held": N_("Tenue"),
    "closed": N_("Close"),
    "cancelled": N_("Annulée"),
    "postponed": N_("Reportée"),
}

# planned → convened → held → closed, or cancelled, or postponed.
TRANSITIONS: dict[str, frozenset[str]] = {
    "planned": frozenset({"convened", "held", "cancelled", "postponed"}),
    "convened": frozenset({"held", "cancelled", "postponed"}),
    "held": frozenset({"closed"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
    "postponed": frozenset(),
}

ITEM_KINDS: dict[str, str] = {
    "information": N_("Information"),
    "debate": N_("Débat"),
    "vote": N_("Avis / vote"),
    "minutes_approval": N_("Approbation du procès-verbal"),
    "other_business": N_("Questions diverses"),
}

OUTCOMES: dict[str, str] = {"adopted": N_("Adopté"), "rejected": N_("Rejeté")}

# The kind of meeting a body holds by default.
BODY_MEETING_KIND = {
    "plenary": "plenary",
    "bureau": "bureau",
    "commission": "commission",
    "working_group": "workshop",
}
