"""The words of minutes and decisions: minutes states, decision kinds and follow-up statuses."""

from __future__ import annotations

MINUTES_STATUSES: dict[str, str] = {
    "draft": "Brouillon",
    "submitted": "Soumis",
    "approved": "Approuvé",
}

# brouillon → soumis (sent to the members) → approuvé; a submitted draft may go back for changes.
MINUTES_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted"}),
    "submitted": frozenset({"draft", "approved"}),
    "approved": frozenset(),
}

DECISION_KINDS: dict[str, str] = {
    "opinion": "Avis",
    "recommendation": "Recommandation",
    "decision": "Décision",
}

DECISION_STATUSES: dict[str, str] = {
    "adopted": "Adoptée",
    "in_progress": "En cours de mise en œuvre",
    "implemented": "Mise en œuvre",
    "withdrawn": "Retirée",
}

FORMS: dict[str, str] = {
    "pv": "Procès-verbal",
    "releve": "Relevé de décisions",
}
