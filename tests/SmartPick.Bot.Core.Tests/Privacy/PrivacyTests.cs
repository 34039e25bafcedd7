using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Privacy;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Tests.List;
using SmartPick.Bot.Core.Tests.Reminders;

namespace SmartPick.Bot.Core.Tests.Privacy;

public sealed class PrivacyTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeMessenger _messenger;
    private readonly ApplicantBot _bot;

    public PrivacyTests()
    {
        var clock = new FakeTimeProvider(Start);
        _messenger = new FakeMessenger(clock);
        _bot = new ApplicantBot(clock, s => s.AddSingleton<IDirectMessenger>(_messenger));
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Privacy_SaysWhatIsStored_ForHowLong_AndHowToDelete()
    {
        await _bot.Direct()
            .Send("/privacy").Expect("What SmartPick stores").Expect("18 months").Expect("14 days before").Expect("/forget").Expect("/export")
            .RunAsync();
    }

    [Fact]
    public async Task InactiveUser_IsWarnedOnce14DaysBefore_ThenDeleted_ActiveUsersAreKept()
    {
        await _bot.Direct("quiet").Send("/list add 1400511040").Send("/remind tz Asia/Kolkata").RunAsync();
        await _bot.Direct("back").Send("/list add 1400511040").RunAsync();
        var cleanup = _bot.Get<InactivityCleanup>();

        _bot.Clock.SetUtcNow(Start.AddMonths(18).AddDays(-15));
        Assert.Equal((0, 0), await cleanup.RunOnceAsync(CancellationToken.None));

        _bot.Clock.SetUtcNow(Start.AddMonths(18).AddDays(-14).AddHours(1));
        Assert.Equal((2, 0), await cleanup.RunOnceAsync(CancellationToken.None));
        Assert.Equal((0, 0), await cleanup.RunOnceAsync(CancellationToken.None)); // warned once
        Assert.All(_messenger.Delivered, d => Assert.Contains("deleted on or after **4 Jun 2028**", d.Text, StringComparison.Ordinal));

        await _bot.Direct("back").Send("/list").RunAsync(); // reading does not count ...
        await _bot.Direct("back").Send("/list add 1400511070").RunAsync(); // ... a change does
        _bot.Clock.SetUtcNow(Start.AddMonths(18).AddDays(1));
        Assert.Equal((0, 1), await cleanup.RunOnceAsync(CancellationToken.None));

        foreach (var table in (string[])["profiles", "conversations", "list_entries", "reminder_subscriptions", "notification_ledger"])
        {
            Assert.Equal(0, _bot.Count(table, "quiet"));
        }

        Assert.Equal(2, _bot.Count("list_entries", "back"));
    }
}
