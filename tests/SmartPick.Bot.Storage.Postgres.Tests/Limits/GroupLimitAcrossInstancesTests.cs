using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SmartPick.Bot.Core;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using static SmartPick.Bot.Core.Engine.GroupRateLimiter.Verdict;

namespace SmartPick.Bot.Storage.Postgres.Tests.Limits;

/// <summary>
/// The group rate limit (10 messages per member per sliding minute, the member told once, then silence) on both
/// providers: on PostgreSQL two instances answering one group (Telegram webhooks behind a load balancer) count the
/// member's messages together; on SQLite there is one process, whose limiter counts alone.
/// </summary>
public sealed class GroupLimitAcrossInstancesTests
{
    private static readonly UserKey Member = new("telegram", "5001");
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task AMemberFloodingAGroupThroughTwoInstances_GetsTenAnswersAndOneNotice(string provider)
    {
        // Arrange
        using var storage = TestStorage.Create(provider);
        var (a, b) = Limiters(storage);

        // Act: 25 messages at one instant, alternately reaching each instance, all in flight together.
        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => (i % 2 == 0 ? a : b).CheckAsync(Member, None)));
        var otherMember = await b.CheckAsync(new UserKey("telegram", "5002"), None);
        var sameIdOtherPlatform = await a.CheckAsync(new UserKey("discord", "5001"), None);

        // Assert
        Assert.Equal((10, 1, 14), (results.Count(r => r.Verdict == Allowed), results.Count(r => r.Verdict == ThrottledNotify), results.Count(r => r.Verdict == ThrottledSilent)));
        Assert.All(results.Where(r => r.Verdict != Allowed), r => Assert.Equal(TimeSpan.FromMinutes(1), r.Wait));
        Assert.Equal(Allowed, otherMember.Verdict);
        Assert.Equal(Allowed, sameIdOtherPlatform.Verdict);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task TheWindowSlides_AndTheNoticeComesOncePerMinute(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var (a, b) = Limiters(storage);

        // 5 messages at 0 s through a, 5 at 30 s through b: the limit is reached.
        var first = await CheckAsync(a, 5);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = await CheckAsync(b, 5);
        _clock.Advance(TimeSpan.FromSeconds(15));
        var at45 = (await CheckAsync(b, 1)).Concat(await CheckAsync(a, 1)).ToList();

        // At 60.5 s the five from 0 s have left the window: five more go, the sixth is refused without a second notice.
        _clock.Advance(TimeSpan.FromSeconds(15.5));
        var at60 = (await CheckAsync(a, 3)).Concat(await CheckAsync(b, 3)).ToList();

        // At 106 s the notice from 45 s is over a minute old and the five from 30 s have left: five go, then one notice.
        _clock.Advance(TimeSpan.FromSeconds(45.5));
        var at106 = (await CheckAsync(b, 6)).Concat(await CheckAsync(a, 1)).ToList();

        Assert.All(first.Concat(second), r => Assert.Equal(Allowed, r.Verdict));
        Assert.Equal(new[] { (ThrottledNotify, 15.0), (ThrottledSilent, 15.0) }, at45.Select(r => (r.Verdict, r.Wait.TotalSeconds)));
        Assert.Equal(new[] { Allowed, Allowed, Allowed, Allowed, Allowed, ThrottledSilent }, at60.Select(r => r.Verdict));
        Assert.Equal(new[] { Allowed, Allowed, Allowed, Allowed, Allowed, ThrottledNotify, ThrottledSilent }, at106.Select(r => r.Verdict));
        Assert.Equal(14.5, at106[^2].Wait.TotalSeconds, 3); // the oldest counted message (60.5 s) leaves at 120.5 s
    }

    [PostgresFact]
    public async Task TheCleanup_DeletesFinishedWindows_KeepsLiveOnes_WithoutAnyGroupTraffic()
    {
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var instance = storage.NewInstance(b =>
        {
            b.AddBotCore();
            b.Services.AddSingleton<TimeProvider>(_clock);
        });
        var limiter = instance.GetRequiredService<GroupRateLimiter>();
        await limiter.CheckAsync(Member, None);
        _clock.Advance(TimeSpan.FromSeconds(50));
        await limiter.CheckAsync(new UserKey("telegram", "5002"), None);

        // Act: 70 s after the first member's message, 20 s after the second's; no group message comes now.
        _clock.Advance(TimeSpan.FromSeconds(20));
        var deleted = await instance.GetRequiredService<SmartPick.Bot.Storage.Postgres.Leases.PostgresRateWindows>().PurgeExpiredAsync(None);

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT array_agg(key) FROM rate_windows;", connection);
        Assert.Equal(1, deleted);
        Assert.Equal(new[] { "group:telegram:5002" }, (string[])(await keys.ExecuteScalarAsync())!);
    }

    private static async Task<List<(GroupRateLimiter.Verdict Verdict, TimeSpan Wait)>> CheckAsync(GroupRateLimiter limiter, int count)
    {
        var results = new List<(GroupRateLimiter.Verdict, TimeSpan)>();
        for (var i = 0; i < count; i++)
        {
            results.Add(await limiter.CheckAsync(Member, None));
        }

        return results;
    }

    /// <summary>Two instances on PostgreSQL; on SQLite the one process's limiter twice (SQLite serves one instance).</summary>
    private (GroupRateLimiter A, GroupRateLimiter B) Limiters(TestStorage storage)
    {
        GroupRateLimiter New() => storage.NewInstance(b =>
        {
            b.AddBotCore();
            b.Services.AddSingleton<TimeProvider>(_clock);
        }).GetRequiredService<GroupRateLimiter>();

        var a = New();
        return (a, storage.Provider == TestStorage.Postgres ? New() : a);
    }
}
