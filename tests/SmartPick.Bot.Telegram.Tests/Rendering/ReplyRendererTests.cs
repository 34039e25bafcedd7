using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Rendering;

namespace SmartPick.Bot.Telegram.Tests.Rendering;

public sealed class ReplyRendererTests
{
    private const long Group = -100500;

    [Fact]
    public void Render_PrivateRepliesInGroup_PostOnlyOneDeepLinkWithNothingPersonal()
    {
        // Arrange
        Reply[] replies = [Reply.Private("Your Step 2 CK **232** puts you at Reach") with { ContinueInDirect = "rank" }, Reply.Private("Program list ...")];

        // Act
        var output = ReplyRenderer.Render(replies, Group, ChatKind.Group, "SmartPickBot");

        // Assert
        var message = Assert.IsType<OutboundText>(Assert.Single(output));
        Assert.DoesNotContain("232", message.Html, StringComparison.Ordinal);
        Assert.Contains("https://t.me/SmartPickBot?start=rank", message.Html, StringComparison.Ordinal);
        Assert.Equal("https://t.me/SmartPickBot?start=rank", message.Keyboard!.InlineKeyboard.Single().Single().Url);
    }

    [Fact]
    public void Render_PrivateReplyInDirectChat_IsSentAsIs()
    {
        var output = ReplyRenderer.Render([Reply.Private("Score **232**")], 42, ChatKind.Direct, "SmartPickBot");

        Assert.Equal("Score <b>232</b>", Assert.IsType<OutboundText>(Assert.Single(output)).Html);
    }

    [Fact]
    public void Render_Choices_BecomeCallbackButtonsAndOversizedPayloadsAreDropped()
    {
        var reply = new Reply("Pick one") { Choices = [new Choice("Internal Medicine", "spec:im"), new Choice("Too long", new string('x', 65))] };

        var text = Assert.IsType<OutboundText>(Assert.Single(ReplyRenderer.Render([reply], 42, ChatKind.Direct, "b")));

        var button = Assert.Single(text.Keyboard!.InlineKeyboard.SelectMany(r => r));
        Assert.Equal(("Internal Medicine", "spec:im"), (button.Text, button.CallbackData));
    }

    [Fact]
    public void Render_UserTextIsEscaped()
    {
        var reply = new Reply("You said: " + Markup.Escape("<b>hi</b> & **bye**"));

        var text = Assert.IsType<OutboundText>(Assert.Single(ReplyRenderer.Render([reply], 42, ChatKind.Direct, "b")));

        Assert.Equal("You said: &lt;b&gt;hi&lt;/b&gt; &amp; **bye**", text.Html);
    }

    [Fact]
    public void Render_ImageWithShortText_IsOnePhotoWithCaption()
    {
        var reply = new Reply("Your **plan**") { Image = new ReplyImage([0x89, 0x50, 0x4E, 0x47], "Bar chart", "plan.png") };

        var photo = Assert.IsType<OutboundPhoto>(Assert.Single(ReplyRenderer.Render([reply], 42, ChatKind.Direct, "b")));

        Assert.Equal("Your <b>plan</b>", photo.CaptionHtml);
    }

    [Fact]
    public void Render_ImageWithLongText_SendsAltTextCaptionThenTheText()
    {
        var reply = new Reply(new string('a', 1500)) { Image = new ReplyImage([1], "Chart <alt>", "c.png") };

        var output = ReplyRenderer.Render([reply], 42, ChatKind.Direct, "b");

        Assert.Equal("Chart &lt;alt&gt;", Assert.IsType<OutboundPhoto>(output[0]).CaptionHtml);
        Assert.IsType<OutboundText>(output[1]);
    }

    [Theory]
    [InlineData("Send /explain-score to see why.", "Send /explain_score to see why.")]
    [InlineData("- /explain-score — where your scores stand", "- /explain_score — where your scores stand")]
    [InlineData("See [the guide](https://example.org/explain-score) or /rank", "See <a href=\"https://example.org/explain-score\">the guide</a> or /rank")]
    [InlineData("/not-a-command stays", "/not-a-command stays")]
    public void Render_CommandMentions_UseTelegramSpelling(string markup, string html)
    {
        var text = Assert.IsType<OutboundText>(Assert.Single(ReplyRenderer.Render([new Reply(markup)], 42, ChatKind.Direct, "b")));

        Assert.Equal(html, text.Html);
    }

    [Theory]
    [InlineData("rank", "rank")]
    [InlineData("explain score!", "explainscore")]
    [InlineData(null, DeepLink.GenericPayload)]
    [InlineData("???", DeepLink.GenericPayload)]
    public void DeepLinkSanitize_KeepsOnlyAllowedCharacters(string? payload, string expected) =>
        Assert.Equal(expected, DeepLink.Sanitize(payload));
}
