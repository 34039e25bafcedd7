using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.Ranking;
using Xunit.Abstractions;

namespace SmartPick.Bot.Core.Tests.Personas;

public sealed class PersonaMeasureTests(ITestOutputHelper output)
{
    [Fact]
    public void Rank_FirstMessageLength_IsPrintedForEachPersona()
    {
        foreach (var (name, profile) in Personas.All)
        {
            var result = Personas.Advisor.Rank(profile, new RankRequest());
            var first = result.Replies[0].Text;
            output.WriteLine($"{name}: first message {RankPage.VisibleLength(first)} visible chars, all replies {result.Replies.Sum(r => Markup.ToPlainText(r.Text).Length)} chars");
            output.WriteLine(Markup.ToPlainText(first));
            output.WriteLine("nextSteps: " + result.Json?["nextSteps"]?.ToJsonString());
            output.WriteLine(string.Join("\n", result.Replies.Skip(1).Select(r => r.Text)));
            Assert.False(string.IsNullOrWhiteSpace(first));
        }
    }
}
