"""Membership: organisations, people, bodies and colleges, mandates, and who sits where."""
