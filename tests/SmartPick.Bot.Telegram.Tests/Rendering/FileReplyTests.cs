using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Rendering;

namespace SmartPick.Bot.Telegram.Tests.Rendering;

public sealed class FileReplyTests
{
    private static readonly ReplyFile Csv = new([0xEF, 0xBB, 0xBF, (byte)'a', (byte)',', (byte)'b'], "smartpick-list.csv", "text/csv");

    [Fact]
    public void Render_AFileReply_SendsTheTextThenTheDocument()
    {
        var sends = ReplyRenderer.Render([new Reply("Your list as CSV (2 programs).") { File = Csv, Visibility = Visibility.Private }], 42, ChatKind.Direct, "SmartPickBot");

        Assert.Collection(
            sends,
            s => Assert.Contains("Your list as CSV", Assert.IsType<OutboundText>(s).Html, StringComparison.Ordinal),
            s =>
            {
                var document = Assert.IsType<OutboundDocument>(s);
                Assert.Equal(42, document.ChatId);
                Assert.Equal("smartpick-list.csv", document.FileName);
                Assert.Equal(Csv.Content, document.Content);
            });
    }

    [Fact]
    public void Render_AFileReplyInAGroup_PostsOnlyThePrivateChatLink()
    {
        var sends = ReplyRenderer.Render([new Reply("Your list as CSV.") { File = Csv, Visibility = Visibility.Private, ContinueInDirect = "list" }], -100, ChatKind.Group, "SmartPickBot");

        Assert.DoesNotContain(sends, s => s is OutboundDocument);
        Assert.Single(sends);
    }
}
