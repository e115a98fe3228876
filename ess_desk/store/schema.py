"""The schema, as ordered sqlite-utils migrations; each runs atomically and is recorded in the file."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "ess_desk"
# Written into the file header (PRAGMA application_id) so that we recognise our own files.
APPLICATION_ID = 0x45535344  # "ESSD"

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_membership")
def m0001_membership(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _run_script(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            os_user TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
        CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'autre',
            siret TEXT,
            address TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX organisations_name ON organisations(name COLLATE NOCASE);
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            civility TEXT NOT NULL DEFAULT '',
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            organisation_id INTEGER REFERENCES organisations(id),
            position TEXT NOT NULL DEFAULT '',
            consent_publish INTEGER NOT NULL DEFAULT 0,
            consent_contact INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX people_name ON people(last_name, first_name);
        CREATE INDEX people_organisation ON people(organisation_id);
        CREATE TABLE bodies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            parent_id INTEGER REFERENCES bodies(id),
            quorum_numerator INTEGER NOT NULL DEFAULT 1,
            quorum_denominator INTEGER NOT NULL DEFAULT 2,
            quorum_counts_represented INTEGER NOT NULL DEFAULT 1,
            proxies_per_holder INTEGER NOT NULL DEFAULT 1,
            notice_clear_days INTEGER NOT NULL DEFAULT 5,
            mandate_years INTEGER NOT NULL DEFAULT 3,
            holiday_calendar TEXT NOT NULL DEFAULT 'FR',
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX bodies_name ON bodies(name COLLATE NOCASE);
        CREATE TABLE colleges (
            id INTEGER PRIMARY KEY,
            body_id INTEGER NOT NULL REFERENCES bodies(id),
            name TEXT NOT NULL,
            seats INTEGER,
            voting INTEGER NOT NULL DEFAULT 1
        );
        CREATE UNIQUE INDEX colleges_body_name ON colleges(body_id, name COLLATE NOCASE);
        CREATE TABLE mandates (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id),
            body_id INTEGER NOT NULL REFERENCES bodies(id),
            college_id INTEGER REFERENCES colleges(id),
            role TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            substitute_for_id INTEGER REFERENCES mandates(id),
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX mandates_person ON mandates(person_id);
        CREATE INDEX mandates_body ON mandates(body_id, start_date);
        CREATE INDEX mandates_college ON mandates(college_id);
        CREATE INDEX mandates_substitute_for ON mandates(substitute_for_id);
        """,
    )


def _run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT first and break the migration's transaction: run each statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations(name="0002_meetings")
def m0002_meetings(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            body_id INTEGER NOT NULL REFERENCES bodies(id),
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            ends_at TEXT,
            place TEXT NOT NULL DEFAULT '',
            video_link TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            replaced_by_id INTEGER REFERENCES meetings(id),
            notice_sent_on TEXT,
            notice_warning TEXT NOT NULL DEFAULT '',
            opening_time TEXT,
            opening_quorum TEXT
        );
        CREATE INDEX meetings_body_start ON meetings(body_id, starts_at);
        CREATE INDEX meetings_start ON meetings(starts_at);
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'information',
            presenter_person_id INTEGER REFERENCES people(id),
            presenter_text TEXT NOT NULL DEFAULT '',
            duration_minutes INTEGER NOT NULL DEFAULT 15,
            description TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
        CREATE TABLE annexes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL
        );
        CREATE INDEX annexes_meeting ON annexes(meeting_id);
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            mandate_id INTEGER NOT NULL REFERENCES mandates(id),
            status TEXT NOT NULL DEFAULT 'absent',
            proxy_to_mandate_id INTEGER REFERENCES mandates(id),
            replaced_by_mandate_id INTEGER REFERENCES mandates(id),
            arrival TEXT,
            departure TEXT
        );
        CREATE UNIQUE INDEX attendance_meeting_mandate ON attendance(meeting_id, mandate_id);
        CREATE TABLE guests (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX guests_meeting ON guests(meeting_id);
        CREATE TABLE votes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            taken_at TEXT,
            votes_for INTEGER NOT NULL DEFAULT 0,
            votes_against INTEGER NOT NULL DEFAULT 0,
            abstentions INTEGER NOT NULL DEFAULT 0,
            not_voting INTEGER NOT NULL DEFAULT 0,
            by_college TEXT,
            casting_vote TEXT,
            outcome TEXT NOT NULL,
            quorum_reached INTEGER NOT NULL,
            quorum TEXT NOT NULL
        );
        CREATE UNIQUE INDEX votes_item ON votes(item_id);
        ALTER TABLE bodies ADD COLUMN majority_rule TEXT NOT NULL DEFAULT 'simple';
        ALTER TABLE bodies ADD COLUMN chair_casting_vote INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE closed_days (
            day TEXT PRIMARY KEY,
            reason TEXT NOT NULL DEFAULT ''
        );
        """,
    )
