using System.Globalization;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Discord;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>
/// The Discord multi-instance run: N real hosts on one throwaway PostgreSQL database behind the sharded fake Discord,
/// the users of <see cref="DiscordUser"/> (half in server channels spread over servers on every shard, half in DMs,
/// which Discord sends to shard 0). A kill run SIGKILLs the host holding one shard at 40% of the steps and does not
/// restart it; a standby takes the shard once its lease expires (15 s) and it has identified. Discord never redelivers
/// an event: what the killed host had received and not answered is lost (the user sees "This interaction failed"),
/// and what reached the shard while nobody ran it fails and is done again by the user (counted as expired).
/// </summary>
public static class DiscordMultiRun
{
    public static async Task<DiscordMultiResult> RunAsync(DiscordMultiOptions options, TextWriter log)
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var connection = PostgresServer.Instance.CreateDatabase();
        await using var fake = await FakeDiscordServer.StartAsync(TimeProvider.System);
        var guilds = DiscordHosts.EnableSharding(fake, options.Shards, guildsPerShard: 3);
        var probeGuild = options.KillShard == 0 ? null : FakeShardedGateway.GuildOnShard(options.KillShard, options.Shards, 99);
        fake.GuildOf = userId => userId.StartsWith("42", StringComparison.Ordinal) && probeGuild is not null
            ? probeGuild
            : guilds[(int)((long.Parse(userId, CultureInfo.InvariantCulture) % 1_000_000) / 2 % guilds.Count)];
        var inboxes = new DiscordInboxes(fake);
        await using var hosts = new DiscordHosts(fake, connection, options.Shards);
        var startedMs = DiscordInboxes.NowMs;
        await hosts.StartAsync(options.Instances);
        await hosts.WaitServedAsync(TimeSpan.FromSeconds(120));
        await DiscordLoadRun.WaitUntilAsync(() => fake.RequestsTo("/commands").Any(), TimeSpan.FromSeconds(60), "the bot registers its commands");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Instances} hosts, {options.Shards} shard(s) served in {DiscordInboxes.NowMs - startedMs:F0} ms; {options.Users} users start"));

        var users = Enumerable.Range(0, options.Users).Select(i => new DiscordUser(fake, inboxes, i, TimeSpan.FromSeconds(options.ReplyTimeoutSeconds), TimeSpan.FromSeconds(options.ThinkSeconds))).ToList();
        var runStartMs = DiscordInboxes.NowMs;
        var all = Task.WhenAll(users.Select(u => Task.Run(() => u.RunAsync(CancellationToken.None))));
        // In a kill run a probe user keeps using /help on the killed shard, as a person would after "This interaction failed".
        var probe = new ProbeUser(fake, inboxes, 0, probeGuild);
        using var stopProbe = new CancellationTokenSource();
        var probing = options.Kill ? Task.Run(() => probe.RunAsync(stopProbe.Token)) : Task.CompletedTask;
        var kill = options.Kill ? KillAsync(hosts, options.KillShard, users, log, all) : Task.FromResult<DiscordKill?>(null);
        var killed = await kill;
        await all;
        if (killed is not null)
        {
            await DiscordLoadRun.WaitUntilAsync(() => probe.Answered.Any(a => a.SentAtMs > killed.AtMs), TimeSpan.FromSeconds(60), "the probe is answered after the kill")
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await stopProbe.CancelAsync();
        await probing;
        await Task.Delay(1000); // a duplicate answer would arrive now
        var stillUp = hosts.Bots.Count(b => b.IsRunning) == options.Instances - (killed is null ? 0 : 1);
        var load = DiscordLoadResult.Analyze(new DiscordLoadOptions(options.Users, ReplyTimeoutSeconds: options.ReplyTimeoutSeconds, ThinkSeconds: options.ThinkSeconds), fake, inboxes, users, runStartMs,
            new GatewayFaultLog(), stillUp, "ok");
        return new DiscordMultiResult(options, load, hosts.Gateway.IdentifyLog.ToList(), hosts.Gateway.Routed.ToDictionary(), hosts.Gateway.DuplicateSessions, hosts.Gateway.LostDispatches,
            users.Count(u => u.Failure is not null), DiscordMultiResult.FindDoubled(users), killed?.Describe(users, fake, probe));
    }

    private static async Task<DiscordKill?> KillAsync(DiscordHosts hosts, int shard, List<DiscordUser> users, TextWriter log, Task all)
    {
        var total = users.Sum(u => u.Script.Count);
        while (users.Sum(u => u.CompletedSteps) < total * 2 / 5 && !all.IsCompleted)
        {
            await Task.Delay(20);
        }

        var holder = await hosts.HolderAsync(shard) ?? throw new InvalidOperationException($"no running host holds shard {shard}");
        var done = users.Sum(u => u.CompletedSteps);
        await holder.KillAsync();
        var at = (Ms: DiscordInboxes.NowMs, Utc: TimeProvider.System.GetUtcNow()); // the process has exited: nothing it held is answered after this
        log.WriteLine($"SIGKILL of the host holding shard {shard} at {done}/{total} steps; it is not restarted");
        return new DiscordKill(shard, at.Ms, at.Utc);
    }
}

/// <param name="Kill">SIGKILL the host holding <paramref name="KillShard"/> at 40% of the steps (not restarted).</param>
/// <param name="Shards">Shard count every host runs; hosts beyond it stand by (a kill needs one to recover).</param>
/// <param name="ThinkSeconds">Longest pause a user takes before a step (as in the one-instance Discord run); 0: none.</param>
public sealed record DiscordMultiOptions(int Users = 30, int Instances = 2, int Shards = 2, bool Kill = false, int KillShard = 0, int ReplyTimeoutSeconds = 60, double ThinkSeconds = 0)
{
    public static DiscordMultiOptions Parse(string[] args, bool kill)
    {
        var o = new DiscordMultiOptions(Kill: kill);
        int? shards = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--platform" or "--storage":
                    _ = Next() is "discord" or "postgres" ? 0 : throw new ArgumentException("the Discord multi-instance run needs --platform discord --storage postgres");
                    break;
                case "--users": o = o with { Users = Number() }; break;
                case "--instances": o = o with { Instances = Number() }; break;
                case "--shards": shards = Number(); break;
                case "--kill-shard": o = o with { KillShard = Number() }; break;
                case "--reply-timeout": o = o with { ReplyTimeoutSeconds = Number() }; break;
                case "--think": o = o with { ThinkSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        // A host runs one shard: without a standby nobody can take over a killed host's shard.
        o = o with { Shards = shards ?? (kill ? Math.Max(1, o.Instances - 1) : o.Instances) };
        return o.KillShard >= o.Shards ? throw new ArgumentException("--kill-shard must be below the shard count") : o;
    }
}
