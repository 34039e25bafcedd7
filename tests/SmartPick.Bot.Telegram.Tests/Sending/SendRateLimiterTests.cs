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
}
