using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Servers;

namespace SmartPick.Bot.Core.Tests.Servers;

/// <summary>Issue 16 point 5: one busy server queues behind itself; another server's sends are not held up by it.</summary>
public sealed class ServerSendBudgetTests
{
    private static readonly ServerKey Busy = new("discord", "1");
    private static readonly ServerKey Quiet = new("discord", "2");

    [Fact]
    public void ABusyServer_GetsItsBurstThenOneSendPerInterval_AndAnotherServerIsNotDelayed()
    {
        // Arrange: 5/s, burst 10.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var budget = new ServerSendBudget(Options.Create(new ServerBudgetOptions { PerSecond = 5, Burst = 10 }), clock);

        // Act: the busy server asks for 100 sends at one instant, then the quiet one for one.
        var waits = Enumerable.Range(0, 100).Select(_ => budget.Reserve(Busy)).ToList();
        var quiet = budget.Reserve(Quiet);

        // Assert
        Assert.All(waits.Take(10), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromMilliseconds(200), waits[10]);
        Assert.Equal(TimeSpan.FromMilliseconds(200 * 90), waits[99]); // 100 sends take 18 s: 5/s after the burst
        Assert.Equal(TimeSpan.Zero, quiet);
    }

    [Fact]
    public void AnIdleServer_RefillsUpToItsBurst_NotBeyond()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var budget = new ServerSendBudget(Options.Create(new ServerBudgetOptions { PerSecond = 5, Burst = 10 }), clock);
        for (var i = 0; i < 10; i++)
        {
            budget.Reserve(Busy);
        }

        clock.Advance(TimeSpan.FromMinutes(10)); // far longer than a refill

        var waits = Enumerable.Range(0, 11).Select(_ => budget.Reserve(Busy)).ToList();
        Assert.Equal(10, waits.Count(w => w == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMilliseconds(200), waits[10]);
    }

    [Fact]
    public void ZeroPerSecond_SwitchesTheBudgetOff()
    {
        var budget = new ServerSendBudget(Options.Create(new ServerBudgetOptions { PerSecond = 0 }), new FakeTimeProvider());

        Assert.All(Enumerable.Range(0, 1000).Select(_ => budget.Reserve(Busy)), w => Assert.Equal(TimeSpan.Zero, w));
    }
}
