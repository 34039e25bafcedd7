using SmartPick.Bot.Cli;
using SmartPick.Bot.Core.Corrections;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Reminders;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Storage.Postgres.Tests.Cli;

/// <summary>The operator's side: choosing the provider, bad settings, and copying a SQLite database into PostgreSQL.</summary>
public sealed class StorageCliTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("--SmartPick:Storage:Provider=Mongo", "SmartPick:Storage:Provider must be Sqlite or Postgres, not 'Mongo'")]
    [InlineData("--SmartPick:Storage:ConnectionString=nonsense", "SmartPick:Storage:ConnectionString is not a valid SQLite connection string")]
    public async Task AWrongStorageSetting_IsAOneLineConfigurationError_NamingIt(string setting, string expected)
    {
        var (code, _, stderr) = await RunAsync(["chat", setting]);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error: " + expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachablePostgres_IsAOneLineConfigurationError_WithoutThePassword()
    {
        var (code, _, stderr) = await RunAsync(["chat", "--SmartPick:Storage:Provider=Postgres", "--SmartPick:Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=5"]);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("configuration error: SmartPick:Storage:ConnectionString: cannot connect to PostgreSQL at 127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task StorageMigrate_CopiesEveryStoredThing_AndARerunCopiesNothing()
    {
        // Arrange: a SQLite database with two users, a list entry, a reminder setting, a sent notice, an adapter entry
        // and a /report correction; an empty PostgreSQL database.
        using var sqlite = TestStorage.Create(TestStorage.Sqlite);
        using var postgres = TestStorage.Create(TestStorage.Postgres);
        var alice = new UserKey("telegram", "1");
        var bob = new UserKey("discord", "2");
        var state = new UserState(new ApplicantProfile { Specialties = ["Pediatrics"], GraduationYear = 2018 }, new ConversationState("visa", ["specialties"]));
        await sqlite.UserStore().SaveAsync(alice, state, None);
        await sqlite.UserStore().SaveAsync(bob, UserState.New, None);
        await sqlite.AdapterState().SetAsync("telegram:offset", "991", None);
        var added = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        await sqlite.Get<IApplicantListStore>().AddAsync(alice, new ListEntry("1400531031", "Internal Medicine", added), None);
        await sqlite.Get<IReminderStore>().SetAsync(alice, new ReminderSubscription(true, "Asia/Manila", added), None);
        var ledger = sqlite.Get<INotificationLedger>();
        await ledger.TryClaimAsync(alice, "deadline:2026-09-24", added, TimeSpan.FromMinutes(5), None);
        await ledger.CompleteAsync(alice, "deadline:2026-09-24", NoticeOutcome.Sent, None);
        var report = await sqlite.Get<ICorrectionStore>().AddAsync(new CorrectionReport(0, "1400531031", "1400531031", "They no longer sponsor J-1", UserHash.Of(alice), added), None);
        var guild = new Core.Servers.ServerKey("discord", "197038439483310086");
        var serverSettings = new Core.Servers.ServerSettings { Announcements = true, AnnouncementChannelId = "41771983423143937", QuietFromHour = 22, QuietToHour = 7 };
        await sqlite.Get<Core.Servers.IServerSettingsStore>().SetAsync(guild, serverSettings, None);
        await sqlite.Get<Core.Servers.Feedback.IFeedbackStore>().TryAddAsync("voter", new Core.Servers.Feedback.FeedbackVote("discord", ["soap"], false, added), added.AddDays(1), None);
        await sqlite.Get<Core.Servers.Feedback.IFeedbackStore>().AddSharedAsync(new Core.Servers.Feedback.SharedQuestion("telegram", "I got ### on CK, is that enough for IM?", ["soap"], added), None);
        string[] args = ["storage", "migrate", "--to-connection-string", postgres.ConnectionString, "--from-connection-string", sqlite.ConnectionString];

        // Act
        var first = await RunAsync(args);
        var second = await RunAsync(args);

        // Assert
        Assert.Equal((0, "users: 2 copied, 0 already in the target; list entries: 1 copied, 0 already in the target; reminder settings: 1 copied, 0 already in the target; notices: 1 copied, 0 already in the target; adapter state: 1 copied, 0 already in the target; correction reports: 1 copied, 0 already in the target; server settings: 1 copied, 0 already in the target; answer votes: 1 copied, 0 already in the target; shared questions: 1 copied, 0 already in the target"), (first.Code, first.Stdout.Trim()));
        Assert.Equal((0, "users: 0 copied, 2 already in the target; list entries: 0 copied, 1 already in the target; reminder settings: 0 copied, 1 already in the target; notices: 0 copied, 1 already in the target; adapter state: 0 copied, 1 already in the target; correction reports: 0 copied, 1 already in the target; server settings: 0 copied, 1 already in the target; answer votes: 0 copied, 1 already in the target; shared questions: 0 copied, 1 already in the target"), (second.Code, second.Stdout.Trim()));
        var copied = (await postgres.UserStore().LoadAsync(alice, None))!;
        Assert.Equal(ProfileJson.Serialize(state.Profile), ProfileJson.Serialize(copied.Profile));
        Assert.Equal("visa", copied.Conversation.IntakeStep);
        Assert.Equal(["specialties"], copied.Conversation.History);
        Assert.NotNull(await postgres.UserStore().LoadAsync(bob, None));
        Assert.Equal("991", await postgres.AdapterState().GetAsync("telegram:offset", None));
        Assert.Equal([("1400531031", "Internal Medicine", added)], (await postgres.Get<IApplicantListStore>().GetAsync(alice, None)).Select(e => (e.ProgramId, e.Track, e.AddedAt)));
        Assert.Equal(new ReminderSubscription(true, "Asia/Manila", added), await postgres.Get<IReminderStore>().GetAsync(alice, None));
        Assert.Equal([report with { Id = 0 }], (await postgres.Get<ICorrectionStore>().ListAsync(since: null, None)).Select(r => r with { Id = 0 }));
        Assert.Equal(serverSettings, await postgres.Get<Core.Servers.IServerSettingsStore>().GetAsync(guild, None));
        Assert.Equal([("discord", "soap", false, added)], (await postgres.Get<Core.Servers.Feedback.IFeedbackStore>().ListAsync(since: null, None)).Select(v => (v.Platform, string.Join(',', v.Sections), v.Helpful, v.At)));
        Assert.Equal([("telegram", "I got ### on CK, is that enough for IM?", "soap", added)], (await postgres.Get<Core.Servers.Feedback.IFeedbackStore>().ListSharedAsync(since: null, None)).Select(q => (q.Platform, q.Text, string.Join(',', q.Sections), q.At)));
        Assert.False(await postgres.Get<INotificationLedger>().TryClaimAsync(alice, "deadline:2026-09-24", added.AddDays(30), TimeSpan.FromMinutes(5), None)); // already sent: not again
    }

    [PostgresFact]
    public async Task StorageMigrate_NeverOverwritesWhatTheTargetAlreadyHas()
    {
        using var sqlite = TestStorage.Create(TestStorage.Sqlite);
        using var postgres = TestStorage.Create(TestStorage.Postgres);
        var user = new UserKey("telegram", "1");
        await sqlite.UserStore().SaveAsync(user, new UserState(new ApplicantProfile { GraduationYear = 2001 }, ConversationState.Idle), None);
        await postgres.UserStore().SaveAsync(user, new UserState(new ApplicantProfile { GraduationYear = 2020 }, ConversationState.Idle), None);

        var (code, stdout, _) = await RunAsync(["storage", "migrate", "--to-connection-string", postgres.ConnectionString, "--from-connection-string", sqlite.ConnectionString]);

        Assert.Equal(0, code);
        Assert.StartsWith("users: 0 copied, 1 already in the target", stdout, StringComparison.Ordinal);
        Assert.Equal(2020, (await postgres.UserStore().LoadAsync(user, None))!.Profile.GraduationYear);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(string.Empty), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
