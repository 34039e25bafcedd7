using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartPick.Bot.Storage.Schema;

/// <summary>Opens connections and brings the schema up to date (WAL mode, migrations) once per process.</summary>
public sealed partial class SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger) : IDisposable
{
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _ready;

    public string ConnectionString { get; } = options.Value.ConnectionString;

    /// <summary>An open connection with the schema applied; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken);
        }

        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations; safe to call repeatedly and from several threads.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await OpenRawAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            while (true)
            {
                // The version is read inside the write transaction (BEGIN IMMEDIATE), so two processes starting on one
                // file apply each migration once: the second waits, then sees the new version.
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken, tx), System.Globalization.CultureInfo.InvariantCulture);
                if (version >= Migrations.All.Count)
                {
                    break;
                }

                await ExecuteAsync(connection, Migrations.All[version], cancellationToken, tx);
                await ExecuteAsync(connection, $"PRAGMA user_version = {version + 1};", cancellationToken, tx);
                await tx.CommitAsync(cancellationToken);
                LogMigrated(version + 1);
            }

            _ready = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public void Dispose() => _migrateGate.Dispose();

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // NORMAL is durable against process crashes in WAL mode (only an OS crash can lose the last commit).
        await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applied storage schema migration {Version}")]
    private partial void LogMigrated(int version);
}
