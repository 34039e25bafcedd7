using SmartPick.Ranking.Catalog;

namespace SmartPick.Ranking.Tests.Catalog;

public sealed class RuleLoaderTests
{
    private const string Header = "acgme_id,program,rule,value,strength,detail,source,source_url,retrieved_on";

    [Fact]
    public void Load_RepositoryRules_EveryRuleHasSourceUrl()
    {
        using var reader = new StreamReader(Path.Combine(TestData.KnowledgeDirectory, RankingModelLoader.RulesFile));

        var rules = RuleLoader.Load(reader, "program-rules.csv");

        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.StartsWith("http", r.Provenance.SourceUrl, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1400512069,X,MustBeNice,,hard,d,s,https://x,2026-01-01", "rule")]
    [InlineData("1400512069,X,MaxYearsSinceGraduation,three,hard,d,s,https://x,2026-01-01", "value")]
    [InlineData("1400512069,X,VisaAllowed,O1,hard,d,s,https://x,2026-01-01", "value")]
    [InlineData("1400512069,X,FirstAttemptsOnly,,always,d,s,https://x,2026-01-01", "strength")]
    public void Load_MalformedRule_NamesColumn(string row, string column)
    {
        var ex = Assert.Throws<CatalogFormatException>(() => RuleLoader.Load(new StringReader(Header + "\n" + row), "rules.csv"));

        Assert.StartsWith($"rules.csv: row 2, column '{column}'", ex.Message, StringComparison.Ordinal);
    }
}
