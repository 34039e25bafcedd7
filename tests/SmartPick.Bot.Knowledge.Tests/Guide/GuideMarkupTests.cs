using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Tests.Guide;

public sealed class GuideMarkupTests
{
    [Fact]
    public void InlineToMarkup_AbsoluteLink_StaysAValidMarkupLink()
    {
        var markup = GuideMarkup.InlineToMarkup("See [8 U.S.C. §1182(j)](https://www.law.cornell.edu/uscode/text/8/1182) now.");

        var link = Assert.Single(Markup.Parse(markup), s => s.Url is not null);
        Assert.Equal("https://www.law.cornell.edu/uscode/text/8/1182", link.Url);
        Assert.Equal("8 U.S.C. §1182(j)", link.Text);
    }

    [Fact]
    public void InlineToMarkup_RelativeLinkAndSpecialCharacters_RenderLiterally()
    {
        var markup = GuideMarkup.InlineToMarkup("Read [letters](letters.md#us-letters), a_b and `code` (2024) *note*.");

        Assert.Equal("Read letters, a_b and code (2024) note.", Markup.ToPlainText(markup));
        Assert.Contains(Markup.Parse(markup), s => s.Italic && s.Text == "note");
    }

    [Fact]
    public void BlockToMarkup_BulletsAndSubheadings_BecomeMarkupListAndBold()
    {
        var markup = GuideMarkup.BlockToMarkup("### Timing\n* **first** item\n+ second");

        Assert.Equal("**Timing**\n- **first** item\n- second", markup);
    }

    [Fact]
    public void ToPlainText_DropsUrlsAndMarkers()
    {
        var plain = GuideMarkup.ToPlainText("- **Bold** and [label](https://example.org/x) _it_");

        Assert.Equal("Bold and label it", plain);
    }

    [Fact]
    public void BlockToMarkup_Table_BecomesOneListLinePerRow()
    {
        var markup = GuideMarkup.BlockToMarkup("Signals:\n\n| Specialty | Signals |\n|---|---|\n| Internal Medicine | 3 gold |\n| Family Medicine | 5 |");

        Assert.Equal("Signals:\n\n- Internal Medicine; Signals: 3 gold\n- Family Medicine; Signals: 5", markup);
    }

    [Fact]
    public void BlockToMarkup_NumberedListThenParagraph_KeepsNumbersAndSpacing()
    {
        var markup = GuideMarkup.BlockToMarkup("Three jobs:\n\n1. **One**\n2. Two\n\nAfter.");

        Assert.Equal("Three jobs:\n\n1. **One**\n2. Two\n\nAfter.", markup);
    }
}
