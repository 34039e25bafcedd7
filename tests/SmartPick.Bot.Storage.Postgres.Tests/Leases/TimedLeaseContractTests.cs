using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Leases;

/// <summary>Named time leases (Discord shards, identify slots) on both providers.</summary>
public sealed class TimedLeaseContractTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task ALease_IsHeldByOneOwnerUntilItExpiresOrIsReleased(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var a = Leases(storage);
        var b = Leases(storage);

        var taken = await a.TryAcquireAsync("discord:shard:0", "A", Duration, None);
        var refused = await b.TryAcquireAsync("discord:shard:0", "B", Duration, None);
        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        var renewed = await a.TryAcquireAsync("discord:shard:0", "A", Duration, None);
        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        var stillRefused = await b.TryAcquireAsync("discord:shard:0", "B", Duration, None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await b.TryAcquireAsync("discord:shard:0", "B", Duration, None);
        var formerOwner = await a.TryAcquireAsync("discord:shard:0", "A", Duration, None);
        await a.ReleaseAsync("discord:shard:0", "A", None); // not A's any more: no effect
        var stillB = await a.TryAcquireAsync("discord:shard:0", "A", Duration, None);
        await b.ReleaseAsync("discord:shard:0", "B", None);
        var released = await a.TryAcquireAsync("discord:shard:0", "A", Duration, None);

        Assert.Equal(
            (true, false, true, false, true, false, false, true),
            (taken, refused, renewed, stillRefused, afterExpiry, formerOwner, stillB, released));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task ManyInstancesRacingForOneLease_ExactlyOneWins(string provider)
    {
        using var storage = TestStorage.Create(provider);
        var instances = Enumerable.Range(0, 6).Select(_ => Leases(storage)).ToArray();

        var results = await Task.WhenAll(instances.Select((l, i) => l.TryAcquireAsync("discord:identify:0", $"i{i}", Duration, None)));

        Assert.Single(results, r => r);
    }

    private ITimedLeases Leases(TestStorage storage) =>
        storage.NewInstance(b => b.Services.AddSingleton<TimeProvider>(_clock)).GetRequiredService<ITimedLeases>();
}
