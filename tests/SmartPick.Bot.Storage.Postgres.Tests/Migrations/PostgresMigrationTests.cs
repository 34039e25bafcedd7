using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SmartPick.Bot.Storage.Postgres.Schema;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Migrations;

public sealed class PostgresMigrationTests
{
    [PostgresFact]
    public async Task InstancesStartingTogether_ApplyEachMigrationOnce()
    {
        // Arrange: five instances on one empty database.
        var connectionString = PostgresServer.Instance.CreateDatabase();
        var instances = Enumerable.Range(0, 5)
            .Select(_ => new PostgresDatabase(Options.Create(new PostgresStorageOptions { ConnectionString = connectionString }), NullLogger<PostgresDatabase>.Instance))
            .ToList();

        // Act
        await Task.WhenAll(instances.Select(i => Task.Run(() => i.MigrateAsync(CancellationToken.None))));

        // Assert
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_version;", connection);
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.All.Count).ToArray(), (int[])(await command.ExecuteScalarAsync())!);
        instances.ForEach(i => i.Dispose());
    }

    [PostgresFact]
    public async Task NaturalTypes_ProfileIsJsonb_TimesAreTimestamptz()
    {
        using var storage = TestStorage.Create(TestStorage.Postgres);
        await storage.UserStore().SaveAsync(new("telegram", "1"), Core.State.UserState.New, CancellationToken.None);

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_typeof(profile)::text, pg_typeof(updated_at)::text FROM profiles;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("jsonb", "timestamp with time zone"), (reader.GetString(0), reader.GetString(1)));
    }
}
