namespace SmartPick.Bot.Storage.Postgres.Schema;

/// <summary>
/// Schema history. Each entry runs once, in order, in its own transaction; the <c>schema_version</c> table records the
/// applied ones. Never edit a shipped migration: append a new one.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<string> All =
    [
        """
        CREATE TABLE profiles (
            platform    text        NOT NULL,
            user_id     text        NOT NULL,
            profile     jsonb       NOT NULL,
            version     bigint      NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (platform, user_id)
        );
        CREATE TABLE conversations (
            platform        text        NOT NULL,
            user_id         text        NOT NULL,
            intake_step     text        NULL,
            history         jsonb       NOT NULL,
            pending         text        NULL,
            proposal        text        NULL,
            recent_messages jsonb       NOT NULL,
            last_replies    text        NULL,
            offers          jsonb       NULL,
            updated_at      timestamptz NOT NULL,
            PRIMARY KEY (platform, user_id)
        );
        CREATE TABLE adapter_state (
            key         text        NOT NULL PRIMARY KEY,
            value       text        NOT NULL,
            updated_at  timestamptz NOT NULL
        );
        """,
        """
        CREATE TABLE list_entries (
            platform    text        NOT NULL,
            user_id     text        NOT NULL,
            program_id  text        NOT NULL,
            track       text        NOT NULL,
            added_at    timestamptz NOT NULL,
            PRIMARY KEY (platform, user_id, program_id, track)
        );
        CREATE TABLE reminder_subscriptions (
            platform    text        NOT NULL,
            user_id     text        NOT NULL,
            enabled     boolean     NOT NULL,
            time_zone   text        NOT NULL,
            since       timestamptz NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (platform, user_id)
        );
        CREATE INDEX reminder_subscriptions_enabled ON reminder_subscriptions (platform, user_id) WHERE enabled;
        CREATE TABLE notification_ledger (
            platform      text        NOT NULL,
            user_id       text        NOT NULL,
            notice        text        NOT NULL,
            status        text        NOT NULL,
            claimed_until timestamptz NOT NULL,
            attempts      integer     NOT NULL,
            updated_at    timestamptz NOT NULL,
            PRIMARY KEY (platform, user_id, notice)
        );
        """,
        """
        CREATE TABLE correction_reports (
            id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_hash   text        NOT NULL,
            program_id  text        NULL,
            program     text        NOT NULL,
            text        text        NOT NULL,
            created_at  timestamptz NOT NULL
        );
        CREATE INDEX correction_reports_user ON correction_reports (user_hash);
        CREATE INDEX correction_reports_created ON correction_reports (created_at, id);
        """,
        """
        CREATE TABLE server_settings (
            platform        text        NOT NULL,
            server_id       text        NOT NULL,
            announcements   boolean     NOT NULL,
            channel_id      text        NULL,
            public_ask      boolean     NOT NULL,
            time_zone       text        NOT NULL,
            quiet_from      integer     NULL,
            quiet_to        integer     NULL,
            off_reason      text        NULL,
            updated_at      timestamptz NOT NULL,
            PRIMARY KEY (platform, server_id)
        );
        CREATE INDEX server_settings_announcing ON server_settings (platform, server_id) WHERE announcements;
        """,
        """
        CREATE TABLE inbox (
            source        text        NOT NULL,
            id            bigint      NOT NULL,
            chat          text        NOT NULL,
            payload       text        NOT NULL,
            received_at   timestamptz NOT NULL,
            claimed_by    text        NULL,
            claimed_until timestamptz NULL,
            attempts      integer     NOT NULL DEFAULT 0,
            done_at       timestamptz NULL,
            PRIMARY KEY (source, id)
        );
        CREATE INDEX inbox_open ON inbox (source, chat, id) WHERE done_at IS NULL;
        CREATE TABLE leases (
            name        text        NOT NULL PRIMARY KEY,
            owner       text        NOT NULL,
            lease_until timestamptz NOT NULL
        );
        CREATE TABLE send_budget (
            bucket       text             NOT NULL PRIMARY KEY,
            tokens       double precision NOT NULL,
            refreshed_at timestamptz      NOT NULL
        );
        """,
        """
        CREATE TABLE feedback_votes (
            id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            platform    text        NOT NULL,
            sections    text        NOT NULL,
            helpful     boolean     NOT NULL,
            created_at  timestamptz NOT NULL
        );
        CREATE INDEX feedback_votes_created ON feedback_votes (created_at, id);
        CREATE TABLE feedback_voters (
            voter_hash  text        NOT NULL PRIMARY KEY,
            expires_at  timestamptz NOT NULL
        );
        """,
        """
        CREATE INDEX inbox_next ON inbox (source, id) WHERE done_at IS NULL;
        """,
        """
        CREATE TABLE shared_questions (
            id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            platform    text        NOT NULL,
            question    text        NOT NULL,
            sections    text        NOT NULL,
            created_at  timestamptz NOT NULL
        );
        CREATE INDEX shared_questions_created ON shared_questions (created_at, id);
        """,
        """
        CREATE TABLE rate_windows (
            key         text          NOT NULL PRIMARY KEY,
            times       timestamptz[] NOT NULL,
            refused_at  timestamptz   NULL,
            outcome     smallint      NOT NULL,
            expires_at  timestamptz   NOT NULL
        );
        CREATE INDEX rate_windows_expires ON rate_windows (expires_at);
        """,
    ];
}
