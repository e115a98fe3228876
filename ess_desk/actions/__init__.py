"""Action follow-up (suivi des actions): actions, themes, updates, meeting review, queries."""
