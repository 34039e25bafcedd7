using System.Globalization;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Tests.FakeDiscord;
using SmartPick.Bot.LoadTest.Discord;
using SmartPick.Bot.LoadTest.Multi;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using Xunit.Abstractions;

namespace SmartPick.Bot.LoadTest.Tests;

/// <summary>
/// Two real host processes on one throwaway PostgreSQL database behind the sharded fake Discord, one shard: one host
/// runs it, the other stands by. Users keep using /help in their DMs. A SIGTERM hands the shard to the standby (the
/// stopping host finishes what it took), a new standby starts, then a SIGKILL of the holder: the standby takes the
/// shard once the lease expires. Answers continue after both, no interaction is answered twice, and two hosts never
/// run the shard at once (<see cref="ProbeUser"/>). Times go to the output; the only time limits are generous timeouts.
/// </summary>
public sealed class DiscordShardHandoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task GracefulStopThenKillOfTheShardHolder_StandbyTakesTheShardOver_AnswersContinueNoneTwice()
    {
        // Arrange
        await using var fake = await FakeDiscordServer.StartAsync(TimeProvider.System);
        DiscordHosts.EnableSharding(fake, shards: 1, guildsPerShard: 1);
        var inboxes = new DiscordInboxes(fake);
        await using var hosts = new DiscordHosts(fake, PostgresServer.Instance.CreateDatabase(), shards: 1);
        await hosts.StartAsync(2);
        await hosts.WaitServedAsync(Generous);
        using var stop = new CancellationTokenSource();
        var users = Enumerable.Range(0, 4).Select(i => new ProbeUser(fake, inboxes, i)).ToList();
        var running = Task.WhenAll(users.Select(u => Task.Run(() => u.RunAsync(stop.Token))));
        await AnswersGrowAsync(users, 8);

        // Act 1: SIGTERM the holder (a deploy).
        var first = await hosts.HolderAsync(0);
        Assert.NotNull(first);
        var stopAt = TimeProvider.System.GetUtcNow();
        await first.TerminateAsync(Generous);
        await DiscordLoadRun.WaitUntilAsync(() => hosts.Gateway.IdentifyLog.Count == 2 && hosts.Gateway.IsServed(0), Generous, "the standby runs the shard");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"graceful stop: shard identified again {(hosts.Gateway.IdentifyLog.Last().At - stopAt).TotalMilliseconds:F0} ms after SIGTERM"));
        await AnswersGrowAsync(users, 8);
        await hosts.StartAsync(1); // the next standby
        var beforeKill = DiscordInboxes.NowMs;

        // Act 2: SIGKILL the new holder (a crash).
        var second = await hosts.HolderAsync(0);
        Assert.NotNull(second);
        Assert.NotSame(first, second);
        var killAt = TimeProvider.System.GetUtcNow();
        await second.KillAsync();
        await DiscordLoadRun.WaitUntilAsync(() => hosts.Gateway.IdentifyLog.Count == 3 && hosts.Gateway.IsServed(0), Generous, "the standby runs the shard after the kill");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill: shard identified again {(hosts.Gateway.IdentifyLog.Last().At - killAt).TotalMilliseconds:F0} ms after SIGKILL (lease {ShardLease.Duration.TotalSeconds:F0} s)"));
        await AnswersGrowAsync(users, 8);
        await stop.CancelAsync();
        await running;
        await Task.Delay(1000); // a second answer would arrive now

        // Assert
        var unanswered = users.SelectMany(u => u.Unanswered).ToList();
        var perInteraction = users.SelectMany(u => u.Answered.Select(a => u.Inbox.Messages.Count(m => m.Origin == a.Id))).ToList();
        output.WriteLine($"answered {perInteraction.Count}; failed and redone (no session of the shard) {users.Sum(u => u.Failed)}; " +
            $"received and never answered: {unanswered.Count(u => u.SentAtMs < beforeKill)} around the SIGTERM, {unanswered.Count(u => u.SentAtMs >= beforeKill)} around the SIGKILL; events lost {hosts.Gateway.LostDispatches}");
        Assert.Equal(0, hosts.Gateway.DuplicateSessions);
        Assert.Equal(0, fake.AlreadyAcknowledgedCount);
        Assert.All(perInteraction, n => Assert.Equal(1, n)); // every answered /help got its one answer, once
        Assert.All(hosts.Gateway.IdentifyLog, i => Assert.Equal((0, 1), (i.Shard, i.Count)));
        // The stopping host finishes what it took: nothing acknowledged before the kill is left without its answer. (An
        // event Discord sends while the closing connection is already torn down is lost, as on Discord; the user redoes it.)
        Assert.DoesNotContain(unanswered, u => u.SentAtMs < beforeKill && fake.Interactions[u.Id].AckedAt is not null);
        Assert.Empty(fake.ValidationErrors);
    }

    private static Task AnswersGrowAsync(List<ProbeUser> users, int more)
    {
        var target = users.Sum(u => u.AnsweredCount) + more;
        return DiscordLoadRun.WaitUntilAsync(() => users.Sum(u => u.AnsweredCount) >= target, Generous, $"{more} more answers");
    }
}
