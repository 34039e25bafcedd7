using SmartPick.Ranking.Chances;

namespace SmartPick.Ranking.Tests.Chances;

public sealed class InterviewChancesTests
{
    private static ChancesResult For(int interviews, params string[] programs) =>
        InterviewChances.For(TestData.Engine, TestData.Profile(step2: 238), new ChancesQuery("Internal Medicine", 2026, interviews, programs));

    [Fact]
    public void NoInterviews_NoMatch_AndEachInterviewAddsLess()
    {
        var none = For(0);
        var q = none.Assessment.Calibration.InterviewMatchQ;

        Assert.Equal(0, none.PMatch);
        Approx.Equal(q, none.WithMore[0]);
        Assert.True(none.WithMore[1] - none.WithMore[0] < none.WithMore[0]);
    }

    [Fact]
    public void MoreInterviews_RaiseChanceAndEstimatedStrength()
    {
        var two = For(2);
        var eight = For(8);

        Assert.True(eight.PMatch > two.PMatch);
        Assert.True(eight.StrengthPercentile > two.StrengthPercentile);
        Assert.True(For(0).StrengthPercentile < 0.5); // no interview from a list expected to give several: below typical
    }

    [Fact]
    public void NamingPrograms_CountsThemButTheCountDecidesTheChance()
    {
        var plan = TestData.Engine.Rank(TestData.Profile(step2: 238), new RankQuery("Internal Medicine", 2026, Top: 2)).Programs;
        var (first, second) = (plan[0].Program.AcgmeId, plan[1].Program.AcgmeId);

        var named = For(1, first, second);

        Assert.Equal(2, named.Interviews); // two named programs are at least two interviews
        Approx.Equal(For(2).PMatch, named.PMatch);
        Assert.Equal([first, second], named.Programs.Select(p => p.AcgmeId));
        Assert.InRange(named.StrengthPercentile, 0, 1);
    }

    [Fact]
    public void ProgramsOutsideTheSpecialty_AreReportedNotUsed()
    {
        var r = For(1, "9999999999");

        Assert.Empty(r.Programs);
        Assert.Equal(["9999999999"], r.UnknownPrograms);
    }
}
