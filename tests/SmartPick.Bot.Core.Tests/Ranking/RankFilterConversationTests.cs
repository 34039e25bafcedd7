using SmartPick.Bot.Core.Ranking;
using SmartPick.Bot.Core.Tests.Support;
using SmartPick.Ranking.Catalog;

namespace SmartPick.Bot.Core.Tests.Ranking;

/// <summary>Issue 11 point 7: filters that speak up, read as transcripts over the real ranking advisor.</summary>
public sealed class RankFilterConversationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "smartpick-tests", Guid.NewGuid().ToString("N"));
    private readonly ConversationScript _chat;

    public RankFilterConversationTests()
    {
        Directory.CreateDirectory(_dir);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var engine = TestBot.CreateEngine(Path.Combine(_dir, "bot.db"), clock, Personas.Personas.Advisor, new RecordingGuide());
        _chat = new ConversationScript(engine, "test", "u1", Core.Messaging.ChatKind.Direct);
    }

    [Fact]
    public async Task UnknownSpecialty_IsNamed_WithTheKnownOnes_NotAnsweredWithTheDefaultList()
    {
        await _chat.Send("/profile set specialties IM").Send("/profile set step2ck 232")
            .Send("/rank dermatology").Expect("I don't know 'dermatology'").Expect("Known specialties:").Expect("Family Medicine").ExpectNot("Best programs for you")
            .Send("/rank xyz").Expect("I don't know 'xyz'")
            .Send("/rank psychiatyr").Expect("Psychiatry").ExpectNot("I don't know")
            .RunAsync();
    }

    [Theory]
    [InlineData("/rank IM california 5")]
    [InlineData("/rank IM CA 5")]
    [InlineData("/rank IM all of California 5")]
    public async Task California_InAnySpelling_ListsOnlyCaliforniaPrograms(string command)
    {
        var chat = await _chat.Send("/profile set specialties IM").Send("/profile set step2ck 232").Send(command).ExpectNot("I don't know").RunAsync();

        var rows = chat.Last[0].Text.Split('\n').Where(l => l.Length > 3 && char.IsAsciiDigit(l[0])).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Contains(" CA: ", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CappedCount_SaysHowManyThereAre()
    {
        await _chat.Send("/profile set specialties IM").Send("/profile set step2ck 232").Send("/rank IM 500").Expect("of 50 (of ").RunAsync();
    }

    [Fact]
    public async Task MoreButton_PressedAfterTheFirstPage_ShowsTheSecondPage()
    {
        await _chat.Send("/profile set specialties IM").Send("/profile set step2ck 232").Send("/profile set regions SoCal")
            .Send("/rank").Expect("1. ").Press("More").Expect("9. ")
            .ExpectReplies(r => Assert.DoesNotContain(r[0].Text.Split('\n'), l => l.StartsWith("1. ", StringComparison.Ordinal)))
            .RunAsync();
    }

    [Fact]
    public async Task ExplainScore_ByName_ResolvesOneProgram_AsksWhichWhenSeveral_AndSaysWhenNone()
    {
        await _chat.Send("/profile set specialties IM").Send("/profile set step2ck 232")
            .Send("/explain-score Kern Medical").Expect("Kern Medical Center").Expect("Chance this program invites you")
            .Send("/explain-score Kaiser").Expect("Which 'Kaiser' do you mean?")
            .ExpectReplies(r => Assert.True(r[0].Choices.Count >= 2))
            .Send("/explain-score Qwertyuiop").Expect("I don't know a program named 'Qwertyuiop'")
            .RunAsync();
    }

    [Fact]
    public async Task AreaWithKnownUnconfirmedPrograms_SaysTheListIsPartial_AndKeepsThePlan()
    {
        await _chat.Send("/profile set specialties Psychiatry").Send("/profile set step2ck 232")
            .Send("/rank psych LA").Expect("The list for this area is partial").Expect("not yet confirmed").Expect("check their websites").Expect("Plan: apply to")
            .RunAsync();
    }

    [Fact]
    public async Task ExplainScore_ByCatalogId_ExplainsProgramsWithoutAnAcgmeId()
    {
        // Southern California catalog rows without a public ACGME id carry X- ids (issue 15); chat must read them too.
        await _chat.Send("/profile set specialties Pediatrics").Send("/profile set step2ck 232")
            .Send("/explain-score X-cedars-sinai-pediatrics please").Expect("Cedars").ExpectNot("I don't know a program").ExpectNot("Which '")
            .RunAsync();
    }

    [Fact]
    public void VisaFilter_ListsOnlyProgramsReportingThatVisa_AndSaysSoWhenASpecialtyHasNoVisaData()
    {
        var advisor = Personas.Personas.Advisor;
        var h1b = advisor.Rank(Personas.Personas.EgyptianH1b with { Specialties = ["Internal Medicine"] }, new RankRequest(Region: "LA", Visa: VisaSupport.H1B));
        Assert.Null(h1b.Error);
        Assert.NotEmpty(h1b.Json!["programs"]!.AsArray());

        var request = Commands.AdviceCommands.ReadRequest(new Core.Messaging.CommandContent("rank", "IM LA h1b"));
        Assert.Equal(VisaSupport.H1B, request.Visa);
        Assert.Equal("LA", request.Region);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
