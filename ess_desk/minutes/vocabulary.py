"""The words of minutes and decisions: minutes states, decision kinds and follow-up statuses."""

from __future__ import annotations

from ess_desk.i18n import N_

MINUTES_STATUSES: dict[str, str] = {
    "draft": N_("Brouillon"),
    "submitted": N_("Soumis"),
    "approved": N_("Approuvé"),
}

# brouillon → soumis (sent to the members) → approuvé; a submitted draft may go back for changes.
MINUTES_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted"}),
    "submitted": frozenset({"draft", "approved"}),
    "approved": frozenset(),
}

DECISION_KINDS: dict[str, str] = {
    "opinion": N_("Avis"),
    "recommendation": N_("Recommandation"),
    "decision": N_("Décision"),
}

DECISION_STATUSES: dict[str, str] = {
    "adopted": N_("Adoptée"),
    "in_progress": N_("En cours de mise en œuvre"),
    "implemented": N_("Mise en œuvre"),
    "withdrawn": N_("Retirée"),
}

FORMS: dict[str, str] = {
    "pv": N_("Procès-verbal"),
    "releve": N_("Relevé de décisions"),
}
