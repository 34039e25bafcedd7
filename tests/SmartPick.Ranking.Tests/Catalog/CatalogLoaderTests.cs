using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    private const string Header = "acgme_id,specialty,name,city,state,region,program_type,pgy1_positions,interviews_last_year,pct_img,pct_usmd,visas,first_academic_year,accepting_applications,latitude,longitude,website,source,source_url,retrieved_on";
    private const string Good = "1400531031,Internal Medicine,Kern Medical Center,Bakersfield,CA,CV,Community-based university affiliated,12,212,92.2,1.1,J1,2000,true,,,,FREIDA,https://freida.ama-assn.org/,2025-03-28";

    [Fact]
    public void Load_RepositoryCatalog_HasInternalMedicineFromFreidaAndOtherSpecialties()
    {
        var programs = TestData.Model.Programs;

        Assert.Equal(688, programs.Count(p => p.Specialty == "Internal Medicine"));
        Assert.Contains(programs, p => p.Specialty == "Family Medicine");
        Assert.All(programs, p => Assert.False(string.IsNullOrEmpty(p.Provenance.SourceUrl)));
    }

    [Fact]
    public void Load_BlankVisaField_MeansNotReportedNotNone()
    {
        var eisenhower = TestData.Model.Program("1400500895");

        Assert.NotNull(eisenhower);
        Assert.Null(eisenhower.Visas);
        Assert.Equal("IE", eisenhower.Region);
    }

    [Fact]
    public void Load_GoodRow_ParsesTypedFields()
    {
        var p = Assert.Single(CatalogLoader.Load(new StringReader(Header + "\n" + Good), "c.csv"));

        Assert.Equal(ProgramType.CommunityUniversityAffiliated, p.Type);
        Assert.Equal(VisaSupport.J1, p.Visas);
        Assert.Equal(92.2, p.PctImg);
        Assert.True(p.AcceptingApplications);
    }

    [Theory]
    [InlineData("acgme_id", "140053103,", "not a 10-digit")]
    [InlineData("pct_img", ",92.2,", ",ninety,")]
    [InlineData("pct_img", ",92.2,", ",192.2,")]
    [InlineData("visas", ",J1,", ",L1,")]
    [InlineData("program_type", "Community-based university affiliated", "Hospital")]
    [InlineData("region", ",CV,", ",NORCAL,")]
    [InlineData("state", ",CA,", ",California,")]
    [InlineData("accepting_applications", ",true,", ",maybe,")]
    [InlineData("source_url", "https://freida.ama-assn.org/", "")]
    public void Load_MalformedRow_NamesFileRowAndColumn(string column, string find, string replace)
    {
        var bad = column == "acgme_id" ? Good.Replace("1400531031,", "140053103,", StringComparison.Ordinal) : Good.Replace(find, replace, StringComparison.Ordinal);
        var csv = $"{Header}\n{Good.Replace("1400531031", "1400531032", StringComparison.Ordinal)}\n{bad}\n";

        var ex = Assert.Throws<CatalogFormatException>(() => CatalogLoader.Load(new StringReader(csv), "catalog.csv"));

        Assert.StartsWith("catalog.csv: row 3, column '" + column + "'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongFieldCount_NamesRow()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogLoader.Load(new StringReader(Header + "\n" + Good + ",extra"), "c.csv"));

        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnterminatedQuote_NamesRow()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogLoader.Load(new StringReader(Header + "\n" + Good.Replace("Kern", "\"Kern", StringComparison.Ordinal)), "c.csv"));

        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("unterminated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredColumn_NamesHeaderAndColumn()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogLoader.Load(new StringReader(Header.Replace(",source_url", string.Empty, StringComparison.Ordinal)), "c.csv"));

        Assert.Equal("c.csv: row 1, column 'source_url': required column is missing from the header", ex.Message);
    }

    [Fact]
    public void Load_DuplicateId_Fails()
    {
        var ex = Assert.Throws<CatalogFormatException>(() => CatalogLoader.Load(new StringReader($"{Header}\n{Good}\n{Good}"), "c.csv"));

        Assert.Contains("row 3, column 'acgme_id': duplicate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OverrideReplacesAndAdds()
    {
        var catalog = CatalogLoader.Load(new StringReader(Header + "\n" + Good), "c.csv");
        var overrides = CatalogLoader.Load(new StringReader("acgme_id,specialty,name,state,visas,source,source_url,retrieved_on\n1400531031,Internal Medicine,Kern Medical Center,CA,J1;H1B,Program website,https://example.org,2026-09-01\n1400500903,Internal Medicine,UC Riverside,CA,J1,Program website,http://gme.ucr.edu/,2026-09-01"), "o.csv");

        var merged = CatalogLoader.Merge(catalog, overrides);

        Assert.Equal(2, merged.Count);
        Assert.Equal(VisaSupport.J1 | VisaSupport.H1B, merged.Single(p => p.AcgmeId == "1400531031").Visas);
    }
}
