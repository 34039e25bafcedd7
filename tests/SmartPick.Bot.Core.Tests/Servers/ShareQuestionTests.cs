using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Servers.Feedback;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Bot.Storage;
using SmartPick.Bot.Storage.Schema;
using SmartPick.Bot.Storage.Stores;

namespace SmartPick.Bot.Core.Tests.Servers;

/// <summary>
/// Issue 16 point 4: "Share my question" under a cited guide answer in a direct chat shows the exact masked text and
/// stores it, without any user id, only after a yes.
/// </summary>
public sealed class ShareQuestionTests : IDisposable
{
    private const string Question = "I got 238 on Step 2 CK with 2 fails, which Internal Medicine programs should I signal?";
    private const string Masked = "I got ### on Step # CK with # fails, which Internal Medicine programs should I signal?";
    private readonly TestBot _bot = new();
    private readonly SqliteFeedbackStore _store;
    private readonly IConversationEngine _engine;

    public ShareQuestionTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero));
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_bot.DatabasePath}" }), NullLogger<SqliteDatabase>.Instance);
        _store = new SqliteFeedbackStore(database);
        var intake = new IntakeDialogue(clock);
        var router = new CommandRouter(intake, new ProfileCommands(intake), new AdviceCommands(new RecordingAdvisor(), new RecordingGuide()), List.ApplicantTestTools.Commands(database, clock, new RecordingAdvisor()),
            shares: new ShareQuestionCommand(_store, clock));
        var limiter = new GroupRateLimiter(Options.Create(new EngineOptions()), clock);
        _engine = new ConversationEngine(new SqliteUserStore(database, clock), router, limiter, clock, NullLogger<ConversationEngine>.Instance);
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Share_ShowsTheMaskedText_AndAYesStoresItWithoutTheUserId()
    {
        // Arrange
        var chat = await Direct("u1").Command("ask", Question).RunAsync();
        var share = chat.Last.SelectMany(r => r.Choices).Single(c => c.Label == "Share my question");

        // Act
        await chat.Press("Share my question").ExpectReplies(r =>
        {
            Assert.Contains("“" + Masked + "”", r[0].Text, StringComparison.Ordinal); // exactly what will be stored
            Assert.Equal(Visibility.Private, r[0].Visibility);
            Assert.Equal(["Yes, share it", "No"], r[0].Choices.Select(c => c.Label));
        }).Press("Yes, share it").Expect("stored without your user id").RunAsync();

        // Assert
        Assert.StartsWith(PendingChoices.TokenPrefix, share.Payload, StringComparison.Ordinal); // too long for 64 bytes: a server-side token
        var stored = Assert.Single(await _store.ListSharedAsync(since: null, CancellationToken.None));
        Assert.Equal(("test", Masked, "how-many"), (stored.Platform, stored.Text, string.Join(',', stored.Sections)));
        Assert.Equal(["id", "platform", "question", "sections", "created_at"], Columns("shared_questions")); // no column could hold a user
        Assert.DoesNotContain("u1", string.Join('|', Row()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No")]
    [InlineData(null)]
    public async Task Share_ThenNoOrTypedNo_StoresNothing(string? label)
    {
        var chat = await Direct("u2").Command("ask", Question).Press("Share my question").RunAsync();

        await (label is null ? chat.Send("no") : chat.Press(label)).Expect("nothing was stored").RunAsync();

        Assert.Empty(await _store.ListSharedAsync(since: null, CancellationToken.None));
    }

    [Fact]
    public async Task TypedYes_AfterShare_StoresTheQuestionOnce()
    {
        await Direct("u3").Command("ask", Question).Press("Share my question").Send("yes").Expect("stored without your user id").RunAsync();

        Assert.Equal([Masked], (await _store.ListSharedAsync(since: null, CancellationToken.None)).Select(q => q.Text));
    }

    [Fact]
    public async Task InAGroup_TheAnswerHasVotesButNoShareButton()
    {
        var chat = await new ConversationScript(_engine, "test", "u4", ChatKind.Group).Command("ask", Question).RunAsync();

        var labels = chat.Last.SelectMany(r => r.Choices).Select(c => c.Label).ToList();
        Assert.Contains("👍 Helpful", labels);
        Assert.DoesNotContain("Share my question", labels);
    }

    private ConversationScript Direct(string user) => new(_engine, "test", user, ChatKind.Direct);

    private List<string> Columns(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private List<string> Row()
    {
        using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform, question, sections, created_at FROM shared_questions;";
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
        }

        return cells;
    }
}
