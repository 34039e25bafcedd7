using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Tests.Guide;

public sealed class GuideMarkdownParserTests
{
    [Fact]
    public void Parse_FileWithTitleAndSections_ReturnsOneSectionPerHeadingWithAnchors()
    {
        // Arrange
        const string md = "# Visas\n\nIntro.\n\n## H-1B and Step 3 {#h1b-and-step3}\n\nBody one.\n\n### Sub\n\nMore.\n\n## J-1 limits {#j1-limits}\nBody two.\n";

        // Act
        var sections = GuideMarkdownParser.Parse("guide/visas.md", md);

        // Assert
        Assert.Equal(["h1b-and-step3", "j1-limits"], sections.Select(s => s.Id));
        Assert.All(sections, s => Assert.Equal("Visas", s.DocumentTitle));
        Assert.Equal("H-1B and Step 3", sections[0].Heading);
        Assert.Contains("### Sub", sections[0].Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Intro", sections[0].Markdown, StringComparison.Ordinal);
        Assert.Equal("guide/visas.md#j1-limits", sections[1].Reference);
    }

    [Fact]
    public void Parse_HeadingWithoutAnchor_FallsBackToSlug()
    {
        var sections = GuideMarkdownParser.Parse("guide/x.md", "# X\r\n## What's next?\r\ntext\r\n");

        Assert.Equal("what-s-next", Assert.Single(sections).Id);
        Assert.Equal("text", sections[0].Markdown);
    }
}
