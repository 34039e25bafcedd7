using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Storage.Tests;

/// <summary>Issue 16 point 1: per-server settings on a real SQLite file.</summary>
public sealed class ServerSettingsStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ServerKey Guild = new("discord", "197038439483310086");
    private static readonly ServerKey Group = new("telegram", "-1001234567890");
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-servers-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Settings_RoundTripPerServer_AndANewServerHasNone()
    {
        var store = new SqliteServerSettingsStore(Database(), _clock);
        var settings = new ServerSettings
        {
            Announcements = true, AnnouncementChannelId = "41771983423143937", PublicAsk = false,
            TimeZone = "America/Chicago", QuietFromHour = 22, QuietToHour = 7,
        };

        await store.SetAsync(Guild, settings, None);
        await store.SetAsync(Guild, settings with { AnnouncementsOffReason = "channel deleted", Announcements = false }, None);

        Assert.Equal(settings with { AnnouncementsOffReason = "channel deleted", Announcements = false }, await new SqliteServerSettingsStore(Database(), _clock).GetAsync(Guild, None));
        Assert.Null(await store.GetAsync(Group, None));
        Assert.Null(await store.GetAsync(new ServerKey("telegram", Guild.ServerId), None)); // same id, other platform
    }

    [Fact]
    public async Task RemovedServer_IsDeleted_OthersStay_AndOnlyAnnouncingServersAreListed()
    {
        var store = new SqliteServerSettingsStore(Database(), _clock);
        await store.SetAsync(Guild, new ServerSettings { Announcements = true, AnnouncementChannelId = "1" }, None);
        await store.SetAsync(Group, new ServerSettings { Announcements = true }, None);
        await store.SetAsync(new ServerKey("telegram", "-100999"), new ServerSettings(), None);

        Assert.True(await store.DeleteAsync(Guild, None));
        Assert.False(await store.DeleteAsync(Guild, None));

        Assert.Null(await store.GetAsync(Guild, None));
        Assert.Equal(Group, Assert.Single(await store.ListAnnouncingAsync(None)).Server);
    }

    [Fact]
    public async Task ForgetOfAUser_NeverTouchesServerSettings()
    {
        var db = Database();
        var store = new SqliteServerSettingsStore(db, _clock);
        await store.SetAsync(Group, new ServerSettings { Announcements = true }, None);

        // The group's creator (and a user whose id equals the group id) asks to be forgotten.
        await new SqliteUserStore(db, _clock).ForgetAsync(new UserKey("telegram", Group.ServerId), None);

        Assert.True((await store.GetAsync(Group, None))!.Announcements);
    }

    [Theory]
    [InlineData(5, 0, true)]   // 05:00 UTC = 21:00 PST (UTC-8), the first quiet hour
    [InlineData(6, 0, true)]   // 22:00 PST
    [InlineData(14, 0, true)]  // 06:00 PST
    [InlineData(15, 0, false)] // 07:00 PST
    [InlineData(20, 0, false)] // 12:00 PST
    public void QuietHours_WrapPastMidnight_InTheServersTimeZone(int utcHour, int minute, bool quiet)
    {
        var settings = new ServerSettings { QuietFromHour = 21, QuietToHour = 7 };

        Assert.Equal(quiet, settings.IsQuiet(new DateTimeOffset(2026, 12, 4, utcHour, minute, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NoQuietHours_IsNeverQuiet()
    {
        Assert.False(new ServerSettings().IsQuiet(new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero)));
    }

    private SqliteDatabase Database() =>
        new(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_dir, "s.db")}" }), NullLogger<SqliteDatabase>.Instance);
}
