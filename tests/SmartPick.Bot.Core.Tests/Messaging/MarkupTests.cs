using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Tests.Messaging;

public sealed class MarkupTests
{
    [Fact]
    public void ToHtml_RendersStylesAndLinks()
    {
        var html = Markup.ToHtml("**Tier** _Reach_ [guide](https://example.org/a?b=1&c=2)");
        Assert.Equal("<b>Tier</b> <i>Reach</i> <a href=\"https://example.org/a?b=1&amp;c=2\">guide</a>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("**not bold** _not italic_ [x](https://evil.example)")]
    [InlineData("a\\b*c_d[e]f(g)`h")]
    public void Escape_MakesUserTextLiteral(string userText)
    {
        var markup = "You said: " + Markup.Escape(userText);

        Assert.Equal("You said: " + userText, Markup.ToPlainText(markup));
        Assert.DoesNotContain("<b>", Markup.ToHtml(markup), StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", Markup.ToHtml(markup), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Markup.ToHtml(markup), StringComparison.Ordinal);
    }

    [Fact]
    public void SnakeCaseAndUnclosedMarkers_StayLiteral()
    {
        Assert.Equal("explain_score and a ** star", Markup.ToPlainText("explain_score and a ** star"));
    }

    [Fact]
    public void NonHttpLinks_AreNotLinks()
    {
        Assert.DoesNotContain("href", Markup.ToHtml("[x](javascript:alert(1))"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToDiscordMarkdown_EscapesLiteralMarkdown()
    {
        Assert.Equal("**Tier** 1\\*2 \\#tag", Markup.ToDiscordMarkdown("**Tier** " + Markup.Escape("1*2 #tag")));
    }
}
