using System.Globalization;
using System.Text;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Discord;
using SmartPick.Bot.LoadTest.Report;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>A Discord multi-instance run: the usual Discord checks and figures, plus shards, sessions and the kill.</summary>
/// <param name="Unfinished">Users who stopped at a step that was never answered.</param>
/// <param name="Doubled">Users with a step answered more often than the same step of most finished users (a turn applied twice); checked for a script with at least 5 finished users.</param>
public sealed record DiscordMultiResult(DiscordMultiOptions Options, DiscordLoadResult Load, IReadOnlyList<(int Shard, int Count, string SessionId, DateTimeOffset At)> Identifies,
    IReadOnlyDictionary<int, int> EventsPerShard, int DuplicateSessions, int LostDispatches, int Unfinished, IReadOnlyList<string> Doubled, DiscordKillReport? Kill)
{
    /// <summary>Users with a step that got more answers than that step usually gets (within the same script), described.</summary>
    public static IReadOnlyList<string> FindDoubled(IReadOnlyList<DiscordUser> users)
    {
        var shapes = users.ToDictionary(u => u, u =>
        {
            var counts = new int[u.Script.Count];
            foreach (var m in u.Inbox.Messages)
            {
                var step = m.Origin is { } origin ? u.Sent.FindIndex(s => s.InteractionId == origin) : u.Sent.FindLastIndex(s => s.SentAtMs <= m.AtMs);
                if (step >= 0)
                {
                    counts[step]++;
                }
            }

            return counts;
        });
        // The usual count per step comes from users who finished (a kill leaves others stopped part-way).
        // Steps expecting any reply ("skip", "0") make the split between neighbouring steps depend on timing, so the usual
        // shape needs a few users: with fewer than 5 finished users of a script it is not checked.
        var usual = users.Where(u => u.Failure is null).GroupBy(u => u.Script).Where(g => g.Count() >= 5).ToDictionary(g => g.Key, g => Enumerable.Range(0, g.Key.Count)
            .Select(i => g.GroupBy(u => shapes[u][i]).OrderByDescending(x => x.Count()).First().Key).ToArray());
        return [.. users.SelectMany(u => usual.TryGetValue(u.Script, out var reference)
            ? shapes[u].Select((n, i) => (n, i)).Where(x => x.n > reference[x.i]).Take(1).Select(x => Describe(u, x.i, reference[x.i]))
            : [])];
    }

    private static string Describe(DiscordUser user, int step, int usual)
    {
        var messages = user.Inbox.Messages.Where(m => (m.Origin is { } o ? user.Sent.FindIndex(s => s.InteractionId == o) : user.Sent.FindLastIndex(s => s.SentAtMs <= m.AtMs)) == step)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Kind} at {m.AtMs:F0} ms: {m.Text.ReplaceLineEndings(" ")[..Math.Min(60, m.Text.ReplaceLineEndings(" ").Length)]}"));
        return string.Create(CultureInfo.InvariantCulture, $"user {user.UserId} step {step} ({user.Script[step].Action} {user.Script[step].Value}, sent at {user.Sent[step].SentAtMs:F0} ms) got more than the usual {usual}: ") + string.Join(" | ", messages);
    }

    /// <summary>Failed checks; a kill run accepts steps lost with the killed host (Discord does not redeliver) and reports them.</summary>
    public IReadOnlyList<string> Failures =>
    [
        .. Load.Failures.Where(f => Kill is null || !LostWithTheKill(f)),
        .. Kill is { LostElsewhere: > 0 } k ? [$"{k.LostElsewhere} users stopped at a step the killed host never had"] : Array.Empty<string>(),
        .. Doubled.Select(d => "answered twice? " + d),
        .. DuplicateSessions > 0 ? [$"{DuplicateSessions} sessions of a shard another host was connected to (two hosts would get its events)"] : Array.Empty<string>(),
        .. Load.AlreadyAcknowledged40060 > 0 ? [$"{Load.AlreadyAcknowledged40060} interactions answered twice (40060)"] : Array.Empty<string>(),
        // The killed host's steps are never acknowledged (no callback at all); a 10062 is a late acknowledgement by a live host.
        .. Kill is not null && Load.UnknownInteraction10062 > 0 ? [$"{Load.UnknownInteraction10062} callbacks got 10062 (acknowledged after 3 s)"] : Array.Empty<string>(),
    ];

    /// <summary>Checks a kill fails by design: steps the killed host received and never answered.</summary>
    private static bool LostWithTheKill(string failure) =>
        failure.StartsWith("user ", StringComparison.Ordinal) || failure.StartsWith("... ", StringComparison.Ordinal)
        || failure.StartsWith("interactions:", StringComparison.Ordinal) || failure.StartsWith("a step got no reply", StringComparison.Ordinal);

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(string.Create(inv, $"discord multi-instance: {Options.Instances} hosts on PostgreSQL, {Options.Shards} shard(s), {Options.Users} users"));
        b.AppendLine("events per shard: " + string.Join(", ", EventsPerShard.OrderBy(e => e.Key).Select(e => string.Create(inv, $"{e.Key}: {e.Value}"))));
        b.AppendLine("identifies: " + string.Join(", ", Identifies.Select(i => string.Create(inv, $"[{i.Shard},{i.Count}] {i.At:HH:mm:ss.fff}"))));
        b.AppendLine(string.Create(inv, $"events lost (no session of their shard connected within {FakeShardedGateway.DeliveryWindow.TotalSeconds:F0} s; the user did it again): {LostDispatches}; duplicate shard sessions: {DuplicateSessions}"));
        b.AppendLine(string.Create(inv, $"users stopped at a step never answered (lost): {Unfinished}; users with a step answered more often than usual: {Doubled.Count}; interactions answered twice (40060): {Load.AlreadyAcknowledged40060}"));
        if (Kill is not null)
        {
            b.AppendLine(Kill.ToString());
        }

        b.Append(Load);
        b.AppendLine(Failures.Count == 0 ? "multi-instance checks passed" : "FAILED MULTI-INSTANCE CHECKS:\n  " + string.Join("\n  ", Failures));
        return b.ToString();
    }
}

/// <summary>The SIGKILL of the host that held <paramref name="Shard"/>; <paramref name="AtMs"/> (harness clock) is when its process had exited.</summary>
public sealed record DiscordKill(int Shard, double AtMs, DateTimeOffset AtUtc)
{
    /// <summary>
    /// Recovery: when the shard was identified again (lease expiry + identify), and every answer after the kill timed from
    /// the kill or from its action, whichever came later. A user left waiting for a step that went to the killed host's
    /// shard before another host ran it (before the kill, or in the moment the dying process's socket still took it) lost
    /// it with the host (Discord never redelivers; a person would see "This interaction
    /// failed" and try again); any other unanswered step is a defect.
    /// </summary>
    public DiscordKillReport Describe(IReadOnlyList<DiscordUser> users, FakeDiscordServer fake, ProbeUser probe)
    {
        var gateway = fake.Gateway.Sharded!;
        var again = gateway.IdentifyLog.Where(i => i.Shard == Shard && i.At > AtUtc).Select(i => (double?)(i.At - AtUtc).TotalMilliseconds).FirstOrDefault();
        var waits = users.SelectMany(u => u.AnsweredAtMs.Select((at, i) => (At: at, Sent: u.Sent[i].SentAtMs)))
            .Where(a => a.At >= AtMs).Select(a => a.At - Math.Max(a.Sent, AtMs)).ToList();
        var stopped = users.Where(u => u.Failure is not null).ToList();
        var servedAgainMs = AtMs + (again ?? double.PositiveInfinity);
        var withHost = stopped.Count(u => ShardOf(u, fake, gateway.ShardCount) == Shard && u.Sent.Count > 0 && u.Sent[^1].SentAtMs < servedAgainMs);
        var firstAfter = probe.Answered.Where(a => a.SentAtMs > AtMs).Select(a => (double?)(a.AnsweredAtMs - AtMs)).FirstOrDefault();
        var probeLost = probe.Unanswered.Count(u => u.SentAtMs >= servedAgainMs);
        return new DiscordKillReport(Shard, again, withHost, stopped.Count - withHost + probeLost, Percentiles.Of(waits), firstAfter, probe.Failed, probe.Unanswered.Count);
    }

    private static int ShardOf(DiscordUser user, FakeDiscordServer fake, int count) =>
        user.InServer && fake.GuildOf is { } guildOf ? FakeShardedGateway.ShardOf(guildOf(user.UserId), count) : 0;
}

/// <param name="RecoveryMs">From the SIGKILL until the shard was identified again (null: never, no standby).</param>
/// <param name="LostWithHost">Users stopped at a step sent to the killed host's shard before the shard was identified again.</param>
/// <param name="LostElsewhere">Users stopped at any other step (must be 0).</param>
/// <param name="ProbeAnsweredAfterMs">From the SIGKILL until the probe user's first /help sent after it was answered.</param>
public sealed record DiscordKillReport(int Shard, double? RecoveryMs, int LostWithHost, int LostElsewhere, Percentiles AfterKill, double? ProbeAnsweredAfterMs, int ProbeFailed, int ProbeUnanswered)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"kill of shard {Shard}'s host: shard identified again after {(RecoveryMs is { } ms ? $"{ms:F0} ms" : "never (no standby)")}; steps the killed host had received and never answered (lost, one per user waiting on that shard): {LostWithHost}; other unanswered steps: {LostElsewhere}; answers after the kill, wait from the kill or the later action: {AfterKill}; ") + string.Create(CultureInfo.InvariantCulture,
        $"probe /help on shard {Shard}: answered again {(ProbeAnsweredAfterMs is { } p ? $"{p:F0} ms" : "never")} after the kill ({ProbeFailed} attempts failed with no session, {ProbeUnanswered} received and never answered)");
}
