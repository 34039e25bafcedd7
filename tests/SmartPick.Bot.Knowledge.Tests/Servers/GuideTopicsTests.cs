using Microsoft.Extensions.Logging.Abstractions;
using SmartPick.Bot.Core.Servers;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Retrieval;
using SmartPick.Bot.Knowledge.Tests.Support;

namespace SmartPick.Bot.Knowledge.Tests.Servers;

/// <summary>The committed /faq list (knowledge/faq.csv) against the real guide.</summary>
public sealed class GuideTopicsTests
{
    private static GuideTopics RealTopics()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Answerers.Options(TestPaths.Knowledge));
        var index = new GuideIndexProvider(options, NullLogger<GuideIndexProvider>.Instance);
        return new GuideTopics(index, new TimelineAnswer(KnowledgeHostingExtensions.LoadTimeline(options.Value), Answerers.Clock), options);
    }

    [Fact]
    public void FaqFile_HasBetweenOneAnd25TopicsWithDistinctShortLabelsAndSections()
    {
        var topics = RealTopics().Topics;

        Assert.InRange(topics.Count, 1, IGuideTopics.MaxTopics);
        Assert.Equal(topics.Count, topics.Select(t => t.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(topics.Count, topics.Select(t => t.SectionId).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(topics, t => Assert.InRange(t.Label.Length, 1, 40)); // fits a Telegram button and a Discord option
    }

    [Fact]
    public async Task EveryFaqTopic_PointsToAnExistingGuideSection_AnsweredWholeAndCited()
    {
        var guide = RealTopics();

        foreach (var topic in guide.Topics)
        {
            var answer = await guide.SectionAsync(topic.SectionId, CancellationToken.None);

            Assert.True(answer is not null, $"faq.csv topic '{topic.Label}' points to missing section '{topic.SectionId}'");
            Assert.True(answer.Covered);
            Assert.Equal(topic.SectionId, Assert.Single(answer.Citations).Section);
        }
    }

    [Fact]
    public async Task UnknownSectionId_IsNotAnswered()
    {
        Assert.Null(await RealTopics().SectionAsync("no-such-section", CancellationToken.None));
    }

    [Fact]
    public void MoreThan25Topics_IsRejected()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["label,section", .. Enumerable.Range(1, 26).Select(i => $"Topic {i},section-{i}")]);

            Assert.Throws<FormatException>(() => GuideTopics.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
