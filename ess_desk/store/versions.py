"""What identifies an ESS Desk file, without loading the migrations (nor sqlite-utils): the
application id, the migration set, and the names of the migrations this version knows, in order.
A test checks that MIGRATION_NAMES is exactly the list of migrations in `schema.py`."""

from __future__ import annotations

MIGRATION_SET = "ess_desk"
# Written into the file header (PRAGMA application_id) so that we recognise our own files.
APPLICATION_ID = 0x45535344  # "ESSD"
MIGRATION_NAMES: tuple[str, ...] = (
    "0001_membership",
    "0002_meetings",
    "0003_minutes",
    "0004_actions",
    "0005_actions_listing",
    "0006_search",
    "0007_audit_chain",
    "0008_meeting_law",
    "0009_mail",
    "0010_documents",
    "0011_publication",
    "0012_personal_data_index",
    "0013_folded_keys",
    "0014_dashboard_indexes",
    "0015_dashboard_pending",
    "0016_search_prefixes",
    "0017_minutes_people",
    "0018_audit_numbers",
    "0019_audit_words_sizes",
    "0020_people_words",
    "0021_people_words_replaced",
    "0022_mandates_person_dropped",
    "0023_minutes_people_and_votes_by_meeting",
    "0024_college_seats",
    "0025_open_actions_follow_up",
)
