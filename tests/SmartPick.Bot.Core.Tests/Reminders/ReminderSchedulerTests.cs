using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Tests.List;
using SmartPick.Bot.Core.Timeline;

namespace SmartPick.Bot.Core.Tests.Reminders;

public sealed class ReminderSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private readonly FakeMessenger _messenger;
    private readonly ApplicantBot _bot;

    public ReminderSchedulerTests()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
        _messenger = new FakeMessenger(clock);
        _bot = new ApplicantBot(clock, s => s.AddSingleton<IDirectMessenger>(_messenger));
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task WholeCycle_WithRestarts_EveryReminderArrivesOnce_At9InTheUsersZone()
    {
        await _bot.Direct("pt").Send("/remind on").Expect("Reminders are **on**").RunAsync();
        await _bot.Direct("in").Send("/remind tz Asia/Kolkata").Send("/remind on").Expect("Asia/Kolkata").RunAsync();
        var end = new DateTimeOffset(2027, 7, 2, 12, 0, 0, TimeSpan.Zero);

        for (var step = 0; _bot.Clock.GetUtcNow() < end; step++)
        {
            if (step % 720 == 719)
            {
                _bot.Reopen(); // a deploy every 30 days
            }

            await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None);
            _bot.Clock.Advance(TimeSpan.FromHours(1));
        }

        var timeline = _bot.Get<CycleTimeline>();
        foreach (var (user, zone) in new[] { ("pt", Pacific), ("in", Kolkata) })
        {
            // Subscribed on 4 Dec: every event from the first whose 3-days-before morning is still ahead, to 1 July 2027.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, zone).DateTime);
            var events = timeline.Events.Where(e => e.Date.AddDays(-3) > today && e.Date <= new DateOnly(2027, 7, 1)).ToList();
            var got = _messenger.Delivered.Where(d => d.UserId == user).Select(d => (d.UserId, Text: Markup.ToPlainText(d.Text), d.At)).ToList();
            Assert.Equal(events.Count * 2, got.Count);
            foreach (var e in events)
            {
                Assert.Single(got, d => d.Text.Contains(e.Event, StringComparison.Ordinal) && d.Text.Contains("is in 3 days", StringComparison.Ordinal));
                Assert.Single(got, d => d.Text.Contains(e.Event, StringComparison.Ordinal) && d.Text.Contains("is today", StringComparison.Ordinal));
            }

            Assert.All(got, d => Assert.Equal(9, TimeZoneInfo.ConvertTime(d.At, zone).Hour));
            Assert.All(got, d => Assert.Contains("Source: www.", d.Text.Replace("students-residents.aamc.org", "www.aamc", StringComparison.Ordinal), StringComparison.Ordinal));
        }

        Assert.Contains(timeline.Events, e => e.Event.Contains("certification deadline", StringComparison.Ordinal) && e.Date == new DateOnly(2027, 3, 3));
    }

    [Fact]
    public async Task CrashDuringSend_IsDeliveredOnce_AfterTheRestartAndTheLease()
    {
        await _bot.Direct("pt").Send("/remind on").RunAsync();
        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 17, 0, 0, TimeSpan.Zero)); // 09:00 PST, 3 days before 3 March
        _messenger.CrashNext = true;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None));
        _bot.Reopen();
        Assert.Equal(0, await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None)); // the dead process's claim still holds
        _bot.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None));
        _bot.Reopen();
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None));

        var delivered = Assert.Single(_messenger.Delivered);
        Assert.Contains("Rank order list certification deadline", delivered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesAtOnce_SendEachReminderOnce()
    {
        for (var i = 0; i < 20; i++)
        {
            await _bot.Direct($"u{i}").Send("/remind on").RunAsync();
        }

        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 17, 30, 0, TimeSpan.Zero));
        using var other = _bot.StartAnother();

        var counts = await Task.WhenAll(
            _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None),
            other.Services.GetRequiredService<ReminderRunner>().RunOnceAsync(CancellationToken.None));

        Assert.Equal(20, counts.Sum());
        Assert.Equal(20, _messenger.Delivered.Select(d => d.UserId).Distinct().Count());
        Assert.Equal(20, _messenger.Delivered.Count);
    }

    [Fact]
    public async Task AtMostMaxSendsPerCheck_TheRestFollowOnLaterChecks()
    {
        using var limited = new ApplicantBot(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start), s => s.AddSingleton<IDirectMessenger>(_messenger),
            new() { ["SmartPick:Reminders:MaxSendsPerCheck"] = "2" });
        for (var i = 0; i < 5; i++)
        {
            await limited.Direct($"u{i}").Send("/remind on").RunAsync();
        }

        limited.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 17, 0, 0, TimeSpan.Zero));
        var runner = limited.Get<ReminderRunner>();

        int[] counts = [await runner.RunOnceAsync(CancellationToken.None), await runner.RunOnceAsync(CancellationToken.None), await runner.RunOnceAsync(CancellationToken.None), await runner.RunOnceAsync(CancellationToken.None)];

        Assert.Equal([2, 2, 1, 0], counts);
        Assert.Equal(5, _messenger.Delivered.Count);
    }

    [Fact]
    public async Task FailedSend_IsRetried_UnreachableUser_IsNot()
    {
        await _bot.Direct("pt").Send("/remind on").RunAsync();
        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 17, 0, 0, TimeSpan.Zero));
        var runner = _bot.Get<ReminderRunner>();

        _messenger.NextResult = DirectSendResult.Failed;
        Assert.Equal(1, await runner.RunOnceAsync(CancellationToken.None));
        _messenger.NextResult = DirectSendResult.Sent;
        Assert.Equal(1, await runner.RunOnceAsync(CancellationToken.None));
        Assert.Single(_messenger.Delivered);

        _bot.Clock.Advance(TimeSpan.FromDays(3)); // the on-the-day reminder; the user has blocked the bot meanwhile
        _messenger.NextResult = DirectSendResult.Unreachable;
        Assert.Equal(1, await runner.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await runner.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemindOff_StopsReminders_AndForgetDeletesThem()
    {
        await _bot.Direct("pt").Send("/remind on").RunAsync();
        _bot.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 17, 0, 0, TimeSpan.Zero));
        await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None);
        await _bot.Direct("pt").Send("/remind off").Expect("Reminders are **off**").RunAsync();
        _bot.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await _bot.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None));

        await _bot.Direct("pt").Send("/forget").Press("Yes, delete everything").RunAsync();

        Assert.Equal(0, _bot.Count("reminder_subscriptions", "pt"));
        Assert.Equal(0, _bot.Count("notification_ledger", "pt"));
        Assert.Single(_messenger.Delivered);
    }

    [Fact]
    public async Task RemindOn_WhereThePlatformCannotBeMessaged_SaysRemindersWillNotArrive()
    {
        await _bot.Direct("pt").Send("/remind on").ExpectNot("will not arrive").RunAsync();
        await new Support.ConversationScript(_bot.Engine, "console", "local", ChatKind.Direct).Send("/remind on").Expect("reminders will not arrive here").RunAsync();
    }

    [Fact]
    public async Task UnknownTimeZone_IsRefused()
    {
        await _bot.Direct().Send("/remind tz Mars/Olympus").Expect("I don't know the time zone").RunAsync();

        Assert.Equal(0, _bot.Count("reminder_subscriptions", "u1"));
    }
}
