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
