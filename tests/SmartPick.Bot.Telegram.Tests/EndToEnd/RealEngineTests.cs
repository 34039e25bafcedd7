using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>
/// The real engine, ranking and SQLite storage behind the adapter (Host.CreateApplicationBuilder + AddBotCore +
/// AddSqliteStorage + AddTelegramAdapter), with the real TelegramBotClient talking to the fake Bot API.
/// </summary>
public sealed class RealEngineTests : IAsyncLifetime, IDisposable
{
    private const long Maria = 31_001;
    private readonly RealBot _bot = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task FullIntakeThenRank_InAPrivateChat()
    {
        using var host = _bot.Build(_api);
        await host.StartAsync();
        var chat = new ChatDriver(_api, Maria);

        // The first question comes with an inline keyboard; answer it with a button.
        var question = await chat.SayAsync("/start", "Which specialty");
        Assert.NotNull(question.InlineKeyboard);
        await chat.PressAsync(question, "Internal Medicine", "Which describes you");
        await AnswerRestOfIntakeAsync(chat);
        var rank = await chat.SayAsync("/rank", "chance to match");

        Assert.Contains("Best programs for you", ChatDriver.Plain(rank), StringComparison.Ordinal);
        Assert.Single(_api.CallsOf("answerCallbackQuery"));
        Assert.Contains("✓ Internal Medicine", ChatDriver.Plain(_api.CallsOf("editMessageText").Single()), StringComparison.Ordinal);
        Assert.All(_api.Calls.Where(c => c.Method != "getUpdates"), c => Assert.True(c.Succeeded, $"{c.Method} answered {c.Status}"));
        await host.StopAsync();
    }

    [Fact]
    public async Task GroupRank_PostsOnlyADeepLink_AndStartInPrivateShowsTheRanking()
    {
        // Arrange: a profile made in private chat.
        using var host = _bot.Build(_api);
        await host.StartAsync();
        var direct = new ChatDriver(_api, Maria);
        await direct.SayAsync("/profile set specialties Internal Medicine", "Saved");
        await direct.SayAsync("/profile set step2ck 232", "Saved");
        var group = new ChatDriver(_api, Maria, chatId: -100_777, group: true);

        // Act
        var link = await group.SayAsync("/rank@SmartPickTestBot", "private chat");
        var url = link.InlineKeyboard![0]![0]!["url"]!.GetValue<string>();
        var payload = url[(url.IndexOf("?start=", StringComparison.Ordinal) + "?start=".Length)..];
        var ranking = await direct.SayAsync("/start " + payload, "chance to match");

        // Assert
        Assert.Equal("https://t.me/SmartPickTestBot?start=rank", url);
        var groupText = Assert.Single(group.Transcript);
        Assert.DoesNotContain("232", groupText, StringComparison.Ordinal);
        Assert.DoesNotContain("chance to match", groupText, StringComparison.Ordinal);
        Assert.Contains("Best programs for you", ChatDriver.Plain(ranking), StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task RestartMidConversation_NoUpdateIsHandledTwiceOrLost()
    {
        // Arrange: the intake is under way when the bot stops.
        var chat = new ChatDriver(_api, Maria);
        using (var first = _bot.Build(_api))
        {
            await first.StartAsync();
            await chat.SayAsync("/profile", "Which specialty");
            await chat.SayAsync("Internal Medicine", "Which describes you");
            await first.StopAsync();
        }

        // Act: the user answers twice while the bot is down, then it comes back on the same database.
        _api.SendText(Maria, "non-US IMG");
        _api.SendText(Maria, "J-1");
        using var second = _bot.Build(_api);
        await second.StartAsync();
        await chat.ExpectAsync("visa");
        await chat.ExpectAsync("USMLE results");
        await chat.SayAsync("One at a time", "Step 1");

        // Assert: every answer moved the dialogue exactly one step; nothing re-asked, nothing rejected.
        var transcript = chat.Transcript;
        Assert.Single(transcript, t => t.Contains("Which specialty", StringComparison.Ordinal));
        Assert.Single(transcript, t => t.Contains("Which describes you", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, t => t.Contains("Please answer", StringComparison.Ordinal));
        await _api.WaitUntilAsync(f => f.PendingUpdates == 0, because: "every handled update is confirmed by the next getUpdates offset");
        await second.StopAsync();
    }

    private static async Task AnswerRestOfIntakeAsync(ChatDriver chat)
    {
        (string Say, string Expect)[] script =
        [
            ("non-US IMG", "visa"), ("J-1", "USMLE results"), ("Step 1 pass first attempt, Step 2 CK 238 first attempt, no Step 3, graduated 2019", "US clinical experience"),
            ("6 months hands-on, in California", "letters"), ("3 letters, 2 in IM, 1 from California", "Languages besides English"),
            ("Spanish, 1 publication", "train"), ("SoCal, CA", "rotate"), ("skip", string.Empty), ("0", string.Empty),
            ("/profile show", "Step 2 CK score: 238"),
        ];
        foreach (var (say, expect) in script)
        {
            await chat.SayAsync(say, expect);
        }
    }
}
