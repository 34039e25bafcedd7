namespace SmartPick.Bot.Storage.Schema;

/// <summary>
/// Schema history. Each entry runs once, in order, inside a transaction; <c>PRAGMA user_version</c> records the
/// last applied one. Never edit a shipped migration: append a new one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> All =
    [
        """
        CREATE TABLE profiles (
            platform    TEXT NOT NULL,
            user_id     TEXT NOT NULL,
            profile     TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (platform, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE conversations (
            platform    TEXT NOT NULL,
            user_id     TEXT NOT NULL,
            intake_step TEXT NULL,
            history     TEXT NOT NULL,
            pending     TEXT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (platform, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE adapter_state (
            key         TEXT NOT NULL PRIMARY KEY,
            value       TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        ALTER TABLE conversations ADD COLUMN proposal TEXT NULL;
        """,
        """
        ALTER TABLE conversations ADD COLUMN recent_messages TEXT NULL;
        ALTER TABLE conversations ADD COLUMN last_replies TEXT NULL;
        """,
        """
        ALTER TABLE profiles ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        """,
        """
        ALTER TABLE conversations ADD COLUMN offers TEXT NULL;
        """,
        """
        CREATE TABLE list_entries (
            platform    TEXT NOT NULL,
            user_id     TEXT NOT NULL,
            program_id  TEXT NOT NULL,
            track       TEXT NOT NULL,
            added_at    TEXT NOT NULL,
            PRIMARY KEY (platform, user_id, program_id, track)
        ) WITHOUT ROWID;
        CREATE TABLE reminder_subscriptions (
            platform    TEXT NOT NULL,
            user_id     TEXT NOT NULL,
            enabled     INTEGER NOT NULL,
            time_zone   TEXT NOT NULL,
            since       TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (platform, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE notification_ledger (
            platform      TEXT NOT NULL,
            user_id       TEXT NOT NULL,
            notice        TEXT NOT NULL,
            status        TEXT NOT NULL,
            claimed_until TEXT NOT NULL,
            attempts      INTEGER NOT NULL,
            updated_at    TEXT NOT NULL,
            PRIMARY KEY (platform, user_id, notice)
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE correction_reports (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            user_hash   TEXT NOT NULL,
            program_id  TEXT NULL,
            program     TEXT NOT NULL,
            text        TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX correction_reports_user ON correction_reports (user_hash);
        """,
        """
        CREATE TABLE server_settings (
            platform        TEXT NOT NULL,
            server_id       TEXT NOT NULL,
            announcements   INTEGER NOT NULL,
            channel_id      TEXT NULL,
            public_ask      INTEGER NOT NULL,
            time_zone       TEXT NOT NULL,
            quiet_from      INTEGER NULL,
            quiet_to        INTEGER NULL,
            off_reason      TEXT NULL,
            updated_at      TEXT NOT NULL,
            PRIMARY KEY (platform, server_id)
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE inbox (
            source        TEXT    NOT NULL,
            id            INTEGER NOT NULL,
            chat          TEXT    NOT NULL,
            payload       TEXT    NOT NULL,
            received_at   TEXT    NOT NULL,
            claimed_by    TEXT    NULL,
            claimed_until TEXT    NULL,
            attempts      INTEGER NOT NULL DEFAULT 0,
            done_at       TEXT    NULL,
            PRIMARY KEY (source, id)
        ) WITHOUT ROWID;
        CREATE INDEX inbox_open ON inbox (source, chat, id) WHERE done_at IS NULL;
        CREATE TABLE leases (
            name        TEXT NOT NULL PRIMARY KEY,
            owner       TEXT NOT NULL,
            lease_until TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        CREATE TABLE feedback_votes (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            platform    TEXT NOT NULL,
            sections    TEXT NOT NULL,
            helpful     INTEGER NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX feedback_votes_created ON feedback_votes (created_at, id);
        CREATE TABLE feedback_voters (
            voter_hash  TEXT NOT NULL PRIMARY KEY,
            expires_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        """
        CREATE INDEX inbox_next ON inbox (source, id) WHERE done_at IS NULL;
        """,
        """
        CREATE TABLE shared_questions (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            platform    TEXT NOT NULL,
            question    TEXT NOT NULL,
            sections    TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX shared_questions_created ON shared_questions (created_at, id);
        """,
    ];
}
