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
/// PostgreSQL — users (profile and conversation), list entries, reminder settings, sent/claimed notices, adapter
/// state, /report corrections and answer votes and shared questions (server settings too). Idempotent: what the target already has is kept (a re-run copies nothing), so running
/// it again after instances started on PostgreSQL never overwrites newer data. Prints the counts.
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
        var cancel = CancellationToken.None;
        using var from = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = source }), NullLogger<SqliteDatabase>.Instance);
        using var to = new PostgresDatabase(Options.Create(Validated(target)), NullLogger<PostgresDatabase>.Instance);
        var export = new SqliteExport(from);
        var (fromUsers, toUsers) = (new SqliteUserStore(from, clock), new PostgresUserStore(to, clock));
        var (fromList, toList) = (new SqliteApplicantListStore(from), new PostgresApplicantListStore(to));
        var (fromReminders, toReminders) = (new SqliteReminderStore(from, clock), new PostgresReminderStore(to, clock));
        var (fromState, toState) = (new SqliteAdapterStateStore(from, clock), new PostgresAdapterStateStore(to, clock));
        var import = new PostgresImport(to, clock);
        Count users = new("users"), entries = new("list entries"), reminders = new("reminder settings"), notices = new("notices"), state = new("adapter state"), corrections = new("correction reports"), votes = new("answer votes"), servers = new("server settings"), shared = new("shared questions");

        foreach (var user in await export.UsersAsync(cancel))
        {
            if (await fromUsers.LoadAsync(user, cancel) is { } stored)
            {
                users.Add(await toUsers.TrySaveAsync(user, stored, expectedVersion: 0, cancel));
            }

            foreach (var entry in await fromList.GetAsync(user, cancel))
            {
                entries.Add(await toList.AddAsync(user, entry, cancel));
            }

            if (await fromReminders.GetAsync(user, cancel) is { } subscription)
            {
                var absent = await toReminders.GetAsync(user, cancel) is null;
                if (absent)
                {
                    await toReminders.SetAsync(user, subscription, cancel);
                }

                reminders.Add(absent);
            }
        }

        foreach (var n in await export.NoticesAsync(cancel))
        {
            notices.Add(await import.TryInsertNoticeAsync(n.User, n.Notice, n.Status, n.ClaimedUntil, n.Attempts, cancel));
        }

        foreach (var (key, value) in await export.AdapterStateAsync(cancel))
        {
            state.Add(await toState.CompareAndSetAsync(key, expected: null, value, cancel));
        }

        foreach (var report in await new SqliteCorrectionStore(from).ListAsync(since: null, cancel))
        {
            corrections.Add(await new PostgresCorrectionStore(to).TryImportAsync(report, cancel));
        }

        var toServers = new PostgresServerSettingsStore(to, clock);
        foreach (var (server, settings) in await new SqliteServerSettingsStore(from, clock).ListAllAsync(cancel))
        {
            var absent = await toServers.GetAsync(server, cancel) is null;
            if (absent)
            {
                await toServers.SetAsync(server, settings, cancel);
            }

            servers.Add(absent);
        }

        // Votes only: the 24-hour voter hashes are left behind (after a move, a vote may at worst be counted twice).
        foreach (var vote in await new SqliteFeedbackStore(from).ListAsync(since: null, cancel))
        {
            votes.Add(await new PostgresFeedbackStore(to).TryImportAsync(vote, cancel));
        }

        foreach (var question in await new SqliteFeedbackStore(from).ListSharedAsync(since: null, cancel))
        {
            shared.Add(await new PostgresFeedbackStore(to).TryImportSharedAsync(question, cancel));
        }

        await stdout.WriteLineAsync(string.Join("; ", new[] { users, entries, reminders, notices, state, corrections, servers, votes, shared }.Select(c => c.ToString())));
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

    private sealed class Count(string what)
    {
        private int _copied;
        private int _kept;

        public void Add(bool copied) => _ = copied ? _copied++ : _kept++;

        public override string ToString() => $"{what}: {_copied} copied, {_kept} already in the target";
    }
}
