namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    /// <summary>Another bot (is_bot = true, as Telegram marks every bot account) writes <paramref name="text"/> in a chat.</summary>
    public int SendTextFromBot(long botUserId, string text, long chatId, bool group = true)
    {
        var update = TextUpdate(botUserId, text, chatId, group);
        update.Message!.From = new global::Telegram.Bot.Types.User { Id = botUserId, IsBot = true, FirstName = "OtherBot", Username = "other_" + botUserId + "_bot" };
        return Enqueue(update);
    }
}
