using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Tests.List;

namespace SmartPick.Bot.Core.Tests.Reminders;

public sealed class TimelineCommandTests
{
    [Fact]
    public async Task InDecember_ShowsInterviewSeason_RankDeadline_MatchWeekAndSoap_WithCitedDates()
    {
        using var bot = new ApplicantBot(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero));

        var chat = await bot.Direct().Send("/timeline").RunAsync();

        var text = Markup.ToPlainText(Assert.Single(chat.Last).Text);
        Assert.Contains("2026-27 Match cycle: interview season", text, StringComparison.Ordinal);
        Assert.Contains("Wed 3 Mar 2027 (in 89 days): Rank order list certification deadline (9 p.m. ET) — www.quantaprep.com (https://www.quantaprep.com/blog/eras-2026-guide), retrieved 2026-12-04", text, StringComparison.Ordinal);
        Assert.Contains("Mon 15 Mar 2027 (in 101 days): Match Week begins; SOAP starts — www.nrmp.org (http://www.nrmp.org/residency/main-match-events/)", text, StringComparison.Ordinal);
        Assert.Contains("Thu 18 Mar 2027 (in 104 days): SOAP ends (5 p.m. ET)", text, StringComparison.Ordinal);
        Assert.Contains("Estimated: Match Week starts on the Monday of Match Day's week", text, StringComparison.Ordinal);
        Assert.Contains("/remind on", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InSeptember_BeforeReviewOpens_SaysApplicationsAreGoingIn()
    {
        using var bot = new ApplicantBot(new DateTimeOffset(2026, 9, 10, 18, 0, 0, TimeSpan.Zero));

        await bot.Direct().Send("/timeline").Expect("applications are going in").Expect("Programs can review applications").RunAsync();
    }
}
