using Microsoft.Data.Sqlite;
using SmartPick.Bot.Storage.Schema;

namespace SmartPick.Bot.Storage.Stores;

/// <summary>The maintainers' exports (reports, votes, shared questions): rows written since a time, or all of them.</summary>
internal static class SqliteListing
{
    /// <summary>Runs <paramref name="sql"/>, which keeps rows with <c>$since IS NULL OR created_at &gt;= $since</c>, and maps each row.</summary>
    public static async Task<IReadOnlyList<T>> ListSinceAsync<T>(this SqliteDatabase database, string sql, DateTimeOffset? since, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$since", since is { } s ? SqliteTime.Format(s) : DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
