using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.Support;

namespace SmartPick.Bot.Core.Tests.Engine;

public sealed class GroupRateLimitTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task GroupUser_OverTheLimit_GetsOnePoliteReply_AndRecoversAfterTheWindow()
    {
        var engine = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, _bot.Advisor, _bot.Guide, groupMessagesPerMinute: 3);
        var chat = new ConversationScript(engine, "test", "u1", ChatKind.Group);
        await chat.Send("/help").Send("/help").Send("/help").Expect("SmartPick").RunAsync();

        await chat.Send("/help").Expect("faster than I can answer").Expect("seconds").RunAsync();
        Assert.Equal(Visibility.Private, Assert.Single(chat.Last).Visibility);
        await chat.Send("/help").RunAsync();
        Assert.Empty(chat.Last); // told once per window, then silence: the notice must not flood the group either

        // Other users and direct chats are not affected.
        await new ConversationScript(engine, "test", "u2", ChatKind.Group).Send("/help").Expect("SmartPick").RunAsync();
        await new ConversationScript(engine, "test", "u1", ChatKind.Direct).Send("/help").Expect("SmartPick").RunAsync();

        _bot.Clock.Advance(TimeSpan.FromSeconds(61));
        await chat.Send("/help").Expect("SmartPick").RunAsync();
    }

    [Fact]
    public async Task RedeliveredGroupMessage_CountsOnce_TowardTheLimit()
    {
        // A platform may deliver one message again (a crash, an expired inbox claim): it is answered from the record and
        // must not use up the member's allowance.
        var engine = TestBot.CreateEngine(_bot.DatabasePath, _bot.Clock, _bot.Advisor, _bot.Guide, groupMessagesPerMinute: 3);
        InboundMessage Help(string id) => new("test", "group-1", "u1", ChatKind.Group, new CommandContent("help")) { MessageId = id };

        var first = await engine.HandleAsync(Help("m1"), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first.Select(r => r.Text), (await engine.HandleAsync(Help("m1"), CancellationToken.None)).Select(r => r.Text));
        }

        Assert.Contains("SmartPick", (await engine.HandleAsync(Help("m2"), CancellationToken.None))[0].Text, StringComparison.Ordinal);
        Assert.Contains("SmartPick", (await engine.HandleAsync(Help("m3"), CancellationToken.None))[0].Text, StringComparison.Ordinal);
        Assert.Contains("faster than I can answer", (await engine.HandleAsync(Help("m4"), CancellationToken.None))[0].Text, StringComparison.Ordinal);
    }
}
