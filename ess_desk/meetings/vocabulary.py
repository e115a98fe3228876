"""The words of meetings: kinds, statuses and their moves, agenda item kinds, vote outcomes."""

from __future__ import annotations

MEETING_KINDS: dict[str, str] = {
    "plenary": "Séance plénière",
    "bureau": "Bureau",
    "commission": "Commission",
    "workshop": "Atelier",
    "public_consultation": "Consultation publique",
}

MEETING_STATUSES: dict[str, str] = {
    "planned": "Prévue",
    "convened": "Convoquée",
    "held": "Tenue",
    "closed": "Close",
    "cancelled": "Annulée",
    "postponed": "Reportée",
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
    "information": "Information",
    "debate": "Débat",
    "vote": "Avis / vote",
    "minutes_approval": "Approbation du procès-verbal",
    "other_business": "Questions diverses",
}

OUTCOMES: dict[str, str] = {"adopted": "Adopté", "rejected": "Rejeté"}

# The kind of meeting a body holds by default.
BODY_MEETING_KIND = {
    "plenary": "plenary",
    "bureau": "bureau",
    "commission": "commission",
    "working_group": "workshop",
}
