using Microsoft.Extensions.DependencyInjection;
using SmartPick.Bot.Core.Guide;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Telegram.Tests.Support;

namespace SmartPick.Bot.Telegram.Tests.Servers;

/// <summary>Issue 16 point 3: /faq shows the curated topics as an inline keyboard; a press posts that section, in groups and private chats.</summary>
public sealed class FaqTests : RealBotTests
{
    private const long Member = 41_001;
    private const long Group = -100_4242;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FaqPick_PostsThePickedSectionWithItsSource(bool inGroup)
    {
        // Arrange
        using var host = Bot.Build(Api, b => b.Services.AddSingleton<IGuideTopics>(new TwoTopics()));
        await host.StartAsync();
        var chat = new ChatDriver(Api, Member, inGroup ? Group : null, inGroup);

        // Act
        var menu = await chat.SayAsync("/faq", "Pick a topic");
        var answer = await chat.PressAsync(menu, "SOAP", "Supplemental Offer");

        // Assert: one button per topic, and the answer is that section (not the other one), cited.
        var labels = menu.InlineKeyboard!.SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Do I need a visa?", "SOAP"], labels);
        var text = ChatDriver.Plain(answer);
        Assert.Contains("guide/not-matching.md#soap", text, StringComparison.Ordinal);
        Assert.DoesNotContain("visa", text, StringComparison.OrdinalIgnoreCase);
        await host.StopAsync();
    }

    private sealed class TwoTopics : IGuideTopics
    {
        public IReadOnlyList<GuideTopic> Topics { get; } = [new("Do I need a visa?", "do-you-need-a-visa"), new("SOAP", "soap")];

        public Task<GuideAnswer?> SectionAsync(string sectionId, CancellationToken cancellationToken) => Task.FromResult(sectionId switch
        {
            "soap" => new GuideAnswer("**SOAP: the Supplemental Offer and Acceptance Program**\nUnmatched applicants apply to unfilled positions.", [new GuideCitation("guide/not-matching.md", "soap", "SOAP", 1)], true),
            "do-you-need-a-visa" => new GuideAnswer("**Do you need a visa at all?**", [new GuideCitation("guide/visas.md", "do-you-need-a-visa", "Do you need a visa at all?", 1)], true),
            _ => (GuideAnswer?)null,
        });
    }
}
