"""The annual activity report (rapport d'activité) of a body: its figures, its command."""
