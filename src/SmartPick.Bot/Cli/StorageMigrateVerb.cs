using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Postgres;
using SmartPick.Bot.Storage.Postgres.Schema;
using SmartPick.Bot.Storage.Postgres.Stores;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Cli;

/// <summary>
/// <c>storage migrate --to-connection-string PG [--from-connection-string SQLITE]</c>: copies a SQLite database into
/// PostgreSQL. Idempotent: what the target already has is kept (a re-run copies nothing), so running it again after
/// instances started on PostgreSQL never overwrites newer data. Prints the counts.
/// </summary>
internal static class StorageMigrateVerb
{
    public static readonly string[] OptionNames = ["to-connection-string", "from-connection-string"];

    public static async Task<int> RunAsync(CliArguments cli, TextWriter stdout)
    {
        if (cli.Positional.Count != 1 || cli.Positional[0] != "migrate")
        {
            throw new CliException("usage: storage migrate --to-connection-string \"Host=…;Database=…;Username=…\" [--from-connection-string \"Data Source=smartpick.db\"]");
        }

        var source = cli.Option("from-connection-string") ?? ConfiguredSqlite(cli);
        var target = cli.Require("to-connection-string");
        var clock = TimeProvider.System;
        using var from = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = source }), NullLogger<SqliteDatabase>.Instance);
        using var to = new PostgresDatabase(Options.Create(Validated(target)), NullLogger<PostgresDatabase>.Instance);
        var cancel = CancellationToken.None;
        var (fromUsers, toUsers) = (new SqliteUserStore(from, clock), new PostgresUserStore(to, clock));
        var (fromState, toState) = (new SqliteAdapterStateStore(from, clock), new PostgresAdapterStateStore(to, clock));
        var export = new SqliteExport(from);

        int usersCopied = 0, usersKept = 0, stateCopied = 0, stateKept = 0;
        foreach (var user in await export.UsersAsync(cancel))
        {
            var state = await fromUsers.LoadAsync(user, cancel);
            var copied = state is not null && await toUsers.TrySaveAsync(user, state, expectedVersion: 0, cancel);
            _ = copied ? usersCopied++ : usersKept++;
        }

        foreach (var (key, value) in await export.AdapterStateAsync(cancel))
        {
            _ = await toState.CompareAndSetAsync(key, expected: null, value, cancel) ? stateCopied++ : stateKept++;
        }

        await stdout.WriteLineAsync($"users: {usersCopied} copied, {usersKept} already in the target; adapter state: {stateCopied} copied, {stateKept} already in the target");
        return 0;
    }

    private static string ConfiguredSqlite(CliArguments cli)
    {
        var configuration = BotHost.CreateBuilder(cli.HostArgs, withAdapters: false).Configuration;
        var provider = configuration[StorageOptions.SectionName + ":Provider"];
        if (!string.IsNullOrEmpty(provider) && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("SmartPick:Storage:Provider is not Sqlite here: name the SQLite database with --from-connection-string \"Data Source=…\"");
        }

        return configuration[StorageOptions.SectionName + ":ConnectionString"] ?? "Data Source=smartpick.db";
    }

    private static PostgresStorageOptions Validated(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return new PostgresStorageOptions { ConnectionString = connectionString };
        }
        catch (ArgumentException ex)
        {
            throw new CliException("--to-connection-string is not a PostgreSQL connection string: " + ex.Message);
        }
    }
}
