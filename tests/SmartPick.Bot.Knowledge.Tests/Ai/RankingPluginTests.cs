using System.Text.Json.Nodes;
using SmartPick.Bot.Knowledge.Ai;
using SmartPick.Bot.Knowledge.Tests.Support;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Knowledge.Tests.Ai;

/// <summary>The ranking plugin, directly and through a tool call from the local OpenAI-compatible stub.</summary>
public sealed class RankingPluginTests : IDisposable
{
    private readonly FixtureGuide _guide = new();

    public void Dispose() => _guide.Dispose();

    [Fact]
    public async Task AnswerAsync_ModelCallsRankPrograms_RanksTheAskersProfileAndSendsCompactJsonBack()
    {
        // Arrange
        await using var stub = await OpenAiStub.StartAsync((_, n) => n == 0
            ? StubReply.ToolCall("ranking-rank_programs", new { specialty = "Internal Medicine", region = "Southern California", top = 2 })
            : StubReply.Text("Your best bet is Riverside Program 1 (about 31% interview chance, an estimate from your saved profile)."));
        var advisor = new FakeRankingAdvisor();
        using var harness = new SemanticAnswererHarness(_guide, stub.Endpoint, advisor: advisor);
        var asker = new ApplicantProfile { Specialties = ["Internal Medicine"], Step2ck = new Step2Info(238), GraduationYear = 2019 };

        // Act
        var answer = await harness.Answerer.AnswerAsync("Which SoCal IM programs fit me best?", asker, CancellationToken.None);

        // Assert: the tool was offered, and called with the asker's profile and the model's filters only
        var requests = stub.Requests.ToList();
        Assert.Equal(2, requests.Count);
        var tools = requests[0]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("ranking-rank_programs", tools);
        Assert.Contains("ranking-plan_applications", tools);
        var call = Assert.Single(advisor.Calls);
        Assert.Same(asker, call.Profile);
        Assert.Equal(("Internal Medicine", "Southern California", 2), (call.Request.Specialty, call.Request.Region, call.Request.Top));

        // Assert: the tool result reached the second request, compacted
        var toolMessage = Assert.Single(requests[1]["messages"]!.AsArray(), m => m!["role"]!.GetValue<string>() == "tool");
        Assert.Equal("call_1", toolMessage!["tool_call_id"]!.GetValue<string>());
        var result = JsonNode.Parse(toolMessage["content"]!.GetValue<string>())!;
        Assert.Equal("Riverside Program 1", result["programs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Eligible", result["programs"]![0]!["eligibility"]!.GetValue<string>());
        Assert.DoesNotContain("factors", toolMessage["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("sourceUrl", toolMessage["content"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.True(answer.Covered);
        Assert.Contains("Riverside Program 1", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_NoAdvisorRegistered_OffersNoRankingTools()
    {
        // Arrange
        await using var stub = await OpenAiStub.StartAsync((_, _) => StubReply.Text("The guide does not cover this."));
        using var harness = new SemanticAnswererHarness(_guide, stub.Endpoint);

        // Act
        await harness.Answerer.AnswerAsync("Which programs fit me?", new ApplicantProfile(), CancellationToken.None);

        // Assert
        var tools = Assert.Single(stub.Requests)["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(tools, t => t.StartsWith("ranking-", StringComparison.Ordinal));
    }

    [Fact]
    public void RankPrograms_NoSavedProfile_AsksForOneWithoutCallingTheLibrary()
    {
        var advisor = new FakeRankingAdvisor();
        var plugin = new RankingPlugin(advisor, null);

        var result = plugin.RankPrograms("Internal Medicine");

        Assert.Equal(RankingPlugin.NoProfile, result);
        Assert.Empty(advisor.Calls);
        Assert.False(plugin.Answered);
    }

    [Fact]
    public void RankPrograms_UnknownSpecialtyAndHugeTop_ReturnsTheLibrarysReasonAndClampsTop()
    {
        var advisor = new FakeRankingAdvisor();
        var plugin = new RankingPlugin(advisor, new ApplicantProfile());

        var result = plugin.RankPrograms("Astrology", " ", 500);

        Assert.Equal("Not ranked: Unknown specialty \"Astrology\".", result);
        var call = Assert.Single(advisor.Calls);
        Assert.Null(call.Request.Region);
        Assert.Equal(RankingPlugin.MaxTop, call.Request.Top);
        Assert.False(plugin.Answered);
    }

    [Fact]
    public void PlanApplications_WithProfile_ReturnsPlanFigures()
    {
        var plugin = new RankingPlugin(new FakeRankingAdvisor(), new ApplicantProfile { Specialties = ["Family Medicine"] });

        var plan = JsonNode.Parse(plugin.PlanApplications())!;

        Assert.Equal("Family Medicine", plan["specialty"]!.GetValue<string>());
        Assert.Equal(60, plan["recommendedApplications"]!.GetValue<int>());
        Assert.True(plugin.Answered);
    }
}
