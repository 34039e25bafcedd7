using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Bot.Knowledge.Answering;
using SmartPick.Bot.Knowledge.Guide;

namespace SmartPick.Bot.Knowledge.Tests.Answering;

public sealed class TimelineAnswerTests
{
    private static readonly CycleTimeline Timeline = CycleTimeline.Parse(
    [
        "cycle,event,date,source_url,retrieved_on,estimate_basis",
        "2026-27,MyERAS opens,2026-06-03,https://aamc.example/t,2026-12-04,",
        "2026-27,Match Day,2027-03-19,https://nrmp.example/t,2026-12-04,",
        "2027-28,MyERAS opens,2027-06-02,https://aamc.example/t,2026-12-04,estimated: first Wednesday of June",
        "2027-28,Match Day,2028-03-17,https://nrmp.example/t,2026-12-04,estimated: third Friday of March",
    ], "cycles.csv");

    private static readonly GuideSection Dates = new("guide/timeline.md", "dates-2026-27", "Timeline", "Key dates", "- old text");

    [Fact]
    public void Render_InDecember2026_AnswersFromThe2026To27CycleAndSaysSo()
    {
        var answer = new TimelineAnswer(Timeline, new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero)));

        var text = Markup.ToPlainText(answer.Render(Dates)!);

        Assert.Contains("2026-27 cycle", text, StringComparison.Ordinal);
        Assert.Contains("19 March 2027: Match Day", text, StringComparison.Ordinal);
        Assert.Contains("3 June 2026: MyERAS opens (past)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2028", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AfterTheNextSeasonOpens_MovesToTheNextCycleAndMarksEstimates()
    {
        var answer = new TimelineAnswer(Timeline, new FakeTimeProvider(new DateTimeOffset(2027, 6, 10, 0, 0, 0, TimeSpan.Zero)));

        var text = Markup.ToPlainText(answer.Render(Dates)!);

        Assert.Contains("2027-28 cycle", text, StringComparison.Ordinal);
        Assert.Contains("17 March 2028 (estimated): Match Day", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("match day 2027 date?", true)]
    [InlineData("ROL deadline when", true)]
    [InlineData("when is soap this yr", true)]
    [InlineData("when should I take step 3", false)]
    [InlineData("what is SOAP", false)]
    public void IsDateQuestion_OnlyForDatedEventsOfTheCycle(string question, bool expected) =>
        Assert.Equal(expected, new TimelineAnswer(Timeline, TimeProvider.System).IsDateQuestion(question));
}
