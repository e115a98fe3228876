"""The schema, as ordered sqlite-utils migrations; each runs atomically and is recorded in the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlite_utils.migrations import Migrations

from ess_desk.store.search_schema import (
    PRIVACY_EXTERNAL,
    SEARCH_EXTERNAL,
    SEARCH_TOKENIZER,
    external_index,
    fill_statements,
    people_words_statements,
    people_words_triggers,
    search_statements,
)
from ess_desk.store.versions import APPLICATION_ID, MIGRATION_SET

if TYPE_CHECKING:
    from sqlite_utils import Database

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


@migrations(name="0003_minutes")
def m0003_minutes(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE minutes (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            status TEXT NOT NULL DEFAULT 'draft',
            secretary TEXT NOT NULL DEFAULT '',
            closing_time TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            submitted_on TEXT,
            approval_item_id INTEGER REFERENCES agenda_items(id),
            approved_by_meeting_id INTEGER REFERENCES meetings(id),
            approved_on TEXT,
            approved_text TEXT,
            approved_sha256 TEXT
        );
        CREATE UNIQUE INDEX minutes_meeting ON minutes(meeting_id);
        CREATE INDEX minutes_approval_item ON minutes(approval_item_id);
        CREATE INDEX minutes_status ON minutes(status);
        CREATE TABLE minutes_sections (
            id INTEGER PRIMARY KEY,
            minutes_id INTEGER NOT NULL REFERENCES minutes(id),
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            summary TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX minutes_sections_item ON minutes_sections(minutes_id, item_id);
        CREATE INDEX minutes_sections_agenda_item ON minutes_sections(item_id);
        CREATE TABLE minutes_errata (
            id INTEGER PRIMARY KEY,
            minutes_id INTEGER NOT NULL REFERENCES minutes(id),
            recorded_on TEXT NOT NULL,
            reason TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX minutes_errata_minutes ON minutes_errata(minutes_id);
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            item_id INTEGER NOT NULL REFERENCES agenda_items(id),
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'adopted'
        );
        CREATE UNIQUE INDEX decisions_number ON decisions(year, number);
        CREATE INDEX decisions_meeting ON decisions(meeting_id);
        CREATE INDEX decisions_item ON decisions(item_id)
        """,
    )
    # Trigger bodies hold semicolons: one execute per trigger, not _run_script.
    for statement in _frozen_triggers():
        db.execute(statement)


# The ten recommendations commonly made to local authorities for their ESS policy.
DEFAULT_ACTION_THEMES = (
    "Formation et sensibilisation des élus et des services",
    "Interconnaissance des acteurs",
    "Commande publique responsable",
    "Structuration de filières",
    "Réseaux d'acteurs et cartographie",
    "Co-construction avec les acteurs et les citoyens",
    "Gouvernance entre niveaux territoriaux",
    "Soutien aux PTCE et aux coopérations",
    "Financements européens",
    "Passerelles avec l'économie conventionnelle",
)


@migrations(name="0004_actions")
def m0004_actions(db: Database) -> None:
    # decision_id has no foreign key yet: the decisions table arrives in its own migration.
    # search_text is title and description folded (lower case, no accents) for the free-text
    # filter, kept by the actions service.
    _run_script(
        db,
        """
        CREATE TABLE action_themes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX action_themes_name ON action_themes(name COLLATE NOCASE);
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            body_id INTEGER NOT NULL REFERENCES bodies(id),
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            owner_person_id INTEGER REFERENCES people(id),
            owner_organisation_id INTEGER REFERENCES organisations(id),
            due_date TEXT,
            priority TEXT NOT NULL DEFAULT 'normal',
            status TEXT NOT NULL DEFAULT 'todo',
            progress INTEGER NOT NULL DEFAULT 0,
            theme_id INTEGER REFERENCES action_themes(id),
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
            decision_id INTEGER,
            created_on TEXT NOT NULL,
            closed_on TEXT,
            search_text TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX actions_body_status_due ON actions(body_id, status, due_date);
        CREATE INDEX actions_status_due ON actions(status, due_date);
        CREATE INDEX actions_owner_person ON actions(owner_person_id);
        CREATE INDEX actions_owner_organisation ON actions(owner_organisation_id);
        CREATE INDEX actions_theme ON actions(theme_id);
        CREATE INDEX actions_meeting ON actions(meeting_id);
        CREATE INDEX actions_item ON actions(item_id);
        CREATE INDEX actions_decision ON actions(decision_id);
        CREATE TABLE action_updates (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            status TEXT NOT NULL,
            progress INTEGER NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            author_person_id INTEGER REFERENCES people(id),
            os_user TEXT NOT NULL DEFAULT '',
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            no_change INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX action_updates_latest ON action_updates(action_id, on_date, id);
        CREATE INDEX action_updates_meeting ON action_updates(meeting_id);
        CREATE INDEX action_updates_author ON action_updates(author_person_id)
        """,
    )
    db.conn.executemany(
        "INSERT INTO action_themes (name, position) VALUES (?, ?)",
        [(name, n) for n, name in enumerate(DEFAULT_ACTION_THEMES, start=1)],
    )


# Messages of the triggers that keep approved minutes frozen (the services translate them).
FROZEN_MINUTES_MESSAGE = (
    "Le procès-verbal de cette séance est approuvé : il ne peut plus être modifié "
    "(ajoutez un erratum)."
)
FROZEN_ERRATUM_MESSAGE = "Un erratum enregistré ne peut être ni modifié ni supprimé."


def _frozen_triggers(tables: tuple[str, ...] | None = None) -> list[str]:
    """Triggers that refuse any change to approved minutes and to what they record, so that a
    direct SQL statement is refused as surely as a service function. `tables`: only the triggers
    of these tables of the meeting's record (a later migration's new tables)."""
    minutes_msg = FROZEN_MINUTES_MESSAGE.replace("'", "''")
    erratum_msg = FROZEN_ERRATUM_MESSAGE.replace("'", "''")
    abort = f"BEGIN SELECT RAISE(ABORT, '{minutes_msg}'); END"

    def approved_meeting(ref: str) -> str:
        return f"(SELECT status FROM minutes WHERE meeting_id = {ref}) = 'approved'"

    def approved_minutes(ref: str) -> str:
        return f"(SELECT status FROM minutes WHERE id = {ref}) = 'approved'"

    statements = (
        []
        if tables is not None
        else [
            f"CREATE TRIGGER minutes_frozen_update BEFORE UPDATE ON minutes "
            f"WHEN OLD.status = 'approved' {abort}",
            f"CREATE TRIGGER minutes_frozen_delete BEFORE DELETE ON minutes "
            f"WHEN OLD.status = 'approved' {abort}",
            f"CREATE TRIGGER minutes_sections_frozen_insert BEFORE INSERT ON minutes_sections "
            f"WHEN {approved_minutes('NEW.minutes_id')} {abort}",
            f"CREATE TRIGGER minutes_sections_frozen_update BEFORE UPDATE ON minutes_sections "
            f"WHEN {approved_minutes('OLD.minutes_id')} OR {approved_minutes('NEW.minutes_id')} "
            f"{abort}",
            f"CREATE TRIGGER minutes_sections_frozen_delete BEFORE DELETE ON minutes_sections "
            f"WHEN {approved_minutes('OLD.minutes_id')} {abort}",
            f"CREATE TRIGGER minutes_errata_frozen_update BEFORE UPDATE ON minutes_errata "
            f"BEGIN SELECT RAISE(ABORT, '{erratum_msg}'); END",
            f"CREATE TRIGGER minutes_errata_frozen_delete BEFORE DELETE ON minutes_errata "
            f"BEGIN SELECT RAISE(ABORT, '{erratum_msg}'); END",
            f"CREATE TRIGGER decisions_frozen_insert BEFORE INSERT ON decisions "
            f"WHEN {approved_meeting('NEW.meeting_id')} {abort}",
            # The follow-up status of a decision may still move; its words and number may not.
            f"CREATE TRIGGER decisions_frozen_update BEFORE UPDATE OF year, number, meeting_id, "
            f"item_id, kind, text ON decisions WHEN {approved_meeting('OLD.meeting_id')} "
            f"OR {approved_meeting('NEW.meeting_id')} {abort}",
            f"CREATE TRIGGER decisions_frozen_delete BEFORE DELETE ON decisions "
            f"WHEN {approved_meeting('OLD.meeting_id')} {abort}",
            f"CREATE TRIGGER meetings_frozen_update BEFORE UPDATE OF body_id, title, starts_at, "
            f"place ON meetings WHEN {approved_meeting('OLD.id')} {abort}",
        ]
    )
    # What the approved minutes record of the meeting: its agenda, votes, attendance, guests.
    for table in tables or ("agenda_items", "votes", "attendance", "guests"):
        statements += [
            f"CREATE TRIGGER {table}_frozen_insert BEFORE INSERT ON {table} "
            f"WHEN {approved_meeting('NEW.meeting_id')} {abort}",
            f"CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table} "
            f"WHEN {approved_meeting('OLD.meeting_id')} OR {approved_meeting('NEW.meeting_id')} "
            f"{abort}",
            f"CREATE TRIGGER {table}_frozen_delete BEFORE DELETE ON {table} "
            f"WHEN {approved_meeting('OLD.meeting_id')} {abort}",
        ]
    return statements


@migrations(name="0005_actions_listing")
def m0005_actions_listing(db: Database) -> None:
    # The Actions page lists 30,000 actions by due date with their status, theme and owner: an
    # index that holds all of it in that order lets SQLite read it without sorting or table
    # lookups (its expression must stay the one `ess_desk.actions.queries` orders by).
    db.execute(
        "CREATE INDEX actions_listing ON actions(due_date IS NULL, due_date, id, status, "
        "theme_id, body_id, owner_person_id, owner_organisation_id)"
    )


# --------------------------------------------------------------------------- 0006: search index
# One FTS5 table per kind of record, kept by triggers in the same transaction as every write
# (services, the bulk demo, a plain SQL statement alike). The triggers only ever write their FTS
# table, so the frozen-minutes triggers above keep the last word. The tables and their statements
# are in ess_desk.store.search_schema.


@migrations(name="0006_search")
def m0006_search(db: Database) -> None:
    # Trigger bodies hold semicolons: one execute per statement.
    for statement in search_statements() + fill_statements(SEARCH_EXTERNAL):
        db.execute(statement)


@migrations(name="0007_audit_chain")
def m0007_audit_chain(db: Database) -> None:
    """The audit log becomes a hash chain (ess_desk.store.chain): the entries already there are
    chained as they stand."""
    from ess_desk.store import chain

    db.execute("ALTER TABLE audit_log ADD COLUMN content_digest TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0")
    chain.rechain(db.conn)


# --------------------------------------------------------------------------- 0008: meeting law
@migrations(name="0008_meeting_law")
def m0008_meeting_law(db: Database) -> None:
    # Bodies: the quorum formula and who counts, remote participation, the reconvening rule after
    # a failed quorum, the days within which approved minutes are signed and published, and the
    # ready-made rule set the body started from. Existing bodies keep what they meant: « au moins
    # la fraction », represented members counted, no remote participation.
    # Meetings and items: the reconvened meeting names the one whose quorum failed, its items the
    # items they take up. Votes: open count, roll call (one ballot per member) or secret ballot
    # (blank and spoilt papers), with the chair's own vote that a tie may make decisive.
    # Withdrawals (déport): a member out of one item. Minutes: signed and published days.
    _run_script(
        db,
        """
        ALTER TABLE bodies ADD COLUMN quorum_formula TEXT NOT NULL DEFAULT 'at_least';
        ALTER TABLE bodies ADD COLUMN quorum_counts_remote INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE bodies ADD COLUMN remote_allowed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE bodies ADD COLUMN reconvene_notice_days INTEGER NOT NULL DEFAULT 3;
        ALTER TABLE bodies ADD COLUMN reconvene_without_quorum INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE bodies ADD COLUMN minutes_publish_days INTEGER NOT NULL DEFAULT 7;
        ALTER TABLE bodies ADD COLUMN rule_set TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetings ADD COLUMN reconvenes_meeting_id INTEGER REFERENCES meetings(id);
        CREATE INDEX meetings_reconvenes ON meetings(reconvenes_meeting_id);
        ALTER TABLE agenda_items ADD COLUMN taken_up_item_id INTEGER
            REFERENCES agenda_items(id) ON DELETE SET NULL;
        ALTER TABLE votes ADD COLUMN kind TEXT NOT NULL DEFAULT 'open';
        ALTER TABLE votes ADD COLUMN blank INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE votes ADD COLUMN spoilt INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE votes ADD COLUMN chair_vote TEXT;
        CREATE TABLE vote_ballots (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
            mandate_id INTEGER NOT NULL REFERENCES mandates(id),
            cast_by_mandate_id INTEGER NOT NULL REFERENCES mandates(id),
            choice TEXT NOT NULL
        );
        CREATE UNIQUE INDEX vote_ballots_member ON vote_ballots(vote_id, mandate_id);
        CREATE INDEX vote_ballots_meeting ON vote_ballots(meeting_id);
        CREATE TABLE withdrawals (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            mandate_id INTEGER NOT NULL REFERENCES mandates(id),
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX withdrawals_item_mandate ON withdrawals(item_id, mandate_id);
        CREATE INDEX withdrawals_meeting ON withdrawals(meeting_id);
        ALTER TABLE minutes ADD COLUMN signed_on TEXT;
        ALTER TABLE minutes ADD COLUMN published_on TEXT
        """,
    )
    # Ballots and withdrawals are part of what approved minutes record: frozen like attendance.
    for statement in _frozen_triggers(("vote_ballots", "withdrawals")):
        db.execute(statement)
    # Approved minutes stay frozen, except the days they are signed and published (recorded after
    # the approval, by definition).
    message = FROZEN_MINUTES_MESSAGE.replace("'", "''")
    db.execute("DROP TRIGGER minutes_frozen_update")
    db.execute(
        "CREATE TRIGGER minutes_frozen_update BEFORE UPDATE OF id, meeting_id, status, secretary, "
        "closing_time, created_at, updated_at, submitted_on, approval_item_id, "
        "approved_by_meeting_id, approved_on, approved_text, approved_sha256 ON minutes "
        f"WHEN OLD.status = 'approved' BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


# --------------------------------------------------------------------------- 0009: mail
# The outbox keeps every message sent or to send, with its proof (accepted at, Message-ID, the
# server's reply); `idempotency_key` (one per purpose, meeting and recipient) is what makes a
# second sending of the same convocation a no-op. Its parts (letters, invitations) are kept once by
# digest in `mail_parts`; annexes stay in `annexes` and are referenced by digest. Letters to post
# are recorded in `posted_letters` (with the address they carry and the day they were posted).
# These tables hold copies of texts searched elsewhere (subjects, names): no search index.
@migrations(name="0009_mail")
def m0009_mail(db: Database) -> None:
    import uuid

    _run_script(
        db,
        """
        ALTER TABLE meetings ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE annexes ADD COLUMN for_members INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE people ADD COLUMN address TEXT NOT NULL DEFAULT '';
        ALTER TABLE people ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
        ALTER TABLE people ADD COLUMN city TEXT NOT NULL DEFAULT '';
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            idempotency_key TEXT NOT NULL,
            purpose TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            to_name TEXT NOT NULL,
            to_addr TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            attachments TEXT NOT NULL DEFAULT '[]',
            size INTEGER NOT NULL DEFAULT 0,
            message_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'waiting',
            attempts INTEGER NOT NULL DEFAULT 0,
            queued_at TEXT NOT NULL,
            last_attempt_at TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            sent_at TEXT,
            server_reply TEXT NOT NULL DEFAULT '',
            resend_of INTEGER REFERENCES outbox(id),
            bounce TEXT NOT NULL DEFAULT '',
            bounce_on TEXT
        );
        CREATE UNIQUE INDEX outbox_key ON outbox(idempotency_key);
        CREATE UNIQUE INDEX outbox_message_id ON outbox(message_id);
        CREATE INDEX outbox_meeting ON outbox(meeting_id, purpose);
        CREATE INDEX outbox_status ON outbox(status);
        CREATE INDEX outbox_person ON outbox(person_id);
        CREATE TABLE mail_parts (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            content BLOB NOT NULL
        );
        CREATE TABLE posted_letters (
            id INTEGER PRIMARY KEY,
            purpose TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
            person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            sequence INTEGER NOT NULL DEFAULT 0,
            documents TEXT NOT NULL DEFAULT '[]',
            prepared_at TEXT NOT NULL,
            posted_on TEXT
        );
        CREATE UNIQUE INDEX posted_letters_key
            ON posted_letters(purpose, meeting_id, person_id, sequence);
        CREATE INDEX posted_letters_person ON posted_letters(person_id)
        """,
    )
    # The council's own identifier: calendar invitations carry it in their UID, so that an
    # invitation stays the same event whichever computer sends it.
    db.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('council_uid', ?)", [str(uuid.uuid4())]
    )


@migrations(name="0010_documents")
def m0010_documents(db: Database) -> None:
    # Whether an annex may go into the public pack: not until the secretariat says so (an annex
    # attached before this version was printed in every pack; the public one now lists it by
    # title only until it is marked public).
    db.execute("ALTER TABLE annexes ADD COLUMN public INTEGER NOT NULL DEFAULT 0")


# --------------------------------------------------------------------------- 0011: publication
@migrations(name="0011_publication")
def m0011_publication(db: Database) -> None:
    # Who actually presided (and who took the chair when, if it changed during the meeting):
    # one row per turn, `from_time` NULL for the opening. Bodies: the ACTES subject code their
    # decisions carry by default and the days within which the list of decisions is posted
    # (CGCT L. 2121-25: a week); a decision may carry its own code. The signed files of the
    # minutes and of their errata (PAdES), kept whole in the file with their SHA-256 beside the
    # approved text's; what was published when (list of decisions, minutes).
    _run_script(
        db,
        """
        CREATE TABLE meeting_chairs (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            from_time TEXT,
            reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meeting_chairs_meeting ON meeting_chairs(meeting_id, from_time);
        CREATE INDEX meeting_chairs_person ON meeting_chairs(person_id);
        ALTER TABLE bodies ADD COLUMN actes_code TEXT NOT NULL DEFAULT '5.2';
        ALTER TABLE bodies ADD COLUMN decisions_list_days INTEGER NOT NULL DEFAULT 7;
        ALTER TABLE decisions ADD COLUMN actes_code TEXT;
        CREATE TABLE signed_documents (
            id INTEGER PRIMARY KEY,
            minutes_id INTEGER NOT NULL REFERENCES minutes(id),
            erratum_id INTEGER REFERENCES minutes_errata(id),
            approved_sha256 TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            signatures TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX signed_documents_minutes
            ON signed_documents(minutes_id, COALESCE(erratum_id, 0));
        CREATE INDEX signed_documents_erratum ON signed_documents(erratum_id);
        CREATE TABLE publications (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            what TEXT NOT NULL,
            published_on TEXT NOT NULL,
            sha256 TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX publications_meeting ON publications(meeting_id, what)
        """,
    )
    # Who presided is part of what approved minutes record: frozen like the attendance.
    message = FROZEN_MINUTES_MESSAGE.replace("'", "''")
    approved = "(SELECT status FROM minutes WHERE meeting_id = {ref}) = 'approved'"
    abort = f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    for event, ref in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        db.execute(
            f"CREATE TRIGGER meeting_chairs_frozen_{event.lower()} BEFORE {event} ON "
            f"meeting_chairs WHEN {approved.format(ref=ref + '.meeting_id')} {abort}"
        )
    # A signed file is never rewritten: a second signature is a new version of the same file
    # (an incremental update of the PDF), so only content, digest and signatures may move, and
    # never back to fewer signatures.
    db.execute(
        "CREATE TRIGGER signed_documents_fixed BEFORE UPDATE OF minutes_id, erratum_id, "
        "approved_sha256, created_at ON signed_documents "
        "BEGIN SELECT RAISE(ABORT, 'Un fichier signé ne change pas de document.'); END"
    )
    db.execute(
        "CREATE TRIGGER signed_documents_kept BEFORE DELETE ON signed_documents "
        "BEGIN SELECT RAISE(ABORT, 'Un fichier signé ne peut pas être supprimé.'); END"
    )


# --------------------------------------------------------------------------- 0012: personal data
# A person's file and their anonymisation walk what refers to them through indexes: their
# mandates' attendance, proxies and replacements, the items they present, and two FTS5 indexes
# (external content, no second copy of the text) over the texts that may name them and that the
# search index does not hold: the audit log's copies and the approved minutes' snapshots (tens of
# megabytes in a large council, which were read whole for every person).
@migrations(name="0012_personal_data_index")
def m0012_personal_data_index(db: Database) -> None:
    for statement in (
        "CREATE INDEX attendance_mandate ON attendance(mandate_id)",
        "CREATE INDEX attendance_proxy_to ON attendance(proxy_to_mandate_id)",
        "CREATE INDEX attendance_replaced_by ON attendance(replaced_by_mandate_id)",
        "CREATE INDEX agenda_items_presenter ON agenda_items(presenter_person_id)",
    ):
        db.execute(statement)
    for fts, source, cols in PRIVACY_EXTERNAL:
        for statement in external_index(fts, source, cols):
            db.execute(statement)
        db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


# --------------------------------------------------------------------------- 0013: folded keys
# The Membres table sorts and filters 20,000 people in SQL by their folded names, and the Actions
# page and the dashboard read the actions' counts from small summaries instead of counting
# 300,000 rows: see ess_desk/store/derived.py (keys refreshed by their writers, counts kept by
# triggers).
@migrations(name="0013_folded_keys")
def m0013_folded_keys(db: Database) -> None:
    from ess_desk.store import derived

    for statement in derived.statements():
        db.execute(statement)
    derived.rebuild(db)


# --------------------------------------------------------------------------- 0014: dashboard
# The dashboard reads what is due in a few index ranges whatever the years of records behind
# it: minutes approved in the last six months (the publications due), mandates ending within
# ninety days, the seats filled in each college (read from the index alone), and the meetings
# held (whose minutes may still be waiting) without reading every meeting.
@migrations(name="0014_dashboard_indexes")
def m0014_dashboard_indexes(db: Database) -> None:
    for statement in (
        "CREATE INDEX minutes_approved ON minutes(approved_on)",
        "CREATE INDEX mandates_end ON mandates(end_date)",
        # Takes over mandates_college (its first column) and answers the count of seats alone.
        "CREATE INDEX mandates_college_seats ON mandates(college_id, role, start_date, end_date)",
        "DROP INDEX mandates_college",
        "CREATE INDEX meetings_held ON meetings(starts_at) WHERE status IN ('held', 'closed')",
    ):
        db.execute(statement)


# --------------------------------------------------------------------------- 0015: kept pending
# The dashboard's minutes waiting and publications due, kept by triggers for each meeting a
# write touches (ess_desk/store/pending.py): it reads a few rows from their indexes instead of
# looking at every meeting held (6,000 in ten years of a large council); and the actions counted
# by status alone (ess_desk/store/derived.py), its overdue total's start; the seats filled
# today read from the mandates not ended.
@migrations(name="0015_dashboard_pending")
def m0015_dashboard_pending(db: Database) -> None:
    from ess_desk.store import derived, pending

    for statement in pending.statements() + derived.status_statements():
        db.execute(statement)
    derived.rebuild(db)
    # The seats filled today in each college (the dashboard's vacancies): the seat mandates not
    # ended yet, in one range, rather than the college's whole history (ess_desk.dashboard.overview
    # writes the same terms: `m.role IN (…)` and SEAT_END).
    db.execute(
        "CREATE INDEX mandates_seats_current ON mandates(college_id, "
        "COALESCE(end_date, '9999-12-31'), start_date) "
        "WHERE role IN ('co_president', 'member', 'president', 'vice_president')"
    )
    # The mandates ending soon that no later one of the same person in the same body takes
    # over: that later one is looked for among the person's mandates in that body, not among
    # every mandate of the body started since.
    db.execute("CREATE INDEX mandates_person_body ON mandates(person_id, body_id, start_date)")


# --------------------------------------------------------------------------- 0016: search prefixes
# The word being typed is a prefix (« co », « ma », the « ES » of « l'ES »): without an index of
# prefixes FTS5 gathers, before it returns a single row, every row of every word it begins
# (hundreds of thousands in a large council, at every key typed). Prefixes of two and three
# letters get their own lists (longer ones begin few words; ess_desk.search.index looks for a
# word of four letters or more whole first); the search tables are made again with them and
# filled from the rows. About 5 % more file.
SEARCH_PREFIXES = "prefix = '2 3'"


@migrations(name="0016_search_prefixes")
def m0016_search_prefixes(db: Database) -> None:
    for statement in search_statements():
        if statement.startswith("CREATE VIRTUAL TABLE"):
            db.execute(f"DROP TABLE {statement.split()[3]}")
            db.execute(f"{statement[:-1]}, {SEARCH_PREFIXES})")
    for statement in fill_statements(SEARCH_EXTERNAL):
        db.execute(statement)


# --------------------------------------------------------------------------- 0017: minutes' people
# A person's file read every approved snapshot that refers to them back (json and the minutes'
# records: 100 ms for the busiest person of the large demo); the people each snapshot names and
# the words it names them in are kept beside it (ess_desk/store/snapshot_people.py), written by
# the approval, forgotten by triggers when the snapshot changes, filled here from the snapshots.
@migrations(name="0017_minutes_people")
def m0017_minutes_people(db: Database) -> None:
    from ess_desk.store import snapshot_people

    for statement in snapshot_people.statements():
        db.execute(statement)
    snapshot_people.rebuild(db)


# --------------------------------------------------------------------------- 0018: audit numbers
# The phone number's LIKE read every copy of the audit log (71 MB in the large demo) for each
# person's file or anonymisation; the keys of the places where a number may end in them are kept
# beside the log (ess_desk/store/audit_numbers.py), written by the log's writers, put aside by
# triggers for whatever changes, filled here from the entries.
@migrations(name="0018_audit_numbers")
def m0018_audit_numbers(db: Database) -> None:
    from ess_desk.store import audit_numbers

    for statement in audit_numbers.statements():
        db.execute(statement)
    audit_numbers.rebuild(db)


# --------------------------------------------------------------------------- 0019: audit words
# The audit log's words index (0012) only ever answers which entries hold some words
# (ess_desk.privacy.matching: a MATCH for rowids, never ranked): the size of each copy in words,
# which FTS5 keeps in a row per entry for bm25() (its `_docsize` table), is never read. Without
# it (`columnsize=0`) FTS5 writes one row less per entry: 12 of the 89 ms that the words of a
# 10,000-member import's 20,800 entries took. Same words, same queries, same answers.
@migrations(name="0019_audit_words_sizes")
def m0019_audit_words_sizes(db: Database) -> None:
    # The log's triggers (0012) write the index by its name: they carry on over the new table.
    db.execute("DROP TABLE privacy_audit")
    db.execute(
        "CREATE VIRTUAL TABLE privacy_audit USING fts5(before, after, content = 'audit_log', "
        f"content_rowid = 'id', tokenize = '{SEARCH_TOKENIZER}', columnsize = 0)"
    )
    db.execute("INSERT INTO privacy_audit(privacy_audit) VALUES ('rebuild')")


# --------------------------------------------------------------------------- 0020: people's words
# The people's search index reads their names and texts from a view of the people (external
# content, ess_desk.store.search_schema.PEOPLE_WORDS) instead of keeping a copy of them: the same
# words, prefixes and ranks; a member import no longer writes 10,000 copies (58 -> 49 ms). The
# people's triggers are made as 0021 makes them again.
@migrations(name="0020_people_words")
def m0020_people_words(db: Database) -> None:
    for event in ("insert", "update", "delete"):
        db.execute(f"DROP TRIGGER search_people_{event}")
    db.execute("DROP TABLE search_people")
    for statement in people_words_statements():
        db.execute(statement)
    db.execute("INSERT INTO search_people(search_people) VALUES ('rebuild')")


# --------------------------------------------------------------------------- 0021: replaced words
# 0020's BEFORE INSERT trigger took a person's words out of their index before any INSERT of
# their id: an INSERT OR IGNORE or an ON CONFLICT DO NOTHING (sqlite-utils' `insert --ignore`)
# that kept the row left it out of the search, and an upsert (sqlite-utils' `upsert`) or a
# replace on a connection with recursive triggers (sqlite-utils' default) took its words out
# twice, through the update or the delete trigger (FTS5: « database disk image is malformed »).
# The words are now put aside before the INSERT and taken out after it only when the row was
# replaced without its delete trigger (ess_desk.store.search_schema.people_words_triggers).
@migrations(name="0021_people_words_replaced")
def m0021_people_words_replaced(db: Database) -> None:
    for event in ("replace", "insert", "update", "delete"):
        db.execute(f"DROP TRIGGER IF EXISTS search_people_{event}")
    db.execute("DROP TABLE IF EXISTS people_words_replaced")
    for statement in people_words_triggers():
        db.execute(statement)


# --------------------------------------------------------------------------- 0022: one index less
# A person's mandates are found by mandates_person_body (0015), whose first column is theirs:
# mandates_person (0001) answered nothing it does not, and every mandate written paid for it
# (2 ms of a 10,000-member import, and a seventh index to sort after one).
@migrations(name="0022_mandates_person_dropped")
def m0022_mandates_person_dropped(db: Database) -> None:
    db.execute("DROP INDEX IF EXISTS mandates_person")


# --------------------------------------------------------------------------- 0023: two indexes
# minutes_people's key begins with the person: the snapshots' triggers, which forget a minutes'
# people each time its status or text changes, read the whole table for it (170,000 rows on the
# huge demo: 6 to 11 ms per approval or return to draft). The votes were read by meeting (a
# meeting's record, its minutes' snapshot) through the whole table, with no index but the item's.
@migrations(name="0023_minutes_people_and_votes_by_meeting")
def m0023_minutes_people_and_votes_by_meeting(db: Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS minutes_people_minutes ON minutes_people(minutes_id)")
    db.execute("CREATE INDEX IF NOT EXISTS votes_meeting ON votes(meeting_id)")


# --------------------------------------------------------------------------- 0024: college seats
# The dashboard's vacant seats counted the members in office of every college of the bodies in
# activity (2,200 mandates in 176 colleges on the huge demo, a third of its data's time): how long
# each college stays full is kept beside the mandates (ess_desk/store/seats.py), and only the
# colleges full until before the day, or with a term starting after it, are counted.
# The other sections that read more rows as the records grow read them from an index alone:
# the upcoming meetings (planned or convened) with what their notice's deadline needs, the
# bodies' longest notice (the late notices are looked for only within it), the mandates ending
# with what their renewal's check needs (the two indexes made again, wider, under their names).
@migrations(name="0024_college_seats")
def m0024_college_seats(db: Database) -> None:
    from ess_desk.store import seats

    for statement in seats.statements():
        db.execute(statement)
    seats.rebuild(db)
    for statement in (
        "CREATE INDEX meetings_upcoming ON meetings(starts_at, body_id, reconvenes_meeting_id, "
        "notice_sent_on) WHERE status IN ('planned', 'convened')",
        "CREATE INDEX bodies_notice_days ON bodies(notice_clear_days)",
        "CREATE INDEX bodies_reconvene_days ON bodies(reconvene_notice_days)",
        "DROP INDEX mandates_end",
        "CREATE INDEX mandates_end ON mandates(end_date, start_date, person_id, body_id)",
        "DROP INDEX mandates_person_body",
        "CREATE INDEX mandates_person_body ON mandates(person_id, body_id, start_date, end_date)",
    ):
        db.execute(statement)


# --------------------------------------------------------------------------- 0025: open actions
# A meeting pack lists its body's open actions created by the meeting's day with their title,
# owner, due date, state and theme (queries.follow_up_rows): ~900 on the huge demo's busiest
# body, each read from its own page of the actions table (1,000 scattered pages, ~1.3 ms of the
# pack's ~90). This index holds all the query reads of them, for the open actions alone (20 MB on
# the huge demo's 160,000 open actions of 300,000, where a full one would take 30): the table's
# pages are no longer read. SQLite takes a partial index only for a query whose WHERE says as
# much: its statuses are written as queries._where writes them (sorted), and a test checks it.
# The due date comes third, as in actions_body_status_due: SQLite takes this smaller index for
# any query of a body's open actions, and the Actions page's "due within N days" and "overdue"
# filters read their range of due dates from it; the creation day is read in the index.
@migrations(name="0025_open_actions_follow_up")
def m0025_open_actions_follow_up(db: Database) -> None:
    db.execute(
        "CREATE INDEX IF NOT EXISTS actions_open_follow_up ON actions(body_id, status, "
        "due_date, created_on, owner_person_id, owner_organisation_id, theme_id, progress, title) "
        "WHERE status IN ('in_progress', 'postponed', 'todo')"
    )
