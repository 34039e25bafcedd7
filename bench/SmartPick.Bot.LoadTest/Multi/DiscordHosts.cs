using System.Globalization;
using Npgsql;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Bot;
using SmartPick.Bot.LoadTest.Discord;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>
/// Real hosts (child processes) with only the Discord adapter, on one PostgreSQL database, behind the sharded fake
/// Discord: each runs <c>SmartPick:Discord:ShardCount</c> = <paramref name="shards"/> and takes a free shard lease; the
/// rest stand by. Finds which host holds a shard (the lease row names the holder's process id), stops one with SIGTERM
/// or SIGKILL, and starts one again as a new standby.
/// </summary>
public sealed class DiscordHosts(FakeDiscordServer fake, string connectionString, int shards) : IAsyncDisposable
{
    private readonly List<(ChildProcessBot Bot, int Port)> hosts = [];

    public FakeShardedGateway Gateway => fake.Gateway.Sharded ?? throw new InvalidOperationException("sharding is not enabled on the fake");

    public IReadOnlyList<ChildProcessBot> Bots => [.. hosts.Select(h => h.Bot)];

    /// <summary>Turns sharding on in the fake with <paramref name="guildsPerShard"/> servers per shard and returns them.</summary>
    public static IReadOnlyList<string> EnableSharding(FakeDiscordServer fake, int shards, int guildsPerShard)
    {
        var guilds = Enumerable.Range(0, shards * guildsPerShard).Select(i => FakeShardedGateway.GuildOnShard(i % shards, shards, i / shards)).ToList();
        fake.Gateway.EnableSharding(shards, guilds, TimeProvider.System);
        return guilds;
    }

    /// <summary>Starts <paramref name="count"/> more hosts and waits until each answers /healthz.</summary>
    public async Task StartAsync(int count)
    {
        var started = MultiInstanceRun.FreePorts(count).Select(p => (Bot: new ChildProcessBot(Args(p)), Port: p)).ToList();
        foreach (var (bot, _) in started)
        {
            await bot.StartAsync(CancellationToken.None);
        }

        hosts.AddRange(started);
        await Task.WhenAll(started.Select(h => MultiInstanceRun.WaitHealthyAsync(h.Port)));
    }

    /// <summary>Waits until every shard has a connected session.</summary>
    public async Task WaitServedAsync(TimeSpan timeout) =>
        await DiscordLoadRun.WaitUntilAsync(() => Enumerable.Range(0, shards).All(Gateway.IsServed), timeout, $"all {shards} shard(s) are served");

    /// <summary>The running host whose process holds the lease of <paramref name="shard"/>, or null.</summary>
    public async Task<ChildProcessBot?> HolderAsync(int shard)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT owner FROM leases WHERE name = @name AND lease_until > now()", connection);
        command.Parameters.AddWithValue("name", "discord:shard:" + shard.ToString(CultureInfo.InvariantCulture));
        var owner = await command.ExecuteScalarAsync() as string;
        var pid = owner?.Split(':') is { Length: >= 3 } parts ? int.Parse(parts[^2], CultureInfo.InvariantCulture) : -1;
        return hosts.Select(h => h.Bot).FirstOrDefault(b => b.ProcessId == pid);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (bot, _) in hosts)
        {
            await bot.DisposeAsync();
        }
    }

    private string[] Args(int port) =>
    [
        .. DiscordSettings.Args("unused.db", fake).Where(a => !a.StartsWith("--SmartPick:Storage:", StringComparison.Ordinal)),
        "--SmartPick:Storage:Provider=Postgres",
        $"--SmartPick:Storage:ConnectionString={connectionString}",
        string.Create(CultureInfo.InvariantCulture, $"--SmartPick:Discord:ShardCount={shards}"),
        string.Create(CultureInfo.InvariantCulture, $"--SmartPick:Http:Urls=http://127.0.0.1:{port}"),
    ];
}
