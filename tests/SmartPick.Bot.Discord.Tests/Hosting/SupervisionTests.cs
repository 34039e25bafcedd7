using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Telemetry;
using SmartPick.Bot.Discord.Tests.Support;

namespace SmartPick.Bot.Discord.Tests.Hosting;

/// <summary>
/// An unexpected exception out of the gateway (here: the database failing while the identify budget is read) restarts
/// it with back-off and is counted; an adapter that keeps failing is given up and marks the run as failed.
/// </summary>
public sealed class SupervisionTests
{
    [Fact]
    public async Task StorageFailureBeforeIdentify_RestartsTheGateway_CountsIt_AndTheBotConnects()
    {
        // Arrange
        var store = new FailingStateStore(failures: 1);
        await using var bot = await BotHarness.StartAsync(waitForReady: false, configure: s => s.AddSingleton<IAdapterStateStore>(store));
        using var restarts = new MetricCollector<long>(bot.Host.Services.GetRequiredService<IMeterFactory>(), DiscordMetrics.MeterName, "smartpick.adapter.restarts");
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        // Act
        store.Release();
        await bot.Time.PumpUntilAsync(() => bot.Fake.Gateway.Identifies == 1);

        // Assert
        Assert.Equal(1, restarts.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.False(bot.Host.Services.GetRequiredService<AdapterFailure>().Failed);
    }

    [Fact]
    public async Task GatewayThatKeepsFailing_IsGivenUp_AndTheRunCountsAsFailed()
    {
        // Arrange
        var store = new FailingStateStore(failures: int.MaxValue);
        await using var bot = await BotHarness.StartAsync(waitForReady: false, configure: s => s.AddSingleton<IAdapterStateStore>(store));
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();

        // Act
        store.Release();
        await bot.Time.PumpUntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested, TimeSpan.FromSeconds(5));

        // Assert
        Assert.Equal("discord", bot.Host.Services.GetRequiredService<AdapterFailure>().Platform);
        Assert.Equal(AdapterSupervisor.MaxConsecutiveRestarts + 1, store.Calls);
        Assert.Equal(0, bot.Fake.Gateway.Identifies);
    }

    /// <summary>A database that throws (like a locked or unreachable one) for its first calls, once released.</summary>
    private sealed class FailingStateStore(int failures) : IAdapterStateStore
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, string> values = [];
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public void Release() => released.TrySetResult();

        public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
        {
            await released.Task.WaitAsync(cancellationToken);
            if (Interlocked.Increment(ref calls) <= failures)
            {
                throw new InvalidOperationException("database is locked");
            }

            lock (values)
            {
                return values.GetValueOrDefault(key);
            }
        }

        public Task SetAsync(string key, string value, CancellationToken cancellationToken)
        {
            lock (values)
            {
                values[key] = value;
            }

            return Task.CompletedTask;
        }
    }
}
