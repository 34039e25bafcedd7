using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SmartPick.Bot.Storage.Postgres.Schema;

/// <summary>
/// The one <see cref="NpgsqlDataSource"/> of the process (connection pool) and the schema migration, which runs under a
/// session advisory lock so instances starting together migrate once and the others wait for it.
/// </summary>
public sealed partial class PostgresDatabase(IOptions<PostgresStorageOptions> options, ILogger<PostgresDatabase> logger) : IDisposable
{
    /// <summary>Advisory lock key of the migration ("SmrtPick" in ASCII); any other lock key in this database must differ.</summary>
    private const long MigrationLockKey = 0x536D72745069636B;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _ready;

    /// <summary>An open connection with the schema applied; the caller disposes it (back to the pool).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations; safe to call repeatedly, from several threads and several instances.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
            try
            {
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", cancellationToken);
                await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version;", connection);
                var applied = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                for (var i = applied; i < PostgresMigrations.All.Count; i++)
                {
                    await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                    await ExecuteAsync(connection, PostgresMigrations.All[i], cancellationToken, tx);
                    await ExecuteAsync(connection, $"INSERT INTO schema_version (version) VALUES ({i + 1});", cancellationToken, tx);
                    await tx.CommitAsync(cancellationToken);
                    LogMigrated(i + 1);
                }
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None);
            }

            _ready = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _migrateGate.Dispose();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? tx = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Applied PostgreSQL schema migration {Version}")]
    private partial void LogMigrated(int version);
}
