using System.Text;
using SmartPick.Bot.Core.List;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Core.Tests.List;

public sealed class ListTranscriptTests : IDisposable
{
    private const string CedarsSinai = "1400511040";
    private const string HarborUcla = "1400511070";
    private readonly ApplicantBot _bot = new(new DateTimeOffset(2026, 12, 4, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task AddTwice_ThenExport_SendsCsvWithBothRows()
    {
        var chat = await WithProfile(_bot.Direct())
            .Send($"/list add {CedarsSinai}").Expect("Added").Expect("Cedars-Sinai")
            .Send("/list add harbor ucla").Expect("Added").Expect("Harbor-UCLA")
            .Send("/list export")
            .RunAsync();

        var file = Assert.Single(chat.Last, r => r.File is not null).File!;
        Assert.Equal("text/csv", file.MediaType);
        Assert.EndsWith(".csv", file.FileName, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("acgme_id,name,city,state,specialty,interview_chance,tier,eligibility", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{CedarsSinai},Cedars-Sinai Medical Center,Los Angeles,CA,Internal Medicine,0.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{HarborUcla},Los Angeles County-Harbor-UCLA Medical Center,Torrance,CA,Internal Medicine,0.", lines[2], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Matches(@",\d{4}-\d{2}-\d{2},2026-12-04$", l)); // source date, added on
    }

    [Fact]
    public async Task Show_ListsChanceTierEligibilityAndWebsite_AndAddingTwiceKeepsOneRow()
    {
        await WithProfile(_bot.Direct())
            .Send($"/list add {CedarsSinai}")
            .Send($"/list add {CedarsSinai}").Expect("already on your list")
            .Send("/list show").Expect("Your list** (1 program)").Expect("interview chance").Expect("tier").Expect("eligibility").Expect("visas")
            .RunAsync();

        Assert.Equal(1, _bot.Count("list_entries", "u1"));
    }

    [Fact]
    public async Task List_SurvivesRestart_AndRemoveByNumberWorks()
    {
        await _bot.Direct().Send($"/list add {CedarsSinai}").Send($"/list add {HarborUcla}").RunAsync();
        _bot.Reopen();

        await _bot.Direct()
            .Send("/list show").Expect("(2 programs)")
            .Send("/list remove 1").Expect("Removed Cedars-Sinai")
            .Send("/list show").Expect("(1 program)").ExpectNot("Cedars")
            .RunAsync();
    }

    [Fact]
    public async Task Clear_AsksFirst_ThenEmptiesTheList()
    {
        await _bot.Direct()
            .Send($"/list add {CedarsSinai}")
            .Send("/list clear").Expect("Remove every program")
            .Press("Yes, clear my list").Expect("Cleared your list (1 removed)")
            .Send("/list").Expect("Your list is empty")
            .RunAsync();
    }

    [Fact]
    public async Task Forget_DeletesTheList_AndExportIncludesIt()
    {
        await _bot.Direct()
            .Send($"/list add {CedarsSinai}")
            .Send("/export").Expect(CedarsSinai)
            .Send("/forget").Press("Yes, delete everything")
            .RunAsync();

        Assert.Equal(0, _bot.Count("list_entries", "u1"));
    }

    [Fact]
    public async Task AmbiguousName_OffersTheCandidates()
    {
        var chat = await _bot.Direct().Send("/list add kaiser").Expect("Several programs match").RunAsync();

        Assert.True(chat.Last.Single().Choices.Count > 1);
        Assert.Equal(0, _bot.Count("list_entries", "u1"));
    }

    [Fact]
    public async Task InAGroup_TheListIsAnsweredPrivately()
    {
        var chat = await _bot.Group().Send("/list show").RunAsync();

        Assert.All(chat.Last, r => Assert.Equal(Visibility.Private, r.Visibility));
        Assert.All(chat.Last, r => Assert.Equal("list", r.ContinueInDirect));
    }

    [Fact]
    public async Task Compare_ShowsBothProgramsFactsSourcesAndFactors()
    {
        await WithProfile(_bot.Direct())
            .Send($"/compare {CedarsSinai} vs {HarborUcla}")
            .Expect("A: Cedars-Sinai").Expect("B: Los Angeles County-Harbor-UCLA").Expect("Visas sponsored").Expect("Your interview chance")
            .Expect("Sources: A").Expect("retrieved").Expect("Your factors for A").Expect("Your factors for B")
            .RunAsync();
    }

    [Fact]
    public async Task RankButtons_AddAProgramToTheList()
    {
        var chat = await WithProfile(_bot.Direct()).Send("/rank").RunAsync();
        var button = chat.Last.SelectMany(r => r.Choices).First(c => c.Label.StartsWith("+ ", StringComparison.Ordinal));

        await chat.Press(button.Label).Expect("Added").Send("/list").Expect("(1 program)").RunAsync();

        Assert.Equal(1, _bot.Count("list_entries", "u1"));
    }

    [Fact]
    public async Task APreliminaryTrack_IsItsOwnEntry_BesideItsProgramsCategoricalRow()
    {
        var chat = await _bot.Direct()
            .Send("/list add 1400500923").Expect("Added")
            .Send("/list add 1400500923 preliminary").Expect("Added").Expect("Preliminary")
            .Send("/list export")
            .RunAsync();

        var csv = Encoding.UTF8.GetString(Assert.Single(chat.Last, r => r.File is not null).File!.Content);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",Preliminary Medicine,", csv, StringComparison.Ordinal);
        Assert.Equal(2, _bot.Count("list_entries", "u1"));
    }

    [Fact]
    public async Task Clear_TypedNo_KeepsTheList()
    {
        await _bot.Direct()
            .Send($"/list add {CedarsSinai}")
            .Send("/list clear")
            .Send("cancel").Expect("unchanged")
            .RunAsync();

        Assert.Equal(1, _bot.Count("list_entries", "u1"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Los Angeles, CA", "\"Los Angeles, CA\"")]
    [InlineData("Cedars-Sinai", "Cedars-Sinai")]
    public void Cell_NeutralisesFormulasAndQuotes(string value, string expected) => Assert.Equal(expected, ListCsv.Cell(value));

    private static Support.ConversationScript WithProfile(Support.ConversationScript chat) => chat
        .Send("/profile set specialties Internal Medicine")
        .Send("/profile set step2ck 232")
        .Send("/profile set visa J1");
}
