using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;

namespace SmartPick.Bot.Storage.Postgres.Tests.Leases;

/// <summary>The bot-wide send budget shared by instances on PostgreSQL (Telegram: 30 messages/s per token).</summary>
public sealed class SendBudgetTests
{
    private const string Bucket = "telegram:7000001:global";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.Zero));

    [PostgresFact]
    public async Task ThreeInstancesSendingAtOnce_ShareOneBudget_ExtraSendsQueueOneSlotEach()
    {
        // Arrange
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var instances = Enumerable.Range(0, 3).Select(_ => Budget(storage)).ToArray();

        // Act: 90 sends at one instant, 30 from each instance.
        var waits = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => instances[i % 3].ReserveAsync(Bucket, 30, 30, None)));

        // Assert: 30 go now (the burst), the other 60 are spread over the next two seconds, one per 1/30 s.
        Assert.Equal(30, waits.Count(w => w == TimeSpan.Zero));
        Assert.Equal(
            Enumerable.Range(1, 60).Select(k => Math.Round(k / 30.0, 6)),
            waits.Where(w => w > TimeSpan.Zero).Select(w => Math.Round(w.TotalSeconds, 6)).Order());
    }

    [PostgresFact]
    public async Task AfterAQuietSecond_TheBucketIsFullAgain_ButNeverHoldsMoreThanItsBurst()
    {
        using var storage = TestStorage.Create(TestStorage.Postgres);
        var budget = Budget(storage);
        for (var i = 0; i < 30; i++)
        {
            await budget.ReserveAsync(Bucket, 30, 30, None);
        }

        _clock.Advance(TimeSpan.FromSeconds(10));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 31; i++)
        {
            waits.Add(await budget.ReserveAsync(Bucket, 30, 30, None));
        }

        Assert.Equal(30, waits.Count(w => w == TimeSpan.Zero));
        Assert.Equal(1 / 30.0, waits[^1].TotalSeconds, 6);
    }

    private ISendBudget Budget(TestStorage storage) =>
        storage.NewInstance(b => b.Services.AddSingleton<TimeProvider>(_clock)).GetRequiredService<ISendBudget>();
}
