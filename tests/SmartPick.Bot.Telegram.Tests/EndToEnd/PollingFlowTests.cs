using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Commands;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Dispatch;
using SmartPick.Bot.Telegram.Tests.Fakes;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.EndToEnd;

/// <summary>The adapter against the fake Bot API with the real TelegramBotClient, driven by a scripted engine.</summary>
public sealed class PollingFlowTests : IAsyncLifetime
{
    private const long Ann = 1001;
    private FakeBotApi _api = null!;
    private readonly FakeEngine _engine = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = TestBot.WithFakeEngine(_api, _engine, new InMemoryAdapterStateStore());
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Start_RegistersCommandsForPrivateChatsAndGroupsWithTelegramNames()
    {
        await _api.WaitUntilAsync(f => f.CallsOf("setMyCommands").Count == 3);

        var calls = _api.CallsOf("setMyCommands");
        Assert.All(calls, c => Assert.True(c.Succeeded));
        Assert.Equal(["all_private_chats", "all_group_chats", "all_chat_administrators"], calls.Select(c => c.Parameters["scope"]!["type"]!.GetValue<string>()));
        Assert.Contains(calls[0].Parameters["commands"]!.AsArray(), c => c!["command"]!.GetValue<string>() == "explain_score");

        // Every command the engine understands is in the private-chat menu, in Telegram's spelling.
        var privateMenu = calls[0].Parameters["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(CommandText.Names.Where(n => n != "settings").Select(n => n.Replace('-', '_')).Order(StringComparer.Ordinal), privateMenu);

        // /settings is offered to group administrators only (members never see it in the menu).
        string[] Menu(int i) => [.. calls[i].Parameters["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>())];
        Assert.DoesNotContain("settings", Menu(1));
        Assert.Equal([.. Menu(1), "settings"], Menu(2));
    }

    [Fact]
    public async Task PrivateText_IsAnsweredInHtmlWithUserTextEscaped()
    {
        _api.SendText(Ann, "<b>232</b> & more");

        var sent = await _api.WaitForSentAsync(Ann, 1);

        Assert.Equal("HTML", sent[0].ParseMode, ignoreCase: true);
        Assert.Equal("echo: &lt;b&gt;232&lt;/b&gt; &amp; more", sent[0].Text);
    }

    [Fact]
    public async Task ButtonPress_IsAnsweredFirstThenHandledAndTheQuestionShowsTheChoice()
    {
        // Arrange
        _engine.Respond = (m, _) => Task.FromResult<IReadOnlyList<Reply>>(m.Content is ButtonContent b
            ? [new Reply("Noted: " + b.Payload)]
            : [new Reply("Which specialty?") { Choices = [new Choice("Internal Medicine", "spec:im"), new Choice("Family Medicine", "spec:fm")] }]);
        _api.SendText(Ann, "/profile");
        var question = (await _api.WaitForSentAsync(Ann, 1))[0];
        Assert.Equal("spec:fm", question.InlineKeyboard![1]![0]!["callback_data"]!.GetValue<string>());

        // Act
        _api.PressButton(Ann, Ann, question.MessageId!.Value, "spec:fm");
        await _api.WaitUntilAsync(f => f.CallsOf("editMessageText").Count == 1);

        // Assert
        var calls = _api.Calls.Where(c => c.Method is "answerCallbackQuery" or "sendMessage" or "editMessageText").ToList();
        Assert.Equal(["sendMessage", "answerCallbackQuery", "sendMessage", "editMessageText"], calls.Select(c => c.Method));
        Assert.All(calls, c => Assert.True(c.Succeeded));
        Assert.Equal("Noted: spec:fm", calls[2].Text);
        Assert.Contains("✓ <b>Family Medicine</b>", calls[3].Text, StringComparison.Ordinal);
        Assert.Null(calls[3].InlineKeyboard);
    }

    [Fact]
    public async Task TooManyRequestsOnSendMessage_IsRetriedAfterRetryAfter()
    {
        _api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        _api.SendText(Ann, "hello");
        await _api.WaitForSentAsync(Ann, 1);

        var attempts = _api.CallsOf("sendMessage");
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].AtMs - attempts[0].AtMs >= 1000, $"retried after {attempts[1].AtMs - attempts[0].AtMs} ms");
    }

    [Fact]
    public async Task ServerErrorOnSendMessage_IsRetriedWithBackoff()
    {
        _api.FailNext("sendMessage", 502, "Bad Gateway");

        _api.SendText(Ann, "hello");
        await _api.WaitForSentAsync(Ann, 1);

        Assert.Equal([502, 200], _api.CallsOf("sendMessage").Select(a => a.Status));
    }

    [Fact]
    public async Task DroppedConnectionOnSendMessage_IsRetried()
    {
        _api.FailNext("sendMessage", FakeBotApi.DropConnection, string.Empty);

        _api.SendText(Ann, "hello");
        await _api.WaitForSentAsync(Ann, 1);

        Assert.Equal([0, 200], _api.CallsOf("sendMessage").Select(a => a.Status));
    }

    [Fact]
    public async Task FailingGetUpdates_BacksOffAndPollingContinues()
    {
        _api.FailNext("getUpdates", 502, "Bad Gateway");

        _api.SendText(Ann, "still there?");

        Assert.Single(await _api.WaitForSentAsync(Ann, 1));
    }

    [Fact]
    public async Task LongAnswer_ArrivesAsTwoValidMessages()
    {
        var paragraphs = Enumerable.Range(0, 60).Select(i => $"**Paragraph {i}**: " + new string('z', 90) + " <&>");
        var answer = string.Join("\n\n", paragraphs);
        Assert.InRange(answer.Length, 6000, 7000);
        _engine.Respond = (_, _) => Task.FromResult<IReadOnlyList<Reply>>([new Reply(answer)]);

        _api.SendText(Ann, "/ask long");
        await _api.WaitUntilAsync(f => f.SentTo(Ann).Count == 2);
        await Task.Delay(300); // nothing more should follow

        var sent = _api.SentTo(Ann);
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, _api.CallsOf("sendMessage").Count); // the fake accepted both on the first try
        Assert.All(sent, s => Assert.True(TelegramHtml.TryParse(s.Text!, out var plain, out _) && plain.Length <= 4096));
        Assert.StartsWith("<b>Paragraph 0</b>", sent[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("&lt;&amp;&gt;", sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowHandler_DoesNotDelayOtherChats()
    {
        // Arrange
        var release = new TaskCompletionSource();
        _engine.Respond = async (m, ct) =>
        {
            if (m.UserId == "2001")
            {
                await release.Task.WaitAsync(ct);
            }

            return await FakeEngine.EchoAsync(m, ct);
        };

        // Act
        _api.SendText(2001, "slow question");
        _api.SendText(2002, "quick one");
        var quick = await _api.WaitForSentAsync(2002, 1);

        // Assert
        Assert.Equal("echo: quick one", quick[0].Text);
        Assert.Empty(_api.SentTo(2001));
        await _api.WaitUntilAsync(f => f.CallsOf("sendChatAction").Any(c => c.ChatId == 2001), because: "a slow answer shows typing");
        Assert.Equal("typing", _api.CallsOf("sendChatAction")[0].Parameters["action"]!.GetValue<string>());
        release.SetResult();
        await _api.WaitForSentAsync(2001, 1);
    }

    [Fact]
    public async Task FailingHandler_AnswersWithAnApologyAndTheChatKeepsWorking()
    {
        _engine.Respond = (m, ct) => m.Content is TextContent { Text: "boom" }
            ? throw new InvalidOperationException("engine bug")
            : FakeEngine.EchoAsync(m, ct);

        _api.SendText(Ann, "boom");
        _api.SendText(Ann, "after");
        var sent = await _api.WaitForSentAsync(Ann, 2);

        Assert.Equal([UpdatePipeline.FailureText, "echo: after"], sent.Select(s => s.Text));
    }

    [Fact]
    public async Task GroupCommandWithPrivateAnswer_PostsOnlyADeepLink_AndStartContinuesInPrivate()
    {
        // Arrange
        const long group = -1009001;
        _engine.Respond = (m, _) => Task.FromResult<IReadOnlyList<Reply>>(m.Content is CommandContent { Name: "rank" }
            ? [Reply.Private("Your Step 2 CK 232 ranks 12 programs") with { ContinueInDirect = "rank" }]
            : [new Reply($"resumed {((CommandContent)m.Content).Arguments} in {m.ChatKind}")]);

        // Act
        _api.SendText(Ann, "/rank@SmartPickTestBot", chatId: group, group: true);
        var inGroup = (await _api.WaitForSentAsync(group, 1))[0];
        var link = inGroup.InlineKeyboard![0]![0]!["url"]!.GetValue<string>();
        _api.SendText(Ann, "/start " + new Uri(link).Query["?start=".Length..]);
        var inPrivate = await _api.WaitForSentAsync(Ann, 1);

        // Assert
        Assert.Equal("https://t.me/SmartPickTestBot?start=rank", link);
        Assert.DoesNotContain("232", inGroup.Text, StringComparison.Ordinal);
        Assert.Equal("resumed rank in Direct", inPrivate[0].Text);
        Assert.Single(_api.SentTo(group));
    }

    [Fact]
    public async Task OtherBotsCommandsInAGroup_AreIgnored()
    {
        const long group = -1009002;
        _api.SendText(Ann, "/rank@SomeOtherBot", chatId: group, group: true);
        _api.SendText(Ann, "/help@SmartPickTestBot", chatId: group, group: true);

        var sent = await _api.WaitForSentAsync(group, 1);

        Assert.Equal("echo: /help", Assert.Single(sent).Text);
        Assert.Single(_engine.Received);
    }

    [Fact]
    public async Task Photo_IsSentAsMultipartWithCaption()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        _engine.Respond = (_, _) => Task.FromResult<IReadOnlyList<Reply>>([new Reply("Your **plan**") { Image = new ReplyImage(png, "Chart", "plan.png") }]);

        _api.SendText(Ann, "/plan");
        var sent = await _api.WaitForSentAsync(Ann, 1);

        Assert.Equal(("sendPhoto", "Your <b>plan</b>", (long?)png.Length), (sent[0].Method, sent[0].Text, sent[0].PhotoBytes));
        Assert.Equal("file:plan.png", sent[0].Parameters["photo"]!.GetValue<string>());
    }
}
