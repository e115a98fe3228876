"""The dashboard: what needs doing this week (overview) and who takes part (participation)."""
