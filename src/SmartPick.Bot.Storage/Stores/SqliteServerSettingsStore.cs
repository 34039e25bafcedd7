using Microsoft.Data.Sqlite;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>Per-server admin settings (table server_settings; not touched by /forget, deleted when the bot leaves the server).</summary>
public sealed class SqliteServerSettingsStore(SqliteDatabase database, TimeProvider clock) : IServerSettingsStore
{
    private const string Columns = "platform, server_id, announcements, channel_id, public_ask, time_zone, quiet_from, quiet_to, off_reason";

    public async Task<ServerSettings?> GetAsync(ServerKey server, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"SELECT {Columns} FROM server_settings WHERE platform = $platform AND server_id = $server;", server, cancellationToken);
        return rows.Count == 0 ? null : rows[0].Settings;
    }

    public async Task SetAsync(ServerKey server, ServerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, server, $"""
            INSERT INTO server_settings ({Columns}, updated_at) VALUES ($platform, $server, $announce, $channel, $public, $zone, $from, $to, $reason, $now)
            ON CONFLICT (platform, server_id) DO UPDATE SET announcements = excluded.announcements, channel_id = excluded.channel_id,
                public_ask = excluded.public_ask, time_zone = excluded.time_zone, quiet_from = excluded.quiet_from,
                quiet_to = excluded.quiet_to, off_reason = excluded.off_reason, updated_at = excluded.updated_at;
            """);
        command.Parameters.AddWithValue("$announce", settings.Announcements ? 1 : 0);
        command.Parameters.AddWithValue("$channel", (object?)settings.AnnouncementChannelId ?? DBNull.Value);
        command.Parameters.AddWithValue("$public", settings.PublicAsk ? 1 : 0);
        command.Parameters.AddWithValue("$zone", settings.TimeZone);
        command.Parameters.AddWithValue("$from", (object?)settings.QuietFromHour ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)settings.QuietToHour ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", (object?)settings.AnnouncementsOffReason ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", SqliteTime.Format(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(ServerKey server, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, server, "DELETE FROM server_settings WHERE platform = $platform AND server_id = $server;");
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task<IReadOnlyList<(ServerKey Server, ServerSettings Settings)>> ListAnnouncingAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM server_settings WHERE announcements = 1 ORDER BY platform, server_id;", null, cancellationToken);

    /// <summary>Every server's settings (the <c>storage migrate</c> verb copies them).</summary>
    public Task<IReadOnlyList<(ServerKey Server, ServerSettings Settings)>> ListAllAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM server_settings ORDER BY platform, server_id;", null, cancellationToken);

    private async Task<IReadOnlyList<(ServerKey Server, ServerSettings Settings)>> ReadAsync(string sql, ServerKey? server, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = server is null ? connection.CreateCommand() : Command(connection, server, sql);
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(ServerKey, ServerSettings)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new ServerKey(reader.GetString(0), reader.GetString(1)), new ServerSettings
            {
                Announcements = reader.GetInt64(2) != 0,
                AnnouncementChannelId = reader.IsDBNull(3) ? null : reader.GetString(3),
                PublicAsk = reader.GetInt64(4) != 0,
                TimeZone = reader.GetString(5),
                QuietFromHour = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                QuietToHour = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                AnnouncementsOffReason = reader.IsDBNull(8) ? null : reader.GetString(8),
            }));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, ServerKey server, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$platform", server.Platform);
        command.Parameters.AddWithValue("$server", server.ServerId);
        return command;
    }
}
