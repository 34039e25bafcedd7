using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Telegram.Configuration;
using SmartPick.Bot.Telegram.Sending;

namespace SmartPick.Bot.Telegram.Tests.Sending;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_SameChat_SpacesMessagesOneSecondApart()
    {
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 30 }), _time);

        var delays = Enumerable.Range(0, 3).Select(_ => limiter.Reserve(42, isGroup: false)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
    }

    [Fact]
    public void Reserve_ManyChats_StaysUnderTheGlobalRate()
    {
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions { GlobalMessagesPerSecond = 30 }), _time);

        var delays = Enumerable.Range(0, 90).Select(chat => limiter.Reserve(chat, isGroup: false)).ToList();

        // 90 messages to 90 chats need three seconds at 30/s: queued, none dropped.
        Assert.Equal(30, delays.Count(d => d < TimeSpan.FromSeconds(1)));
        Assert.InRange(delays[^1], TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Reserve_Group_UsesTheGroupInterval()
    {
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions { PerGroupIntervalMilliseconds = 3000 }), _time);

        limiter.Reserve(-1, isGroup: true);

        Assert.Equal(TimeSpan.FromSeconds(3), limiter.Reserve(-1, isGroup: true));
    }

    [Fact]
    public async Task WaitAsync_AfterDefer_WaitsForRetryAfter()
    {
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions()), _time);
        limiter.Defer(42, TimeSpan.FromSeconds(5));

        var wait = limiter.WaitAsync(42, isGroup: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(wait.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_WithABudgetSharedByInstances_WaitsForTheSharedSlot_InsteadOfALocalGlobalRate()
    {
        // Arrange: other instances already used this second's budget, so the shared bucket queues this send for 0.5 s.
        var shared = new QueuedBudget(TimeSpan.FromMilliseconds(500));
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions { Token = "7000001:secret", GlobalMessagesPerSecond = 30 }), _time, shared);

        // Act
        var localDelays = Enumerable.Range(0, 90).Select(chat => limiter.Reserve(chat, isGroup: false)).ToList();
        var wait = limiter.WaitAsync(1000, isGroup: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        var earlyDone = wait.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert: the global rate is not counted twice (locally and in the database), and the bucket never names the secret.
        Assert.All(localDelays, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.False(earlyDone);
        Assert.Equal(("telegram:7000001:global", 30.0, 30), Assert.Single(shared.Calls));
    }

    private sealed class QueuedBudget(TimeSpan wait) : SmartPick.Bot.Core.State.ISendBudget
    {
        public List<(string Bucket, double PerSecond, int Burst)> Calls { get; } = [];

        public Task<TimeSpan> ReserveAsync(string bucket, double perSecond, int burst, CancellationToken cancellationToken)
        {
            Calls.Add((bucket, perSecond, burst));
            return Task.FromResult(wait);
        }
    }
}
