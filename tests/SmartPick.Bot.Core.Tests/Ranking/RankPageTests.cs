using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 6: /rank fits a phone — chance, plan, 8 programs with links, data date, a "More" button.</summary>
public sealed class RankPageTests
{
    private static readonly ApplicantProfile J1SoCal = Personas.Personas.IndianJ1 with { Specialties = ["Internal Medicine"] };

    [Fact]
    public void FirstMessage_FitsAPhone_WithChancePlanEightLinkedProgramsDateAndMore()
    {
        var reply = Personas.Personas.Advisor.Rank(J1SoCal, new RankRequest()).Replies[0];

        Assert.True(RankPage.VisibleLength(reply.Text) <= 1500, $"{RankPage.VisibleLength(reply.Text)} visible characters");
        Assert.Contains("chance to match", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Plan: apply to", reply.Text, StringComparison.Ordinal);
        var rows = Rows(reply.Text);
        Assert.Equal(8, rows.Count);
        Assert.Contains(rows, r => r.Contains("](https://", StringComparison.Ordinal));
        Assert.Contains("Program data as of 20", reply.Text, StringComparison.Ordinal);
        var more = Assert.Single(reply.Choices);
        Assert.Equal("More", more.Label);
    }

    [Fact]
    public void FirstMessage_LeadsWithThePreferredArea_ThenShowsChancesElsewhere()
    {
        var rows = Rows(Personas.Personas.Advisor.Rank(J1SoCal, new RankRequest()).Replies[0].Text);

        Assert.All(rows.Take(RankPage.AreaFirst), r => Assert.Contains(" CA: ", r, StringComparison.Ordinal));
        Assert.Contains(rows.Skip(RankPage.AreaFirst), r => !r.Contains(" CA: ", StringComparison.Ordinal));
    }

    [Fact]
    public void MoreButton_ShowsTheNextEightPrograms_WithoutRepeatingAny()
    {
        var advisor = Personas.Personas.Advisor;
        var first = advisor.Rank(J1SoCal, new RankRequest()).Replies[0];
        var command = first.Choices[0].Payload["cmd:".Length..];
        var name = command.Split(' ')[0];
        var request = Commands.AdviceCommands.ReadRequest(new CommandContent(name, command[name.Length..].Trim()));

        var second = advisor.Rank(J1SoCal, request).Replies[0];

        Assert.Equal(2, request.Page);
        var rows = Rows(second.Text);
        Assert.Equal(8, rows.Count);
        Assert.StartsWith("9. ", rows[0], StringComparison.Ordinal);
        Assert.Empty(rows.Select(Name).Intersect(Rows(first.Text).Select(Name)));
    }

    [Fact]
    public void SmallCount_ListsThatMany_AndOffersNoMore()
    {
        var reply = Personas.Personas.Advisor.Rank(J1SoCal, new RankRequest(Top: 5)).Replies[0];

        Assert.Equal(5, Rows(reply.Text).Count);
        Assert.Empty(reply.Choices);
        Assert.Contains("of 5 (of ", Markup.ToPlainText(reply.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingScore_IsSaid_NextToTheChance()
    {
        var text = Personas.Personas.Advisor.Rank(Personas.Personas.Skipper, new RankRequest()).Replies[0].Text;

        Assert.Contains("No Step 2 CK score in your profile", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VisibleLength_CountsLinkLabels_NotTargets() =>
        Assert.Equal("Kern and more".Length, RankPage.VisibleLength("[Kern](https://example.org/a-very-long/path) and **more**"));

    private static List<string> Rows(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 2 && char.IsAsciiDigit(l[0]) && l.Contains(". ", StringComparison.Ordinal))];

    private static string Name(string row) => row[(row.IndexOf(". ", StringComparison.Ordinal) + 2)..];
}
