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
}
