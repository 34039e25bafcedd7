using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Tests.Catalog;

/// <summary>
/// Issue 15 point 3: a list for an area where programs are known but not yet confirmed says it is partial — counted
/// from the committed known-unverified file, not from the model's own copy.
/// </summary>
public sealed class AreaCoverageTests
{
    private static int KnownInFile(string specialty, params string[] regions)
    {
        using var reader = File.OpenText(Path.Combine(TestData.KnowledgeDirectory, "programs", "socal", "known-unverified.csv"));
        var table = CsvTable.Parse(reader, "known-unverified.csv", ["specialty", "region"]);
        return table.Rows.Count(r => r.Text("specialty") == specialty && regions.Contains(r.Text("region")));
    }

    [Theory]
    [InlineData("Psychiatry", "LA")]
    [InlineData("Family Medicine", "SD")]
    [InlineData("Pediatrics", "LA")]
    public void Rank_InAnAreaWithKnownUnconfirmedPrograms_IsMarkedPartial(string specialty, string region)
    {
        var expected = KnownInFile(specialty, region);
        Assert.True(expected > 0, "the committed file lists such programs");

        var r = TestData.Engine.Rank(TestData.Profile(specialty, 232), new RankQuery(specialty, 2026, Region: region, Top: 5));

        Assert.NotNull(r.Coverage);
        Assert.True(r.Coverage.Partial);
        Assert.Equal(expected, r.Coverage.KnownNotListed);
        Assert.Contains("not yet confirmed", r.Coverage.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_CaliforniaState_CountsEveryRegion_NationalListIsNotMarked()
    {
        var ca = TestData.Engine.Rank(TestData.Profile("Psychiatry", 232), new RankQuery("Psychiatry", 2026, State: "CA", Top: 5));
        var national = TestData.Engine.Rank(TestData.Profile("Psychiatry", 232), new RankQuery("Psychiatry", 2026, Top: 5));

        Assert.Equal(KnownInFile("Psychiatry", [.. Regions.Codes]), ca.Coverage!.KnownNotListed);
        Assert.Equal(0, national.Coverage?.KnownNotListed ?? 0);
    }
}
