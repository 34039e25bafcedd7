using System.Text;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Telegram.Rendering;
using SmartPick.Bot.Telegram.Tests.Fakes;

namespace SmartPick.Bot.Telegram.Tests.Rendering;

public sealed class MessageSplitterTests
{
    [Fact]
    public void SplitToHtml_6000CharacterAnswer_GivesTwoValidPartsUnderTheLimit()
    {
        // Arrange: paragraphs with bold, links and characters that need escaping.
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 6000; i++)
        {
            sb.Append(i).Append(". **Program ").Append(i).Append("** takes Step 2 CK < 230 & \"IMG\" applicants; see [FREIDA](https://freida.ama-assn.org). ")
              .Append(new string('x', 80)).Append("\n\n");
        }

        var markup = sb.ToString().TrimEnd();

        // Act
        var parts = MessageSplitter.SplitToHtml(markup);

        // Assert
        Assert.Equal(2, parts.Count);
        var plain = new List<string>();
        foreach (var part in parts)
        {
            Assert.True(TelegramHtml.TryParse(part, out var text, out var error), error);
            Assert.InRange(text.Length, 1, 4096);
            plain.Add(text);
        }

        Assert.Equal(Markup.ToPlainText(markup).Replace(" (https://freida.ama-assn.org)", string.Empty, StringComparison.Ordinal), string.Join("\n\n", plain));
    }

    [Fact]
    public void Split_OneHugeLine_CutsAtSpacesOutsideBoldSpans()
    {
        // Arrange
        var words = Enumerable.Range(0, 1500).Select(i => i % 50 == 10 ? "**bold words here**" : "word" + i);
        var line = string.Join(' ', words);

        // Act
        var parts = MessageSplitter.Split(line, 1000);

        // Assert
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(MessageSplitter.VisibleLength(p), 1, 1000));
        Assert.All(parts, p => Assert.Equal(0, CountOf(p, "**") % 2));
    }

    [Fact]
    public void Split_ShortText_IsOnePart() => Assert.Single(MessageSplitter.Split("Hello **there**"));

    private static int CountOf(string s, string marker) => (s.Length - s.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;
}
